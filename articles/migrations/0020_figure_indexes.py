"""Indexes for the indicator, metric-comparison and initiative-type pages.

- metric_indicator_list_idx: one indicator's figures in the metric list's order
  (selectors.METRIC_ORDER), so its page and facets read the first rows, not sort them all;
- metric_comparison_idx: one indicator's figures in one normalized unit, by zone and
  newest year: each zone's latest figure is a short index probe, and a unit's
  figures are found or counted without reading the others. It holds every column
  a comparison filters and ranks on but the article's date, so the figures
  themselves are read only once chosen;
- metric_indicator_year_idx: the years of an indicator's figures, newest first, one
  probe per year (selectors.indicator_years);
- initiative_type_list_idx: one type's initiatives in the initiative list's order
  (selectors.INITIATIVE_ORDER), and the zones running it.

On PostgreSQL, statistics of how indicator, unit and zone go together: without
them the planner multiplies their selectivities and, expecting a few figures
where an indicator has tens of thousands, looks their articles up one by one.

As in 0018: SQLite cannot write NULLS FIRST/LAST in an index, but its ascending
order puts NULL first and its descending order last; PostgreSQL needs them spelled out.
"""
from django.db import migrations

INDEXES = {
    "metric_indicator_list_idx": ("articles_metric", {
        "sqlite": '(indicator_id, label, zone_id, year DESC, article_id, "offset")',
        "postgresql": '(indicator_id, label, zone_id, year DESC NULLS LAST, article_id, "offset")',
    }),
    "metric_comparison_idx": ("articles_metric", {
        # SQLite keeps the key (rowid) in every index; PostgreSQL needs it INCLUDEd.
        "sqlite": "(indicator_id, normalized_unit, zone_id, year DESC, kind, normalized_value, hidden, article_id)",
        "postgresql": "(indicator_id, normalized_unit, zone_id, year DESC NULLS LAST) "
                      "INCLUDE (kind, normalized_value, hidden, article_id, id)",
    }),
    "metric_indicator_year_idx": ("articles_metric", {
        "sqlite": "(indicator_id, year)",
        "postgresql": "(indicator_id, year)",
    }),
    "initiative_type_list_idx": ("articles_initiative", {
        "sqlite": "(type_id, zone_id, name, id)",
        "postgresql": "(type_id, zone_id NULLS FIRST, name, id)",
    }),
}
STATISTICS = "metric_indicator_unit_stats"


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name, (table, columns) in INDEXES.items():
        if vendor in columns:
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} {columns[vendor]}")
    if vendor == "postgresql":
        schema_editor.execute(
            f"CREATE STATISTICS IF NOT EXISTS {STATISTICS} (dependencies, ndistinct) "
            "ON indicator_id, normalized_unit, zone_id FROM articles_metric"
        )
        schema_editor.execute("ANALYZE articles_metric")


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name, (_table, columns) in INDEXES.items():
        if vendor in columns:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    if vendor == "postgresql":
        schema_editor.execute(f"DROP STATISTICS IF EXISTS {STATISTICS}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0019_tally_measured")]
    operations = [migrations.RunPython(create, drop)]
