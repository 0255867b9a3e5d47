"""The search page across kinds: names of other kinds, sort, date range, field search, feed."""
import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Indicator, InitiativeType
from articles.tests.factories import (
    index_for_search,
    make_article,
    make_initiative,
    make_metric,
    make_source,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clean_dictionary")]


@pytest.fixture
def kb(huaibei, yantai):
    chain = InitiativeType.objects.create(slug="chain-alliance", name="产业链党建联盟", category="industry_chain")
    investment = Indicator.objects.create(slug="investment", name="项目总投资", dimension="money")
    Indicator.objects.create(slug="satisfaction", name="满意率", dimension="rate")
    old_page = make_source("2021.txt", page_name="党建在高新", date=datetime.date(2021, 6, 1))
    new_page = make_source("2023.txt", page_name="园区新闻", date=datetime.date(2023, 3, 8))
    lithium = make_article(
        title="淮北高新区成立锂电产业链党建联盟", zone=huaibei, source=old_page, year=2021,
        date=datetime.date(2021, 6, 1), authors=["肖干"],
        body="淮北高新区党工委由国轩锂电等企业成立锂电产业链党建联盟，项目总投资50亿元。",
    )
    bio = make_article(
        title="烟台高新区推进生物医药党建联盟", zone=yantai, source=new_page, year=2023,
        date=datetime.date(2023, 3, 8), authors=["周建军"], kind="brief",
        body="烟台高新区成立生物医药产业链党建联盟，推进党群服务中心建设。",
    )
    make_initiative("锂电产业链党建联盟", article=lithium, type=chain)
    make_initiative("生物医药产业链党建联盟", article=bio, type=chain)
    make_metric(lithium, label="项目总投资", indicator=investment, year=2021,
                sentence="淮北高新区党工委由国轩锂电等企业成立锂电产业链党建联盟，项目总投资50亿元。")
    index_for_search([lithium, bio])
    return {"lithium": lithium, "bio": bio, "chain": chain, "investment": investment}


def titles(response):
    return [article.title for article in response.context["objects"]]


def test_names_of_other_kinds_are_listed_above_the_articles_with_counts_and_links(client, kb):
    html = client.get("/search/", {"q": "党建联盟"}).content.decode()
    named = html[html.index('id="named-heading"'):html.index('class="result-list"')]
    # The two zones' programmes, each with its zone and article count, and the type grouping them.
    assert "锂电产业链党建联盟" in named and "生物医药产业链党建联盟" in named
    assert "淮北高新区 · 1 篇文章" in named
    assert kb["chain"].get_absolute_url() in named
    assert "2 项举措 · 2 个高新区" in named
    assert html.index('id="named-heading"') < html.index('class="result-list"')


def test_the_programmes_listed_are_those_the_found_articles_name(client, kb):
    # Narrowed to one zone, the search finds its article only, and lists only its programme.
    named = client.get("/search/", {"q": "党建联盟", "zone": "yantai"}).context["named"]
    programmes = [row.name for kind, _label, rows in named if kind == "initiatives" for row in rows]
    assert programmes == ["生物医药产业链党建联盟"]
    # A word the articles hold but no programme's name does lists no programme.
    named = client.get("/search/", {"q": "国轩锂电"}).context["named"]
    assert not [rows for kind, _label, rows in named if kind == "initiatives"]


def test_the_programmes_the_found_articles_name_are_read_by_key_each_once(client, kb):
    # PostgreSQL probed the programmes' keys in the order of a hash of them (a semi-join):
    # read as an array, its index scan probes them sorted, each once.
    from articles.tests.plans import plan_of_sql

    if connection.vendor != "postgresql":
        pytest.skip("an array of keys is PostgreSQL's")
    with CaptureQueriesContext(connection) as context:
        named = client.get("/search/", {"q": "党建联盟"}).context["named"]
    assert [rows for kind, _label, rows in named if kind == "initiatives"]
    statement = next(
        query["sql"] for query in context
        if query["sql"].startswith('SELECT "articles_initiative"."id" AS "pk"') and "articles_initiativemention" in query["sql"]
    )
    text = plan_of_sql(statement)
    assert "Semi Join" not in text and "HashAggregate" not in text, text
    assert "articles_initiative_pkey" in text and "= ANY" in text, text


def test_indicators_and_zones_are_found_by_name(client, kb):
    html = client.get("/search/", {"q": "总投资"}).content.decode()
    assert kb["investment"].get_absolute_url() in html
    assert "1 项数据 · 1 个高新区" in html
    zone_html = client.get("/search/", {"q": "淮北高新区 锂电"}).content.decode()
    named = zone_html[zone_html.index('id="named-heading"'):]
    assert reverse("zones:detail", args=["huaibei"]) in named and "安徽省 · 1 篇文章" in named


def test_the_vocabulary_named_shows_the_stored_counts_while_fresh_and_counts_while_stale(client, kb):
    from articles import tallies
    from articles.models import Tally

    def shown():
        html = client.get("/search/", {"q": "总投资"}).content.decode()
        return html[html.index('id="named-heading"'):html.index('class="result-list"')]

    assert "1 项数据 · 1 个高新区" in shown()  # stale: counted
    tallies.refresh()
    # Written without signals, so the counts stay fresh: the page must show these, not count.
    Tally.objects.filter(kind=Tally.Kind.INDICATOR, ref=kb["investment"].pk).update(metrics=57, zones=9)
    assert "57 项数据 · 9 个高新区" in shown()


def test_the_zones_named_show_the_stored_counts_while_fresh_and_count_while_stale(client, kb, huaibei):
    from articles import tallies
    from articles.models import Tally

    def shown():
        html = client.get("/search/", {"q": "淮北高新区 锂电"}).content.decode()
        return html[html.index('id="named-heading"'):html.index('class="result-list"')]

    assert "安徽省 · 1 篇文章" in shown()  # stale: counted
    tallies.refresh()
    Tally.objects.filter(kind=Tally.Kind.ZONE, ref=huaibei.pk).update(articles=57)
    assert "安徽省 · 57 篇文章" in shown()


def test_a_vocabulary_kept_by_the_process_follows_a_curators_edits(client, kb):
    def named_indicators(query):
        named = {kind: rows for kind, _label, rows in client.get("/search/", {"q": query}).context["named"]}
        return [row.name for row in named.get("indicators", [])]

    assert named_indicators("总投资") == ["项目总投资"]
    with CaptureQueriesContext(connection) as context:
        assert named_indicators("总投资") == ["项目总投资"]
    # Unchanged since the last search: the entries are not read again.
    assert not [query for query in context if '"articles_indicator"."synonyms"' in query["sql"]]

    kb["investment"].name = "固定资产总投资"
    kb["investment"].save()
    assert named_indicators("总投资") == ["固定资产总投资"]
    Indicator.objects.create(slug="planned", name="计划总投资", dimension="money")
    assert named_indicators("总投资") == ["计划总投资", "固定资产总投资"]
    kb["investment"].delete()
    assert named_indicators("总投资") == ["计划总投资"]


def test_no_names_listed_for_a_query_no_name_holds(client, kb):
    response = client.get("/search/", {"q": "国轩"})
    assert response.context["named"] == []
    assert 'id="named-heading"' not in response.content.decode()


def test_the_names_cost_one_query_per_kind_however_many_articles_match(
    client, kb, huaibei, django_assert_max_num_queries
):
    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get("/search/", {"q": "党建联盟"}).status_code == 200
        return len(context)

    queries()  # the first search of a process reads the zone names once
    before = queries()
    source = make_source()
    more = [
        make_article(title=f"园区党建联盟活动第{n}期", zone=huaibei, source=source, body="党建联盟开展活动。")
        for n in range(40)
    ]
    for article in more[:10]:
        make_initiative(f"第{article.pk}党建联盟", article=article)
    index_for_search(more)
    assert queries() == before
    with django_assert_max_num_queries(19):
        client.get("/search/", {"q": "党建联盟"})


def test_the_zone_names_are_asked_after_once_a_search(client, kb):
    client.get("/search/", {"q": "淮北高新区 锂电"})
    with CaptureQueriesContext(connection) as context:
        html = client.get("/search/", {"q": "淮北高新区 锂电"}).content.decode()
    assert reverse("zones:detail", args=["huaibei"]) in html[html.index('id="named-heading"'):]
    assert len([query for query in context if '"zones_zone"."updated_at"' in query["sql"]]) == 1


def test_sort_by_relevance_or_publication_date(client, kb):
    assert titles(client.get("/search/", {"q": "党建联盟 锂电"})) == ["淮北高新区成立锂电产业链党建联盟"]
    newest = titles(client.get("/search/", {"q": "党建联盟", "sort": "-date"}))
    oldest = titles(client.get("/search/", {"q": "党建联盟", "sort": "date"}))
    assert newest == ["烟台高新区推进生物医药党建联盟", "淮北高新区成立锂电产业链党建联盟"]
    assert oldest == newest[::-1]
    api = client.get("/api/articles/", {"q": "党建联盟", "sort": "date"}).json()
    assert [r["title"] for r in api["results"]] == oldest
    assert client.get("/api/articles/", {"sort": "sideways"}).status_code == 400


def test_date_range_on_publication_date(client, kb):
    found = titles(client.get("/search/", {"q": "党建联盟", "date_from": "2022-01-01"}))
    assert found == ["烟台高新区推进生物医药党建联盟"]
    api = client.get("/api/articles/", {"q": "党建联盟", "date_to": "2021-12-31"}).json()
    assert [r["title"] for r in api["results"]] == ["淮北高新区成立锂电产业链党建联盟"]


def test_a_reversed_or_malformed_date_range_is_a_form_error(client, kb):
    response = client.get("/search/", {"q": "党建联盟", "date_from": "2023-01-01", "date_to": "2021-01-01"})
    assert response.status_code == 400
    assert "结束日期早于开始日期" in response.content.decode()
    api = client.get("/api/articles/", {"date_from": "2023-13-45"})
    assert api.status_code == 400 and "date_from" in api.json()["fields"]


def test_field_search_by_title_author_and_page_name_each_optional_and_anded(client, kb):
    assert titles(client.get("/search/", {"author": "肖干"})) == ["淮北高新区成立锂电产业链党建联盟"]
    assert titles(client.get("/search/", {"page_name": "园区新闻"})) == ["烟台高新区推进生物医药党建联盟"]
    assert titles(client.get("/search/", {"title": "生物医药"})) == ["烟台高新区推进生物医药党建联盟"]
    assert titles(client.get("/search/", {"q": "党建联盟", "author": "周建军"})) == ["烟台高新区推进生物医药党建联盟"]
    assert titles(client.get("/search/", {"title": "锂电", "author": "周建军"})) == []
    api = client.get("/api/articles/", {"author": "肖", "page_name": "党建在高新"}).json()
    assert [r["title"] for r in api["results"]] == ["淮北高新区成立锂电产业链党建联盟"]
    # A LIKE wildcard is a character like any other.
    assert client.get("/api/articles/", {"author": "%"}).json()["count"] == 0


def test_the_advanced_form_writes_the_apis_parameters(client, kb):
    html = client.get("/search/", {"q": "党建联盟", "author": "肖干"}).content.decode()
    form = html[html.index('class="search-form"'):html.index("</form>", html.index('class="search-form"'))]
    names = set(re.findall(r'name="([a-z_]+)"', form))
    assert names == {"q", "title", "author", "page_name"}
    assert "<details class=\"advanced-search\" open>" in form  # in use: shown open


def test_one_search_box_and_no_autofocus(client, kb):
    for params in ({}, {"q": "党建联盟"}, {"q": "火星基地"}, {"q": "党建联盟", "year": "abc"}):
        html = client.get("/search/", params).content.decode()
        assert html.count('type="search"') == 1, params
        assert "autofocus" not in html
    assert 'id="header-q"' in client.get("/articles/").content.decode()


def test_year_counts_of_the_results(client, kb):
    html = client.get("/search/", {"q": "党建联盟"}).content.decode()
    years = html[html.index('id="year-counts-heading"'):]
    assert re.search(r"2023年</a> <span class=\"count\">1</span>", years)
    assert re.search(r"2021年</a> <span class=\"count\">1</span>", years)


def test_the_synonyms_searched_are_shown(client, kb):
    html = client.get("/search/", {"q": "党群活动服务中心"}).content.decode()
    assert "也搜索了：党群服务中心" in html
    assert "烟台高新区推进生物医药党建联盟" in html


def test_every_search_has_an_atom_feed_of_new_matching_articles(client, kb):
    page = client.get("/search/", {"q": "党建联盟", "zone": "huaibei"}).content.decode()
    feed_url = reverse("articles:search_feed") + "?q=%E5%85%9A%E5%BB%BA%E8%81%94%E7%9B%9F&amp;zone=huaibei"
    assert feed_url in page
    response = client.get("/search/feed/", {"q": "党建联盟"})
    assert response["Content-Type"].startswith("application/atom+xml")
    xml = response.content.decode()
    assert xml.index("烟台高新区推进生物医药") < xml.index("淮北高新区成立锂电")  # newest first
    assert "检索“党建联盟”" in xml
    narrowed = client.get("/search/feed/", {"q": "党建联盟", "zone": "huaibei"}).content.decode()
    assert "淮北高新区成立锂电" in narrowed and "烟台高新区推进" not in narrowed
    assert client.get("/search/feed/", {"q": "党建", "year": "abc"}).status_code == 400
    assert client.get("/search/feed/", {"q": "<script>"}).status_code == 200


@pytest.mark.parametrize("field", ["title", "author", "page_name"])
@pytest.mark.parametrize(
    "value", ["%", "_", "\\", "' OR 1=1 --", "<script>alert(1)</script>", "😀", "党\x00建", "长" * 500]
)
def test_odd_field_search_input_never_breaks_the_page(client, kb, field, value):
    for url in ("/search/", "/api/articles/", "/search/feed/"):
        response = client.get(url, {field: value})
        assert response.status_code in (200, 400), (url, response.status_code)
        assert b"<script>alert(1)</script>" not in response.content


def test_undated_articles_come_last_in_either_date_order(client, kb, huaibei):
    undated = make_article(title="无日期的党建联盟简讯", zone=huaibei, body="党建联盟召开会议。")
    index_for_search([undated])
    for sort in ("-date", "date"):
        found = titles(client.get("/search/", {"q": "党建联盟", "sort": sort}))
        assert found[-1] == undated.title, sort


def test_the_feed_reads_a_bounded_number_of_queries(client, kb, huaibei, django_assert_max_num_queries):
    source = make_source()
    more = [
        make_article(title=f"党建联盟简讯第{n}期", zone=huaibei, source=source, body="党建联盟召开会议。")
        for n in range(60)
    ]
    index_for_search(more)
    # the zone filter's slug, the zone names (read once per process) and the
    # initiative lookup, two index tiers, the filter check, the matches' scores, the
    # dates of the ranked set, the feed's 30 rows and their two prefetches: not one per article.
    with django_assert_max_num_queries(12):
        xml = client.get("/search/feed/", {"q": "党建联盟", "zone": "huaibei"}).content.decode()
    assert xml.count("<entry>") == 30


def test_names_are_also_found_by_their_synonyms_and_aliases(client, kb, huaibei):
    rate = Indicator.objects.create(slug="satisfaction-rate", name="群众满意率", dimension="rate", synonyms=["满意度"])
    huaibei.aliases = ["淮北国家高新区"]
    huaibei.save()
    html = client.get("/search/", {"q": "满意度"}).content.decode()
    assert rate.get_absolute_url() in html
    named = client.get("/search/", {"q": "国家高新"}).context["named"]
    assert [row.name for kind, _label, rows in named if kind == "zones" for row in rows] == ["淮北高新区"]


def test_indicators_named_hold_every_word_and_the_shortest_come_first(client, kb):
    for slug, name in (("night-school-graduates", "红色夜校结业学员人数"), ("night-school-students", "夜校学员"),
                       ("night-school-sessions", "夜校场次")):
        Indicator.objects.create(slug=slug, name=name, dimension="people")
    named = dict((kind, rows) for kind, _label, rows in client.get("/search/", {"q": "夜校 学员"}).context["named"])
    # 夜校场次 holds one word of two.
    assert [row.name for row in named["indicators"]] == ["夜校学员", "红色夜校结业学员人数"]


def test_the_empty_search_page_shows_no_count_or_downloads(client, kb):
    html = client.get("/search/").content.decode()
    assert 'class="result-count"' not in html and "下载 CSV" not in html
    assert 'class="result-count"' in client.get("/search/", {"q": "党建联盟"}).content.decode()
