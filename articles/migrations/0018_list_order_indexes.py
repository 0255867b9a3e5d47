"""Indexes in the orders of the initiative and metric lists (selectors.INITIATIVE_ORDER, METRIC_ORDER).

A list's page then reads its rows through the index instead of sorting every
row.  As in 0013: SQLite cannot write NULLS FIRST/LAST in an index, but its
ascending order already puts NULL first and its descending order last;
PostgreSQL needs them spelled out to match the queries.
"""
from django.db import migrations

INDEXES = {
    "initiative_list_idx": ("articles_initiative", {
        "sqlite": "zone_id, name, id",
        "postgresql": "zone_id NULLS FIRST, name, id",
    }),
    "metric_list_idx": ("articles_metric", {
        "sqlite": 'label, zone_id, year DESC, article_id, "offset"',
        "postgresql": 'label, zone_id, year DESC NULLS LAST, article_id, "offset"',
    }),
}


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name, (table, columns) in INDEXES.items():
        if vendor in columns:
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns[vendor]})")


def drop(apps, schema_editor):
    for name, (_table, columns) in INDEXES.items():
        if schema_editor.connection.vendor in columns:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0017_tallies")]
    operations = [migrations.RunPython(create, drop)]
