"""An index for a zone page's figures no indicator claims, newest first.

metric_unclassified_idx: a zone's unclassified figures in the page's order
(selectors.zone_unclassified_metrics: year, newest first and unknown last, then
the newest key), so the page reads its 50 rows from the index instead of sorting
every such figure of the zone (6,600 of the biggest zone at 100,000 articles).
As in 0021: SQLite cannot write NULLS LAST in an index, but its descending order
already puts NULL last; PostgreSQL needs it spelled out to match the query.
"""
from django.db import migrations

DEFINITIONS = {
    "sqlite": "(zone_id, year DESC, id DESC) WHERE indicator_id IS NULL",
    "postgresql": "(zone_id, year DESC NULLS LAST, id DESC) WHERE indicator_id IS NULL",
}


def create(apps, schema_editor):
    definition = DEFINITIONS.get(schema_editor.connection.vendor)
    if definition:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS metric_unclassified_idx ON articles_metric {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor in DEFINITIONS:
        schema_editor.execute("DROP INDEX IF EXISTS metric_unclassified_idx")


class Migration(migrations.Migration):
    dependencies = [("articles", "0022_refresh_statistics")]
    operations = [migrations.RunPython(create, drop)]
