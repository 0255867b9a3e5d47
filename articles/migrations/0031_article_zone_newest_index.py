"""A zone's public articles in the list's order (selectors.NEWEST), for its page's newest.

Without it the zone page read every article of the zone through the zone_id
index and sorted them for the first 20: 5 ms for a zone of 1,940 articles on
SQLite. As in 0013: SQLite cannot write NULLS LAST in an index, but its
descending order already puts NULL last; PostgreSQL needs it spelled out.
"""
from django.db import migrations

NAME = "article_zone_newest_idx"
COLUMNS = {
    "sqlite": "(zone_id, date DESC, year DESC, source_id DESC, position) WHERE NOT hidden",
    "postgresql": "(zone_id, date DESC NULLS LAST, year DESC NULLS LAST, source_id DESC, position) "
                  "WHERE NOT hidden",
}


def create(apps, schema_editor):
    columns = COLUMNS.get(schema_editor.connection.vendor)
    if columns:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {NAME} ON articles_article {columns}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0030_tally_mentioning")]
    operations = [migrations.RunPython(create, drop)]
