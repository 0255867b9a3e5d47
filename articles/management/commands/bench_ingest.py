"""Time the ingest on a synthetic corpus of newspaper pages: fresh, then unchanged.

    DATABASE_URL=sqlite:////tmp/bench_ingest.sqlite3 python manage.py migrate
    DATABASE_URL=sqlite:////tmp/bench_ingest.sqlite3 python manage.py bench_ingest
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kb_bench_ingest python manage.py bench_ingest --workers 2

Point it at a scratch database: it ingests into the current database (sources
named ``bench-ingest-…``) and refuses to run where other articles exist unless
``--force``.  What it stored is deleted afterwards unless ``--keep``.

The corpus (``--pages``, default 300) is written to a temporary folder from the
seed pages (fixtures/seeds/), with a fixed ``--seed``: each page keeps the lines
of one seed page -- its titles, bylines and headings -- and takes each body
paragraph from any seed page, so no two pages carry the same articles; the zone
names in it are replaced by other zones of the reference list, and one page in
ten names the 高新区 of a city the list lacks (a zone the ingest creates).

The corpus is ingested twice by ``IngestJob`` with ``--workers``: fresh, then
again with nothing changed.  Of the fresh run, the CPU time of this process
(the writer) and of its analysis workers is printed too: their sum against the
wall time and the cores says whether the run was bound by the cores or by the
writer (and, on PostgreSQL, the server it waits on).  ``jieba.lcut`` (its own
dictionary, loaded beforehand) cuts the same page texts in this process, on one
core, as the measure of what the machine does.  Wall-clock time of each run,
its lock, zone and dictionary loading and worker start included: the fresh run
reads jieba's and the segmentation dictionary, as ``manage.py ingest`` does.
The last line is one JSON object.
"""
import json
import os
import random
import re
import resource
import shutil
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import override_settings
from django.db import connection

from articles.benchmarks.corpus import reference_zone_list, scratch_backend
from articles.ingest.run import IngestJob, default_workers
from articles.models import Article, Initiative, IngestRun, Source
from zones.models import Zone

PREFIX = "bench-ingest-"
# A body paragraph: long enough not to be a title, byline or heading.
PARAGRAPH_CHARS = 60
ZONE_NAME = re.compile(r"[\u4e00-\u9fff]{2,8}(?:高新技术产业开发区|高新区)")
NEW_ZONE_EVERY = 10


def build_corpus(folder, pages, rng, zone_names):
    """Write ``pages`` page files into ``folder``; their texts, in file order."""
    seeds = [
        path.read_text(encoding="utf-8") for path in sorted(Path(settings.SEEDS_DIR).glob("*.txt"))
    ]
    if not seeds:
        raise CommandError(f"No seed pages (*.txt) in {settings.SEEDS_DIR}.")
    paragraphs = [
        line for text in seeds for line in text.splitlines() if len(line.strip()) >= PARAGRAPH_CHARS
    ]
    # A city's 高新区 the reference list lacks is a zone the ingest creates (zone_linker.py).
    cities = json.loads((Path(settings.FIXTURES_DIR) / "cities.json").read_text(encoding="utf-8"))
    known = set(zone_names)
    new_zone_names = sorted(
        f"{city[:-1]}高新区" for city in cities
        if city.endswith("市") and len(city) == 3 and f"{city[:-1]}高新区" not in known
    )
    texts = []
    for number in range(pages):
        lines = [
            rng.choice(paragraphs) if len(line.strip()) >= PARAGRAPH_CHARS else line
            for line in rng.choice(seeds).splitlines()
        ]
        text = vary_zones(
            "\n".join(lines) + "\n", rng, zone_names, new_zone_names,
            invent=number % NEW_ZONE_EVERY == 0,
        )
        (folder / f"{PREFIX}{number:04d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


def vary_zones(text, rng, zone_names, new_zone_names, *, invent):
    """Each zone name of the text replaced by another, the same one throughout the page."""
    found = sorted(set(ZONE_NAME.findall(text)), key=lambda name: (-len(name), name))
    replacement = {}
    for name in found:
        if invent and not replacement:
            replacement[name] = rng.choice(new_zone_names)
        else:
            replacement[name] = rng.choice(zone_names)
    if not replacement:
        return text
    pattern = re.compile("|".join(re.escape(name) for name in found))
    return pattern.sub(lambda match: replacement[match.group(0)], text)


def jieba_rate(texts):
    """Characters per second of ``jieba.lcut`` over ``texts`` in this process (its dictionary loaded first)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    started = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    elapsed = time.perf_counter() - started
    return sum(len(text) for text in texts) / elapsed


def cpu_seconds():
    """(this process's, its ended child processes') user and system CPU seconds so far."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def remove_bench_rows(zones_before):
    """Everything an earlier or this benchmark stored: its sources, their facts, its new zones."""
    sources = Source.objects.filter(name__startswith=PREFIX)
    articles = Article.objects.filter(source__in=sources)
    # Only what the benchmark's pages alone named: a real row is never touched.
    initiatives = list(
        Initiative.objects.filter(mentions__article__in=articles)
        .exclude(mentions__article__in=Article.objects.exclude(source__in=sources))
        .values_list("pk", flat=True)
    )
    articles.delete()  # their mentions and the figures first stated in them go with them
    sources.delete()
    Initiative.objects.filter(pk__in=initiatives).delete()
    if zones_before is not None:
        Zone.objects.filter(
            pk__gt=zones_before, is_reference=False, articles__isnull=True, primary_articles__isnull=True
        ).delete()


class Command(BaseCommand):
    help = (
        "Build a corpus of N newspaper pages from the seed pages (zone names varied), ingest it into "
        "the CURRENT database (use a scratch one) fresh and then unchanged, time jieba.lcut on the "
        "same text; print a table and a final JSON line."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=300, help="Pages in the corpus (default 300).")
        parser.add_argument("--seed", type=int, default=20261202, help="Random seed of the corpus.")
        parser.add_argument(
            "--workers", type=int, default=None,
            help="Analysis processes of the ingest (default: as ingest's).",
        )
        parser.add_argument("--keep", action="store_true", help="Keep what was stored.")
        parser.add_argument(
            "--force", action="store_true", help="Run even though the database holds real articles."
        )

    def handle(self, *args, pages=300, seed=20261202, workers=None, keep=False, force=False,
               verbosity=1, **options):
        scratch_backend(
            connection, prefix=PREFIX, force=force, example="sqlite:////tmp/bench_ingest.sqlite3"
        )
        if not 1 <= pages <= 100_000:
            raise CommandError("--pages must be between 1 and 100000.")
        workers = default_workers() if workers is None else workers
        if workers < 1:
            raise CommandError("--workers must be at least 1.")
        rng = random.Random(seed)
        remove_bench_rows(None)
        zones_before = max(zone.pk for zone in reference_zone_list())
        zone_names = [zone.name for zone in Zone.objects.order_by("pk") if ZONE_NAME.fullmatch(zone.name)]
        folder = Path(tempfile.mkdtemp(prefix="bench_ingest_"))
        runs_before = IngestRun.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        try:
            texts = build_corpus(folder, pages, rng, zone_names)
            # Timed as an ingest command runs: its dictionaries are read within the run.
            fresh = self.timed_run(folder, workers)
            unchanged = self.timed_run(folder, workers)
            jieba_per_s = jieba_rate(texts)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            if not keep:
                remove_bench_rows(zones_before)
                IngestRun.objects.filter(pk__gt=runs_before).delete()
        chars = sum(len(text) for text in texts)
        if fresh.chars != chars or fresh.errors:
            raise CommandError(
                f"The fresh run read {fresh.chars} of {chars} characters; errors: {fresh.errors[:3]}"
            )
        statuses = [entry["status"] for entry in unchanged.files]
        if statuses.count("unchanged") != len(statuses):
            raise CommandError("The second run analysed pages again: they should be unchanged.")
        report = {
            "pages": pages,
            "chars": chars,
            "fresh_chars_per_s": round(chars / fresh.wall),
            "unchanged_chars_per_s": round(chars / unchanged.wall),
            "jieba_chars_per_s": round(jieba_per_s),
            "ratio": round(chars / fresh.wall / jieba_per_s, 3),
            "unchanged_speedup": round(fresh.wall / unchanged.wall, 1),
            "workers": workers,
            "fresh_writer_cpu_s": round(fresh.writer_cpu, 2),
            "fresh_workers_cpu_s": round(fresh.workers_cpu, 2),
        }
        if verbosity:
            articles = fresh.totals.articles
            rows = [
                ("fresh ingest", fresh.wall, chars / fresh.wall,
                 f"{articles.created} articles, {fresh.totals.metrics.created} metrics, "
                 f"{fresh.totals.initiatives.created} initiatives, {fresh.totals.zones_created} zones"),
                ("unchanged ingest", unchanged.wall, chars / unchanged.wall,
                 f"{statuses.count('unchanged')} pages unchanged"),
                ("jieba.lcut, one core", chars / jieba_per_s, jieba_per_s, "the same page texts"),
            ]
            self.stdout.write(f"{pages} pages, {chars} characters, {workers} worker(s), "
                              f"{os.cpu_count()} cores, {connection.vendor}")
            self.stdout.write(f"{'':<22}{'seconds':>9}{'chars/s':>12}")
            for label, seconds, rate, note in rows:
                self.stdout.write(f"{label:<22}{seconds:>9.2f}{rate:>12,.0f}  {note}")
            self.stdout.write(
                f"fresh ingest's CPU: the writer {fresh.writer_cpu:.2f} s, the analysis workers "
                f"{fresh.workers_cpu:.2f} s, in {fresh.wall:.2f} s on {os.cpu_count()} cores"
            )
        self.stdout.write(json.dumps(report))

    def timed_run(self, folder, workers):
        job = IngestJob(workers=workers)
        own_before, children_before = cpu_seconds()
        started = time.perf_counter()
        # DEBUG off as in production: with it on, every query is also formatted and logged.
        with override_settings(DEBUG=False):
            job.run([str(folder)])
        job.wall = time.perf_counter() - started
        # The run's workers have ended (its pool is shut down): their time is this process's children's.
        own, children = cpu_seconds()
        job.writer_cpu, job.workers_cpu = own - own_before, children - children_before
        return job
