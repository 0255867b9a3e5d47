"""Section headings and photo captions become searchable with the body.

The segmented columns of stored articles are rewritten once here (the index
follows them by itself); a fresh database has no articles and skips this.
"""
from django.db import migrations

BATCH_SIZE = 500


def reindex(apps, schema_editor):
    from articles.search.indexing import SEARCH_FIELDS, search_fields_for
    from articles.search.segment import refresh_dictionary

    articles = apps.get_model("articles", "Article").objects.using(schema_editor.connection.alias)
    ids = list(articles.order_by("pk").values_list("pk", flat=True))
    if ids:
        refresh_dictionary()  # segment with the stored zone and initiative names, as the ingest does
    for offset in range(0, len(ids), BATCH_SIZE):
        batch = list(articles.filter(pk__in=ids[offset:offset + BATCH_SIZE]))
        for article in batch:
            values = search_fields_for(
                article.title, article.kicker, article.subtitle, article.body, article.authors,
                article.captions, article.headings,
            )
            for name, value in values.items():
                setattr(article, name, value)
        articles.bulk_update(batch, SEARCH_FIELDS)
    if ids and schema_editor.connection.vendor == "sqlite":
        from articles.search import sqlite

        # As `reindex` does: a full rewrite leaves the FTS index in many small segments.
        sqlite.rebuild(schema_editor.connection)
        sqlite.optimize(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0007_initiative_name_index"),
    ]

    operations = [
        migrations.RunPython(reindex, migrations.RunPython.noop),
    ]
