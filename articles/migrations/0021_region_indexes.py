"""Indexes for the pages of a zone, a province, a comparison and the deep pages of the article list.

- article_public_newest_idx: the public articles in the list's order (selectors.NEWEST)
  with their keys, so a deep page skips index entries, not rows (core.listing.DeepPaginator).
  SQLite keeps the key (rowid) in every index; PostgreSQL needs it INCLUDEd.
- article_public_idx (PostgreSQL): each public article's key with its date and year, so
  "the article is not hidden" (every public figure and mention asks it) and a figure's
  article date are read from a small index instead of the wide article rows. SQLite
  looks articles up by rowid and needs none.
- article_hidden_idx: the hidden articles, few, from which the initiatives only they name
  are found (selectors.regions._public_initiative_counts).
- metric_zone_indicator_idx: a zone's figures by indicator and kind, which the zone page,
  the province page and a comparison filter on, with what they rank and count the figures
  by, so a province's or a comparison's figures are read from the index alone.

As in 0013: SQLite cannot write NULLS FIRST/LAST in an index, but its descending order
already puts NULL last; PostgreSQL needs them spelled out to match the queries.
"""
from django.db import migrations

INDEXES = {
    "article_public_newest_idx": ("articles_article", {
        # SQLite reads an index alone only when it holds every column the query names.
        "sqlite": "(date DESC, year DESC, source_id DESC, position, hidden) WHERE NOT hidden",
        "postgresql": "(date DESC NULLS LAST, year DESC NULLS LAST, source_id DESC, position) "
                      "INCLUDE (id) WHERE NOT hidden",
    }),
    "article_public_idx": ("articles_article", {
        "postgresql": "(id) INCLUDE (date, year) WHERE NOT hidden",
    }),
    "article_hidden_idx": ("articles_article", {
        "sqlite": "(id) WHERE hidden",
        "postgresql": "(id) WHERE hidden",
    }),
    "metric_zone_indicator_idx": ("articles_metric", {
        "sqlite": "(zone_id, indicator_id, kind, normalized_unit, normalized_value, year, article_id, hidden)",
        "postgresql": "(zone_id, indicator_id, kind) "
                      "INCLUDE (normalized_unit, normalized_value, year, article_id, hidden, id)",
    }),
}


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name, (table, definitions) in INDEXES.items():
        if vendor in definitions:
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} {definitions[vendor]}")


def drop(apps, schema_editor):
    for name, (_table, definitions) in INDEXES.items():
        if schema_editor.connection.vendor in definitions:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0020_figure_indexes")]
    operations = [migrations.RunPython(create, drop)]
