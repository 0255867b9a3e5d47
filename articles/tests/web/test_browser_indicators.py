"""Comparing zones on an indicator in a real browser, on a desktop and on a phone."""
import pytest

from articles.tests.factories import make_article, make_indicator, make_metric
from articles.tests.web.test_browser_journey import painted_pixels
from zones.models import Zone

pytest.importorskip("playwright")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# (zone, {year: 亿元}); 淮北 and 合肥 have several years (lines), 烟台 one (a bar).
INVESTMENT = [
    ("淮北高新区", {2021: 20, 2022: 30, 2023: 50}),
    ("合肥高新区", {2022: 95, 2023: 120}),
    ("烟台高新区", {2022: 0.8}),
    ("芜湖高新区", {2023: 42}),
    ("蚌埠高新区", {2021: 12, 2023: 18}),
]


@pytest.fixture
def investment(reference_zones):
    invest = make_indicator("总投资", slug="total-investment", synonyms=["总投资额"])
    for name, values in INVESTMENT:
        zone = Zone.objects.get(name=name)
        for year, value in values.items():
            sentence = f"{name}项目总投资{value:g}亿元。"
            article = make_article(title=f"{name}{year}年项目签约", zone=zone, year=year, body=sentence)
            make_metric(article, label="总投资", value=value, unit="亿元", normalized_value=value * 1e8,
                        year=year, sentence=sentence, indicator=invest)
    hefei = Zone.objects.get(name="合肥高新区")
    sentence = "到2025年项目总投资达到200亿元。"
    make_metric(make_article(title="合肥目标", zone=hefei, year=2023, body=sentence), label="总投资",
                value=200, unit="亿元", normalized_value=2e10, year=2025, kind="target", sentence=sentence,
                indicator=invest)
    return invest


def no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", [1280, 390])
def test_metrics_compares_zones_on_an_indicator_and_a_year(live_server, page, investment, width, screenshot):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/metrics/?indicator=total-investment")
    page.wait_for_selector("[data-chart] canvas")
    assert painted_pixels(page, "[data-chart] canvas") > 1000
    caption = page.locator(".chart-figure figcaption").first.inner_text()
    assert "总投资" in caption and "最新" in caption
    # The bars' names carry their year; the data table says the same.
    names = page.locator(".chart-table").first.locator("td:first-child").all_text_contents()
    assert names == ["合肥高新区 2023", "淮北高新区 2023", "芜湖高新区 2023", "蚌埠高新区 2023", "烟台高新区 2022"]
    assert page.locator(".chart-figure").count() == 2  # the target apart
    assert no_horizontal_scroll(page)
    screenshot(page, f"pages-metrics-compare-{width}", full_page=True)
    screenshot(page.locator(".chart-section"), f"pages-metrics-chart-{width}")

    page.select_option("#compare-year", "2022")
    page.locator(".compare-form button").click()
    page.wait_for_url("**year=2022**")
    page.wait_for_selector("[data-chart] canvas")
    names = page.locator(".chart-table").first.locator("td:first-child").all_text_contents()
    assert names == ["合肥高新区 2022", "淮北高新区 2022", "烟台高新区 2022"]
    assert page.console_errors == []


@pytest.mark.parametrize("width", [1280, 390])
def test_indicator_page_draws_a_line_per_zone_and_tables_its_values(live_server, page, investment, width, screenshot):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/indicators/")
    page.get_by_role("link", name="总投资", exact=True).click()
    page.wait_for_url("**/indicators/total-investment/")
    page.wait_for_selector("[data-chart] canvas")
    assert painted_pixels(page, "[data-chart] canvas") > 1000
    headers = page.locator(".pivot-table").first.locator("thead th").all_inner_texts()
    assert headers == ["高新区", "2023", "2022", "2021"]
    assert page.locator(".pivot-table").count() == 2  # values, and targets apart
    assert no_horizontal_scroll(page)
    screenshot(page, f"pages-indicator-{width}", full_page=True)
    screenshot(page.locator(".chart-section"), f"pages-indicator-chart-{width}")
    # A value leads to the sentence it was read from.
    page.locator(".pivot-table").first.get_by_role("link", name="50亿元").click()
    page.wait_for_url("**/articles/**")
    assert "淮北高新区项目总投资50亿元。" in page.locator("main").inner_text()
    assert page.console_errors == []
