"""The province tile grid and the comparison in Chromium, at desktop width and at 390 px."""
import pytest

pytest.importorskip("playwright")

from articles.models import Indicator  # noqa: E402
from articles.tests.factories import make_article, make_initiative, make_metric, make_zone  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture
def zones_with_facts(reference_zones):
    from zones.models import Zone

    investment = Indicator.objects.create(slug="investment", name="总投资", dimension="money", units=["元"])
    figures = {"huaibei": (50, 2023), "yantai": (120, 2022), "hefei": (300, 2023)}
    for n, (slug, (value, year)) in enumerate(figures.items()):
        zone = Zone.objects.get(slug=slug)
        for k in range(n + 1):
            article = make_article(title=f"{zone.name}的党建文章{k}", zone=zone, year=year - k)
        make_initiative(f"{zone.name[:2]}产业链党建联盟", article=article, category="industry_chain")
        make_metric(article, value=value, normalized_value=value * 1e8, year=year, indicator=investment,
                    sentence=f"总投资{value}亿元。")
    # A long indicator name: the comparison's row header must wrap on a phone, not run over the figures.
    firms = Indicator.objects.create(slug="tech-smes", name="科技型中小企业数", dimension="enterprises",
                                     units=["家"], position=2)
    make_metric(article, label="科技型中小企业", value=56, unit="家", normalized_value=56, normalized_unit="家",
                year=2023, indicator=firms, sentence="科技型中小企业56家。")
    make_zone("新疆测试高新区", slug="xj-test", province="新疆维吾尔自治区")
    return investment


def no_overflowing_tiles(page):
    return page.evaluate(
        """() => [...document.querySelectorAll('.tile')]
            .filter(t => t.scrollWidth > t.clientWidth + 1).map(t => t.textContent.trim())"""
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_home_tile_grid_is_a_labelled_schematic_that_leads_to_provinces(live_server, page, zones_with_facts, width, screenshot):
    page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    page.goto(live_server.url + "/")
    grid = page.locator(".tile-grid")
    assert page.locator(".tile").count() == 34
    assert page.locator(".tile-badge").inner_text() == "示意图"
    assert no_overflowing_tiles(page) == []
    box = grid.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTHS[width]
    # tiles are equal squares
    sizes = {(round(b["width"]), round(b["height"])) for b in (t.bounding_box() for t in page.locator(".tile").all())}
    assert len(sizes) == 1 and abs(next(iter(sizes))[0] - next(iter(sizes))[1]) <= 1
    grid.scroll_into_view_if_needed()
    screenshot(page, f"regions-home-{width}", full_page=True)

    page.get_by_label("着色依据").select_option("investment")
    page.get_by_role("button", name="着色").click()
    assert "indicator=investment" in page.url
    assert page.locator(".tile-l5 .tile-value").inner_text() == "350亿元"  # 淮北 50 + 合肥 300
    screenshot(page.locator(".tile-figure"), f"regions-tiles-indicator-{width}")

    page.locator(".tile-grid").get_by_role("link", name="安徽省", exact=True).click()
    assert page.locator("h1").inner_text() == "安徽省的高新区"
    assert page.get_by_role("heading", name="最新文章").is_visible()
    screenshot(page, f"regions-province-{width}", full_page=True)
    assert page.console_errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_compare_two_zones_chosen_in_the_directory(live_server, page, zones_with_facts, width, screenshot):
    page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    page.goto(live_server.url + "/zones/?sort=articles")
    ranked = page.locator(".ranked-zones li")
    assert ranked.count() == 3
    assert not page.locator(".empty-zones .zone-grid").is_visible()  # empty zones folded away
    screenshot(page, f"regions-directory-{width}")
    page.get_by_label("比较淮北高新区").first.check()
    page.get_by_label("比较烟台高新区").first.check()
    page.get_by_role("button", name="比较所选高新区").click()
    page.wait_for_url("**/compare/**")
    assert page.locator("h1").inner_text() == "比较高新区"
    assert "zones=huaibei" in page.url and "zones=yantai" in page.url
    headers = page.locator(".compare-table").first.locator("thead th").all_inner_texts()
    assert sorted(headers) == ["淮北高新区", "烟台高新区"]  # in the order they were ticked
    page.wait_for_selector(".chart canvas")
    assert page.locator("#figures-heading + p + .table-wrap").inner_text().count("亿元") == 2

    # add a third zone with the form and compare again
    page.locator("#compare-zone-3").select_option("hefei")
    page.get_by_role("button", name="比较", exact=True).click()
    page.wait_for_url("**zones=hefei**")  # all_inner_texts does not wait for the new page
    page.wait_for_selector(".compare-table")
    assert page.locator(".compare-table").first.locator("thead th").all_inner_texts()[-1] == "合肥高新区"
    page.wait_for_selector(".chart canvas")
    screenshot(page, f"regions-compare-{width}", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width]
    overflowing = page.evaluate(
        """() => [...document.querySelectorAll('.compare-table tbody th')]
            .filter(th => th.scrollWidth > th.clientWidth + 1).map(th => th.textContent)"""
    )
    assert page.locator(".compare-table tbody th", has_text="科技型中小企业数").count() == 1 and overflowing == []
    assert page.console_errors == []


def test_a_zone_page_leads_to_the_comparison(live_server, page, zones_with_facts):
    page.goto(live_server.url + "/zones/huaibei/")
    page.get_by_role("link", name="比较", exact=True).click()
    assert page.locator(".notice").inner_text().startswith("已选择淮北高新区")
    assert page.locator("#compare-zone-1").input_value() == "huaibei"
    assert page.console_errors == []
