from django.db import migrations, models


def empty_and_mark_stale(apps, schema_editor):
    # The stored figures gain their zone's latest of each indicator in any unit: emptied, they are
    # chosen again with it by the next ingest, curator's save or `manage.py recount` (which
    # `make serve` runs); the pages rank the figures themselves meanwhile.
    apps.get_model("articles", "LatestFigure").objects.all().delete()
    apps.get_model("articles", "Tally").objects.filter(kind="archive").update(stale=True)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0037_zone_page_indexes"),
    ]

    operations = [
        migrations.RunPython(empty_and_mark_stale, migrations.RunPython.noop),
        migrations.AddField(
            model_name="latestfigure", name="indicator_latest", field=models.BooleanField(default=False),
        ),
    ]
