from io import StringIO

import pytest

# The fixtures that flush the test database after a test instead of rolling it back.
FLUSHING_FIXTURES = {"transactional_db", "live_server"}
SEEDS_INGESTED = pytest.StashKey[bool]()


def on_seeds(item):
    return "ingested_seeds" in getattr(item, "fixturenames", ())


def uses_database(item):
    fixtures = set(getattr(item, "fixturenames", ()))
    return item.get_closest_marker("django_db") is not None or bool(({"db"} | FLUSHING_FIXTURES) & fixtures)


def flushes_database(item):
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return bool(FLUSHING_FIXTURES & set(getattr(item, "fixturenames", ())))


def run_order(item):
    """Tests rolled back, then tests without a database, then tests that flush it, then the seeds' tests.

    pytest-django puts the tests without a database last. ``--dist load`` hands a
    worker consecutive tests, up to a quarter of those left at a time: the
    flushing tests (browser tests, mostly slow) then went to one worker in one
    hand-out with hundreds of tests after them, and it ran on for a minute after
    the other had finished. Handed out last but for the seeds' tests, they go a
    few at a time to whichever worker is free.
    """
    if on_seeds(item):
        return 3
    if flushes_database(item):
        return 2
    return 0 if uses_database(item) else 1


@pytest.fixture(scope="session")
def ingested_seeds(request, django_db_setup, django_db_blocker):
    """The seed pages ingested once per session (once per xdist worker); the ingest's summary.

    The ingest runs in a transaction held open to the end of the session and then
    rolled back; each test using this fixture runs, and rolls back, inside it. Its
    tests are therefore run last (see pytest_collection_modifyitems): every other
    test finds the database empty, as it expects. Only tests whose writes roll back
    (the ``db`` fixture) may use it: a flush would empty the database under it.
    """
    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        out, err = StringIO(), StringIO()
        call_command("ingest", stdout=out, stderr=err)
        assert err.getvalue() == "", err.getvalue()
        request.session.stash[SEEDS_INGESTED] = True
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Order the tests by ``run_order``, keeping pytest-django's order within each group; the seeds' tests last."""
    for item in filter(on_seeds, items):
        if flushes_database(item):
            raise pytest.UsageError(f"{item.nodeid}: a test on the session's seeds cannot flush the database")
    items.sort(key=run_order)


def pytest_runtest_setup(item):
    """A database test must not run after the seeds were ingested: it would find them.

    pytest-xdist's default ``--dist load`` keeps each worker's tests in collection
    order; a distribution that sends whole files (loadfile, loadscope) does not.
    """
    if item.session.stash.get(SEEDS_INGESTED, False) and not on_seeds(item) and uses_database(item):
        pytest.fail(f"{item.nodeid} runs after the session's seeds were ingested; use --dist load", pytrace=False)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a rolled-back test's stored counts may reuse
    the ids that key a whole list's facets (core.listing) on SQLite."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """A STATIC_ROOT filled by `manage.py collectstatic` under the production settings, once per session."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = tmp_path_factory.mktemp("collected")
    environ = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    environ.update(DJANGO_SETTINGS_MODULE="config.settings", DEBUG="0", SECRET_KEY="c" * 50,
                   STATIC_ROOT=str(root / "static"), DATABASE_URL=f"sqlite:///{root}/db.sqlite3")
    collect = subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                             cwd=Path(__file__).resolve().parent, env=environ, capture_output=True, text=True)
    assert collect.returncode == 0, collect.stderr
    return root / "static"


@pytest.fixture
def settings_from_env():
    """``settings_from_env(**env)``: what config/settings.py defines, read under ``env``.

    The module is run in this process with ``os.environ`` set to the run's
    environment without DATABASE_URL, DEBUG and SECRET_KEY, plus ``env``: it reads
    nothing else, so a fresh interpreter would find the same values, in a second
    instead of milliseconds. Django's own ``settings`` are left alone.
    """
    import os
    import runpy
    from pathlib import Path
    from unittest import mock

    module = Path(__file__).resolve().parent / "config" / "settings.py"

    def read(**env):
        environ = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG", "SECRET_KEY"}}
        environ.update(env)
        with mock.patch.dict(os.environ, environ, clear=True):
            return runpy.run_path(str(module))

    return read


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
        # While that loop runs, Django keeps this thread's connections apart from those
        # opened before it (asgiref's Local): one the tests on the seeds opened after the
        # browser tests would outlive the loop, still open when the test database is dropped.
        from django.db import connections

        connections.close_all()


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


@pytest.fixture
def screenshot():
    """``screenshot(page_or_locator, name, full_page=False)``: kept to look at when SCREENSHOT_DIR is set.

    A run without it takes none: writing full-page images costs the suite time and
    leaves files outside the project.
    """
    import os

    folder = os.environ.get("SCREENSHOT_DIR")

    def take(target, name, full_page=False):
        if not folder:
            return None
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"{name}.png")
        if full_page:
            target.screenshot(path=path, full_page=True)
        else:
            target.screenshot(path=path)
        return path

    return take
