"""The search benchmark runs on either database and leaves nothing behind."""
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Source
from articles.tests.factories import make_article

KEYS = ["articles", "index_seconds", "search_p50_ms", "search_p95_ms", "search_p99_ms",
        "baseline_p50_ms", "speedup_p50", "db_bytes"]


def bench(**options):
    out = StringIO()
    call_command("bench_search", stdout=out, stderr=StringIO(), **options)
    return out.getvalue().splitlines()


@pytest.mark.django_db(transaction=True)
def test_prints_a_table_and_a_final_json_line_then_removes_its_corpus():
    lines = bench(articles=60, repeat=1)
    report = json.loads(lines[-1])
    assert list(report) == KEYS
    assert report["articles"] == 60 and report["index_seconds"] > 0
    assert 0 < report["search_p50_ms"] <= report["search_p95_ms"] <= report["search_p99_ms"]
    assert report["db_bytes"] > 0
    assert any(line.startswith("two words") for line in lines)
    assert not Article.objects.exists() and not Source.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_kept_corpus_is_timed_again_without_rebuilding():
    bench(articles=40, repeat=1, keep=True)
    assert Article.objects.count() == 40
    report = json.loads(bench(articles=40, repeat=1, reuse=True)[-1])
    assert report["index_seconds"] is None and report["articles"] == 40
    with pytest.raises(CommandError, match="not 41"):
        bench(articles=41, reuse=True)


@pytest.mark.django_db
def test_refuses_a_database_with_real_articles_and_bad_sizes():
    make_article()
    with pytest.raises(CommandError, match="real articles"):
        bench(articles=10)
    with pytest.raises(CommandError, match="between 1 and"):
        bench(articles=0, force=True)
