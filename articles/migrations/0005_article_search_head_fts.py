"""SQLite: a second, small FTS5 table over the title and kicker (tier 1 of the search).

The counterpart of 0004's title/kicker vector on PostgreSQL: searching ranks
title and kicker matches first and finds them here without walking the
postings of every body.  See articles/search/sqlite.py.
"""
from django.db import migrations


def install(apps, schema_editor):
    from articles.search import schema

    if schema_editor.connection.vendor == "sqlite":
        schema.install(schema_editor.connection)
        schema_editor.execute(
            f"INSERT INTO {schema.FTS_HEAD_TABLE}({schema.FTS_HEAD_TABLE}) VALUES ('rebuild')"
        )


def uninstall(apps, schema_editor):
    from articles.search import schema

    if schema_editor.connection.vendor == "sqlite":
        for suffix in ("insert", "delete", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {schema.FTS_HEAD_TABLE}_{suffix}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {schema.FTS_HEAD_TABLE}")


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0004_article_search_head_vector"),
    ]

    operations = [
        migrations.RunPython(install, uninstall),
    ]
