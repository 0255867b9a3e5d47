import django.db.models.deletion
from django.db import migrations, models


def empty_and_mark_stale(apps, schema_editor):
    # The stored figures gain their figures' article, kind, words and sentence: emptied,
    # they are chosen again with them by the next ingest, curator's save or
    # `manage.py recount` (which `make serve` runs); the pages rank the figures
    # themselves meanwhile, as while any write is uncounted.
    apps.get_model("articles", "LatestFigure").objects.all().delete()
    apps.get_model("articles", "Tally").objects.filter(kind="archive").update(stale=True)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0026_zone_year_tallies"),
    ]

    operations = [
        migrations.RunPython(empty_and_mark_stale, migrations.RunPython.noop),
        # The defaults fill no row (the table is empty): a new column must have one.
        migrations.AddField(
            model_name="latestfigure",
            name="article",
            field=models.ForeignKey(
                default=0, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="articles.article"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="latestfigure", name="kind", field=models.CharField(default="", max_length=16),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="latestfigure", name="raw", field=models.CharField(default="", max_length=64),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="latestfigure", name="sentence", field=models.TextField(default=""),
            preserve_default=False,
        ),
    ]
