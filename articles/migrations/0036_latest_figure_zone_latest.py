from django.db import migrations, models


def empty_and_mark_stale(apps, schema_editor):
    # The stored figures gain their zone's latest flag: emptied, they are chosen again with it
    # by the next ingest, curator's save or `manage.py recount` (which `make serve` runs); the
    # pages rank the figures themselves meanwhile, as while any write is uncounted.
    apps.get_model("articles", "LatestFigure").objects.all().delete()
    apps.get_model("articles", "Tally").objects.filter(kind="archive").update(stale=True)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0035_search_columns_lz4"),
    ]

    operations = [
        migrations.RunPython(empty_and_mark_stale, migrations.RunPython.noop),
        migrations.AddField(
            model_name="latestfigure", name="zone_latest", field=models.BooleanField(default=False),
        ),
    ]
