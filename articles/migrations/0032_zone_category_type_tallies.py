"""A zone's initiative counts are stored by category and type (``tallies.category_type_key``).

The rows stored so far are by category alone: until the next ingest, curator's
save or `manage.py recount` (which `make serve` runs) stores the new ones, the
pages count for themselves, as while any write is uncounted.
"""
from django.db import migrations


def mark_counts_stale(apps, schema_editor):
    apps.get_model("articles", "Tally").objects.filter(kind="archive").update(stale=True)


class Migration(migrations.Migration):
    dependencies = [("articles", "0031_article_zone_newest_index")]
    operations = [migrations.RunPython(mark_counts_stale, migrations.RunPython.noop)]
