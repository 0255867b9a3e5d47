"""What the ingest reads from the seed pages, checked on the session's one ingest of them.

The seeds are ingested once per session (``ingested_seeds`` in the root conftest);
each test runs, and rolls back, inside that ingest's transaction.
"""
import json
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from articles.models import Article, IngestRun, Initiative, Metric, Source
from articles.tests.web.test_export import assert_shape

pytestmark = pytest.mark.django_db


def export(*args):
    out = StringIO()
    call_command("export_kb", *args, stdout=out)
    return out.getvalue()


def test_every_seed_page_becomes_articles_linked_to_zones_with_provinces(ingested_seeds):
    data = json.loads(export())
    assert_shape(data)
    seed_names = {p.name for p in settings.SEEDS_DIR.glob("*.txt")}
    assert {a["source"] for a in data["articles"]} == seed_names
    assert Article.objects.count() >= 2 * len(seed_names)

    zones = {z["name"]: z for z in data["zones"]}
    captions = {c for a in Article.objects.all() for c in a.captions}
    for article in data["articles"]:
        with_title = f"{article['source']} #{article['position']} {article['title']}"
        assert article["title"] and not article["title"].endswith("。"), with_title
        assert article["title"] not in captions, with_title
        assert article["zones"], with_title
        assert zones[article["zones"][0]]["province"], with_title
        assert article["kind"] in {"feature", "brief", "photo"}
        if article["kind"] == "feature":
            assert article["authors"], with_title
        for name in article["authors"]:
            # Bare personal names: no role (记者, 通讯员), no byline marker, no spaces.
            assert 2 <= len(name) <= 4 and not set(name) & set("记者通讯员■►▶ "), name
        if article["kind"] == "brief" and article["authors"]:
            # The names closing a brief are its byline, not part of its text.
            assert not article["body"].rstrip().endswith(article["authors"][-1]), with_title


def test_every_fact_quotes_a_sentence_of_its_article(ingested_seeds):
    data = json.loads(export())
    bodies = {a["id"]: a["body"] for a in data["articles"]}
    assert data["metrics"] and data["initiatives"]
    for metric in data["metrics"]:
        body = bodies[metric["article_id"]]
        assert body[metric["offset"]:].startswith(metric["sentence"]), metric
        assert metric["zone"], metric
    for initiative in data["initiatives"]:
        assert initiative["sentence"] in bodies[initiative["article_id"]], initiative
        assert initiative["zone"], initiative
    for metric in Metric.objects.all():
        assert metric.raw and metric.unit, metric.raw


def test_section_headings_are_kept_apart_from_the_body_in_their_place(ingested_seeds):
    features = Article.objects.filter(kind="feature")
    assert any(article.headings for article in features)
    for article in features:
        paragraphs = article.paragraphs
        for heading in article.headings or []:
            assert heading["text"] not in paragraphs, heading
            assert 0 < heading["before"] < len(paragraphs), (article.title, heading)


def test_what_a_reader_of_the_huaibei_page_would_find(ingested_seeds):
    article = Article.objects.get(subtitle="——淮北高新区党建赋能高质量发展纪实")
    assert article.title == "党建引领开新局 “找改强争”创一流"
    assert article.authors == ["肖干", "周建军"]
    assert (article.zone.name, article.zone.province) == ("淮北高新区", "安徽省")
    # The photo caption at the top of the page is a caption, not an article.
    assert not Article.objects.filter(title__startswith="淮北高新区成立锂电产业链党建联盟").exists()
    assert Initiative.objects.filter(zone__name="淮北高新区", name__contains="锂电产业链党建联盟").exists()
    investment = Metric.objects.filter(article=article, label__contains="总投资", unit="亿元", value=50)
    assert investment.filter(normalized_value=5e9, normalized_unit="元").exists()


def test_the_summary_counts_and_the_run_record(ingested_seeds):
    assert "导入完成" in ingested_seeds and "文章：新增" in ingested_seeds
    run = IngestRun.objects.get()
    assert run.ok and run.finished_at
    assert [f["status"] for f in run.files] == ["ok"] * Source.objects.count()
    assert run.counts["articles"]["created"] == Article.objects.count()
