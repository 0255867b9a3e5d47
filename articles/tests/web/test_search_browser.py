"""The search page in a real browser: names of other kinds, the date range, one box, no focus taken."""
import datetime

import pytest

from articles.models import Indicator, InitiativeType
from articles.tests.factories import (
    index_for_search,
    make_article,
    make_initiative,
    make_metric,
    make_source,
    make_zone,
)

pytest.importorskip("playwright")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture
def kb(clean_dictionary):
    huaibei = make_zone("淮北高新区", slug="huaibei", province="安徽省", city="淮北市")
    yantai = make_zone("烟台高新区", slug="yantai", province="山东省", city="烟台市")
    chain = InitiativeType.objects.create(slug="chain-alliance", name="产业链党建联盟", category="industry_chain")
    investment = Indicator.objects.create(slug="investment", name="项目总投资", dimension="money")
    made = []
    for n, (zone, date, title) in enumerate([
        (huaibei, datetime.date(2021, 6, 1), "淮北高新区成立锂电产业链党建联盟"),
        (yantai, datetime.date(2023, 3, 8), "烟台高新区推进生物医药产业链党建联盟"),
        (yantai, datetime.date(2024, 5, 20), "烟台高新区党建联盟开展主题党日活动"),
    ]):
        source = make_source(f"page-{n}.txt", page_name="党建在高新", date=date)
        made.append(make_article(
            title=title, zone=zone, source=source, date=date, year=date.year, authors=["肖干"],
            body=f"{title}。联盟企业签约项目，项目总投资50亿元，推进党群服务中心建设。",
        ))
    make_initiative("锂电产业链党建联盟", article=made[0], type=chain)
    make_initiative("生物医药产业链党建联盟", article=made[1], type=chain)
    make_metric(made[0], label="项目总投资", indicator=investment, year=2021,
                sentence="联盟企业签约项目，项目总投资50亿元，推进党群服务中心建设。")
    index_for_search(made)
    return made


@pytest.fixture
def shoot(screenshot):
    def take(page, name, width):
        page.set_viewport_size({"width": width, "height": 900})
        return screenshot(page, f"search-{name}-{width}", full_page=True)

    return take


def test_search_across_kinds_in_a_browser(live_server, page, kb, shoot):
    page.goto(f"{live_server.url}/search/")
    # The page takes no focus and offers one search box.
    assert page.evaluate("document.activeElement === document.body")
    assert page.locator('input[type="search"]').count() == 1
    page.fill("#search-q", "党建联盟")
    page.get_by_role("button", name="检索", exact=True).click()
    page.wait_for_url("**/search/?q=*")
    assert page.evaluate("document.activeElement === document.body")
    named = page.locator(".named-results")
    assert named.get_by_role("link", name="锂电产业链党建联盟").is_visible()
    assert named.get_by_role("link", name="产业链党建联盟", exact=True).is_visible()
    assert "2 项举措 · 2 个高新区" in named.inner_text()
    # The names stand above the articles.
    assert named.bounding_box()["y"] < page.locator(".result-list").bounding_box()["y"]
    for width in WIDTHS.values():
        shoot(page, "across-kinds", width)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"the page scrolls sideways at {width}px"
    named.get_by_role("link", name="锂电产业链党建联盟").click()
    assert page.locator("h1").inner_text() == "锂电产业链党建联盟"
    assert page.console_errors == []


def test_date_range_and_sort_in_a_browser(live_server, page, kb, shoot):
    page.goto(f"{live_server.url}/search/?q=党建联盟")
    assert page.locator(".result-list > li").count() == 3
    page.fill("#id_date_from", "2022-01-01")
    page.fill("#id_date_to", "2023-12-31")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url("**date_from=2022-01-01**")
    assert page.locator(".result-list > li h3").all_inner_texts() == ["烟台高新区推进生物医药产业链党建联盟"]
    assert page.locator("#search-q").input_value() == "党建联盟"
    for width in WIDTHS.values():
        shoot(page, "date-range", width)
    page.fill("#id_date_from", "")
    page.fill("#id_date_to", "")
    page.get_by_role("button", name="筛选").click()
    page.get_by_role("link", name="日期从旧到新").click()
    assert page.locator(".result-list > li h3").first.inner_text() == "淮北高新区成立锂电产业链党建联盟"
    assert page.console_errors == []
    # A reversed range is a form error beside its field (answered 400), not an error page.
    page.fill("#id_date_from", "2024-01-01")
    page.fill("#id_date_to", "2021-01-01")
    page.get_by_role("button", name="筛选").click()
    assert page.locator(".filters .field-error").inner_text().count("结束日期早于开始日期") == 1
    shoot(page, "date-error", WIDTHS["phone"])
    assert [e for e in page.console_errors if "status of 400" not in e] == []


def test_the_advanced_form_in_a_browser(live_server, page, kb, shoot):
    page.goto(f"{live_server.url}/search/?q=党建联盟")
    page.locator(".advanced-search summary").click()
    page.fill("#id_title", "烟台")
    page.get_by_role("button", name="检索", exact=True).click()
    page.wait_for_url("**title=**")
    assert page.locator(".result-list > li").count() == 2
    assert page.locator(".advanced-search").get_attribute("open") is not None
    for width in WIDTHS.values():
        shoot(page, "advanced", width)
    assert page.console_errors == []
