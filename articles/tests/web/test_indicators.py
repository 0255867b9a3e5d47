"""Comparing zones on an indicator: /metrics/'s comparison, /indicators/ and an indicator's page."""
import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Metric
from articles.tests.factories import make_article, make_indicator, make_metric, make_zone

pytestmark = pytest.mark.django_db


def queries_for(client, url, params=None):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}).status_code == 200
    return len(ctx.captured_queries)


def charts_of(response, chart_id):
    html = response.content.decode()
    start = html.index(f'<script id="{chart_id}" type="application/json">')
    return json.loads(html[html.index(">", start) + 1 : html.index("</script>", start)])


def figure(zone, indicator, value, year, *, unit="亿元", normalized=None, normalized_unit="元",
           label=None, kind="actual", date=None, **fields):
    label = label or (indicator.name if indicator else "企业")
    sentence = f"{label}{value:g}{unit}。"
    article = make_article(zone=zone, body=sentence, year=year, date=date)
    factor = {"亿元": 1e8, "万元": 1e4}.get(unit, 1)
    return make_metric(
        article, label=label, value=value, unit=unit, sentence=sentence, year=year, kind=kind,
        normalized_value=normalized if normalized is not None else value * factor,
        normalized_unit=normalized_unit, indicator=indicator, **fields,
    )


@pytest.fixture
def invest():
    return make_indicator("总投资", slug="total-investment", synonyms=["总投资额", "项目总投资"])


@pytest.fixture
def firms():
    return make_indicator("高新技术企业数", slug="hi-tech-firms", dimension="enterprises", units=["家"])


@pytest.fixture
def hefei():
    return make_zone("合肥高新区", slug="hefei", province="安徽省", city="合肥市")


@pytest.fixture
def figures(huaibei, yantai, hefei, invest, firms):
    return {
        "hb_2023": figure(huaibei, invest, 50, 2023),
        "hb_2022": figure(huaibei, invest, 30, 2022, label="总投资额"),
        "hb_2021": figure(huaibei, invest, 20, 2021),
        "yt_2022": figure(yantai, invest, 8000, 2022, unit="万元", label="项目总投资"),
        "hf_2023": figure(hefei, invest, 120, 2023),
        "hf_target": figure(hefei, invest, 200, 2025, kind="target", label="总投资"),
        "hf_change": figure(hefei, invest, 90, 2023, kind="change"),
        "hb_firms": figure(huaibei, firms, 56, 2023, unit="家", normalized_unit="家"),
        "yt_firms": figure(yantai, firms, 130, 2023, unit="家", normalized_unit="家"),
        "raw": figure(yantai, None, 14, 2023, unit="家", normalized_unit="家", label="企业"),
    }


# --- /metrics/: the comparison ------------------------------------------------------


def test_comparison_is_one_bar_per_zone_its_latest_actual_figure_with_its_year(client, figures):
    response = client.get(reverse("articles:metrics"), {"indicator": "total-investment"})
    measured, targets = charts_of(response, "metric-charts")
    # 总投资额 and 项目总投资 are the same indicator; 万元 and 亿元 meet in 元.
    assert [(i["name"], i["value"], i["text"]) for i in measured["items"]] == [
        ("合肥高新区 2023", 1.2e10, "总投资120亿元"),
        ("淮北高新区 2023", 5e9, "总投资50亿元"),
        ("烟台高新区 2022", 8e7, "项目总投资8000万元"),
    ]
    assert measured["unit"] == "元" and "总投资" in measured["title"]
    # The target is drawn apart; a change is not a figure to compare.
    assert [(i["name"], i["value"]) for i in targets["items"]] == [("合肥高新区 2025", 2e10)]
    assert "目标值" in targets["title"]
    assert figures["hf_change"].get_absolute_url() not in json.dumps([measured, targets])
    assert measured["items"][1]["url"] == figures["hb_2023"].get_absolute_url()


def test_year_selector_compares_each_zones_figure_of_that_year(client, figures):
    response = client.get(reverse("articles:metrics"), {"indicator": "total-investment", "year": 2022})
    [measured] = charts_of(response, "metric-charts")
    assert [(i["name"], i["text"]) for i in measured["items"]] == [
        ("淮北高新区 2022", "总投资额30亿元"), ("烟台高新区 2022", "项目总投资8000万元"),
    ]
    html = response.content.decode()
    assert '<option value="2022" selected>2022年</option>' in html
    assert '<option value="2021">2021年</option>' in html  # every year of the indicator stays offered


def test_latest_of_a_zones_figures_of_one_year_is_the_newest_statement(client, huaibei, invest):
    import datetime

    figure(huaibei, invest, 90, 2023, date=datetime.date(2023, 3, 1))
    newer = figure(huaibei, invest, 40, 2023, date=datetime.date(2023, 11, 1))
    response = client.get(reverse("articles:metrics"), {"indicator": "total-investment"})
    [measured] = charts_of(response, "metric-charts")
    assert [i["url"] for i in measured["items"]] == [newer.get_absolute_url()]


def test_a_chart_never_mixes_indicators_or_units(client, figures, huaibei, firms):
    # 企业 as a raw label matches figures of two different things: the chart compares one indicator.
    figure(huaibei, firms, 3, 2024, unit="亿元", normalized_unit="元")  # a stray unit of the indicator
    response = client.get(reverse("articles:metrics"), {"label": "企业"})
    assert response.status_code == 200
    charts = charts_of(client.get(reverse("articles:metrics"), {"indicator": "hi-tech-firms"}), "metric-charts")
    assert [c["unit"] for c in charts] == ["家"]
    assert [i["name"] for i in charts[0]["items"]] == ["烟台高新区 2023", "淮北高新区 2023"]
    assert "另有 1 条以其他单位计的数字未纳入比较" in client.get(
        reverse("articles:metrics"), {"indicator": "hi-tech-firms"}
    ).content.decode()


def test_without_a_choice_the_comparison_shows_the_commonest_indicator_of_the_list(client, figures):
    response = client.get(reverse("articles:metrics"))
    assert response.context["indicator"].slug == "total-investment"
    # The old raw-label filter still narrows the list; the comparison is by indicator.
    response = client.get(reverse("articles:metrics"), {"label": "项目总投资"})
    assert [m.pk for m in response.context["objects"]] == [figures["yt_2022"].pk]
    assert response.context["indicator"].slug == "total-investment"
    [measured] = charts_of(response, "metric-charts")
    assert [i["name"] for i in measured["items"]] == ["烟台高新区 2022"]


def test_indicator_select_is_grouped_by_dimension_with_counts(client, figures):
    html = client.get(reverse("articles:metrics")).content.decode()
    assert '<optgroup label="金额">' in html and '<optgroup label="企业">' in html
    assert "总投资（7）" in html and "高新技术企业数（2）" in html
    # The indicator compared is the one selected, and only it.
    select = html[html.index('id="compare-indicator"'):].split("</select>")[0]
    assert '<option value="total-investment" selected>总投资（7）</option>' in select and select.count(" selected") == 1
    html = client.get(reverse("articles:metrics"), {"indicator": "hi-tech-firms"}).content.decode()
    select = html[html.index('id="compare-indicator"'):].split("</select>")[0]
    assert '<option value="hi-tech-firms" selected>' in select and select.count(" selected") == 1


def test_the_indicator_select_is_kept_until_a_recount_or_a_curators_edit(client, figures, invest, huaibei):
    from articles import tallies

    def page():
        with CaptureQueriesContext(connection) as ctx:
            html = client.get(reverse("articles:metrics")).content.decode()
        counted = [q for q in ctx.captured_queries if 'FROM "articles_indicator"' in q["sql"] and "metrics" in q["sql"]]
        return html, counted

    tallies.refresh()
    html, counted = page()
    assert "总投资（7）" in html and counted
    html, counted = page()
    assert "总投资（7）" in html and not counted  # kept: nothing changed
    figure(huaibei, invest, 60, 2024)
    assert "总投资（8）" in page()[0]  # the counts are stale: counted
    tallies.refresh()
    assert "总投资（8）" in page()[0]
    invest.name = "项目总投资额"
    invest.save()
    assert "项目总投资额（8）" in page()[0]


def test_the_figure_lists_comparison_is_ranked_once_until_a_recount(client, figures, invest, huaibei):
    from articles import tallies

    def page():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(reverse("articles:metrics"))
        ranked = [q for q in ctx.captured_queries if 'FROM "articles_latestfigure"' in q["sql"]]
        measured, targets = charts_of(response, "metric-charts")
        return [item["name"] for item in measured["items"]], [item["name"] for item in targets["items"]], ranked

    tallies.refresh()
    measured, targets, ranked = page()
    assert measured == ["合肥高新区 2023", "淮北高新区 2023", "烟台高新区 2022"] and targets == ["合肥高新区 2025"]
    assert ranked
    assert page() == (measured, targets, [])  # nothing changed: nothing ranked
    figure(huaibei, invest, 500, 2024)
    tallies.refresh()
    measured, _targets, ranked = page()
    assert measured[0] == "淮北高新区 2024" and ranked


def test_the_indicator_tables_are_ranked_once_until_a_recount(client, figures, invest, huaibei):
    from articles import tallies

    url = reverse("articles:indicator", args=["total-investment"])

    def page():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        ranked = [q for q in ctx.captured_queries if 'FROM "articles_latestfigure"' in q["sql"]]
        return response.context, ranked

    tallies.refresh()
    context, ranked = page()
    assert [row["zone"].name for row in context["table"]["rows"]] == ["合肥高新区", "淮北高新区", "烟台高新区"]
    assert [row["zone"].name for row in context["target_table"]["rows"]] == ["合肥高新区"] and ranked
    again, ranked = page()
    assert (again["table"], again["target_table"]) == (context["table"], context["target_table"]) and not ranked
    newest = figure(huaibei, invest, 70, 2024)
    assert page()[0]["table"]["rows"][0]["cells"][0].pk == newest.pk  # the counts are stale: ranked for itself
    tallies.refresh()
    context, ranked = page()
    assert context["table"]["rows"][0]["cells"][0].pk == newest.pk and ranked
    newest.hidden = True
    newest.save()
    tallies.refresh()
    assert page()[0]["table"]["years"][0] == 2023  # hidden: gone from the table the next recount stored


def test_filters_by_indicator_and_kind_in_the_page_the_api_and_csv(client, figures):
    f = figures
    ids = [m.pk for m in client.get(reverse("articles:metrics"), {"indicator": "hi-tech-firms"}).context["objects"]]
    assert sorted(ids) == sorted([f["hb_firms"].pk, f["yt_firms"].pk])
    api = client.get(reverse("api:metrics"), {"indicator": "total-investment", "kind": "target"}).json()
    assert [item["id"] for item in api["results"]] == [f["hf_target"].pk]
    response = client.get(reverse("articles:metrics"), {"indicator": "hi-tech-firms", "format": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="metrics-hi-tech-firms.csv"'
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert sorted(int(r["id"]) for r in rows) == sorted(ids)


@pytest.mark.parametrize("params", [{"indicator": "no-such"}, {"indicator": "总\x00投资"}, {"kind": "<script>"},
                                    {"indicator": "total-investment", "year": "x"}])
def test_bad_indicator_or_kind_is_a_form_error_and_an_api_400(client, figures, params):
    response = client.get(reverse("articles:metrics"), params)
    assert response.status_code == 400 and "筛选条件有误" in response.content.decode()
    api = client.get(reverse("api:metrics"), params)
    assert api.status_code == 400 and api.json()["error"]


def test_comparison_keeps_the_other_filters_in_its_form(client, figures):
    response = client.get(reverse("articles:metrics"), {"indicator": "total-investment", "province": "安徽省"})
    assert '<input type="hidden" name="province" value="安徽省">' in response.content.decode()
    [measured, _] = charts_of(response, "metric-charts")
    assert [i["name"] for i in measured["items"]] == ["合肥高新区 2023", "淮北高新区 2023"]


def test_hidden_figures_are_not_compared(client, figures):
    figures["hf_2023"].hidden = True
    figures["hf_2023"].save()
    response = client.get(reverse("articles:metrics"), {"indicator": "total-investment"})
    [measured, _] = charts_of(response, "metric-charts")
    assert [i["name"] for i in measured["items"]] == ["淮北高新区 2023", "烟台高新区 2022"]


def test_comparison_query_count_does_not_grow_with_figures_or_zones(client, figures, invest, huaibei):
    url = reverse("articles:metrics")
    params = {"indicator": "total-investment"}
    before = queries_for(client, url, params)
    for year in range(2000, 2010):
        figure(huaibei, invest, year - 1990, year)
        figure(make_zone(), invest, 1, year)
    assert queries_for(client, url, params) == before
    response = client.get(url, params)
    assert len(charts_of(response, "metric-charts")[0]["items"]) <= 30  # a bounded chart


def test_comparison_of_many_zones_draws_the_largest_30_and_says_how_many(client, invest):
    for n in range(40):
        figure(make_zone(), invest, n + 1, 2023)
    response = client.get(reverse("articles:metrics"), {"indicator": "total-investment"})
    [measured] = charts_of(response, "metric-charts")
    assert len(measured["items"]) == 30 and measured["omitted"] == 10
    assert measured["items"][0]["value"] == 40e8 and measured["items"][-1]["value"] == 11e8
    assert "最大的 30 项，共 40 项" in response.content.decode()


# --- /indicators/ -------------------------------------------------------------------


def test_indicator_list_by_dimension_with_zone_and_figure_counts(client, figures, hefei):
    figures["hb_firms"].article.hidden = True
    figures["hb_firms"].article.save()
    response = client.get(reverse("articles:indicators"))
    assert [(name, [i.name for i in group]) for name, group in response.context["dimensions"]] == [
        ("金额", ["总投资"]), ("企业", ["高新技术企业数"]),
    ]
    invest, firms = (group[0] for _, group in response.context["dimensions"])
    assert (invest.zone_count, invest.metric_count) == (3, 7)
    assert (firms.zone_count, firms.metric_count) == (1, 1)  # a hidden article's figure is not counted
    html = response.content.decode()
    assert 'href="/indicators/total-investment/"' in html and "总投资额" in html
    assert 'aria-current="page">指标</a>' in html
    # Its figures counted and linked to the figure list of it; an indicator without units or other names says so.
    assert '<td data-label="数据" class="num"><a href="/metrics/?indicator=total-investment">7</a></td>' in html
    make_indicator("<R&D>经费", slug="rnd", dimension="amount", units=[], synonyms=["研发<经费>"])
    html = client.get(reverse("articles:indicators")).content.decode()
    assert (
        '<tr><td data-label="指标"><a href="/indicators/rnd/">&lt;R&amp;D&gt;经费</a></td><td data-label="单位">—</td>'
        '<td data-label="同义说法">研发&lt;经费&gt;</td><td data-label="高新区" class="num">0</td>'
        '<td data-label="数据" class="num">0</td></tr>'
    ) in html


def test_indicator_list_json_csv_and_filters(client, figures):
    api = client.get(reverse("api:indicators"), {"dimension": "enterprises"}).json()
    assert [(i["slug"], i["zone_count"], i["metric_count"]) for i in api["results"]] == [("hi-tech-firms", 2, 2)]
    assert client.get(reverse("api:indicators"), {"q": "总投资额"}).json()["count"] == 1
    raw = b"".join(client.get(reverse("articles:indicators"), {"format": "csv"}).streaming_content)
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["name"] for r in rows] == ["总投资", "高新技术企业数"]
    assert client.get(reverse("api:indicators"), {"dimension": "nope"}).status_code == 400
    assert client.get(reverse("articles:indicators"), {"dimension": "nope"}).status_code == 400


def test_indicator_list_query_count_does_not_grow(client, figures):
    before = queries_for(client, reverse("articles:indicators"))
    for n in range(5):
        figure(make_zone(), make_indicator(f"指标{n}"), 1, 2023)
    assert queries_for(client, reverse("articles:indicators")) == before


# --- /indicators/<slug>/ ------------------------------------------------------------


def test_indicator_page_tables_every_zones_values_by_year_latest_first(client, figures):
    response = client.get(reverse("articles:indicator", args=["total-investment"]))
    assert response.status_code == 200
    table = response.context["table"]
    assert table["years"] == [2023, 2022, 2021]
    assert [(row["zone"].name, [m.raw if m else None for m in row["cells"]]) for row in table["rows"]] == [
        ("合肥高新区", ["总投资120亿元", None, None]),
        ("淮北高新区", ["总投资50亿元", "总投资额30亿元", "总投资20亿元"]),
        ("烟台高新区", [None, "项目总投资8000万元", None]),
    ]
    # Targets apart, in their own table.
    assert [(r["zone"].name, [m.raw for m in r["cells"]]) for r in response.context["target_table"]["rows"]] == [
        ("合肥高新区", ["总投资200亿元"])
    ]
    html = response.content.decode()
    for key in ("hb_2023", "hb_2022", "yt_2022", "hf_target"):
        assert f'href="{figures[key].get_absolute_url()}"' in html
    assert "目标值" in html and "<h1>总投资</h1>" in html


def test_indicator_table_lists_the_zones_with_the_newest_figures_and_says_how_many_more(client, figures, monkeypatch):
    monkeypatch.setattr("articles.views.indicators.TABLE_ZONES", 2)
    response = client.get(reverse("articles:indicator", args=["total-investment"]))
    table = response.context["table"]
    assert [row["zone"].name for row in table["rows"]] == ["合肥高新区", "淮北高新区"]
    assert table["zones_left_out"] == 1
    html = response.content.decode()
    assert "表中列出数值最新、最大的 2 个高新区，另有 1 个见下方全部数据" in html
    # The zone left out of the table is still in the list of every figure below it.
    assert f'href="{figures["yt_2022"].get_absolute_url()}"' in html


@pytest.mark.parametrize("stored", [False, True])
def test_indicator_table_holds_every_figure_of_its_zones_and_years_and_reads_no_other(invest, huaibei, stored):
    from articles import selectors, tallies

    old = figure(huaibei, invest, 1, 2001)  # the zone's oldest year, behind every newer zone's figures
    newest = figure(huaibei, invest, 2, 2024)
    others = [figure(make_zone(), invest, n, 2020 + n % 4) for n in range(1, 9)]
    archive = tallies.refresh() if stored else None
    metrics = Metric.objects.visible().filter(indicator=invest)
    values = selectors.zone_year_values(
        metrics, "元", zones=1, years=30, stored=invest if archive else None
    )
    # The zone with the newest figure, and all of its years: read in full, they alone.
    assert [cell.pk for cell in values.cells] == [newest.pk, old.pk]
    assert values.years == [2024, 2023, 2022, 2021, 2020, 2001]
    assert (values.zones, values.dated_zones, values.older) == (9, 9, 0)
    fewer_years = selectors.zone_year_values(metrics, "元", zones=3, years=2)
    assert fewer_years.years == [2024, 2023]
    # Zones ranked by their newest figure in those years, then the largest: 2024, then 2023's 7 before its 3.
    assert [cell.pk for cell in fewer_years.cells] == [newest.pk, others[6].pk, others[2].pk]
    assert (fewer_years.zones, fewer_years.older) == (3, 1 + 6)


def test_indicator_chart_counts_and_bars_every_zone_not_only_the_tables(client, invest, monkeypatch):
    monkeypatch.setattr("articles.views.indicators.TABLE_ZONES", 2)
    zones = [make_zone() for _ in range(10)]
    for n, zone in enumerate(zones):
        figure(zone, invest, n + 1, 2020 + n % 3)
    url = reverse("articles:indicator", args=["total-investment"])
    # One year a zone: bars, the largest of all ten, though the table lists two.
    [chart] = charts_of(client.get(url), "indicator-charts")
    assert chart["type"] == "bar" and chart["omitted"] == 0
    assert [item["value"] for item in chart["items"]] == [(10 - n) * 1e8 for n in range(10)]
    for n, zone in enumerate(zones):
        figure(zone, invest, n + 1, 2010)
    response = client.get(url)
    table = response.context["table"]
    assert len(table["rows"]) == 2 and table["zones_left_out"] == 8
    # Lines: the table's zones (the newest), and a count of the others.
    [chart] = charts_of(response, "indicator-charts")
    assert chart["type"] == "series" and chart["omitted"] == 8
    assert [series["name"] for series in chart["series"]] == [row["zone"].name for row in table["rows"]]


def test_a_zone_whose_figure_has_no_year_is_in_the_table_and_the_comparison(client, figures, invest):
    wuhu = make_zone("芜湖高新区", slug="wuhu")
    undated = figure(wuhu, invest, 7, None)
    table = client.get(reverse("articles:indicator", args=["total-investment"])).context["table"]
    assert table["years"] == [2023, 2022, 2021, None]
    assert [[m and m.pk for m in row["cells"]] for row in table["rows"] if row["zone"] == wuhu] == [
        [None, None, None, undated.pk]
    ]
    [measured, _] = charts_of(client.get(reverse("articles:metrics"), {"indicator": "total-investment"}),
                              "metric-charts")
    assert "芜湖高新区 年份不详" in [i["name"] for i in measured["items"]]


def test_each_table_cell_links_its_value_to_its_sentence_and_escapes_what_the_page_said(client, invest):
    odd = make_zone("<b>高新区", slug="odd")
    stated = figure(odd, invest, 5, 2023)
    Metric.objects.filter(pk=stated.pk).update(raw='总投资"5"亿元', sentence="<script>总投资5亿元</script>。")
    figure(odd, invest, 3, 2021)
    figure(make_zone("芜湖高新区", slug="wuhu"), invest, 4, 2022)
    html = client.get(reverse("articles:indicator", args=["total-investment"])).content.decode()
    row = html[html.index('<th scope="row"><a href="/zones/odd/">'):]
    row = row[:row.index("</tr>")]
    assert row.startswith('<th scope="row"><a href="/zones/odd/">&lt;b&gt;高新区</a></th>')
    assert (
        f'<td><a href="{stated.get_absolute_url()}" title="总投资&quot;5&quot;亿元：&lt;script&gt;总投资5亿元&lt;/script&gt;。">'
        "5亿元</a></td>"
    ) in row
    # Of 2022 the zone has no figure.
    assert row.count('<td><span class="muted">—</span></td>') == 1


def test_the_figure_list_rows_link_zone_indicator_and_sentence_and_escape_what_the_page_said(client, invest):
    odd = make_zone("<i>高新区", slug="odd")
    named = figure(odd, invest, 5, 2023, label="项目<总>投资")
    loose = figure(odd, None, 7, None, label="新增<企业>", unit="家", normalized=None, normalized_unit="")
    Metric.objects.filter(pk=loose.pk).update(normalized_value=None, period="上半年")
    html = client.get(reverse("articles:metrics"), {"zone": "odd"}).content.decode()
    assert (
        '<tr><td data-label="高新区"><a href="/zones/odd/">&lt;i&gt;高新区</a></td>'
        '<td data-label="指标"><a href="/indicators/total-investment/">总投资</a> '
        '<span class="muted small">项目&lt;总&gt;投资</span></td>'
        '<td data-label="原文">项目&lt;总&gt;投资5亿元</td><td data-label="类型">实际值</td>'
        '<td data-label="折算值" class="num">5亿元</td><td data-label="限定">确数</td>'
        f'<td data-label="年份">2023</td><td data-label="出处"><a href="{named.get_absolute_url()}" '
        'title="项目&lt;总&gt;投资5亿元。">原文句子</a></td></tr>'
    ) in html
    assert (
        '<td data-label="指标">新增&lt;企业&gt; <span class="muted small">未归类</span></td>'
    ) in html
    assert '<td data-label="折算值" class="num">7家</td>' in html
    assert '<td data-label="年份">— <span class="muted">上半年</span></td>' in html


def test_indicator_page_draws_a_line_per_zone_with_several_years(client, figures):
    [chart] = charts_of(client.get(reverse("articles:indicator", args=["total-investment"])), "indicator-charts")
    assert chart["type"] == "series" and chart["years"] == [2021, 2022, 2023]
    series = {s["name"]: (s["line"], s["values"]) for s in chart["series"]}
    assert series == {
        "淮北高新区": (True, [2e9, 3e9, 5e9]),
        "合肥高新区": (False, [None, None, 1.2e10]),  # one year: a bar
        "烟台高新区": (False, [None, 8e7, None]),
    }


def test_indicator_page_with_one_year_draws_bars(client, figures, huaibei, firms):
    figure(huaibei, firms, 40, None, unit="家", normalized_unit="家")  # no year: no second point on a line
    [chart] = charts_of(client.get(reverse("articles:indicator", args=["hi-tech-firms"])), "indicator-charts")
    assert chart["type"] == "bar"
    assert [(i["name"], i["value"]) for i in chart["items"]] == [("烟台高新区 2023", 130), ("淮北高新区 2023", 56)]


def test_indicator_page_offers_json_and_csv_of_its_figures(client, figures):
    url = reverse("articles:indicator", args=["hi-tech-firms"])
    html = client.get(url).content.decode()
    assert 'href="/api/metrics/?indicator=hi-tech-firms"' in html
    data = client.get(url, {"format": "json"}).json()
    assert sorted(i["id"] for i in data["results"]) == sorted([figures["hb_firms"].pk, figures["yt_firms"].pk])
    response = client.get(url, {"format": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="indicator-hi-tech-firms.csv"'
    # The address fixes the indicator: its filter form does not offer another.
    assert 'name="indicator"' not in html


def test_unknown_indicator_is_404_and_bad_filters_400(client, figures):
    assert client.get(reverse("articles:indicator", args=["no-such"])).status_code == 404
    response = client.get(reverse("articles:indicator", args=["total-investment"]), {"year": "<b>"})
    assert response.status_code == 400
    assert client.get(reverse("articles:indicator", args=["total-investment"]),
                      {"year": "<b>", "format": "json"}).status_code == 400


def test_indicator_page_query_count_and_size_are_bounded(client, figures, invest, huaibei):
    url = reverse("articles:indicator", args=["total-investment"])
    before = queries_for(client, url)
    for n in range(40):  # many statements of the same zone's same years
        figure(huaibei, invest, 60 + n, 2021 + n % 3)
    for year in range(1990, 2000):
        figure(make_zone(), invest, 1, year)
    assert queries_for(client, url) == before
    response = client.get(url)
    assert len(response.context["table"]["years"]) == 12 and response.context["table"]["older"] > 0
    [chart] = charts_of(response, "indicator-charts")
    assert len(chart["series"]) == 8 and chart["omitted"] > 0
    assert f"最新、最大的 8 项，共 {8 + chart['omitted']} 项" in response.content.decode()
    huaibei_row = next(r for r in response.context["table"]["rows"] if r["zone"] == huaibei)
    assert sum(1 for m in huaibei_row["cells"] if m) == 3  # one value per year, not 43


def test_indicator_page_reads_its_figure_count_from_the_stored_tallies_while_they_are_fresh(client, figures, invest):
    from articles import tallies
    from articles.models import Tally

    tallies.refresh()
    # Written without signals, so the counts stay fresh: the page must show this one, not count.
    Tally.objects.filter(kind=Tally.Kind.INDICATOR, ref=invest.pk).update(metrics=57)
    url = reverse("articles:indicator", args=["total-investment"])
    assert client.get(url).context["page_obj"].paginator.count == 57
    # Another filter narrows the list: counted.
    assert client.get(url, {"kind": "target"}).context["page_obj"].paginator.count == 1


def test_comparison_counts_the_figures_in_other_units_than_the_indicators_listed_one(client, firms, huaibei, yantai):
    figure(huaibei, firms, 56, 2023, unit="家", normalized_unit="家")
    figure(yantai, firms, 130, 2023, unit="家", normalized_unit="家")
    figure(yantai, firms, 3, 2022, unit="个", normalized_unit="个")
    figure(huaibei, firms, 40, 2022, unit="%", normalized_unit="%", kind="share")
    response = client.get(reverse("articles:metrics"), {"indicator": "hi-tech-firms"})
    assert response.context["other_units"] == 2
    [measured] = charts_of(response, "metric-charts")
    assert [i["name"] for i in measured["items"]] == ["烟台高新区 2023", "淮北高新区 2023"]
    assert response.context["years"] == [2023, 2022]
