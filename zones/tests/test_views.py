import pytest
from django.urls import reverse

from zones.models import Zone

pytestmark = pytest.mark.django_db


def test_directory_lists_every_national_zone_under_its_province(client, reference_zones):
    response = client.get(reverse("zones:directory"))
    assert response.status_code == 200
    html = response.content.decode()
    for zone in Zone.objects.all():
        assert zone.name in html
    assert html.index("北京市") < html.index("安徽省") < html.index("新疆维吾尔自治区")


def test_every_zone_page_answers(client, reference_zones):
    for zone in Zone.objects.all()[:40]:
        response = client.get(zone.get_absolute_url())
        assert response.status_code == 200
        assert zone.name in response.content.decode()


def test_unknown_zone_is_404(client):
    assert client.get("/zones/no-such-zone/").status_code == 404


def test_home_answers(client, reference_zones):
    response = client.get("/")
    assert response.status_code == 200
    assert "高新区党建知识库" in response.content.decode()


def test_admin_requires_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    for url in ("/admin/zones/zone/", "/admin/articles/article/"):
        assert client.get(url).status_code == 302


def test_admin_opens_for_staff(admin_client, reference_zones):
    assert admin_client.get("/admin/zones/zone/").status_code == 200


# --- directory filters, province pages, zone page ----------------------------------

import json  # noqa: E402

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from articles.models import Article, Initiative, InitiativeMention  # noqa: E402
from articles.tests.factories import (  # noqa: E402
    make_article,
    make_indicator,
    make_initiative,
    make_metric,
    make_zone,
)


def zone_names(response):
    return {zone.name for group in response.context["provinces"] for zone in group["zones"]}


def test_directory_filters_by_province_level_and_articles(client):
    huaibei = make_zone("淮北高新区", slug="huaibei", province="安徽省", level="national")
    make_zone("宿州高新区", slug="suzhou-ah", province="安徽省", level="provincial")
    make_zone("烟台高新区", slug="yantai", province="山东省")
    make_article(zone=huaibei)
    url = reverse("zones:directory")
    assert zone_names(client.get(url, {"province": "安徽省"})) == {"淮北高新区", "宿州高新区"}
    assert zone_names(client.get(url, {"level": "provincial"})) == {"宿州高新区"}
    assert zone_names(client.get(url, {"has_articles": "true"})) == {"淮北高新区"}
    assert zone_names(client.get(url, {"has_articles": "false", "province": "安徽省"})) == {"宿州高新区"}


def test_directory_search_matches_aliases(client):
    make_zone("天津滨海高新区", slug="tianjin", province="天津市", aliases=["天津高新区", "滨海高新区"])
    make_zone("淮北高新区", slug="huaibei")
    assert zone_names(client.get(reverse("zones:directory"), {"q": "天津高新区"})) == {"天津滨海高新区"}


def test_province_permalink_shows_only_that_province(client, reference_zones):
    response = client.get(reverse("zones:province", args=["anhui"]))
    assert response.status_code == 200
    names = zone_names(response)
    assert "淮北高新区" in names and "烟台高新区" not in names
    assert response.context["province"] == "安徽省"
    assert "安徽省的高新区" in response.content.decode()
    assert client.get("/zones/?province=安徽省").context["zone_count"] == len(names)


def test_unknown_province_slug_is_404(client):
    assert client.get("/zones/province/atlantis/").status_code == 404


@pytest.mark.parametrize(
    "params", [{"province": "火星"}, {"level": "<script>"}, {"q": "x" * 1000}, {"q": "\x00"}, {"page_size": "101"}]
)
def test_directory_bad_filters_are_form_errors(client, params):
    response = client.get(reverse("zones:directory"), params)
    assert response.status_code == 400
    html = response.content.decode()
    assert "筛选条件有误" in html and "<script>" not in html.split("</header>", 1)[1]


def test_directory_counts_only_public_articles(client):
    zone = make_zone("淮北高新区", slug="huaibei")
    make_article(zone=zone)
    make_article(zone=zone, hidden=True)
    response = client.get(reverse("zones:directory"))
    [shown] = [z for g in response.context["provinces"] for z in g["zones"]]
    assert shown.article_count == 1


def test_directory_and_api_count_the_facts_the_zone_page_shows(client):
    zone = make_zone("乐山高新区", slug="leshan", province="四川省")
    shown = make_article(zone=zone)
    hidden = make_article(zone=zone, hidden=True)
    make_metric(shown, label="签约项目", value=8, unit="个")
    make_metric(hidden, label="总投资", value=50, unit="亿元")
    make_metric(shown, label="满意率", value=98, unit="%", hidden=True)
    make_initiative("红链帮帮团", article=shown)
    make_initiative("心连心接诉即办改革", article=hidden)

    page = client.get(zone.get_absolute_url()).context
    [listed] = [z for g in client.get(reverse("zones:directory")).context["provinces"] for z in g["zones"]]
    [api] = client.get(reverse("api:zones")).json()["results"]
    assert (page["initiative_count"], len(page["metrics"])) == (1, 1)
    assert (listed.initiative_count, listed.metric_count) == (1, 1)
    assert (api["initiative_count"], api["metric_count"]) == (1, 1)


def test_directory_query_count_does_not_grow_with_zones(client, reference_zones, django_assert_num_queries):
    for zone in Zone.objects.all()[:20]:
        make_metric(make_article(zone=zone), sentence="测试正文。")
    # the counts' freshness (articles/tallies.py), zones with counts, the level facet and
    # the tile grid's indicator list, nothing per zone
    with django_assert_num_queries(4):
        client.get(reverse("zones:directory"))


@pytest.fixture
def huaibei_with_facts():
    zone = make_zone("淮北高新区", slug="huaibei", province="安徽省", city="淮北市", full_name="淮北高新技术产业开发区",
                     approval_year=2021)
    a2023 = make_article(title="二〇二三年的文章", zone=zone, year=2023, body="项目总投资50亿元。群众满意率达98%。")
    a2022 = make_article(title="二〇二二年的文章", zone=zone, year=2022, body="新增企业120家。")
    other = make_zone("合肥高新区", slug="hefei")
    mention = make_article(title="合肥的文章提到淮北", zone=other, year=2023)
    mention.zones.add(zone)
    make_initiative("锂电产业链党建联盟", article=a2023, category="industry_chain")
    make_initiative("红色代办", article=a2022, category="business_env")
    make_initiative("隐藏举措", article=a2022, category="business_env", hidden=True)
    make_metric(a2023, label="总投资", value=50, unit="亿元", normalized_value=5e9, year=2023, sentence="项目总投资50亿元。")
    make_metric(a2023, label="满意率", value=98, unit="%", normalized_value=98, normalized_unit="%", year=2023,
                sentence="群众满意率达98%。")
    make_metric(a2022, label="新增企业", value=120, unit="家", normalized_value=120, normalized_unit="家", year=2022,
                sentence="新增企业120家。")
    make_article(title="隐藏文章", zone=zone, hidden=True)
    return zone


def test_zone_page_shows_profile_articles_initiatives_metrics_and_timeline(client, huaibei_with_facts):
    response = client.get(huaibei_with_facts.get_absolute_url())
    html = response.content.decode()
    for text in ("淮北高新技术产业开发区", "安徽省", "淮北市", "国家级", "2021",
                 "二〇二三年的文章", "二〇二二年的文章", "合肥的文章提到淮北",
                 "产业链党建", "营商环境", "锂电产业链党建联盟", "红色代办",
                 "总投资50亿元", "50亿元", "2023年", "2022年"):
        assert text in html, text
    assert "隐藏文章" not in html and "隐藏举措" not in html
    groups = {g["label"]: [i.name for i in g["initiatives"]] for g in response.context["initiative_groups"]}
    assert groups == {"产业链党建": ["锂电产业链党建联盟"], "营商环境": ["红色代办"]}
    # 2023: its own article and Hefei's naming it; figures; the one only mentioning it.
    assert response.context["timeline"] == [(2023, 2, 2, 1), (2022, 1, 1, 0)]
    assert reverse("articles:zone_feed", args=["huaibei"]) in html


def test_zone_page_groups_its_figures_by_indicator_and_charts_none_side_by_side(client, huaibei_with_facts):
    import datetime

    zone = huaibei_with_facts
    invest = make_indicator("总投资", slug="total-investment")
    firms = make_indicator("高新技术企业数", slug="hi-tech-firms", dimension="enterprises", units=["家"])

    def figure(indicator, value, year, unit="亿元", normalized_unit="元", kind="actual", date=None, label=None):
        label = label or indicator.name
        sentence = f"{label}{value}{unit}。"
        article = make_article(zone=zone, year=year, date=date, body=sentence)
        factor = 1e8 if unit == "亿元" else 1
        return make_metric(article, label=label, value=value, unit=unit, normalized_value=value * factor,
                           normalized_unit=normalized_unit, year=year, kind=kind, sentence=sentence,
                           indicator=indicator)

    figure(invest, 10, 2023, date=datetime.date(2023, 2, 1), label="项目总投资")  # an earlier statement
    latest = figure(invest, 50, 2023, date=datetime.date(2023, 9, 1))
    figure(invest, 30, 2022, label="总投资额")
    target = figure(invest, 100, 2025, kind="target")
    figure(firms, 56, 2023, unit="家", normalized_unit="家")

    response = client.get(zone.get_absolute_url())
    groups = response.context["indicator_groups"]
    assert [(g["indicator"].name, [m.raw for m in g["figures"]]) for g in groups] == [
        ("总投资", ["总投资50亿元", "总投资额30亿元"]),
        ("高新技术企业数", ["高新技术企业数56家"]),
    ]
    assert [m.pk for m in groups[0]["targets"]] == [target.pk]  # apart from the figures measured
    html = response.content.decode()
    start = html.index('<script id="zone-charts" type="application/json">')
    charts = json.loads(html[html.index(">", start) + 1 : html.index("</script>", start)])
    # One chart: the indicator with several years; one value is a table, not a chart.
    assert [(c["type"], c["title"], c["years"]) for c in charts] == [("series", "总投资（以元计）", [2022, 2023])]
    assert charts[0]["series"] == [{
        "name": "淮北高新区", "line": True, "values": [3e9, 5e9], "texts": ["总投资额30亿元", "总投资50亿元"],
        "urls": [groups[0]["figures"][1].get_absolute_url(), latest.get_absolute_url()],
    }]
    assert groups[1]["chart_index"] is None
    # Each figure's row: its year, its value linked to the sentence, the words the page printed.
    assert (
        f'<tr><th scope="row">2023</th><td class="num"><a href="{latest.get_absolute_url()}" title="总投资50亿元。">'
        '50亿元</a></td><td class="muted small">总投资50亿元</td></tr>'
    ) in html
    # The figures no indicator claims are listed, not charted.
    assert [m.label for m in response.context["unclassified"]] == ["满意率", "总投资", "新增企业"]
    assert "未归类的数据" in html and "新增企业120家" in html
    assert 'href="/indicators/total-investment/"' in html
    assert "vendor/echarts/echarts.min.js" in html
    # One card per indicator: its name linked, its unit; the chart's place and the targets in its own card.
    cards = html.split('<article class="indicator-card"')[1:]
    assert len(cards) == 2
    assert '<a href="/indicators/total-investment/">总投资</a> <span class="muted small">以元计</span>' in cards[0]
    assert 'data-chart="zone-charts" data-chart-index="0"' in cards[0] and "data-chart-index" not in cards[1]
    assert "<caption>目标值</caption>" in cards[0] and "目标值" not in cards[1]
    assert '<a href="/indicators/hi-tech-firms/">高新技术企业数</a> <span class="muted small">以家计</span>' in cards[1]


def test_a_zone_with_many_figures_of_one_indicator_shows_one_per_year(client, huaibei_with_facts,
                                                                       django_assert_num_queries):
    invest = make_indicator("总投资", slug="total-investment")
    for n in range(60):
        article = make_article(zone=huaibei_with_facts, year=2021 + n % 3, body="总投资1亿元。")
        make_metric(article, sentence="总投资1亿元。", year=2021 + n % 3, normalized_value=1e8 + n, indicator=invest)
    # The figures' keys ranked, then the few shown read: however many figures the zone has. Its
    # own articles, more than the page lists, are not counted apart: its timeline holds them.
    with django_assert_num_queries(14):
        response = client.get(huaibei_with_facts.get_absolute_url())
    assert response.context["own_total"] == Article.objects.visible().filter(zone=huaibei_with_facts).count() > 60
    [group] = response.context["indicator_groups"]
    assert [m.year for m in group["figures"]] == [2023, 2022, 2021]
    assert len(response.context["charts"][0]["series"][0]["values"]) == 3


@pytest.mark.parametrize("fresh", [False, True])
def test_a_zone_page_cut_at_its_bound_says_so_and_links_every_figure(client, huaibei_with_facts, monkeypatch,
                                                                      fresh):
    from articles import tallies

    invest = make_indicator("总投资", slug="total-investment", position=1)
    firms = make_indicator("高新技术企业数", slug="firms", position=2)
    for year in (2021, 2022, 2023):
        article = make_article(zone=huaibei_with_facts, year=year, body="总投资1亿元。")
        make_metric(article, sentence="总投资1亿元。", year=year, normalized_value=1e8, indicator=invest)
    make_metric(make_article(zone=huaibei_with_facts, year=2023), label="高新技术企业", year=2023, value=9, unit="家",
                normalized_value=9, normalized_unit="家", indicator=firms)
    if fresh:
        tallies.refresh()
    url = huaibei_with_facts.get_absolute_url()
    monkeypatch.setattr("articles.selectors.figures.ZONE_INDICATOR_CELLS", 4)
    response = client.get(url)
    assert not response.context["indicator_figures_cut"] and "其余见" not in response.content.decode()
    monkeypatch.setattr("articles.selectors.figures.ZONE_INDICATOR_CELLS", 3)
    response = client.get(url)
    # The indicators' order: the first indicator's three years; the second's figure is left to the list.
    assert [group["indicator"].slug for group in response.context["indicator_groups"]] == ["total-investment"]
    assert response.context["indicator_figures_cut"]
    assert f'其余见<a href="/metrics/?zone={huaibei_with_facts.slug}">' in response.content.decode()


def test_zone_page_without_facts_has_no_chart_script(client):
    zone = make_zone("空白高新区", slug="blank")
    html = client.get(zone.get_absolute_url()).content.decode()
    assert "暂无收录文章" in html and "echarts" not in html


def test_zone_page_query_count_is_bounded(client, huaibei_with_facts, django_assert_num_queries):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get(huaibei_with_facts.get_absolute_url())
        return len(ctx.captured_queries)

    before = count()
    for n in range(5):
        article = make_article(zone=huaibei_with_facts, year=2020 + n, body="总投资1亿元。")
        make_metric(article, sentence="总投资1亿元。", year=2020 + n)
        make_initiative(f"举措{n}", article=article, category="talent")
    assert count() == before
    # The counts are stale (the test's writes are not committed): zone; whether the stored counts
    # are fresh; the keys of the articles mentioning it (some do); its newest own articles; the
    # newest of those mentioning it; the first initiatives; their
    # public count per category; one figure per indicator and year, measured and targets; the
    # newest unclassified figures (and their count only when there are more); years of the
    # articles linked to it, of its own articles not linked, of its public figures
    with django_assert_num_queries(13):
        client.get(huaibei_with_facts.get_absolute_url())


def test_a_zone_no_other_zones_article_names_reads_no_links_for_them(client, db):
    def page():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(zone.get_absolute_url())
        return response.context, len(ctx.captured_queries)

    zone, other = make_zone("淮南高新区", slug="huainan"), make_zone("蚌埠高新区", slug="bengbu")
    for year in (2022, 2023):
        make_article(title=f"淮南{year}", zone=zone, year=year)
    alone, queries = page()
    assert (alone["own_total"], alone["mentioned_total"], alone["mentioned_articles"]) == (2, 0, [])
    naming = make_article(title="蚌埠的文章提到淮南", zone=other, year=2023)
    naming.zones.add(zone)
    named, more = page()
    assert (named["own_total"], named["mentioned_total"]) == (2, 1)
    assert [a.title for a in named["mentioned_articles"]] == ["蚌埠的文章提到淮南"]
    assert more == queries + 2  # its links' articles, then the newest of them


def test_a_big_zone_page_shows_its_newest_and_says_how_many(client, huaibei_with_facts, monkeypatch):
    monkeypatch.setattr("articles.selectors.regions.ZONE_PAGE_ARTICLES", 3)
    monkeypatch.setattr("articles.selectors.figures.ZONE_PAGE_UNCLASSIFIED", 2)
    for n in range(6):
        article = make_article(title=f"第{n}篇", zone=huaibei_with_facts, year=2010 + n, body="总投资1亿元。")
        make_metric(article, sentence="总投资1亿元。", year=2010 + n)
    response = client.get(huaibei_with_facts.get_absolute_url())
    own = response.context["own_articles"]
    assert len(own) == 3 and response.context["own_total"] > 3
    assert [a.year for a in own] == sorted((a.year for a in own), reverse=True)
    assert len(response.context["unclassified"]) == 2 and response.context["unclassified_total"] > 2
    html = response.content.decode()
    assert f"共 {response.context['own_total']} 篇" in html


def test_a_zone_with_many_initiatives_lists_the_first_and_counts_them_all(client, huaibei_with_facts, monkeypatch):
    monkeypatch.setattr("articles.selectors.regions.ZONE_PAGE_INITIATIVES", 3)
    for n in range(4):
        make_initiative(f"人才举措{n}", article=make_article(zone=huaibei_with_facts), category="talent")
    response = client.get(huaibei_with_facts.get_absolute_url())
    shown = [i for group in response.context["initiative_groups"] for i in group["initiatives"]]
    # Two public initiatives of the fixture and four more: three listed, all six counted.
    assert len(shown) == 3 and response.context["initiative_count"] == 6
    assert {g["label"]: g["total"] for g in response.context["initiative_groups"]}["产业链党建"] == 1
    html = response.content.decode()
    assert "另有 3 项举措未在此列出" in html and "?zone=huaibei" in html


def test_a_zone_page_escapes_the_names_pages_gave_and_counts_articles_past_one(client, huaibei_with_facts):
    twice = make_initiative("<红色>代办&帮办", article=make_article(zone=huaibei_with_facts), category="business_env")
    InitiativeMention.objects.create(initiative=twice, article=make_article(zone=huaibei_with_facts), sentence="帮办")
    make_metric(make_article(zone=huaibei_with_facts, year=2023), label="<b>", raw="<b>5家", year=2023, value=5,
                unit="家", normalized_value=5, normalized_unit="家", indicator=make_indicator("R&D机构", slug="rnd"))
    html = client.get(huaibei_with_facts.get_absolute_url()).content.decode()
    assert f'<a href="{twice.get_absolute_url()}">&lt;红色&gt;代办&amp;帮办</a> <span class="muted small">2 篇文章</span>' in html
    assert ">红色代办</a></li>" in html  # named by one article: no count
    assert '<a href="/indicators/rnd/">R&amp;D机构</a>' in html and 'aria-label="R&amp;D机构' not in html
    assert "&lt;b&gt;5家" in html and "<b>" not in html


def test_province_page_offers_its_own_json_and_csv(client, reference_zones):
    html = client.get(reverse("zones:province", args=["anhui"])).content.decode()
    assert 'href="/api/zones/?province=%E5%AE%89%E5%BE%BD%E7%9C%81"' in html
    response = client.get(reverse("zones:province", args=["anhui"]), {"format": "csv"})
    rows = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert len(rows) - 1 == Zone.objects.filter(province="安徽省").count()
    assert all(",安徽省," in row for row in rows[1:])


def test_a_zone_page_lists_newest_first_and_undated_articles_last(client, db):
    zone = Zone.objects.create(name="测试高新区", slug="ceshi", province="安徽省")
    undated = make_article(title="无日期", zone=zone, year=None)
    old = make_article(title="旧文", zone=zone, year=2019)
    new = make_article(title="新文", zone=zone, year=2024)
    response = client.get(zone.get_absolute_url())
    assert [a.pk for a in response.context["own_articles"]] == [new.pk, old.pk, undated.pk]
    years = [year for year, *_counts in response.context["timeline"]]
    assert years == [2024, 2019, None]


def test_zone_and_comparison_count_only_the_public_initiatives_and_figures(client):
    zone, other = make_zone("计数高新区", slug="counted"), make_zone("对照高新区", slug="other")
    public, hidden = make_article(zone=zone), make_article(zone=zone, hidden=True)
    make_initiative("公开文章提及", article=public, category="talent")
    make_initiative("只在隐藏文章", article=hidden, category="talent")
    both = make_initiative("两处提及", article=hidden, category="brand")
    InitiativeMention.objects.create(initiative=both, article=public, sentence="两处提及")
    make_initiative("无人提及", zone=zone, category="brand")
    make_initiative("已隐藏", article=public, category="brand", hidden=True)
    make_initiative("对照", article=make_article(zone=other), category="talent")
    expected = {"talent": 1, "brand": 2}
    assert dict(Initiative.objects.visible().filter(zone=zone).values_list("category").annotate(n=Count("pk"))) == expected
    make_metric(public, year=2020)
    make_metric(make_article(zone=zone, year=2018), year=2020)
    make_metric(hidden, year=2019)  # a year only a hidden article's figure has: left out
    make_metric(public, year=2020, hidden=True)
    context = client.get(zone.get_absolute_url()).context
    assert {g["category"]: g["total"] for g in context["initiative_groups"]} == expected
    assert [(year, figures) for year, _articles, figures, _only in context["timeline"]] == [(2020, 2), (2018, 0), (None, 0)]
    compared = client.get("/compare/", {"zones": "counted,other", "format": "json"}).json()
    assert {c["category"]: c["counts"] for c in compared["categories"]} == {
        "talent": {"counted": 1, "other": 1}, "brand": {"counted": 2, "other": 0},
    }
