"""`ingest --workers N`: pages analysed in worker processes, stored by one writer as one process would."""
import json
import re
import shutil
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from articles.ingest.pipeline import AnalysisPool, default_steps, load_zone_index, zone_rows
from articles.ingest.types import PageText
from articles.models import Article, Source
from articles.search.dictionary import reset_dictionary
from articles.search.indexing import search_fields_for, source_values
from articles.tests.factories import make_zone

pytestmark = pytest.mark.django_db

# A zone outside the national list, named on one page and again on a later one:
# the second page must link to the zone the first one created.
NEW_ZONE_PAGE = """党建在高新

六安高新区“红色引擎”助力企业发展

本报讯 今年以来，六安高新区党工委实施“红色引擎”工程，组建产业链党建联盟，新增签约项目12个，总投资35亿元。 王明
"""
AGAIN_PAGE = """党建在高新

六安高新区开展“党员先锋岗”创建活动

本报讯 六安高新区党工委在园区企业开展“党员先锋岗”创建活动，全年设立先锋岗86个，带动新增就业1200人。 李华
"""
# The same zone by another of its names, read ahead while the page creating it is stored:
# only the zone index of the new zone knows the name.
VARIANT_PAGE = """党建在高新

六安国家高新区举办党务工作者培训班

本报讯 六安国家高新区党工委近日举办党务工作者培训班，园区120名党务工作者参加培训。 张强
"""
SEARCH_FIELDS = ("search_title", "search_head", "search_body")


def ingest(*paths, **options):
    out, err = StringIO(), StringIO()
    call_command("ingest", *[str(p) for p in paths], stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def corpus(folder):
    """The seed pages and three pages of a new zone, in one folder (read in name order)."""
    for seed in sorted(settings.SEEDS_DIR.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    (folder / "100_new_zone.txt").write_text(NEW_ZONE_PAGE, encoding="utf-8")
    (folder / "101_again.txt").write_text(AGAIN_PAGE, encoding="utf-8")
    (folder / "102_variant.txt").write_text(VARIANT_PAGE, encoding="utf-8")
    return folder


def stored():
    """export_kb (hidden items included) with ids replaced by their order, and every article's search columns."""
    out = StringIO()
    call_command("export_kb", "--include-hidden", stdout=out)
    data = json.loads(out.getvalue())
    order = {
        kind: {item["id"]: number for number, item in enumerate(data[kind])}
        for kind in ("articles", "initiatives", "metrics")
    }

    def renumber(value, key=""):
        if isinstance(value, dict):
            return {k: renumber(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [renumber(v, key) for v in value]
        if key in ("article_id", "mentions") and isinstance(value, int):
            return order["articles"].get(value, value)
        if key == "url" and isinstance(value, str):
            value = re.sub(
                r"/(articles|initiatives|metrics)/(\d+)/",
                lambda m: f"/{m[1]}/@{order[m[1]].get(int(m[2]))}/",
                value,
            )
            return re.sub(r"#m(\d+)$", lambda m: f"#m@{order['metrics'].get(int(m[1]))}", value)
        return value

    for kind, numbers in order.items():
        for item in data[kind]:
            item["id"] = numbers[item["id"]]
    search = list(Article.objects.order_by("pk").values_list(*SEARCH_FIELDS))
    return renumber(data), search


def ingested_with(workers, folder):
    """What an ingest of ``folder`` with ``workers`` stores, rolled back afterwards."""
    # Each run starts from the dictionary of what is stored, not the names of the run before.
    reset_dictionary()
    with transaction.atomic():
        out, err = ingest(folder, workers=workers)
        assert err == "" and "导入完成" in out
        result = stored()
        transaction.set_rollback(True)
    return result


def test_two_workers_store_exactly_what_one_process_stores(tmp_path):
    folder = corpus(tmp_path)
    one = ingested_with(1, folder)
    two = ingested_with(2, folder)
    assert one == two
    data, search = two
    assert data["articles"] and all(title and body for title, _head, body in search)
    # The second page linked the zone the first one created, as in one process.
    liuan = [a for a in data["articles"] if "六安" in a["title"]]
    assert [a["zone"] for a in liuan] == ["六安高新区", "六安高新区", "六安高新区"]


def test_pages_read_ahead_are_linked_with_the_zones_the_writer_created_meanwhile():
    steps = default_steps()
    pages = [
        PageText(name=f"{number}.txt", text=text, encoding="utf-8", content_hash=str(number))
        for number, text in enumerate([NEW_ZONE_PAGE, VARIANT_PAGE, AGAIN_PAGE])
    ]
    results = []
    with AnalysisPool(workers=2, steps=steps, zone_index=load_zone_index(steps), vocabulary=None) as pool:
        # Every page is sent to the workers before the first result is stored.
        for _page, result in pool.results(pages, page_of=lambda page: page):
            if not results:  # the writer stores the first page, creating its zone
                make_zone("六安高新区", province="安徽省", city="六安市")
                pool.zones_changed(zone_rows())
            results.append(result)
    first, *later = [[zone for item in result.articles for zone in item.zones] for result in results]
    assert [(zone.name, zone.known) for zone in first] == [("六安高新区", False)]
    assert [[(zone.name, zone.known) for zone in zones] for zones in later] == [[("六安高新区", True)]] * 2


def test_a_page_failing_in_a_worker_is_reported_and_the_others_stored(tmp_path, monkeypatch):
    from articles.ingest import layout

    split_page = layout.split_page

    def split_or_fail(text, page_name=""):
        if "先锋岗86个" in text:
            raise ValueError("版面无法拆分")
        return split_page(text, page_name)

    # The workers are forks of this process: they inherit the failing step.
    monkeypatch.setattr(layout, "split_page", split_or_fail)
    folder = corpus(tmp_path)
    with pytest.raises(CommandError, match="1 个文件未能导入"):
        ingest(folder, workers=2)
    assert Source.objects.count() == len(list(folder.glob("*.txt"))) - 1  # all but the failing page
    assert not Source.objects.filter(name="101_again.txt").exists()
    assert Article.objects.filter(title__contains="红色引擎").exists()


def test_workers_must_be_at_least_one():
    with pytest.raises(CommandError, match="--workers"):
        ingest(workers=0)


def test_reindex_with_workers_gives_the_same_index(ingested_seeds):
    def reindexed(workers):
        Article.objects.update(search_title="", search_head="", search_body="")
        out = StringIO()
        call_command("reindex", everything=True, workers=workers, batch_size=3, stdout=out)
        assert f"Reindexed {Article.objects.count()} articles" in out.getvalue()
        return list(Article.objects.order_by("pk").values_list(*SEARCH_FIELDS))

    one = reindexed(1)
    # Each article's own columns, as the ingest computes them: no row takes another's.
    assert one == [
        tuple(search_fields_for(*source_values(article)).values())
        for article in Article.objects.order_by("pk")
    ]
    assert all(title and body for title, _head, body in one)
    assert reindexed(2) == one


def test_with_workers_a_new_article_is_stored_with_its_search_columns_in_one_write(tmp_path):
    # One page: no earlier page of the run adds a name its worker did not know of (such an
    # article is segmented again by the writer, and written twice).
    seed = max(settings.SEEDS_DIR.glob("*.txt"), key=lambda path: path.stat().st_size)
    shutil.copy(seed, tmp_path / seed.name)
    reset_dictionary()
    with CaptureQueriesContext(connection) as queries:
        out, err = ingest(tmp_path, workers=2)
    assert err == "" and "导入完成" in out
    rewritten = [q["sql"] for q in queries if q["sql"].startswith('UPDATE "articles_article" SET "search_title"')]
    assert Article.objects.count() > 1 and rewritten == []
    assert all(title and body for title, _head, body in Article.objects.values_list(*SEARCH_FIELDS))


def test_names_the_writer_adds_reach_the_workers_for_the_pages_sent_after():
    """The writer's new names go to the workers, so only pages read ahead are segmented again."""
    from articles.models import Article as ArticleModel
    from articles.search.dictionary import add_terms

    name = "青藤先锋"
    text = "党建在高新\n\n六安高新区推进青藤先锋建设第{n}期\n\n本报讯 六安高新区党工委推进青藤先锋建设，第{n}期共有{n}家企业参加。 王明\n"
    pages = [
        PageText(name=f"{n}.txt", text=text.format(n=n), encoding="utf-8", content_hash=str(n))
        for n in range(1, 8)
    ]
    make_zone("六安高新区", province="安徽省", city="六安市")
    steps = default_steps()
    reset_dictionary()
    valid = []
    try:
        with AnalysisPool(workers=2, steps=steps, zone_index=load_zone_index(steps), vocabulary=None) as pool:
            for number, (_page, result) in enumerate(pool.results(pages, page_of=lambda page: page)):
                if number == 0:  # the writer stores the first page, adding the name to its dictionary
                    add_terms([name])
                block = result.articles[0].block
                article = ArticleModel(
                    title=block.title, kicker=block.kicker, subtitle=block.subtitle, body=block.body,
                    authors=list(block.authors), captions=list(block.captions),
                    headings=[{"text": heading} for heading in block.headings],
                )
                ahead = result.segmented.get(article)
                assert ahead is None or ahead == search_fields_for(*source_values(article))
                valid.append(ahead is not None)
    finally:
        reset_dictionary()
    # The first four pages were sent before the name existed: the writer segments them again.
    # The last three were sent after it, with the name: their columns are the writer's.
    assert valid == [False, False, False, False, True, True, True]
