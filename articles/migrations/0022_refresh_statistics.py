"""Refresh the planner's statistics after the indexes of 0020 and 0021.

SQLite plans with the statistics ANALYZE last stored (sqlite_stat1), and an
index created after them has none: at 100,000 articles it took the new partial
index of public articles for the metric list, read every public figure and
sorted them (1.4 s), instead of walking the list's own index and stopping at the
page's last row (a few ms). PostgreSQL gathers statistics itself, but only
after enough rows change.
"""
from django.db import migrations

TABLES = ("articles_article", "articles_metric", "articles_initiative", "articles_metricmention",
          "articles_initiativemention")


def analyse(apps, schema_editor):
    for table in TABLES:
        schema_editor.execute(f"ANALYZE {table}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0021_region_indexes")]
    operations = [migrations.RunPython(analyse, migrations.RunPython.noop)]
