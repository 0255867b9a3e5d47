"""PostgreSQL: the search vectors made again without positions or weights (``schema._vector``).

The generated columns and their GIN indexes are dropped and added again, which
rewrites the article table once; SQLite is not touched (its full-text tables
keep no positions since migration 0043).
"""
from django.db import migrations


def remake(apps, schema_editor):
    from articles.search import schema

    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    schema.uninstall(connection)
    schema.install(connection)


class Migration(migrations.Migration):
    dependencies = [("articles", "0048_article_lz4_compression")]
    # Backwards, the columns are made again as the code in use defines them.
    operations = [migrations.RunPython(remake, remake)]
