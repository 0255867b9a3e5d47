"""/compare/: 2-4 zones side by side, as a page, JSON and CSV; bad choices are form errors."""
import csv
import io

import pytest
from django.urls import reverse

from articles import selectors, tallies
from articles.models import Indicator, InitiativeType
from articles.tests.factories import make_article, make_initiative, make_metric, make_zone

pytestmark = pytest.mark.django_db

URL = "/compare/"


@pytest.fixture
def pair():
    huaibei = make_zone("淮北高新区", slug="huaibei", province="安徽省", approval_year=2021, full_name="淮北高新技术产业开发区")
    yantai = make_zone("烟台高新区", slug="yantai", province="山东省", approval_year=2010)
    alliance = InitiativeType.objects.create(slug="chain-alliance", name="产业链党建联盟", category="industry_chain")
    investment = Indicator.objects.create(slug="investment", name="总投资", dimension="money", units=["元"])
    firms = Indicator.objects.create(slug="hightech-firms", name="高新技术企业数", dimension="enterprises",
                                     units=["家"], position=2)
    h2023 = make_article(title="淮北2023", zone=huaibei, year=2023)
    h2021 = make_article(title="淮北2021", zone=huaibei, year=2021)
    y2023 = make_article(title="烟台2023", zone=yantai, year=2023)
    make_article(title="烟台隐藏", zone=yantai, year=2023, hidden=True)
    make_initiative("锂电产业链党建联盟", article=h2023, category="industry_chain", type=alliance)
    make_initiative("红色代办", article=h2021, category="business_env")
    make_initiative("海洋产业链党建联盟", article=y2023, category="industry_chain", type=alliance)
    make_metric(h2021, value=30, normalized_value=3e9, year=2021, indicator=investment, sentence="总投资30亿元。")
    make_metric(h2023, value=50, normalized_value=5e9, year=2023, indicator=investment, sentence="总投资50亿元。")
    make_metric(y2023, value=120, normalized_value=1.2e10, year=2023, indicator=investment, sentence="总投资120亿元。")
    make_metric(y2023, label="高企", value=300, unit="家", normalized_value=300, normalized_unit="家", year=2023,
                indicator=firms, sentence="高企300家。")
    make_metric(h2023, value=99, normalized_value=9.9e9, year=2024, indicator=investment, kind="target",
                sentence="目标99亿元。")
    return huaibei, yantai


def test_compare_puts_profiles_initiatives_figures_and_years_side_by_side(client, pair):
    response = client.get(URL, {"zones": "huaibei,yantai"})
    assert response.status_code == 200
    context = response.context
    comparison = context["comparison"]
    assert [z.name for z in context["zones"]] == ["淮北高新区", "烟台高新区"]
    assert [(r["label"], r["counts"]) for r in comparison.categories] == [("产业链党建", [1, 1]), ("营商环境", [1, 0])]
    assert [(r["label"], r["counts"]) for r in comparison.types] == [("产业链党建联盟", [1, 1])]
    figures = {r["indicator"].name: [m and m.normalized_value for m in r["cells"]] for r in comparison.figures}
    # the latest actual figure of each zone; the target for 2024 is no figure of the past
    assert figures == {"总投资": [5e9, 1.2e10], "高新技术企业数": [None, 300]}
    assert [(r["year"], r["counts"]) for r in comparison.years] == [(2023, [1, 1]), (2021, [1, 0])]
    [chart] = context["charts"]
    assert chart["unit"] == "元" and [item["name"] for item in chart["items"]] == ["烟台高新区（2023）", "淮北高新区（2023）"]
    html = response.content.decode()
    for text in ("淮北高新技术产业开发区", "2021", "2010", "50亿元", "120亿元", "300家"):
        assert text in html, text
    assert "烟台隐藏" not in html and 'id="compare-charts"' in html
    assert '<option value="huaibei" selected>淮北高新区</option>' in html
    # A row: the indicator, then each zone's figure linked to its sentence with its year, or a dash.
    firms = comparison.figures[1]["cells"][1]
    assert (
        '<tr><th scope="row">高新技术企业数</th><td class="num"><span class="muted">—</span></td>'
        f'<td class="num"><a href="{firms.get_absolute_url()}" title="高企300家。">300家</a> '
        '<span class="muted small">2023</span></td></tr>'
    ) in html


def test_a_comparison_escapes_the_figures_a_page_gave_and_says_when_a_year_is_unknown(client, pair):
    huaibei, _yantai = pair
    indicator = Indicator.objects.create(slug="rnd", name="R&D<经费>", dimension="money", units=["元"], position=3)
    make_metric(make_article(zone=huaibei), value=2, normalized_value=2e8, year=None, indicator=indicator,
                sentence="研发<经费>2亿元&。")
    html = client.get(URL, {"zones": "huaibei,yantai"}).content.decode()
    assert '<th scope="row">R&amp;D&lt;经费&gt;</th>' in html
    assert 'title="研发&lt;经费&gt;2亿元&amp;。">2亿元</a> <span class="muted small">年份不详</span>' in html


def test_repeated_parameters_from_the_directory_checkboxes_work_too(client, pair):
    response = client.get(URL + "?zones=huaibei&zones=yantai&zones=huaibei")
    assert [z.slug for z in response.context["zones"]] == ["huaibei", "yantai"]


def test_compare_json_and_csv_carry_the_tables(client, pair):
    data = client.get(URL, {"zones": "yantai,huaibei", "format": "json"}).json()
    assert [z["slug"] for z in data["zones"]] == ["yantai", "huaibei"]
    assert data["zones"][0]["article_count"] == 1
    investment = next(row for row in data["indicators"] if row["indicator"] == "investment")
    assert investment["values"]["huaibei"]["text"] == "总投资50" + "亿元" and investment["values"]["huaibei"]["year"] == 2023
    assert {"category": "industry_chain", "label": "产业链党建", "counts": {"yantai": 1, "huaibei": 1}} in data["categories"]
    assert data["types"] == [{"type": "chain-alliance", "name": "产业链党建联盟", "counts": {"yantai": 1, "huaibei": 1}}]
    assert data["years"][0] == {"year": 2023, "counts": {"yantai": 1, "huaibei": 1}}

    response = client.get(URL, {"zones": "huaibei,yantai", "format": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="compare-huaibei-yantai.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["indicator"], r["zone"], r["normalized_value"], r["year"]) for r in rows] == [
        ("investment", "huaibei", "5000000000.0", "2023"),
        ("investment", "yantai", "12000000000.0", "2023"),
        ("hightech-firms", "yantai", "300.0", "2023"),
    ]


@pytest.mark.parametrize(
    ("zones", "message"),
    [
        ("huaibei,nowhere,<script>", "没有这些网址标识的高新区：nowhere、&lt;script&gt;"),
        ("a,b,c,d,e", "最多比较 4 个高新区"),
        ("", "这个字段是必填项"),
        ("x" * 500, "不超过 400"),
    ],
)
def test_bad_choices_are_form_errors_never_500(client, pair, zones, message):
    response = client.get(URL, {"zones": zones})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and "<script>" not in html.split("</header>", 1)[1]
    api = client.get(URL, {"zones": zones, "format": "json"})
    assert api.status_code == 400 and "zones" in api.json()["fields"]


def test_one_zone_from_its_page_asks_for_more_without_an_error(client, pair):
    html = client.get(pair[0].get_absolute_url()).content.decode()
    assert 'href="/compare/?zones=huaibei"' in html
    response = client.get(URL, {"zones": "huaibei"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "已选择淮北高新区，请再选择 1–3 个高新区" in html and "form-errors" not in html
    assert client.get(URL).status_code == 200


def test_a_zones_years_on_the_comparison_are_those_of_its_own_page(client, pair):
    huaibei, yantai = pair
    make_article(title="淮北自己的", zone=huaibei, year=2022).zones.clear()  # its own, not naming it
    make_article(title="烟台提到淮北", zone=yantai, year=2022).zones.add(huaibei)

    def compared():
        years = client.get(URL, {"zones": "huaibei,yantai"}).context["comparison"].years
        return {row["year"]: row["counts"] for row in years}

    def own_pages():
        return [{year: n for year, n, _figures, _mentioning in selectors.zone_years(zone) if n} for zone in pair]

    live = compared()
    assert live[2022] == [2, 1]
    assert {year: counts[0] for year, counts in live.items() if counts[0]} == own_pages()[0]
    tallies.refresh()
    assert compared() == live


def test_compare_query_count_does_not_grow_with_articles_or_figures(client, pair, django_assert_num_queries):
    huaibei, yantai = pair
    for n in range(5):
        article = make_article(zone=yantai, year=2010 + n)
        make_metric(article, year=2010 + n, indicator=Indicator.objects.get(slug="investment"))
        make_initiative(f"举措{n}", article=article, category="talent")
    # The counts are stale (the test's writes are not committed): the counts' freshness; the zones
    # with their counts; the select's zone list; the figures ranked, then read; the public
    # initiatives; the years (the zones' links, their own articles not naming them, their figures).
    with django_assert_num_queries(9):
        client.get(URL, {"zones": "huaibei,yantai"})
    tallies.refresh()
    # Fresh, the years are the zones' stored rows, and the initiatives their stored counts by category
    # and type, with the types they name.
    with django_assert_num_queries(8):
        client.get(URL, {"zones": "huaibei,yantai"})


def test_directory_offers_the_comparison(client, pair):
    html = client.get(reverse("zones:directory")).content.decode()
    assert 'id="compare-form"' in html and 'action="/compare/"' in html
    assert 'name="zones" value="yantai" form="compare-form"' in html
