"""PostgreSQL keeps the segmented search columns and the body compressed with lz4, not pglz.

A search scores its candidates (up to 200 articles) on the lengths and term
counts of their segmented columns, so it decompresses each of them: at 20,000
articles the scoring of a two-word search took 9.3 ms with pglz and 5.5 ms with
lz4 (page 73 -> 68 ms). The body is read for every snippet. Rows written
before keep their compression until they are written again (the README gives
the statement that rewrites them). A server built without lz4 keeps pglz;
SQLite does not compress.
"""
from django.db import migrations

COLUMNS = ("search_title", "search_head", "search_body", "body")


def set_compression(method):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND %s = ANY(enumvals)",
                [method],
            )
            if cursor.fetchone() is None:
                return
        changes = ", ".join(f"ALTER COLUMN {column} SET COMPRESSION {method}" for column in COLUMNS)
        schema_editor.execute(f"ALTER TABLE articles_article {changes}")

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0034_restore_article_indexes")]
    operations = [migrations.RunPython(set_compression("lz4"), set_compression("pglz"))]
