"""PostgreSQL: the search vectors and the article's original text compressed with lz4, as 0035 did
for the segmented columns and the body.

A fresh ingest writes every article's vectors and original text: with all of the
article's long values in lz4 rather than pglz, inserting 1,619 bench articles cost
the server 1.22 s against 1.53 s (median of three). The vectors' compression is
kept by ``schema.install``, which makes them; rows stored before keep pglz until
written again. A server built without lz4 keeps pglz.
"""
from django.db import migrations


def install(apps, schema_editor):
    from articles.search import schema

    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "DO $$ BEGIN ALTER TABLE articles_article ALTER COLUMN original_text SET COMPRESSION lz4; "
        "EXCEPTION WHEN feature_not_supported THEN NULL; END $$"
    )
    schema.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("articles", "0047_tally_unclassified")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
