import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_zone_directory_renders_in_a_real_browser(live_server, page, reference_zones):
    page.goto(f"{live_server.url}/zones/")
    assert page.locator("h1").inner_text() == "高新区名录"
    assert page.locator(".zone-grid li").count() > 150
    page.get_by_role("link", name="淮北高新区").click()
    assert page.locator("h1").inner_text() == "淮北高新区"
    assert page.console_errors == []


def test_the_breadcrumbs_stand_clear_of_the_header(live_server, page, reference_zones):
    page.goto(f"{live_server.url}/zones/huaibei/")
    header = page.locator(".site-header").bounding_box()
    crumbs = page.locator(".breadcrumbs").bounding_box()
    assert crumbs["y"] - (header["y"] + header["height"]) >= 16
