"""Time every kind of public page on a synthetic corpus, against the seed pages alone.

    DATABASE_URL=sqlite:////tmp/bench_pages.sqlite3 python manage.py migrate
    DATABASE_URL=sqlite:////tmp/bench_pages.sqlite3 python manage.py bench_pages --articles 20000
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/kb_bench_pages
    python manage.py bench_pages --articles 100000 --keep
    python manage.py bench_pages --articles 100000 --reuse

Point it at a scratch database: it writes into the current database (sources,
initiatives and keys named ``bench-pages/…``) and refuses to run where other
articles exist unless ``--force``.  The synthetic rows are deleted afterwards
unless ``--keep``; ``--reuse`` times a kept corpus again without rebuilding it
(and keeps it).

1. The seed pages (fixtures/seeds/) are ingested in a transaction that is
   rolled back afterwards.  Their articles, initiatives, mentions and metrics
   give the corpus its templates and proportions, and every page is timed on
   them: the small database.
2. N articles are written with bulk_create, copied from the seed articles
   (``articles.benchmarks.plan_corpus``): articles per page, initiatives per
   article (with their types), mentions per initiative, metrics per article
   (with their indicators and kinds), statements per metric and zones per
   article as in the seeds (the indicators and initiative types are loaded from
   fixtures/ first and kept), over the reference zones with a skew (``--top-zone-share``
   of the articles in the biggest zone), years 2015-2026 and undated as often
   as in the seeds.  The search columns are segmented as the ingest does
   (``search_fields_for``), the search index is optimized and the tables
   analysed.
3. Every page is timed again in-process with Django's test client (DEBUG off,
   static files unhashed): one warm-up request of each page, counting its SQL
   queries, then ``--repeat`` timed requests of each in turn.  The pages: home, the zone
   directory, the biggest zone's page and its province's, the article list
   (first page and one near the end), the article of the biggest zone with the
   most facts, the initiative list and the initiative with the most mentions,
   the metric list and chart, the indicator list and the indicator with the most figures,
   the initiative-type list and the type with the most initiatives, the comparison of the
   biggest zone with the next, three searches (a common word, a made-up
   company's name, two words) and the four API lists.  Any answer other than
   200 stops the run, naming the page.

Timings are in-process: no server, no network, no connection set-up (an SQLite
web worker opens a connection per request).  ``worker_rss_mb`` is the
process's peak resident size while timing, the search dictionary of the
corpus's names included, as a web worker loads it; ``worker_memory_mb`` splits
the resident size at the end into heap and mapped files (with SQLite, the
memory-mapped database pages read, shared with the page cache).  The last line of output is
one JSON object; ``small_db_ratio`` is p50 at N over p50 on the seeds (with
``--reuse``, the seeds as timed by the run that kept the corpus).
"""
import hashlib
import json
import os
import random
import statistics
import time
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Count
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import selectors, tallies
from articles.benchmarks import (
    SeedArticle,
    SeedMention,
    SeedProfile,
    company_names,
    memory_mb,
    pages_count,
    percentile,
    plan_corpus,
    reference_zone_list,
    release_memory,
    reset_peak_rss,
    scratch_backend,
)
from articles.models import (
    Article,
    Indicator,
    Initiative,
    InitiativeMention,
    InitiativeType,
    Metric,
    MetricMention,
    Source,
)
from articles.search.dictionary import load_dictionary, refresh_dictionary, reset_dictionary
from articles.search.indexing import search_fields_for
from articles.search.segment import segment_for_index
from articles.vocabulary import load_vocabulary
from core.listing import ListEndpoint
from core.text import CJK_RE, split_sentences
from zones.models import Zone
from zones.views import province_slugs

PREFIX = "bench-pages/"
META = f"{PREFIX}run"  # a source without articles: what --reuse needs of the run that kept the corpus
BATCH = 1000
DELETE_CHUNK = 5000
HOST = "localhost"
COMMON_WORD = "党建"
TWO_WORDS = "营商环境 企业"
METRIC_FIELDS = (
    "label", "raw", "value", "value_max", "unit", "normalized_value", "normalized_max",
    "normalized_unit", "qualifier", "year", "period", "sentence", "offset", "indicator_id", "kind",
    "value_from", "normalized_from",
)
# The test client renders with the collected files' names unknown: plain static URLs.
PLAIN_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PAGE_ORDER = (
    "home", "zones", "zone", "province", "articles", "articles_deep", "article",
    "initiatives", "initiative", "initiative_types", "initiative_type", "metrics", "indicators",
    "indicator", "compare", "search_common", "search_rare", "search_two_words",
    "api_articles", "api_initiatives", "api_metrics", "api_zones",
)


class Command(BaseCommand):
    help = (
        "Time every public page type in-process on a synthetic corpus of N articles (with "
        "initiatives, mentions and metrics in the seed pages' proportions) written to the CURRENT "
        "database (use a scratch one), and on the seed pages alone; print a table and a final JSON line."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, help="Number of synthetic articles.")
        parser.add_argument("--repeat", type=int, default=20, help="Timed requests of each page (default 20).")
        parser.add_argument("--seed", type=int, default=20240601, help="Random seed of the corpus.")
        parser.add_argument(
            "--top-zone-share", type=float, default=0.02,
            help="Share of the articles in the biggest zone (default 0.02); the others follow a "
                 "Zipf-like tail. At most an even spread (1/zones) spreads them evenly.",
        )
        parser.add_argument("--keep", action="store_true", help="Keep the synthetic corpus afterwards.")
        parser.add_argument(
            "--reuse", action="store_true",
            help="Time the corpus a run with --keep left (same --articles); no build, the corpus is kept.",
        )
        parser.add_argument(
            "--force", action="store_true", help="Run even though the database holds real articles."
        )

    def handle(self, *args, articles, repeat, seed, top_zone_share, keep, reuse, force, verbosity=1,
               **options):
        if articles < 1 or articles > 2_000_000:
            raise CommandError("--articles must be between 1 and 2,000,000.")
        if repeat < 1:
            raise CommandError("--repeat must be at least 1.")
        if not 0 < top_zone_share < 1:
            raise CommandError("--top-zone-share must be between 0 and 1.")
        self.backend = scratch_backend(connection, prefix=PREFIX, force=force, example="sqlite:////tmp/bench_pages.sqlite3")
        self.verbosity = verbosity
        self.rng = random.Random(seed)
        load_before = os.getloadavg()
        # DEBUG off as in production; the test client's host; no HTTPS redirect.
        with override_settings(DEBUG=False, ALLOWED_HOSTS=[HOST], SECURE_SSL_REDIRECT=False,
                               STORAGES=PLAIN_STORAGES):
            zones = reference_zone_list()
            if reuse:
                meta = self.read_meta(articles)
                keep = True
            else:
                self.cleanup()
            try:
                if not reuse:
                    meta = self.prepare(articles, zones, repeat, top_zone_share)
                    if keep:
                        Source.objects.create(
                            name=META, content_hash="0" * 64, text=json.dumps(meta, ensure_ascii=False)
                        )
                # The pages' counts, as the last ingest run leaves them (bulk writes send no signal).
                tallies.refresh()
                # A web worker loads the dictionary of the database's names when it starts.
                release_memory()
                reset_peak_rss()
                reset_dictionary()
                load_dictionary()
                pages = self.pages(meta["rare_word"], meta["big_zone"])
                self.say(f"Timing {len(pages)} pages on {articles} articles…")
                results = self.time_pages(pages, repeat)
                memory = memory_mb()
            finally:
                if not keep:
                    self.cleanup()
        self.report(articles, results, meta, memory, load_before)

    def say(self, message):
        if self.verbosity:
            self.stderr.write(message)

    # --- the seed pages -----------------------------------------------------
    def prepare(self, count, zones, repeat, top_zone_share):
        """Ingest and time the seeds (rolled back), then build the corpus; what --reuse will need."""
        # The indicators and initiative types stay, as the zones do: the corpus's facts refer to them.
        load_vocabulary()
        with transaction.atomic():
            self.say(f"Ingesting the seed pages from {settings.SEEDS_DIR}…")
            call_command("ingest", str(settings.SEEDS_DIR), verbosity=0, stdout=StringIO(), stderr=StringIO())
            profile = self.seed_profile()
            chars = sorted({ch for a in profile.articles for ch in a.body if CJK_RE.match(ch)})
            # Drawn first from the seeded generator: the same names for the same --seed.
            companies = company_names(self.rng, chars, max(50, count // 5))
            rare_word = companies[0]
            self.backend.optimize(connection)
            reset_dictionary()
            load_dictionary()
            pages = self.pages(rare_word)
            big_zone = self.big_zone
            self.say(f"Timing {len(pages)} pages on the {len(profile.articles)} seed articles…")
            seeds = self.time_pages(pages, repeat)
            seeds_load = round(os.getloadavg()[0], 2)
            transaction.set_rollback(True)
        sentences = sorted({
            sentence for a in profile.articles for _offset, sentence in split_sentences(a.body)
            if len(CJK_RE.findall(sentence)) >= 8 and sentence.endswith(("。", "！", "？"))
        })
        self.say(f"Seed proportions: {json.dumps(profile.summary(), ensure_ascii=False)}")
        self.say(f"Building {count} articles…")
        started = time.perf_counter()
        corpus = self.build(count, zones, profile, companies, sentences, top_zone_share, big_zone)
        corpus["build_seconds"] = round(time.perf_counter() - started, 1)
        self.say(f"Built, indexed and analysed in {corpus['build_seconds']} s.")
        return {
            "articles": count,
            "rare_word": rare_word,
            "big_zone": big_zone,
            "seeds": seeds,
            "seeds_load_average": seeds_load,
            "seed_profile": profile.summary(),
            "corpus": corpus,
            "built_at": timezone.now().isoformat(timespec="seconds"),
        }

    def seed_profile(self):
        names = {path.name for path in settings.SEEDS_DIR.iterdir()}
        sources = Source.objects.filter(name__in=names)
        seeds = list(
            Article.objects.filter(source__in=sources)
            .select_related("zone", "source")
            .annotate(zone_count=Count("zones"))
            .order_by("source__name", "position")
        )
        if not seeds:
            raise CommandError(f"The seed pages in {settings.SEEDS_DIR} gave no article.")
        mentions, metrics = {}, {}
        for mention in (
            InitiativeMention.objects.filter(article__in=seeds).select_related("initiative").order_by("offset", "pk")
        ):
            initiative = mention.initiative
            mentions.setdefault(mention.article_id, []).append(SeedMention(
                initiative.name, initiative.category, mention.sentence, mention.offset, initiative.type_id
            ))
        # Each figure with its statements in the article: a figure stated in two articles is
        # copied with each (the copies are different figures, as two zones' would be).
        statements = {}
        for row in MetricMention.objects.filter(article__in=seeds).order_by("offset", "pk").values(
            "metric_id", "article_id", "raw", "sentence", "offset"
        ):
            statements.setdefault((row["metric_id"], row["article_id"]), []).append(
                (row["raw"], row["sentence"], row["offset"])
            )
        rows = Metric.objects.filter(mentions__article__in=seeds).distinct().values("pk", *METRIC_FIELDS)
        by_pk = {row.pop("pk"): row for row in rows}
        for (metric_id, article_id), stated in sorted(statements.items(), key=lambda item: (item[1][0][2], item[0])):
            metrics.setdefault(article_id, []).append(
                {**by_pk[metric_id], "sentence": stated[0][1], "offset": stated[0][2], "mentions": stated}
            )
        templates = []
        for article in seeds:
            zone = article.zone
            templates.append(SeedArticle(
                title=article.title, body=article.body,
                zone_names=(zone.name, zone.full_name, *zone.aliases) if zone else (),
                kicker=article.kicker, subtitle=article.subtitle, byline=article.byline,
                authors=tuple(a for a in article.authors or () if isinstance(a, str)),
                kind=article.kind, column=article.column,
                captions=tuple(c for c in article.captions or () if isinstance(c, str)),
                headings=tuple(h for h in article.headings or () if isinstance(h, dict)),
                year=article.year, zone_count=max(1, article.zone_count),
                mentions=tuple(mentions.get(article.pk, ())), metrics=tuple(metrics.get(article.pk, ())),
            ))
        sizes = list(
            Source.objects.filter(pk__in={a.source_id for a in seeds})
            .annotate(n=Count("articles")).values_list("n", flat=True)
        )
        initiatives = Initiative.objects.filter(mentions__article__in=seeds).distinct().count()
        return SeedProfile(articles=templates, source_sizes=sizes, initiatives=initiatives)

    # --- the corpus ---------------------------------------------------------
    def build(self, count, zones, profile, companies, sentences, top_zone_share, big_zone):
        # Segment as the ingest does, with the seeds' programme names in the dictionary.
        refresh_dictionary(names=[m.name for a in profile.articles for m in a.mentions])
        self.search_cache = {}
        self.initiative_pks = {}
        plans = plan_corpus(
            profile, [(z.pk, z.name) for z in zones], count, self.rng,
            companies=companies, sentences=sentences, top_zone_share=top_zone_share, big_zone=big_zone,
        )
        totals = {"articles": 0, "sources": 0, "initiatives": 0, "mentions": 0, "metrics": 0,
                  "metric_mentions": 0, "zone_links": 0}
        pending, size = [], 0
        for page in plans:
            pending.append(page)
            size += len(page)
            if size >= BATCH:
                self.write(pending, totals)
                pending, size = [], 0
                if totals["articles"] % 10000 < BATCH:
                    self.say(f"  {totals['articles']} articles")
        if pending:
            self.write(pending, totals)
        self.search_cache = self.initiative_pks = None
        self.backend.optimize(connection)
        with connection.cursor() as cursor:
            # Statistics of every table, as in a database that has been up a while (the
            # backend's optimize analyses the article table only on PostgreSQL).
            if connection.vendor == "postgresql" and not connection.in_atomic_block:
                cursor.execute("VACUUM ANALYZE")
            else:
                cursor.execute("ANALYZE")
        corpus = Article.objects.filter(source__name__startswith=PREFIX)
        totals["biggest_zone"] = Zone.objects.get(pk=big_zone).name
        totals["biggest_zone_articles"] = corpus.filter(zone_id=big_zone).count()
        top = corpus.values("zone").annotate(n=Count("pk")).order_by("-n").first()
        totals["largest_zone_articles"] = top["n"]  # by chance another zone may be larger on a small N
        return totals

    def search_fields(self, plan):
        # The seed body renamed for a zone is segmented once per (seed, zone); the paragraph of
        # its own once per article.
        key = (plan.template, plan.zone_id)
        fields = self.search_cache.get(key)
        if fields is None:
            fields = self.search_cache[key] = search_fields_for(
                plan.title, plan.kicker, plan.subtitle, plan.main_body, plan.authors,
                plan.captions, plan.headings,
            )
        return {**fields, "search_body": f"{fields['search_body']} {segment_for_index(plan.tail)}"}

    def write(self, pages, totals):
        with transaction.atomic():
            sources = []
            for page in pages:
                text = "\n\n".join(plan.body for plan in page)
                sources.append(Source(
                    name=f"{PREFIX}{page[0].source:06d}",
                    content_hash=hashlib.sha256(text.encode()).hexdigest(), text=text,
                ))
            Source.objects.bulk_create(sources)
            rows = []
            for source, page in zip(sources, pages):
                for plan in page:
                    rows.append((plan, Article(
                        key=f"{source.name}#{plan.position}", source=source, position=plan.position,
                        column=plan.column, kicker=plan.kicker[:255], title=plan.title[:255],
                        subtitle=plan.subtitle[:255], byline=plan.byline[:255], authors=plan.authors,
                        kind=plan.kind, body=plan.body, captions=plan.captions,
                        headings=plan.headings or None, zone_id=plan.zone_id, year=plan.year,
                        **self.search_fields(plan),
                    )))
            Article.objects.bulk_create([article for _plan, article in rows])
            new = [
                Initiative(key=f"{PREFIX}{i.number}", name=i.name, category=i.category, zone_id=i.zone_id,
                           type_id=i.type_id)
                for plan, _article in rows for i in plan.new_initiatives
            ]
            Initiative.objects.bulk_create(new)
            for initiative in new:
                self.initiative_pks[int(initiative.key[len(PREFIX):])] = initiative.pk
            mentions, metrics, links = [], [], []
            for plan, article in rows:
                mentions += [
                    InitiativeMention(initiative_id=self.initiative_pks[number], article=article,
                                      sentence=sentence, offset=offset)
                    for number, sentence, offset in plan.mentions
                ]
                metrics += [
                    (Metric(key=f"{article.key}#m{n}", zone_id=plan.zone_id, article=article,
                            **{k: v for k, v in fields.items() if k != "mentions"}), fields["mentions"])
                    for n, fields in enumerate(plan.metrics)
                ]
                links += [Article.zones.through(article=article, zone_id=z) for z in plan.zone_ids]
            InitiativeMention.objects.bulk_create(mentions, batch_size=BATCH)
            Metric.objects.bulk_create([metric for metric, _stated in metrics], batch_size=BATCH)
            statements = [
                MetricMention(metric=metric, article_id=metric.article_id, raw=raw[:64], sentence=sentence,
                              offset=offset)
                for metric, stated in metrics for raw, sentence, offset in stated
            ]
            MetricMention.objects.bulk_create(statements, batch_size=BATCH)
            Article.zones.through.objects.bulk_create(links, batch_size=BATCH)
        for name, n in (("sources", len(sources)), ("articles", len(rows)), ("initiatives", len(new)),
                        ("mentions", len(mentions)), ("metrics", len(metrics)),
                        ("metric_mentions", len(statements)), ("zone_links", len(links))):
            totals[name] += n

    def cleanup(self):
        synthetic = Source.objects.filter(name__startswith=PREFIX)
        initiatives = Initiative.objects.filter(key__startswith=PREFIX)
        if not synthetic.exists() and not initiatives.exists():
            return
        with transaction.atomic():
            # The facts first, each a plain DELETE; then the articles by chunks of ids, so the
            # deletion never holds the whole corpus in memory.
            InitiativeMention.objects.filter(article__source__in=synthetic).delete()
            MetricMention.objects.filter(article__source__in=synthetic).delete()
            Metric.objects.filter(article__source__in=synthetic).delete()
            Article.zones.through.objects.filter(article__source__in=synthetic).delete()
            initiatives.delete()
            ids = list(Article.objects.filter(source__in=synthetic).order_by("pk").values_list("pk", flat=True))
            for start in range(0, len(ids), DELETE_CHUNK):
                Article.objects.filter(pk__in=ids[start : start + DELETE_CHUNK]).only("pk").delete()
            synthetic.delete()
        # Deleted rows leave empty pages at the head of the table, which every later scan
        # would cross: the next run would time this run's leftovers.
        self.backend.compact_table(connection)

    def read_meta(self, count):
        kept = Article.objects.filter(source__name__startswith=PREFIX).count()
        if kept != count:
            raise CommandError(f"--reuse: the database holds {kept} synthetic articles, not {count}.")
        source = Source.objects.filter(name=META).first()
        if source is None:
            raise CommandError("--reuse: no record of the run that kept the corpus; build it again with --keep.")
        return json.loads(source.text)

    # --- timing -------------------------------------------------------------
    def pages(self, rare_word, zone_id=None):
        """(name, path, query) of every page timed, chosen from what the database holds.

        The zone is ``zone_id`` if given and it has articles (a small corpus may give it
        none), else the one with the most articles.
        """
        visible = Article.objects.visible()
        if zone_id is None or not visible.filter(zone_id=zone_id).exists():
            top = visible.exclude(zone=None).values("zone").annotate(n=Count("pk")).order_by("-n", "zone").first()
            if top is None:
                raise CommandError("No article has a zone: nothing to time.")
            zone_id = top["zone"]
        zone = Zone.objects.get(pk=zone_id)
        self.big_zone = zone.pk
        slugs = province_slugs()
        province = slugs.get(zone.province) or next(iter(slugs.values()))
        article = (
            visible.filter(zone=zone)
            .annotate(facts=Count("metrics", distinct=True) + Count("initiative_mentions", distinct=True))
            .order_by("-facts", "pk").values_list("pk", flat=True).first()
        )
        initiative = (
            InitiativeMention.objects.visible().values("initiative")
            .annotate(n=Count("pk")).order_by("-n", "initiative").values_list("initiative", flat=True).first()
        )
        if initiative is None:
            raise CommandError("No initiative is mentioned: nothing to time.")
        indicator = (
            Metric.objects.visible().exclude(indicator=None).values("indicator__slug")
            .annotate(n=Count("pk")).order_by("-n", "indicator__slug").values_list("indicator__slug", flat=True).first()
        )
        kind = (
            Initiative.objects.visible().exclude(type=None).values("type__slug")
            .annotate(n=Count("pk")).order_by("-n", "type__slug").values_list("type__slug", flat=True).first()
        )
        if indicator is None or kind is None:
            raise CommandError("No figure has an indicator or no initiative a type: is fixtures/ complete?")
        # The comparison of the big zone with the next biggest: the most the page can read.
        other = (
            visible.exclude(zone=None).exclude(zone=zone).values("zone__slug")
            .annotate(n=Count("pk")).order_by("-n", "zone__slug").values_list("zone__slug", flat=True).first()
        )
        if other is None:
            other = Zone.objects.exclude(pk=zone.pk).order_by("pk").values_list("slug", flat=True).first()
        last = pages_count(selectors.article_list().count(), ListEndpoint.page_size)
        deep = last - 1 if last > 2 else last
        return [
            ("home", reverse("articles:home"), {}),
            ("zones", reverse("zones:directory"), {}),
            ("zone", reverse("zones:detail", args=[zone.slug]), {}),
            ("province", reverse("zones:province", args=[province]), {}),
            ("articles", reverse("articles:list"), {}),
            ("articles_deep", reverse("articles:list"), {"page": deep}),
            ("article", reverse("articles:detail", args=[article]), {}),
            ("initiatives", reverse("articles:initiatives"), {}),
            ("initiative", reverse("articles:initiative", args=[initiative]), {}),
            ("initiative_types", reverse("articles:initiative_types"), {}),
            ("initiative_type", reverse("articles:initiative_type", args=[kind]), {}),
            ("metrics", reverse("articles:metrics"), {}),
            ("indicators", reverse("articles:indicators"), {}),
            ("indicator", reverse("articles:indicator", args=[indicator]), {}),
            ("compare", reverse("compare"), {"zones": f"{zone.slug},{other}"}),
            ("search_common", reverse("articles:search"), {"q": COMMON_WORD}),
            ("search_rare", reverse("articles:search"), {"q": rare_word}),
            ("search_two_words", reverse("articles:search"), {"q": TWO_WORDS}),
            ("api_articles", reverse("api:articles"), {}),
            ("api_initiatives", reverse("api:initiatives"), {}),
            ("api_metrics", reverse("api:metrics"), {}),
            ("api_zones", reverse("api:zones"), {}),
        ]

    def fetch(self, client, name, path, query):
        response = client.get(path, query, HTTP_HOST=HOST)
        if response.streaming:
            b"".join(response.streaming_content)
        if response.status_code != 200:
            problem = ""
            if getattr(response, "exc_info", None):
                problem = f": {response.exc_info[0].__name__}: {response.exc_info[1]}"
            raise CommandError(f"The {name} page ({self.url(path, query)}) answered {response.status_code}{problem}.")

    @staticmethod
    def url(path, query):
        return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")

    def time_pages(self, pages, repeat):
        client = Client(raise_request_exception=False)
        queries = {}
        for name, path, query in pages:  # warm-up (code paths, caches, the database's pages), counted
            with CaptureQueriesContext(connection) as captured:
                self.fetch(client, name, path, query)
            # Read now: the next request clears the connection's log the list is sliced from.
            queries[name] = len(captured.captured_queries)
        results = {}
        for name, path, query in pages:
            durations = []
            for _ in range(repeat):
                started = time.perf_counter()
                self.fetch(client, name, path, query)
                durations.append((time.perf_counter() - started) * 1000)
            results[name] = {
                "url": self.url(path, query),
                "p50_ms": round(statistics.median(durations), 2),
                "p95_ms": round(percentile(durations, 0.95), 2),
                "queries": queries[name],
            }
        return results

    # --- report -------------------------------------------------------------
    def report(self, count, results, meta, memory, load_before):
        seeds = meta["seeds"]
        pages = {}
        for name in PAGE_ORDER:
            result, small = results[name], seeds.get(name, {})
            ratio = round(result["p50_ms"] / small["p50_ms"], 2) if small.get("p50_ms") else None
            pages[name] = {
                "p50_ms": result["p50_ms"], "p95_ms": result["p95_ms"], "queries": result["queries"],
                "small_db_ratio": ratio, "seeds_p50_ms": small.get("p50_ms"), "seeds_queries": small.get("queries"),
            }
        ratios = [p["small_db_ratio"] for p in pages.values() if p["small_db_ratio"] is not None]
        load_after = os.getloadavg()
        corpus = meta["corpus"]
        if self.verbosity:
            self.stdout.write(
                f"{connection.vendor}: {count} articles in {corpus['sources']} pages, {corpus['initiatives']} "
                f"initiatives, {corpus['mentions']} mentions, {corpus['metrics']} metrics; biggest zone "
                f"{corpus['biggest_zone']} with {corpus['biggest_zone_articles']} articles. Seeds: "
                f"{json.dumps(meta['seed_profile'], ensure_ascii=False)}"
            )
            self.stdout.write(
                f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after, on "
                f"{os.cpu_count()} CPUs (seeds timed at {meta.get('seeds_load_average', '?')}, corpus built "
                f"{meta['built_at']}); worker peak RSS {memory['peak']} MB "
                f"(now {memory.get('anon', '?')} MB heap, {memory.get('file', '?')} MB mapped files)"
            )
            self.stdout.write(
                f"{'page':<17} {'p50 ms':>8} {'p95 ms':>8} {'queries':>7} {'seeds ms':>9} {'seeds q':>7} "
                f"{'ratio':>7}  url"
            )
            for name, page in pages.items():
                ratio = f"{page['small_db_ratio']:>7.1f}" if page["small_db_ratio"] is not None else f"{'-':>7}"
                seeds_ms = f"{page['seeds_p50_ms']:>9.2f}" if page["seeds_p50_ms"] is not None else f"{'-':>9}"
                self.stdout.write(
                    f"{name:<17} {page['p50_ms']:>8.2f} {page['p95_ms']:>8.2f} {page['queries']:>7} "
                    f"{seeds_ms} {page['seeds_queries'] if page['seeds_queries'] is not None else '-':>7} "
                    f"{ratio}  {results[name]['url']}"
                )
        self.stdout.write(json.dumps({
            "articles": count,
            "pages": pages,
            "worker_rss_mb": memory["peak"],
            "small_db_ratio": max(ratios) if ratios else None,
            "database": connection.vendor,
            "corpus": corpus,
            "worker_memory_mb": memory,
            "load_average": [round(load_before[0], 2), round(load_after[0], 2)],
            "seeds_load_average": meta.get("seeds_load_average"),
        }, ensure_ascii=False))
