import pytest


@pytest.fixture
def reference_zones(db):
    """The national zone list loaded into the test database."""
    from zones.reference import load_reference_zones

    load_reference_zones()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright; skipped (or failed in CI) when absent."""
    import os
    import shutil

    if not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: `make browser-deps` installs it")
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # tests make between page actions are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A fresh browser page that records console errors in ``page.console_errors``."""
    context = chromium.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    browser_page = context.new_page()
    browser_page.console_errors = []
    browser_page.on(
        "console", lambda msg: msg.type == "error" and browser_page.console_errors.append(msg.text)
    )
    browser_page.on("pageerror", lambda exc: browser_page.console_errors.append(str(exc)))
    yield browser_page
    context.close()
