"""Bounded database work: statement time limit, SQLite memory pragmas, PostgreSQL's planner settings."""
import pytest
from django.db import OperationalError, connection, transaction

from core import db

pytestmark = pytest.mark.django_db

# A statement that runs for minutes unless stopped.
ENDLESS = {
    "sqlite": "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n",
    "postgresql": "SELECT pg_sleep(120)",
}


@pytest.fixture
def statement_limit(settings):
    """The limit the web server sets, applied to this test's connection, then removed."""
    settings.DB_STATEMENT_TIMEOUT = 0.3
    db.limit_statement_time(None, connection)
    yield
    settings.DB_STATEMENT_TIMEOUT = 0
    if connection.vendor == "sqlite":
        connection.execute_wrappers.remove(connection._kb_deadline.start)
        del connection._kb_deadline
        connection.connection.set_progress_handler(None, 0)


def test_a_runaway_statement_is_stopped_and_reported_as_a_timeout(statement_limit):
    with pytest.raises(OperationalError) as stopped:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(ENDLESS[connection.vendor])
            cursor.fetchall()
    assert db.failure_kind(stopped.value) == db.TIMEOUT
    # The connection is still usable for the next request.
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def test_statements_within_the_limit_run(statement_limit):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 41 + 1")
        assert cursor.fetchone() == (42,)


def test_sqlite_sorts_and_temporary_tables_spill_to_disk_not_memory():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite pragmas")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA temp_store")
        assert cursor.fetchone() == (1,)  # FILE
        cursor.execute("PRAGMA cache_size")
        (cache,) = cursor.fetchone()
        assert -65536 < cache < 0  # a bounded number of KiB
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] in {"wal", "memory"}  # memory: the in-memory test database


def test_a_postgresql_query_is_run_by_its_own_connection_alone_and_plans_for_cached_reads():
    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone() == ("0",)
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone() == ("1.1",)


@pytest.mark.django_db
def test_page_text_in_json_columns_is_stored_as_itself_and_reads_back_alike():
    from articles.models import Article
    from articles.tests.factories import make_article

    article = make_article(title="标题", authors=["王海涛"])
    Article.objects.filter(pk=article.pk).update(ingested_values={"title": "红色引擎"})
    if connection.vendor == "sqlite":  # PostgreSQL's jsonb keeps its own form, never escaped
        with connection.cursor() as cursor:
            cursor.execute("SELECT authors, ingested_values FROM articles_article WHERE id = %s", [article.pk])
            authors, values = cursor.fetchone()
        assert (authors, values) == ('["王海涛"]', '{"title": "红色引擎"}')
    article.refresh_from_db()
    assert article.authors == ["王海涛"] and article.ingested_values == {"title": "红色引擎"}
