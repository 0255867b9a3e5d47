"""Two indexes of a zone's page, in the orders it reads.

- initiative_zone_cat_idx gains the name and the key: a zone's initiatives are
  listed by category, then name (selectors.zone_initiatives), and are now read
  in that order instead of sorting all of the zone's (7,500 for the biggest zone
  at 100,000 articles: 2.8 -> 0.3 ms on SQLite).
- On SQLite, metric_zone_indicator_idx holds the classified figures only
  (WHERE indicator_id IS NOT NULL). Its statistics said that a zone and an
  indicator, NULL included, are about a hundred figures, so the planner read
  the zone's 7,200 unclassified figures through it and sorted them, instead of
  reading their 50 newest from metric_unclassified_idx (2.1 -> 0.04 ms). Every
  query it serves names an indicator or asks for one. metric_unclassified_idx
  then carries what counting them reads (hidden, article_id), as the other did:
  the zone's 7,200 are counted from it alone. PostgreSQL plans these right and
  keeps its indexes as they are.
"""
from django.db import migrations, models

SQLITE_INDEXES = {  # name: (as 0021 and 0023 made it, as made here)
    "metric_zone_indicator_idx": (
        "(zone_id, indicator_id, kind, normalized_unit, normalized_value, year, article_id, hidden)",
        "(zone_id, indicator_id, kind, normalized_unit, normalized_value, year, article_id, hidden) "
        "WHERE indicator_id IS NOT NULL",
    ),
    "metric_unclassified_idx": (
        "(zone_id, year DESC, id DESC) WHERE indicator_id IS NULL",
        "(zone_id, year DESC, id DESC, hidden, article_id) WHERE indicator_id IS NULL",
    ),
}


def _remake(schema_editor, which):
    if schema_editor.connection.vendor != "sqlite":
        return
    for name, definitions in SQLITE_INDEXES.items():
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
        schema_editor.execute(f"CREATE INDEX {name} ON articles_metric {definitions[which]}")
    schema_editor.execute("ANALYZE articles_metric")
    schema_editor.execute("ANALYZE articles_initiative")


def classified_apart(apps, schema_editor):
    _remake(schema_editor, 1)


def as_before(apps, schema_editor):
    _remake(schema_editor, 0)


class Migration(migrations.Migration):
    dependencies = [("articles", "0036_latest_figure_zone_latest")]
    operations = [
        migrations.RemoveIndex(model_name="initiative", name="initiative_zone_cat_idx"),
        migrations.AddIndex(
            model_name="initiative",
            index=models.Index(fields=["zone", "category", "name", "id"], name="initiative_zone_cat_idx"),
        ),
        migrations.RunPython(classified_apart, as_before),
    ]
