"""An index of the initiatives that survived a merge (aliases not empty), by zone.

For every page the ingest looks among its zones' initiatives for one a curator
merged another into (``ingest.upsert.reads._merged_into``): a page naming a
programme under its old name then links to the survivor. It read every
initiative of those zones to test their aliases, 7.5-8.6 ms a page for three
large zones at 100,000 articles; the merged ones are a few.
"""
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0039_article_title_key_id_index"),
        ("zones", "0001_initial"),
    ]
    operations = [
        migrations.AddIndex(
            model_name="initiative",
            index=models.Index(
                fields=["zone"], condition=~models.Q(aliases=[]), name="initiative_merged_idx"
            ),
        ),
    ]
