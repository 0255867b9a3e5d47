"""Full-text index over the segmented article columns, one kind per database.

SQLite: an FTS5 external-content table with triggers; PostgreSQL: a stored
generated tsvector column (title A, kicker/subtitle B, body C) with a GIN
index.  See articles/search/schema.py.  Existing rows are indexed from
whatever their segmented columns hold; `manage.py reindex` re-segments them.
"""
from django.db import migrations


def install(apps, schema_editor):
    from articles.search import schema

    schema.install(schema_editor.connection)
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            f"INSERT INTO {schema.FTS_TABLE}({schema.FTS_TABLE}) VALUES ('rebuild')"
        )


def uninstall(apps, schema_editor):
    from articles.search import schema

    schema.uninstall(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(install, uninstall),
    ]
