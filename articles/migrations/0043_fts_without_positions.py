"""SQLite: the full-text tables rebuilt to keep which articles hold each token, not where.

See ``articles.search.schema.FTS_OPTIONS``: the searches never read positions or
column sizes. The tables are made anew from the article table and compacted, as
``reindex`` leaves them (14 s at 100,000 articles); PostgreSQL's vectors are not touched.
"""
from django.db import migrations


def rebuild(apps, schema_editor):
    from articles.search import schema

    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    schema.uninstall(connection)
    schema.install(connection)
    with connection.cursor() as cursor:
        for table in (schema.FTS_TABLE, schema.FTS_HEAD_TABLE):
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0042_article_title_scan_index"),
    ]

    # Backwards, the tables are made again as the code in use defines them.
    operations = [
        migrations.RunPython(rebuild, rebuild),
    ]
