"""bench_ingest: a corpus from the seeds ingested fresh then unchanged, on a scratch database only."""
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, IngestRun, Source
from articles.tests.factories import make_article

pytestmark = pytest.mark.django_db

KEYS = ["pages", "chars", "fresh_chars_per_s", "unchanged_chars_per_s", "jieba_chars_per_s", "ratio",
        "unchanged_speedup", "workers", "fresh_writer_cpu_s", "fresh_workers_cpu_s"]


def bench(**options):
    out = StringIO()
    call_command("bench_ingest", stdout=out, **options)
    return out.getvalue().splitlines()


def test_prints_a_table_and_a_final_json_line_then_removes_what_it_stored():
    lines = bench(pages=4, workers=2)
    report = json.loads(lines[-1])
    assert list(report) == KEYS
    assert report["pages"] == 4 and report["chars"] > 4000 and report["workers"] == 2
    assert report["fresh_chars_per_s"] > 0 and report["jieba_chars_per_s"] > 0
    # The pages were analysed in the two worker processes, and written here.
    assert report["fresh_workers_cpu_s"] > 0 and report["fresh_writer_cpu_s"] > 0
    assert any(line.startswith("unchanged ingest") for line in lines)
    assert not Article.objects.exists() and not Source.objects.exists()
    assert not IngestRun.objects.exists()


def test_refuses_a_database_with_real_articles_and_bad_options():
    make_article()
    with pytest.raises(CommandError, match="real articles"):
        bench(pages=2)
    with pytest.raises(CommandError, match="--pages"):
        bench(pages=0, force=True)
    with pytest.raises(CommandError, match="--workers"):
        bench(pages=2, workers=0, force=True)
