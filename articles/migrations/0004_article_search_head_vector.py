"""PostgreSQL: a second, small tsvector over the title and kicker (tier 1 of the search).

Searching ranks title and kicker matches first and reads them from this
vector and its GIN index, without the body's vector.  See
articles/search/postgres.py.  Nothing changes on SQLite (its FTS5 table
filters by column).
"""
from django.db import migrations

from articles.search.schema import POSTGRES_HEAD_INDEX


def install(apps, schema_editor):
    from articles.search import schema

    if schema_editor.connection.vendor == "postgresql":
        schema.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {POSTGRES_HEAD_INDEX}")
        schema_editor.execute("ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector_head")


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0003_initiative_aliases"),
    ]

    operations = [
        migrations.RunPython(install, uninstall),
    ]
