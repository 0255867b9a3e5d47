from django.db import migrations, models


def mark_counts_stale(apps, schema_editor):
    # The zones stored so far say 0 for their unclassified figures: until the next ingest,
    # curator's save or `manage.py recount` (which `make serve` runs) stores them, the zone
    # pages count for themselves, as while any write is uncounted.
    apps.get_model("articles", "Tally").objects.filter(kind="archive").update(stale=True)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0046_vocabulary_updated_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="tally",
            name="unclassified",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.RunPython(mark_counts_stale, migrations.RunPython.noop),
    ]
