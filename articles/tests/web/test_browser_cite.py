"""The article page's reference, copied with its button in a real browser, on a desktop and a phone."""
import datetime

import pytest

from articles.tests.factories import make_article, make_source

pytest.importorskip("playwright")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REFERENCE = "肖干, 周建军. 党建引领开新局[N]. 中国高新技术产业导报, 2022-09-05(A7)."


@pytest.fixture
def article(reference_zones):
    from zones.models import Zone

    source = make_source(paper="中国高新技术产业导报", date=datetime.date(2022, 9, 5), page="A7")
    return make_article(
        title="党建引领开新局", authors=["肖干", "周建军"], byline="■ 记者 肖干 周建军", source=source,
        date=datetime.date(2022, 9, 5), year=2022, zone=Zone.objects.get(name="淮北高新区"),
        body="淮北高新区成立锂电产业链党建联盟。\n项目总投资50亿元。",
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_the_copy_button_puts_the_reference_on_the_clipboard(live_server, chromium, article, width, screenshot):
    context = chromium.new_context(
        locale="zh-CN", viewport={"width": width, "height": 900},
        permissions=["clipboard-read", "clipboard-write"],
    )
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(f"{live_server.url}{article.get_absolute_url()}")
        assert page.locator("#cite-text").inner_text() == REFERENCE
        button = page.get_by_role("button", name="复制引文")
        button.scroll_into_view_if_needed()
        button.click()
        page.get_by_text("已复制到剪贴板").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == REFERENCE
        screenshot(page.locator(".cite"), f"article-reference-{width}")
        screenshot(page, f"article-page-{width}", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        # The record links name the formats a reference manager imports.
        ris = page.get_by_role("link", name="RIS")
        assert ris.get_attribute("href") == f"/api/articles/{article.pk}/?format=ris"
        assert errors == []
    finally:
        context.close()


def test_without_a_clipboard_the_reference_is_selected_for_copying(live_server, page, article):
    # Plain http on a host other than localhost has no navigator.clipboard.
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined});")
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    page.get_by_role("button", name="复制引文").click()
    assert page.locator("#cite-status").inner_text() != ""
    assert page.evaluate("window.getSelection().toString()") == REFERENCE
    assert page.console_errors == []
