"""Province tiles on the home page and directory, the directory sorted by articles, province pages."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import tallies
from articles.models import Indicator, InitiativeMention
from articles.tests.factories import make_article, make_indicator, make_initiative, make_metric, make_zone

pytestmark = pytest.mark.django_db


def tiles(response):
    return {tile["name"]: tile for tile in response.context["tile_grid"]["tiles"]}


@pytest.fixture
def two_provinces():
    huaibei = make_zone("淮北高新区", slug="huaibei", province="安徽省")
    hefei = make_zone("合肥高新区", slug="hefei", province="安徽省")
    make_zone("宿州高新区", slug="suzhou-ah", province="安徽省")
    yantai = make_zone("烟台高新区", slug="yantai", province="山东省")
    for n in range(3):
        make_article(title=f"淮北文章{n}", zone=huaibei, year=2023)
    make_article(title="合肥文章", zone=hefei, year=2022)
    make_article(title="烟台文章", zone=yantai, year=2023)
    make_article(title="隐藏文章", zone=yantai, hidden=True)
    investment = Indicator.objects.create(slug="investment", name="总投资", dimension="money", units=["元"])
    return {"huaibei": huaibei, "hefei": hefei, "yantai": yantai, "investment": investment}


def test_home_tiles_count_articles_per_province_and_link_to_its_page(client, two_provinces):
    response = client.get("/")
    anhui, shandong = tiles(response)["安徽省"], tiles(response)["山东省"]
    assert (anhui["value"], anhui["zones"], anhui["with_articles"]) == (4, 3, 2)
    assert shandong["value"] == 1  # the hidden article is not counted
    assert anhui["level"] > shandong["level"] > 0 and tiles(response)["西藏自治区"]["level"] == 0
    html = response.content.decode()
    assert "示意图" in html and 'href="/zones/province/anhui/"' in html
    assert "tile-r5 tile-c6 tile-l5" in html  # 安徽: its place on the grid, darkest
    assert [z.name for z in response.context["busiest"]] == ["淮北高新区", "合肥高新区", "烟台高新区"]


def test_tiles_coloured_by_an_indicator_take_each_zones_latest_figure(client, two_provinces):
    huaibei, yantai, investment = two_provinces["huaibei"], two_provinces["yantai"], two_provinces["investment"]
    old = make_article(zone=huaibei, year=2021)
    new = make_article(zone=huaibei, year=2023)
    make_metric(old, value=90, normalized_value=9e9, year=2021, indicator=investment)
    make_metric(new, value=50, normalized_value=5e9, year=2023, indicator=investment)
    make_metric(make_article(zone=yantai), value=2, normalized_value=2e8, year=2023, indicator=investment)
    response = client.get("/", {"indicator": "investment"})
    grid = tiles(response)
    assert (grid["安徽省"]["value"], grid["山东省"]["value"]) == (5e9, 2e8)
    assert grid["安徽省"]["level"] > grid["山东省"]["level"] > 0 and grid["北京市"]["level"] == 0
    html = response.content.decode()
    assert "各省份的总投资" in html and "50亿元" in html and "最新数值的合计" in html
    assert '<option value="investment" selected>总投资</option>' in html
    assert "安徽省：3 个高新区，1 个有总投资数据" in html


def test_the_shading_select_offers_articles_then_every_indicator_escaped(client, two_provinces):
    make_indicator("R&D<投入>", slug="rnd")
    html = client.get("/").content.decode()
    select = html[html.index('id="tile-indicator"') :].split("</select>")[0]
    assert '<option value="" selected>文章数</option>' in select
    assert '<option value="rnd">R&amp;D&lt;投入&gt;</option>' in select
    assert select.index("文章数") < select.index("总投资")


@pytest.mark.parametrize("url", ["/", "/zones/"])
def test_an_unknown_indicator_is_a_form_error_and_tiles_fall_back_to_articles(client, two_provinces, url):
    response = client.get(url, {"indicator": "<b>无此指标</b>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "着色依据有误" in html and "<b>无此指标</b>" not in html
    assert tiles(response)["安徽省"]["value"] == 4
    # The select says what the tiles show: articles.
    select = html[html.index('id="tile-indicator"') :].split("</select>")[0]
    assert '<option value="" selected>文章数</option>' in select and select.count(" selected") == 1


def test_home_query_count_does_not_grow_with_zones_or_provinces(client, two_provinces, django_assert_num_queries):
    # the counts' freshness (written since: counted here), zones with counts, the indicator
    # list, categories, three counts, newest articles
    with django_assert_num_queries(8):
        client.get("/")
    for n in range(10):
        article = make_article(zone=make_zone(province="四川省"))
        make_metric(article, year=2020 + n, indicator=two_provinces["investment"])
    with django_assert_num_queries(8):
        client.get("/")
    # an indicator adds its unit and its figures, one row per zone
    with django_assert_num_queries(10):
        client.get("/", {"indicator": "investment"})


def test_directory_sorted_by_articles_ranks_and_folds_away_empty_zones(client, two_provinces):
    response = client.get(reverse("zones:directory"), {"sort": "articles"})
    assert [z.name for z in response.context["ranked"]] == ["淮北高新区", "合肥高新区", "烟台高新区"]
    assert [z.name for z in response.context["unranked"]] == ["宿州高新区"]
    html = response.content.decode()
    assert '<details class="empty-zones">' in html and "暂无文章的高新区（1 个）" in html
    assert html.index("淮北高新区") < html.index("合肥高新区") < html.index("烟台高新区") < html.index("宿州高新区")
    api = client.get(reverse("api:zones"), {"sort": "articles"}).json()["results"]
    assert [z["name"] for z in api][:3] == ["淮北高新区", "合肥高新区", "烟台高新区"]


def test_directory_by_province_lists_zones_with_articles_first_and_the_rest_muted(client, two_provinces):
    html = client.get(reverse("zones:directory")).content.decode()
    anhui = html[html.index('id="p-anhui"'):html.index('id="p-shandong"')]
    assert max(anhui.index("/zones/huaibei/"), anhui.index("/zones/hefei/")) < anhui.index("/zones/suzhou-ah/")
    assert anhui.count('<li class="empty">') == 1
    assert 'value="huaibei" form="compare-form"' in html


@pytest.mark.parametrize("params", [{}, {"sort": "articles"}])
def test_directory_escapes_a_zone_name_a_page_gave_in_both_orders(client, two_provinces, params):
    make_article(zone=make_zone("<i>泾县</i>高新区", slug="jingxian", province="安徽省"))
    make_zone("<b>无文章</b>高新区", slug="empty-b", province="安徽省")
    html = client.get(reverse("zones:directory"), params).content.decode()
    assert "<i>" not in html and "<b>" not in html
    assert '<a href="/zones/jingxian/">&lt;i&gt;泾县&lt;/i&gt;高新区</a>' in html
    assert 'aria-label="比较&lt;b&gt;无文章&lt;/b&gt;高新区"' in html


def test_directory_rejects_an_unknown_sort(client):
    assert client.get(reverse("zones:directory"), {"sort": "<x>"}).status_code == 400


@pytest.fixture
def anhui_with_facts(two_provinces):
    huaibei, hefei = two_provinces["huaibei"], two_provinces["hefei"]
    article = huaibei.articles.first()
    make_initiative("锂电产业链党建联盟", article=article, category="industry_chain")
    make_initiative("红色代办", article=article, category="business_env", hidden=True)
    make_initiative("烟台的举措", article=two_provinces["yantai"].articles.first())
    make_metric(article, value=50, normalized_value=5e9, year=2023, indicator=two_provinces["investment"])
    make_metric(hefei.articles.first(), value=8, normalized_value=8e8, year=2022, indicator=two_provinces["investment"])
    make_metric(article, label="签约项目", value=8, unit="个", normalized_value=8, normalized_unit="个")  # unclassified
    return two_provinces


def test_province_page_shows_its_zones_articles_initiatives_and_figures(client, anhui_with_facts):
    response = client.get(reverse("zones:province", args=["anhui"]))
    assert response.status_code == 200
    context = response.context
    assert context["article_total"] == 4 and len(context["articles"]) == 4
    assert "烟台文章" not in {a.title for a in context["articles"]}
    assert [i.name for i in context["initiatives"]] == ["锂电产业链党建联盟"]
    assert [(m.zone.name, m.normalized_value) for m in context["figures"]] == [("淮北高新区", 5e9), ("合肥高新区", 8e8)]
    html = response.content.decode()
    for text in ("最新文章", "淮北文章0", "锂电产业链党建联盟", "总投资", "50亿元", "8亿元", "宿州高新区"):
        assert text in html, text
    assert "红色代办" not in html and "烟台的举措" not in html and "各省份的文章" not in html
    # Each zone's latest figure: the indicator, the zone linked, the words linked to their sentence, the value, the year.
    figure = context["figures"][0]
    assert (
        '<tr><td data-label="指标">总投资</td><td data-label="高新区"><a href="/zones/huaibei/">淮北高新区</a></td>'
        f'<td data-label="原文"><a href="{figure.get_absolute_url()}" title="总投资50亿元。">总投资50亿元</a></td>'
        '<td data-label="折算值" class="num">50亿元</td><td data-label="年份">2023</td></tr>'
    ) in html


def test_a_province_page_escapes_the_figures_a_page_gave(client, anhui_with_facts):
    article = anhui_with_facts["huaibei"].articles.first()
    make_metric(article, label="<b>投资", raw="<b>投资9亿元", value=9, normalized_value=9e8, year=None,
                sentence="<b>投资9亿元&。", indicator=make_indicator("R&D投入", slug="rnd"))
    html = client.get(reverse("zones:province", args=["anhui"])).content.decode()
    assert "<b>" not in html
    assert '<td data-label="指标">R&amp;D投入</td>' in html
    assert 'title="&lt;b&gt;投资9亿元&amp;。">&lt;b&gt;投资9亿元</a>' in html
    assert '<td data-label="年份">—</td>' in html


def test_a_busy_province_page_shows_its_newest_and_says_how_many(client, anhui_with_facts, monkeypatch):
    monkeypatch.setattr("articles.selectors.regions.PROVINCE_PAGE_ARTICLES", 2)
    response = client.get(reverse("zones:province", args=["anhui"]))
    assert len(response.context["articles"]) == 2 and response.context["article_total"] == 4
    assert "最新 2 篇，共 4 篇" in response.content.decode()


def test_province_initiatives_rank_by_public_articles_then_name_and_end_with_those_none_name(
    client, anhui_with_facts
):
    huaibei, hefei = anhui_with_facts["huaibei"], anhui_with_facts["hefei"]
    first, second = list(huaibei.primary_articles.order_by("pk")[:2])
    hidden = make_article(zone=huaibei, hidden=True)
    cited = make_initiative("乙：两篇文章", article=first)
    InitiativeMention.objects.create(initiative=cited, article=second, sentence="乙", offset=1)
    InitiativeMention.objects.create(initiative=cited, article=first, sentence="乙", offset=2)  # same article
    twice_hidden = make_initiative("甲：一篇公开一篇隐藏", article=first)
    InitiativeMention.objects.create(initiative=twice_hidden, article=hidden, sentence="甲")
    make_initiative("丙：只在隐藏文章", article=hidden)
    make_initiative("丁：无人提及", zone=hefei)
    make_initiative("戊：已隐藏", article=second, hidden=True)
    names = [i.name for i in client.get(reverse("zones:province", args=["anhui"])).context["initiatives"]]
    # 锂电产业链党建联盟 (the fixture's) is named by one public article, like 甲.
    assert names == ["乙：两篇文章", "甲：一篇公开一篇隐藏", "锂电产业链党建联盟", "丁：无人提及"]
    counts = [i.article_count for i in client.get(reverse("zones:province", args=["anhui"])).context["initiatives"]]
    assert counts == [2, 1, 1, 0]


def test_a_busy_province_page_counts_its_initiatives_from_the_stored_tallies_when_fresh(
    client, anhui_with_facts, monkeypatch
):
    make_initiative("合肥的举措", article=anhui_with_facts["hefei"].articles.first())
    monkeypatch.setattr("articles.selectors.regions.PROVINCE_PAGE_INITIATIVES", 1)
    url = reverse("zones:province", args=["anhui"])
    counted = client.get(url).context  # stale in the test's transaction: counted
    tallies.refresh()
    with CaptureQueriesContext(connection) as queries:
        stored = client.get(url).context
    assert counted["initiative_total"] == stored["initiative_total"] == 2  # the hidden one left out
    assert [i.name for i in stored["initiatives"]] == [i.name for i in counted["initiatives"]]
    assert any('SUM("articles_tally"."initiatives")' in q["sql"] for q in queries.captured_queries)


def test_province_page_query_count_is_bounded(client, anhui_with_facts, django_assert_num_queries):
    huaibei = anhui_with_facts["huaibei"]
    for n in range(5):
        article = make_article(zone=huaibei, year=2015 + n)
        make_initiative(f"举措{n}", article=article)
        make_metric(article, year=2015 + n, indicator=anhui_with_facts["investment"])
    # the counts' freshness; zones with counts and the level facet; the
    # province's zone keys; articles; the initiatives ranked by their mentions, those no
    # article names (the page is not full), then read; the figures ranked, then read, and
    # their count -- nothing per zone, article or figure
    with django_assert_num_queries(11):
        client.get(reverse("zones:province", args=["anhui"]))


def test_every_tile_leads_to_a_province_page_that_answers(client, two_provinces):
    for tile in client.get("/").context["tile_grid"]["tiles"]:
        response = client.get(reverse("zones:province", args=[tile["slug"]]))
        assert response.status_code == 200, tile["name"]
        assert f"{tile['name']}的高新区" in response.content.decode()
