"""Section headings and photo captions become searchable with the body.

The segmented columns of stored articles are rewritten once here (the index
follows them by itself); a fresh database has no articles and skips this.
"""
from django.db import migrations

BATCH_SIZE = 500


FTS_TABLES = ("articles_article_fts", "articles_article_fts_head")


def _stored_names(apps, alias):
    """Zone and initiative names as this migration's historical models hold them."""
    names = []
    zones = apps.get_model("zones", "Zone").objects.using(alias)
    for name, full_name, aliases in zones.values_list("name", "full_name", "aliases"):
        names.extend([name, full_name, *(aliases or [])])
    names.extend(apps.get_model("articles", "Initiative").objects.using(alias).values_list("name", flat=True))
    return names


def reindex(apps, schema_editor):
    # Segmentation itself (jieba, the domain terms) is the live code by design:
    # the index must be segmented as the queries of this release are.
    from articles.search.indexing import SEARCH_FIELDS, search_fields_for
    from articles.search.dictionary import refresh_dictionary

    alias = schema_editor.connection.alias
    articles = apps.get_model("articles", "Article").objects.using(alias)
    ids = list(articles.order_by("pk").values_list("pk", flat=True))
    if ids:
        # Segment with the stored zone and initiative names, as the ingest does.
        refresh_dictionary(force=True, names=_stored_names(apps, alias))
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
        # As `reindex` does: a full rewrite leaves the FTS index in many small segments.
        with schema_editor.connection.cursor() as cursor:
            for table in FTS_TABLES:
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0007_initiative_name_index"),
        ("zones", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(reindex, migrations.RunPython.noop),
    ]
