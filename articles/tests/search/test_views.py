"""The search page and the search side of /api/articles/, as a user meets them."""
import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from articles.models import Article
from articles.search import load_dictionary
from articles.selectors import search_articles
from articles.tests.factories import (
    index_for_search,
    make_article,
    make_initiative,
    make_source,
    make_zone,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clean_dictionary")]


HOSTILE = [
    '"',
    '"""',
    "'",
    "*",
    "NEAR(",
    "NEAR(党建 锂电, 2)",
    "党建 AND OR NOT",
    "title:党建",
    "{search_title}: 党建",
    "^党建",
    "(((",
    ")",
    "-",
    "--党建",
    "-党建",
    "\\",
    "!&|:",
    "😀🎉 党建",
    "党建\x00锂电",
    "党" * 5000,
    "党建 " * 2000,
    "\ufffd\ufffd",
    "<script>alert(1)</script>",
    "%",
    "_",
    "' OR 1=1 --",
    "\u200b\u202e",
]


@pytest.fixture(scope="module")
def stored_articles(django_db_setup, django_db_blocker):
    """The articles' ids, stored and indexed once for the module in a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield [article.pk for article in make_articles()]
        transaction.set_rollback(True)


@pytest.fixture
def articles(db, stored_articles, clean_dictionary):
    """Fresh instances for each test (its writes roll back, its changes to them must too), and
    the dictionary loaded with the stored names, as indexing them leaves it."""
    load_dictionary()
    by_pk = Article.objects.in_bulk(stored_articles)
    return [by_pk[pk] for pk in stored_articles]


def make_articles():
    huaibei = make_zone("淮北高新区", slug="huaibei", province="安徽省")
    yantai = make_zone("烟台高新区", slug="yantai", province="山东省")
    source = make_source("page.txt")
    made = [
        make_article(
            title="淮北高新区成立锂电产业链党建联盟", zone=huaibei, source=source, year=2022,
            body="淮北高新区党工委以组织链串起产业链，由国轩锂电等企业成立锂电产业链党建联盟。",
        ),
        make_article(
            title="烟台高新区推进产业链党建", zone=yantai, source=source, year=2023, kind="brief",
            body="烟台高新区学习淮北经验，推进生物医药产业链党建。<b>粗体</b>",
        ),
    ]
    for n in range(30):
        made.append(
            make_article(
                title=f"园区党建工作简讯第{n + 1}期", zone=yantai, source=source, year=2023,
                body="园区召开党建工作会议，部署产业链党建重点任务。",
            )
        )
    index_for_search(made)
    return made


@pytest.mark.parametrize("query", HOSTILE)
@pytest.mark.parametrize("url", ["/search/", "/api/articles/"])
def test_hostile_input_never_breaks_the_page(client, articles, url, query):
    response = client.get(url, {"q": query})
    assert response.status_code in (200, 400)
    if url == "/search/":
        assert b"<script>alert(1)</script>" not in response.content


def test_broken_utf8_in_the_url(client, articles):
    for url in ("/search/?q=%E5%85%9A%E5", "/api/articles/?q=%FF%FE"):
        assert client.get(url).status_code in (200, 400)


def test_search_page_shows_ranked_results_with_marked_snippets(client, articles):
    response = client.get("/search/", {"q": "锂电"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>锂电</mark>" in html
    assert html.index("淮北高新区成立") < html.index("烟台高新区推进") if "烟台高新区推进" in html else True


def test_stored_markup_is_escaped_in_snippets(client, articles):
    html = client.get("/search/", {"q": "生物医药"}).content.decode()
    assert "&lt;b&gt;粗体&lt;/b&gt;" in html
    assert "<b>粗体</b>" not in html


def test_api_results_are_best_first_with_snippets(client, articles):
    data = client.get("/api/articles/", {"q": "锂电 党建联盟"}).json()
    assert data["count"] == 1
    assert data["results"][0]["title"] == "淮北高新区成立锂电产业链党建联盟"
    assert "<mark>" in data["results"][0]["snippet"]


def test_facets_count_the_filtered_results(client, articles):
    response = client.get("/search/", {"q": "产业链党建"})
    facets = {facet.param: facet for facet in response.context["facets"]}
    provinces = {o["label"]: o["count"] for o in facets["province"].options}
    assert provinces == {"安徽省": 1, "山东省": 31}
    narrowed = client.get("/search/", {"q": "产业链党建", "province": "安徽省"})
    assert narrowed.context["page_obj"].paginator.count == 1


def test_query_naming_a_zone_offers_its_page(client, articles):
    html = client.get("/search/", {"q": "淮北高新区"}).content.decode()
    assert reverse("zones:detail", args=["huaibei"]) in html
    assert "查看高新区专页" in html


def test_query_naming_an_initiative_offers_its_page(client, articles):
    initiative = make_initiative("锂电产业链党建联盟", article=articles[0])
    html = client.get("/search/", {"q": "锂电产业链党建联盟"}).content.decode()
    assert initiative.get_absolute_url() in html


def test_no_results_page_helps(client, articles):
    response = client.get("/search/", {"q": "火星基地", "year": 2022})
    html = response.content.decode()
    assert response.status_code == 200
    assert "没有找到" in html and "去掉筛选条件" in html


def test_cut_query_and_or_fallback_are_announced(client, articles):
    assert "查询过长" in client.get("/search/", {"q": "党建" * 300}).content.decode()
    assert "部分关键词" in client.get("/search/", {"q": "锂电 火星"}).content.decode()


def test_pagination_with_orphans_and_bad_pages(client, articles):
    first = client.get("/search/", {"q": "党建"})
    assert first.context["page_obj"].paginator.num_pages == 2  # 32 results, 20 + 12
    assert client.get("/search/", {"q": "党建", "page": "abc"}).context["page_obj"].number == 1
    assert client.get("/search/", {"q": "党建", "page": "-1"}).status_code == 200
    assert client.get("/search/", {"q": "党建", "page": "99"}).status_code == 404


def test_invalid_filter_is_a_form_error(client, articles):
    response = client.get("/search/", {"q": "党建", "year": "abc"})
    assert response.status_code == 400
    assert client.get("/api/articles/", {"q": "党建", "zone": "nowhere"}).status_code == 400


def test_empty_query_shows_the_form_without_searching(client, articles, django_assert_max_num_queries):
    # The filter form's zones and the stored counts' freshness: no search.
    with django_assert_max_num_queries(2):
        response = client.get("/search/")
    assert response.status_code == 200


def test_search_page_query_count_is_bounded(client, articles, django_assert_max_num_queries):
    # zones + initiative lookups, two index tiers, the filter check and the matches' scores for AND
    # (and again for OR), count, page, two prefetches, the facets' bound and their
    # one query, the filter form, one name lookup each for initiatives, types,
    # indicators and zones (the initiatives' closest ids first; types and
    # indicators ask whether the stored counts are fresh): the same however many
    # articles match.
    with django_assert_max_num_queries(19):
        client.get("/search/", {"q": "锂电 党建"})
    with django_assert_max_num_queries(20):
        client.get("/search/", {"q": "锂电 火星", "province": "安徽省"})
    with django_assert_max_num_queries(11):
        client.get("/api/articles/", {"q": "产业链党建"})


def test_hidden_articles_are_not_found(client, articles):
    Article.objects.filter(pk=articles[0].pk).update(hidden=True)
    assert client.get("/api/articles/", {"q": "国轩锂电"}).json()["count"] == 0


def test_index_follows_edits_and_deletes(articles):
    article = articles[1]
    article.title = "烟台高新区建设人才服务驿站"
    article.save()
    index_for_search([article.pk])
    found = search_articles(Article.objects.all(), "人才服务驿站").queryset
    assert list(found) == [article]
    article.delete()
    assert not search_articles(Article.objects.all(), "人才服务驿站").queryset.exists()


def test_reindex_all_rebuilds_every_article(articles):
    Article.objects.update(search_title="", search_head="", search_body="")
    assert not search_articles(Article.objects.all(), "国轩锂电").queryset.exists()
    call_command("reindex", everything=True, verbosity=0)
    assert search_articles(Article.objects.all(), "国轩锂电").queryset.exists()


def test_authors_are_searchable(articles):
    article = make_article(title="园区新闻", body="园区召开会议。", authors=["肖干", "周建军"])
    index_for_search([article])
    assert list(search_articles(Article.objects.all(), "周建军").queryset) == [article]


def test_a_word_typed_as_one_ranks_articles_that_write_it_whole_first(articles):
    # The score favours the short article, whose 项目 and 建设 are far apart.
    apart = make_article(title="园区新闻", body="新项目签约落户。园区加快基础设施建设。")
    whole = make_article(
        title="园区动态",
        body="园区召开会议，部署全年工作。" * 8 + "会议要求全力推进重点项目建设，确保年底投产。",
    )
    index_for_search([apart, whole])
    assert list(search_articles(Article.objects.all(), "项目建设").queryset) == [whole, apart]


def test_a_zone_name_finds_the_zones_articles_even_where_the_text_names_it_otherwise(articles):
    songshanhu = make_zone("松山湖高新区", slug="songshanhu", province="广东省")
    photo = make_article(
        title="东莞市职业技能大赛举行", kind="photo", zone=songshanhu,
        body="大赛在松湖华科产业园举办，共有60余名选手参赛。",
    )
    named = make_article(
        title="松山湖高新区举办人才招聘会", zone=songshanhu, body="松山湖高新区人才招聘会吸引企业参加。"
    )
    index_for_search([photo, named])
    result = search_articles(Article.objects.all(), "松山湖高新区")
    # The zone's article whose text names it first, then its photo item.
    assert list(result.queryset) == [named, photo]
    assert result.zone == songshanhu


def test_the_city_of_a_single_zone_stands_for_that_zone(articles):
    make_zone("苏州高新区", slug="suzhou", province="江苏省", city="苏州市")
    make_zone("苏州工业园区", slug="sip", province="江苏省", city="苏州市")
    huaibei = Article.objects.filter(zone__slug="huaibei").first().zone
    huaibei.city = "淮北市"
    huaibei.save()
    own = make_article(title="党建引领开新局", zone=huaibei, body="园区召开大会。")
    index_for_search([own])
    for query in ("淮北市", "淮北"):
        result = search_articles(Article.objects.all(), query)
        assert result.zone == huaibei
        assert own in list(result.queryset)
    # 苏州市 has two zones: neither is offered.
    assert search_articles(Article.objects.all(), "苏州市").zone is None


def test_photo_captions_and_section_headings_are_searchable(articles):
    # From the 东莞 photo item: its zone is named only in the picture credit.
    photo = make_article(
        title="2024东莞市职业技能大赛无人机操作技术项目竞赛举行", kind="photo",
        body="大赛在松湖华科产业园举办，共有60余名选手参赛。", captions=["图片来源:松山湖科学城"],
    )
    feature = make_article(
        title="园区新闻", body="园区召开会议。\n会议部署全年工作。",
        headings=[{"before": 1, "text": "织密红色网格"}],
    )
    index_for_search([photo, feature])
    assert list(search_articles(Article.objects.all(), "松山湖").queryset) == [photo]
    assert list(search_articles(Article.objects.all(), "红色网格").queryset) == [feature]


def test_many_matches_rank_a_bounded_set_title_matches_first_and_say_so(client, articles, monkeypatch):
    monkeypatch.setattr("articles.search.engine.RANK_LIMIT", 5)
    data = client.get("/api/articles/", {"q": "产业链党建"}).json()
    # 32 articles match; two have both words in the title and come first, whatever their age.
    assert data["count"] < 32
    assert {r["title"] for r in data["results"][:2]} == {
        "淮北高新区成立锂电产业链党建联盟", "烟台高新区推进产业链党建"
    }
    assert "超过 5 篇" in data["notice"]


def test_filters_narrow_the_articles_before_the_bounded_ranking(client, articles, monkeypatch):
    monkeypatch.setattr("articles.search.engine.RANK_LIMIT", 5)
    # The Huaibei article is the oldest of 32 matches, outside the newest five.
    data = client.get("/api/articles/", {"q": "党建", "zone": "huaibei"}).json()
    assert [r["title"] for r in data["results"]] == ["淮北高新区成立锂电产业链党建联盟"]
    html = client.get("/search/", {"q": "党建", "zone": "huaibei"}).content.decode()
    assert "淮北高新区成立" in html
