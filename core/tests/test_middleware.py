"""Security headers, database outages answered 503, and the admin login's `next`."""
import sqlite3
from unittest import mock

import pytest
from django.db import OperationalError, connection, connections
from django.test import Client, RequestFactory

from core import db
from core.views import server_error

pytestmark = pytest.mark.django_db

STRICT_DIRECTIVES = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
]


def directives(header):
    return [part.strip() for part in header.split(";")]


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("curator", password="right-Pass-123", is_staff=True)


@pytest.mark.parametrize("path", ["/", "/zones/", "/api/articles/", "/no-such-page/"])
def test_public_pages_carry_a_strict_content_security_policy(client, path):
    response = client.get(path)
    assert directives(response["Content-Security-Policy"]) == STRICT_DIRECTIVES
    assert "unsafe" not in response["Content-Security-Policy"]
    policy = response["Permissions-Policy"]
    assert "camera=()" in policy and "geolocation=()" in policy and "microphone=()" in policy


def test_the_admin_allows_inline_styles_but_no_inline_script(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", password="right-Pass-123"))
    for path in ("/admin/login/", "/admin/", "/admin/auth/user/"):
        response = client.get(path, follow=True)
        assert response.status_code == 200
        policy = directives(response["Content-Security-Policy"])
        assert "style-src 'self' 'unsafe-inline'" in policy
        assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "Permissions-Policy" in response


def test_the_public_templates_need_no_inline_script_or_style(client):
    # What makes the strict policy safe: nothing on a public page that it would block.
    html = client.get("/").content.decode()
    assert "<style" not in html and " style=" not in html
    for tag in html.split("<script")[1:]:
        opening = tag.split(">", 1)[0]
        assert "src=" in opening or 'type="application/json"' in opening, opening


def _driver_error():
    """What the driver in use raises when the server is gone."""
    if connection.vendor == "postgresql":
        import psycopg

        return psycopg.OperationalError("connection failed: connection refused")
    return sqlite3.OperationalError("unable to open database file")


@pytest.mark.django_db(transaction=True)
def test_an_unreachable_database_answers_503_and_recovers_without_a_restart():
    client = Client()
    assert client.get("/zones/").status_code == 200
    # The driver's own error, raised where Django opens a cursor, as when the server is gone.
    with mock.patch.object(type(connections["default"]), "create_cursor", side_effect=_driver_error()):
        response = client.get("/zones/")
        api = client.get("/api/articles/")
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert "数据库暂时无法连接" in html and "Traceback" not in html
    assert api.status_code == 503 and api.json()["reason"] == "unavailable"
    # The server comes back: the next request is served by the same process.
    assert client.get("/zones/").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_connection_the_postgresql_server_dropped_is_replaced_before_use():
    # What a PostgreSQL restart does to every kept connection.
    if connection.vendor != "postgresql":
        pytest.skip("an embedded database has no server to drop a connection")
    import psycopg
    from django.db import close_old_connections

    client = Client()
    assert client.get("/zones/").status_code == 200
    pid = connection.connection.info.backend_pid
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    params["dbname"] = "postgres"
    with psycopg.connect(**params, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    close_old_connections()  # what the server runs as each request starts
    assert client.get("/zones/").status_code == 200
    assert connection.connection.info.backend_pid != pid


@pytest.mark.django_db(transaction=True)
def test_a_worker_keeps_its_database_connection_between_requests_for_a_minute():
    import time

    from django.db import close_old_connections

    client = Client()
    assert client.get("/zones/").status_code == 200
    kept = connection.connection
    close_old_connections()  # what the server runs as each request starts and ends
    assert client.get("/articles/").status_code == 200
    assert connection.connection is kept
    assert 0 < connection.close_at - time.monotonic() <= 60


def _read_only(on):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SET default_transaction_read_only = {'on' if on else 'off'}")
        else:
            cursor.execute(f"PRAGMA query_only = {'ON' if on else 'OFF'}")


@pytest.mark.django_db(transaction=True)
def test_admin_login_on_a_read_only_database_says_so_instead_of_a_500(django_user_model):
    django_user_model.objects.create_user("curator", password="right-Pass-123", is_staff=True)
    client = Client(raise_request_exception=False)
    _read_only(True)
    try:
        response = client.post("/admin/login/", {"username": "curator", "password": "right-Pass-123"})
    finally:
        _read_only(False)
    assert response.status_code == 503
    assert "只读" in response.content.decode()
    assert response["Retry-After"]


def test_a_full_disk_met_outside_the_view_also_answers_503():
    # Saving the session happens after the view, where only the 500 handler sees it.
    request = RequestFactory().get("/admin/")
    try:
        raise OperationalError("database or disk is full") from sqlite3.OperationalError("database or disk is full")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    assert "存储空间已满" in response.content.decode()


def test_a_programming_error_stays_a_500():
    request = RequestFactory().get("/")
    try:
        raise OperationalError("no such table: x") from sqlite3.OperationalError("no such table: x")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 500


def _wrapped(cause, django_class=OperationalError):
    exc = django_class(str(cause))
    exc.__cause__ = cause
    return exc


def test_sqlite_failures_are_told_apart_by_their_error_code():
    raw = sqlite3.connect(":memory:")
    raw.execute("PRAGMA query_only = ON")
    with pytest.raises(sqlite3.OperationalError) as read_only:
        raw.execute("CREATE TABLE t (x)")
    with pytest.raises(sqlite3.OperationalError) as bug:
        raw.execute("SELECT x FROM missing")
    assert db.failure_kind(_wrapped(read_only.value)) == db.READ_ONLY
    assert db.failure_kind(_wrapped(bug.value)) is None


@pytest.mark.parametrize(
    "message, kind",
    [
        ("attempt to write a readonly database", db.READ_ONLY),
        ("database or disk is full", db.FULL),
        ("database is locked", db.BUSY),
        ("interrupted", db.TIMEOUT),
        ("no such column: x", None),
    ],
)
def test_sqlite_failures_without_an_error_code_are_told_apart_by_message(message, kind):
    assert db.failure_kind(_wrapped(sqlite3.OperationalError(message))) == kind


def test_postgresql_failures_are_told_apart_by_sqlstate():
    psycopg = pytest.importorskip("psycopg")
    from django.db import InternalError

    def wrapped(error_class, django_class=OperationalError):
        return db.failure_kind(_wrapped(error_class("x"), django_class))

    assert wrapped(psycopg.errors.ReadOnlySqlTransaction, InternalError) == db.READ_ONLY
    assert wrapped(psycopg.errors.DiskFull) == db.FULL
    assert wrapped(psycopg.errors.AdminShutdown) == db.UNAVAILABLE
    assert wrapped(psycopg.errors.CannotConnectNow) == db.UNAVAILABLE
    assert wrapped(psycopg.errors.QueryCanceled) == db.TIMEOUT
    assert wrapped(psycopg.OperationalError) == db.UNAVAILABLE  # refused, no SQLSTATE
    assert wrapped(psycopg.errors.UndefinedTable, django_class=OperationalError) is None


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x", "/nonexistent", "/admin/nope/"])
def test_login_with_an_unusable_next_lands_on_the_admin_index(client, staff, next_url):
    page = client.get("/admin/login/", {"next": next_url})
    assert page.status_code == 200
    assert 'name="next" value="/admin/"' in page.content.decode()
    response = client.post(
        f"/admin/login/?next={next_url}",
        {"username": "curator", "password": "right-Pass-123", "next": next_url},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get(response["Location"]).status_code == 200


def test_login_with_a_page_of_the_site_as_next_goes_there(client, staff):
    response = client.post(
        "/admin/login/?next=/zones/", {"username": "curator", "password": "right-Pass-123", "next": "/zones/"}
    )
    assert response.status_code == 302 and response["Location"] == "/zones/"

