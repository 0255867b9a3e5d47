"""The article indexes migration 0033 lost on SQLite, made again.

Adding a column to a table on SQLite makes the table anew (0033's
index_pending), and only the indexes Django knows of are made with it: the
ones migrations 0013, 0021 and 0031 wrote in SQL went, and every article list
sorted the whole table again (the article list at 100,000 articles: 980 ms
instead of 55). PostgreSQL alters the table in place and kept them; IF NOT
EXISTS leaves them alone there. A migration that adds a column to the article
table on SQLite must make them again, as this one does.
"""
from django.db import migrations

# As written by 0013, 0021 and 0031 (see them for what each serves).
SQLITE_INDEXES = {
    "article_newest_idx": "(date DESC, year DESC, source_id DESC, position)",
    "article_public_newest_idx": "(date DESC, year DESC, source_id DESC, position, hidden) WHERE NOT hidden",
    "article_hidden_idx": "(id) WHERE hidden",
    "article_zone_newest_idx": "(zone_id, date DESC, year DESC, source_id DESC, position) WHERE NOT hidden",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for name, definition in SQLITE_INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON articles_article {definition}")
        schema_editor.execute("ANALYZE articles_article")


class Migration(migrations.Migration):
    dependencies = [("articles", "0033_reindex_record")]
    # Going back leaves them: the migrations that made them drop them.
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
