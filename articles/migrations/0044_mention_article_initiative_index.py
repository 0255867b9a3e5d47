import django.db.models.deletion
from django.db import migrations, models

# The index Django made for the mention's article key: the new one begins with it.
ARTICLE_INDEX = "articles_initiativemention_article_id_f3657292"


class Migration(migrations.Migration):
    """Mentions indexed by article and initiative together (see InitiativeMention.Meta.indexes).

    The article key's own index is dropped by name: altering the field would make
    SQLite copy the whole table, and PostgreSQL check the key of every row again.
    """

    dependencies = [
        ("articles", "0043_fts_without_positions"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="initiativemention",
            index=models.Index(fields=["article", "initiative"], name="mention_article_initiative"),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="initiativemention",
                    name="article",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="initiative_mentions",
                        to="articles.article",
                    ),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    f'DROP INDEX IF EXISTS "{ARTICLE_INDEX}"',
                    reverse_sql=f'CREATE INDEX "{ARTICLE_INDEX}" ON "articles_initiativemention" ("article_id")',
                ),
            ],
        ),
    ]
