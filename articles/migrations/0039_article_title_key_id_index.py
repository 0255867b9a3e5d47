"""PostgreSQL: an index of the title key with the id, for the ingest's look for copies of an article.

A new article is compared with the first five stored articles of its title
(``ingest.upsert.article._copy_candidates``). SQLite reads them from the title
key's index, whose rows are in id order within a key. PostgreSQL's index on the
title key alone leaves them in no order: it read every article of the title and
sorted them, or walked the whole table in id order. With the id in the index it
reads five rows, whatever the title's count.
"""
from django.db import migrations

INDEX = "article_title_key_id_idx"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON articles_article (title_key, id)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0038_latest_figure_indicator_latest")]
    operations = [migrations.RunPython(create, drop)]
