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
  query it serves names an indicator or asks for one. PostgreSQL plans these
  right and keeps its index as it is.
"""
from django.db import migrations, models

SQLITE_COLUMNS = "(zone_id, indicator_id, kind, normalized_unit, normalized_value, year, article_id, hidden)"


def _remake(schema_editor, where):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute("DROP INDEX IF EXISTS metric_zone_indicator_idx")
    schema_editor.execute(f"CREATE INDEX metric_zone_indicator_idx ON articles_metric {SQLITE_COLUMNS}{where}")
    schema_editor.execute("ANALYZE articles_metric")
    schema_editor.execute("ANALYZE articles_initiative")


def classified_only(apps, schema_editor):
    _remake(schema_editor, " WHERE indicator_id IS NOT NULL")


def every_figure(apps, schema_editor):
    _remake(schema_editor, "")


class Migration(migrations.Migration):
    dependencies = [("articles", "0036_latest_figure_zone_latest")]
    operations = [
        migrations.RemoveIndex(model_name="initiative", name="initiative_zone_cat_idx"),
        migrations.AddIndex(
            model_name="initiative",
            index=models.Index(fields=["zone", "category", "name", "id"], name="initiative_zone_cat_idx"),
        ),
        migrations.RunPython(classified_only, every_figure),
    ]
