"""The full-text tables on SQLite: which articles hold each token, kept without positions."""
import importlib
from types import SimpleNamespace

import pytest
from django.db import DatabaseError, connection, transaction

from articles.models import Article
from articles.search import schema
from articles.selectors import search_articles
from articles.tests.factories import index_for_search, make_article

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("clean_dictionary"),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5 tables are SQLite's"),
]


def found(query):
    return [article.title for article in search_articles(Article.objects.all(), query).ranked]


def test_the_index_keeps_no_positions_or_column_sizes():
    # Positions and column sizes were four fifths of the index; the searches never read them.
    index_for_search([make_article(title="红色驿站服务快递小哥", body="园区建成红色驿站十二个。")])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE name IN (%s, %s)",
            [f"{schema.FTS_TABLE}_docsize", f"{schema.FTS_HEAD_TABLE}_docsize"],
        )
        assert cursor.fetchall() == []
        with pytest.raises(DatabaseError), transaction.atomic():
            # A phrase needs the positions FTS5 no longer stores.
            cursor.execute(f"SELECT rowid FROM {schema.FTS_TABLE} WHERE {schema.FTS_TABLE} MATCH %s",
                           ['"红色 驿站"'])
    assert found("红色驿站") == ["红色驿站服务快递小哥"]


def test_the_migration_rebuilds_the_index_of_the_stored_articles():
    index_for_search([
        make_article(title="淮北高新区成立锂电产业链党建联盟", body="十四家企业联合成立党建联盟。"),
        make_article(title="合肥高新区开展双报到活动", body="党员到社区报到。"),
    ])
    migration = importlib.import_module("articles.migrations.0043_fts_without_positions")
    # Within the test's transaction SQLite allows no schema editor; the migration reads only its connection.
    migration.rebuild(None, SimpleNamespace(connection=connection))
    assert found("党建联盟") == ["淮北高新区成立锂电产业链党建联盟"]
    assert found("报到") == ["合肥高新区开展双报到活动"]
