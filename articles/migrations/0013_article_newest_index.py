"""An index in the order every article list uses (selectors.NEWEST).

SQLite cannot write NULLS LAST in an index, but its descending order already
puts NULL last, and its planner uses this index for ``DESC NULLS LAST``;
PostgreSQL needs the NULLS LAST spelled out to match the query.
"""
from django.db import migrations

NAME = "article_newest_idx"
COLUMNS = {
    "sqlite": "date DESC, year DESC, source_id DESC, position",
    "postgresql": "date DESC NULLS LAST, year DESC NULLS LAST, source_id DESC, position",
}


def create(apps, schema_editor):
    columns = COLUMNS.get(schema_editor.connection.vendor)
    if columns:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {NAME} ON articles_article ({columns})")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0012_source_metadata")]
    operations = [migrations.RunPython(create, drop)]
