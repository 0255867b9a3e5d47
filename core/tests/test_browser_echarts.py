"""The vendored ECharts build (frontend/echarts/, `make echarts`): it holds every chart type and
component static/js/charts.js uses, at a fraction of the full build's weight."""
import pytest

pytest.importorskip("playwright")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The full 6.1.0 build is 1,121,883 bytes; this one about 537,000.
MAX_BYTES = 600_000

DRAW = """() => {
    const chart = echarts.init(document.getElementById("chart"), null, { renderer: "canvas" });
    chart.setOption({
        legend: { type: "plain" },
        tooltip: { trigger: "item" },
        grid: { containLabel: true },
        xAxis: { type: "category", data: ["2022", "2023", "2024"], axisLabel: { hideOverlap: true } },
        yAxis: { type: "value", splitNumber: 2 },
        series: [
            { type: "line", name: "总投资", data: [1e9, 2e9, 5e9] },
            { type: "bar", name: "产值", data: [3e9, null, 4e9] },
        ],
    });
    const option = chart.getOption();
    return {
        components: ["legend", "tooltip", "grid", "xAxis", "yAxis"].filter((name) => (option[name] || []).length),
        series: option.series.map((series) => series.type),
    };
}"""


def test_the_build_draws_what_charts_js_uses_and_stays_light(live_server, page):
    script = f"{live_server.url}/static/vendor/echarts/echarts.min.js"
    with page.expect_response(script) as response:
        page.set_content(f'<div id="chart" style="width:390px;height:300px"></div><script src="{script}"></script>')
    assert len(response.value.body()) < MAX_BYTES
    # An option naming a component the build lacks is dropped without a word: ask the chart what it kept.
    assert page.evaluate(DRAW) == {
        "components": ["legend", "tooltip", "grid", "xAxis", "yAxis"],
        "series": ["line", "bar"],
    }
    page.wait_for_timeout(100)
    assert page.console_errors == []
