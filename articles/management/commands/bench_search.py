"""Benchmark full-text search on a synthetic corpus.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 python manage.py migrate
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 python manage.py bench_search --articles 20000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kb_bench python manage.py bench_search --articles 100000

Point it at a scratch database: it writes N articles into the current
database (under sources named ``bench-synthetic/…``), and refuses to run
where other articles exist unless ``--force``.  The synthetic rows are
deleted afterwards unless ``--keep``.

The corpus recombines the sentences and headlines of the seed pages, with the
zones spread over the reference list and company names recombined from the
pages' characters (so some words are rare).  Each query of a fixed mix
(common word, rare word, two words, phrase, zone name, no hit) is timed the
way the search page runs it -- ranked first page of 20 plus the total count
-- and compared with a naive ``icontains`` scan over title and body.  The last
line of output is one JSON object.
"""
import json
import random
import re
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import Q

from articles.benchmarks.corpus import reference_zone_list, scratch_backend
from articles.benchmarks.plan import company_names
from articles.benchmarks.timing import percentile
from articles.models import Article, Source
from articles.search.dictionary import refresh_dictionary
from articles.search.engine import RANK_LIMIT
from articles.search.segment import fold, segment_for_index
from articles.selectors import article_list, search_articles

PREFIX = "bench-synthetic/"
PER_SOURCE = 1000
PAGE = 20
SENTENCE_END = re.compile(r"(?<=[。！？])")
CJK = re.compile(r"[\u4e00-\u9fff]")
FIXED_QUERIES = {
    "common word": ["党建", "企业", "发展", "高新区"],
    "two words": ["锂电 党建联盟", "营商环境 企业", "人才 服务", "产业链 党支部"],
    "phrase": ['"产业链党建"', '"党建引领"', '"营商环境"', '"党群服务中心"'],
    "no hit": ["量子引力波", "火星基地 登月", "xyzzy", "深海潜航器"],
}


class Command(BaseCommand):
    help = (
        "Build a synthetic corpus of N articles in the CURRENT database (use a scratch one), "
        "index it, time a fixed mix of searches against an icontains baseline, print a table and "
        "a final JSON line."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, help="Number of synthetic articles.")
        parser.add_argument("--repeat", type=int, default=5, help="Timed runs of each query (default 5).")
        parser.add_argument(
            "--baseline-repeat", type=int, default=1, help="Timed runs of each baseline query (default 1)."
        )
        parser.add_argument("--seed", type=int, default=20240601, help="Random seed of the corpus.")
        parser.add_argument("--keep", action="store_true", help="Keep the synthetic articles afterwards.")
        parser.add_argument(
            "--reuse", action="store_true",
            help="Time the synthetic articles a run with --keep left (same --articles and --seed); no build.",
        )
        parser.add_argument(
            "--force", action="store_true", help="Run even though the database holds real articles."
        )

    def handle(self, *args, articles, repeat, baseline_repeat, seed, keep, reuse, force, verbosity=1,
               **options):
        if articles < 1 or articles > 2_000_000:
            raise CommandError("--articles must be between 1 and 2,000,000.")
        if repeat < 1 or baseline_repeat < 1:
            raise CommandError("--repeat and --baseline-repeat must be at least 1.")
        self.backend = scratch_backend(connection, prefix=PREFIX, force=force, example="sqlite:////tmp/bench.sqlite3")
        self.verbosity = verbosity
        self.rng = random.Random(seed)
        zones = self.zones()
        material = self.material()
        if reuse:
            kept = Article.objects.filter(source__name__startswith=PREFIX).count()
            if kept != articles:
                raise CommandError(f"--reuse: the database holds {kept} synthetic articles, not {articles}.")
            index_seconds, companies, keep = None, self.companies(articles, material), True
        else:
            self.cleanup()
            self.say(f"Building {articles} articles from {len(material['sentences'])} sentences…")
            index_seconds, companies = self.build(articles, zones, material)
            self.say(f"Built and indexed in {index_seconds:.1f} s.")
        try:
            report = self.measure(articles, zones, companies, repeat, baseline_repeat)
        finally:
            if not keep:
                self.cleanup()
        report["index_seconds"] = round(index_seconds, 2) if index_seconds is not None else None
        ordered = ["articles", "index_seconds", "search_p50_ms", "search_p95_ms", "search_p99_ms",
                   "baseline_p50_ms", "speedup_p50", "db_bytes"]
        self.stdout.write(json.dumps({key: report[key] for key in ordered}, ensure_ascii=False))

    def say(self, message):
        if self.verbosity:
            self.stderr.write(message)

    # --- corpus ---------------------------------------------------------
    def zones(self):
        zones = reference_zone_list()
        if not zones:
            raise CommandError("No zones: run `manage.py load_zones` first.")
        return zones

    def material(self):
        paths = sorted(Path(settings.SEEDS_DIR).glob("*.txt"))
        if not paths:
            raise CommandError(f"No seed pages in {settings.SEEDS_DIR}.")
        sentences, headlines, chars = set(), set(), set()
        for path in paths:
            text = fold(path.read_text(encoding="utf-8", errors="replace"))
            for line in text.splitlines():
                line = "".join(line.split())
                if not line:
                    continue
                chars.update(CJK.findall(line))
                if 6 <= len(line) <= 30 and "。" not in line and len(CJK.findall(line)) >= 6:
                    headlines.add(line.strip("■►▶—"))
                for sentence in SENTENCE_END.split(line):
                    if len(CJK.findall(sentence)) >= 8 and sentence.endswith(("。", "！", "？")):
                        sentences.add(sentence)
        return {
            "sentences": sorted(sentences),
            "headlines": sorted(h for h in headlines if h),
            "chars": sorted(chars),
        }

    def companies(self, count, material):
        # Drawn first from the seeded generator, so --reuse finds the same names.
        return company_names(self.rng, material["chars"], max(50, count // 5))

    def build(self, count, zones, material):
        rng = self.rng
        sentences, headlines = material["sentences"], material["headlines"]
        zone_names = [z.name for z in zones]
        companies = self.companies(count, material)
        refresh_dictionary()
        cache = {}

        def segmented(text):
            # Sentences repeat across the corpus; jieba cuts each one once.
            value = cache.get(text)
            if value is None:
                value = cache[text] = segment_for_index(text)
            return value

        started = time.perf_counter()
        batch, sources = [], []
        with transaction.atomic():
            for n in range(count):
                if n % PER_SOURCE == 0:
                    sources.append(
                        Source.objects.create(name=f"{PREFIX}{n // PER_SOURCE:05d}", content_hash="0" * 64)
                    )
                zone = zones[n % len(zones)]
                other = rng.choice(zone_names)
                picked = rng.sample(sentences, k=min(len(sentences), rng.randint(6, 16)))
                company = rng.choice(companies)
                picked.insert(rng.randint(0, len(picked)), f"{company}党支部被评为{other}先进基层党组织。")
                picked.insert(0, f"{zone.name}{rng.choice(sentences)}")
                title = f"{zone.name}{rng.choice(headlines)}"
                kicker = rng.choice(headlines) if rng.random() < 0.3 else ""
                body_sentences = picked
                batch.append(
                    Article(
                        key=f"{sources[-1].name}#{n % PER_SOURCE}",
                        source=sources[-1],
                        position=n % PER_SOURCE,
                        title=title[:255],
                        kicker=kicker[:255],
                        kind=rng.choice(("feature",) * 6 + ("brief", "photo")),
                        body="\n".join(body_sentences),
                        zone=zone,
                        year=rng.randint(2018, 2024),
                        search_title=segment_for_index(title),
                        search_head=segmented(kicker) if kicker else "",
                        search_body=" ".join(segmented(s) for s in body_sentences),
                    )
                )
                if len(batch) >= 1000:
                    Article.objects.bulk_create(batch)
                    batch = []
                    if n % 10000 < 1000:
                        self.say(f"  {n + 1} articles")
            if batch:
                Article.objects.bulk_create(batch)
        self.backend.optimize(connection)
        return time.perf_counter() - started, companies

    def cleanup(self):
        synthetic = Source.objects.filter(name__startswith=PREFIX)
        if synthetic.exists():
            with transaction.atomic():
                Article.objects.filter(source__in=synthetic).delete()
                synthetic.delete()
            # Deleted rows leave empty pages at the head of the table, which every
            # later scan would cross: the next run would time this run's leftovers.
            self.backend.compact_table(connection)

    # --- timing ---------------------------------------------------------
    def queries(self, zones, companies):
        rng = random.Random(7)
        mix = dict(FIXED_QUERIES)
        present = set(
            Article.objects.filter(source__name__startswith=PREFIX).values_list("zone__name", flat=True)[:5000]
        )
        mix["zone name"] = rng.sample(sorted(present), k=min(4, len(present)))
        mix["rare word"] = rng.sample(companies, k=4)
        order = ["common word", "rare word", "two words", "phrase", "zone name", "no hit"]
        return [(kind, query) for kind in order for query in mix[kind]]

    def run_search(self, query):
        # As the search page runs it: a paginator over the ranked queryset.
        result = search_articles(article_list(), query)
        page = Paginator(result.queryset, PAGE).page(1)
        return page.paginator.count, list(page.object_list)

    def run_baseline(self, query):
        condition = Q()
        for word in fold(query).replace('"', " ").split():
            condition &= Q(title__icontains=word) | Q(body__icontains=word)
        queryset = article_list().filter(condition).order_by("pk")
        page = list(queryset[:PAGE])
        return queryset.count(), page

    def timed(self, function, query, times):
        durations = []
        for _ in range(times):
            started = time.perf_counter()
            hits, _page = function(query)
            durations.append((time.perf_counter() - started) * 1000)
        return hits, durations

    def measure(self, count, zones, companies, repeat, baseline_repeat):
        mix = self.queries(zones, companies)
        for _kind, query in mix:  # warm caches and the dictionary
            self.run_search(query)
        search_all, baseline_all = [], []
        rows = []
        for kind, query in mix:
            hits, durations = self.timed(self.run_search, query, repeat)
            base_hits, base_durations = self.timed(self.run_baseline, query, baseline_repeat)
            search_all.extend(durations)
            baseline_all.extend(base_durations)
            rows.append((kind, query, hits, base_hits, statistics.median(durations), max(durations),
                         statistics.median(base_durations)))
        if self.verbosity:
            self.stdout.write(
                f"Ranking exact up to {RANK_LIMIT} matches per tier (title/kicker, then any); "
                f"beyond that the best of {RANK_LIMIT} per tier, and 'hits' counts the ranked list."
            )
            self.stdout.write(f"{'kind':<12} {'query':<16} {'hits':>7} {'icontains':>9} "
                              f"{'p50 ms':>8} {'max ms':>8} {'base ms':>9}")
            for kind, query, hits, base_hits, p50, worst, base in rows:
                self.stdout.write(f"{kind:<12} {query:<16} {hits:>7} {base_hits:>9} "
                                  f"{p50:>8.2f} {worst:>8.2f} {base:>9.1f}")
        search_p50 = statistics.median(search_all)
        baseline_p50 = statistics.median(baseline_all)
        return {
            "articles": count,
            "search_p50_ms": round(search_p50, 2),
            "search_p95_ms": round(percentile(search_all, 0.95), 2),
            "search_p99_ms": round(percentile(search_all, 0.99), 2),
            "baseline_p50_ms": round(baseline_p50, 2),
            "speedup_p50": round(baseline_p50 / search_p50, 1) if search_p50 else None,
            "db_bytes": self.db_bytes(),
        }

    def db_bytes(self):
        return self.backend.database_bytes(connection)
