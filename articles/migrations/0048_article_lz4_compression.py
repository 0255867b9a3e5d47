"""PostgreSQL: the article's long values compressed with lz4 (``articles.search.schema.POSTGRES_INSTALL``).

``schema.install`` is idempotent: on a database that has the search columns it
only sets their compression. Rows stored before keep pglz until written again.
"""
from django.db import migrations


def install(apps, schema_editor):
    from articles.search import schema

    if schema_editor.connection.vendor == "postgresql":
        schema.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("articles", "0047_tally_unclassified")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
