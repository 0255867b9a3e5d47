"""The page benchmark answers every page on either database and leaves nothing behind."""
import json
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from articles import selectors
from articles.benchmarks.corpus import PREFIX
from articles.benchmarks.timing import PAGE_ORDER
from articles.models import Article, Initiative, InitiativeMention, Metric, MetricMention, Source

PAGES = [
    "home", "zones", "zone", "province", "articles", "articles_deep", "article", "initiatives",
    "initiative", "initiative_types", "initiative_type", "metrics", "indicators", "indicator", "compare",
    "search_common", "search_rare", "search_two_words",
    "api_articles", "api_initiatives", "api_metrics", "api_zones",
    "admin_articles", "admin_article", "admin_search", "admin_initiatives", "admin_metrics",
]


def bench(**options):
    out = StringIO()
    call_command("bench_pages", stdout=out, stderr=StringIO(), **options)
    return out.getvalue().splitlines()


def nothing_left():
    return not (
        Article.objects.exists() or Source.objects.exists() or Initiative.objects.exists()
        or InitiativeMention.objects.exists() or Metric.objects.exists() or MetricMention.objects.exists()
        or User.objects.exists()  # the curator the admin's pages were timed as
    )


@pytest.mark.django_db(transaction=True)
def test_times_every_page_at_n_and_on_the_seeds_then_removes_its_corpus():
    # A fifth of 60 articles in the big zone: it surely has some, whatever the seeds are.
    # Three list pages: the deep page is one before the last. One timed request of each page
    # (after its counted warm-up) gives every figure the report holds.
    lines = bench(articles=60, repeat=1, top_zone_share=0.2)
    report = json.loads(lines[-1])
    assert list(report)[:4] == ["articles", "pages", "worker_rss_mb", "small_db_ratio"]
    assert report["articles"] == 60
    assert list(report["pages"]) == PAGES == list(PAGE_ORDER)
    for name, page in report["pages"].items():
        assert 0 < page["p50_ms"] <= page["p95_ms"], name
        assert page["queries"] > 0 and page["seeds_queries"] > 0, name
        assert page["small_db_ratio"] > 0 and page["seeds_p50_ms"] > 0, name
    assert report["small_db_ratio"] == max(p["small_db_ratio"] for p in report["pages"].values())
    assert report["worker_rss_mb"] > 0
    corpus = report["corpus"]
    assert corpus["articles"] == 60 and corpus["initiatives"] > 0 and corpus["mentions"] > 0
    assert corpus["metrics"] > 0 and corpus["biggest_zone_articles"] > 0
    # Every figure is stated at least once, as the ingest stores it.
    assert corpus["metric_mentions"] >= corpus["metrics"]
    assert any(line.startswith("search_two_words") for line in lines)
    # Neither the corpus nor the seeds (ingested in a transaction rolled back) are left.
    assert nothing_left()


@pytest.mark.django_db(transaction=True)
def test_a_page_that_fails_stops_the_run_naming_it_and_a_kept_corpus_is_timed_again(monkeypatch):
    shown = selectors.initiative_detail

    def hidden_when_synthetic(pk):
        initiative, mentions = shown(pk)
        if initiative.key.startswith(PREFIX):
            raise Initiative.DoesNotExist
        return initiative, mentions

    monkeypatch.setattr(selectors, "initiative_detail", hidden_when_synthetic)
    # The seeds answer; the corpus's initiative does not, once the corpus is built.
    with pytest.raises(CommandError, match=r"The initiative page \(/initiatives/\d+/\) answered 404"):
        bench(articles=20, repeat=1, keep=True)
    assert Article.objects.filter(source__name__startswith=PREFIX).count() == 20

    monkeypatch.setattr(selectors, "initiative_detail", shown)
    from articles.management.commands import bench_pages

    timed = []  # (articles, synthetic articles) in the database each time pages are timed
    real_time_pages = bench_pages.time_pages

    def time_pages(pages, repeat, earlier=None):
        timed.append((Article.objects.count(), Article.objects.filter(source__name__startswith=PREFIX).count()))
        results = real_time_pages(pages, repeat, earlier)
        # Two rounds share the 3 requests of each page (2 each); a page's requests add up over its rounds.
        assert repeat == 2 and all(len(page["durations"]) == 2 * ((len(timed) + 1) // 2) for page in results.values())
        return results

    monkeypatch.setattr(bench_pages, "time_pages", time_pages)
    report = json.loads(bench(articles=20, repeat=3, rounds=2, reuse=True)[-1])
    assert report["articles"] == 20 and list(report["pages"]) == PAGES and report["rounds"] == 2
    assert all(page["small_db_ratio"] > 0 for page in report["pages"].values())
    # How fast the host ran while each was timed, to read the ratios with.
    assert report["host_probe_ms"]["corpus"] > 0 and report["host_probe_ms"]["seeds"] > 0
    # The corpus timed, then the seeds in this run, alone in a database of their own, then both again.
    [corpus, (seeds, none), corpus_again, seeds_again] = timed
    assert seeds > 0 and none == 0 and corpus == corpus_again == (20, 20) and seeds_again == (seeds, 0)
    # A reused corpus is kept; only the synthetic rows exist.
    assert Article.objects.count() == Article.objects.filter(source__name__startswith=PREFIX).count() == 20
    with pytest.raises(CommandError, match="holds 20 synthetic articles, not 21"):
        bench(articles=21, reuse=True)


@pytest.mark.django_db
def test_refuses_a_database_with_real_articles_bad_sizes_and_a_missing_kept_corpus():
    from articles.tests.factories import make_article

    make_article()
    with pytest.raises(CommandError, match="real articles"):
        bench(articles=10)
    with pytest.raises(CommandError, match="between 1 and"):
        bench(articles=0, force=True)
    with pytest.raises(CommandError, match="--rounds must be at least 1"):
        bench(articles=10, rounds=0, reuse=True, force=True)
    with pytest.raises(CommandError, match="holds 0 synthetic articles, not 10"):
        bench(articles=10, reuse=True, force=True)
    assert not Source.objects.filter(name__startswith=PREFIX).exists()


@pytest.mark.django_db
def test_a_seeds_database_the_server_will_not_create_is_one_clear_error(monkeypatch):
    from django.db import DatabaseError, connection, connections

    from articles.benchmarks import corpus

    if connection.vendor != "postgresql":
        pytest.skip("SQLite's is a file in a temporary folder")

    def refuse(server, name, *, create=True):
        raise DatabaseError("permission denied to create database\n")

    monkeypatch.setattr(corpus, "_recreate", refuse)
    before = connections["default"]
    with pytest.raises(CommandError, match=r"_seeds, which could not be created \(permission denied .*CREATEDB"):
        with corpus.database_of_its_own():
            pass
    assert connections["default"] is before
