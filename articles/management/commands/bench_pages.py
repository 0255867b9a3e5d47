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
   (``articles.benchmarks.plan.plan_corpus``): articles per page, initiatives per
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
   company's name, two words), the four API lists, and the curators' admin pages
   (the article, initiative and figure lists, the article list searched for a
   common word, and the article's form), requested as a superuser of the
   database timed (``bench-pages-curator``, deleted with the corpus).  Any
   answer other than 200 stops the run, naming the page.

Timings are in-process: no server, no network, no connection set-up (an SQLite
web worker opens a connection per request).  ``worker_rss_mb`` is the
process's peak resident size while timing, the search dictionary of the
corpus's names included, as a web worker loads it; ``worker_memory_mb`` splits
the resident size at the end into heap and mapped files (with SQLite, the
memory-mapped database pages read, shared with the page cache).  The last line of output is
one JSON object; ``small_db_ratio`` is p50 at N over p50 on the seeds, timed in
the same run: with ``--reuse``, in a database of their own made beside the
corpus's and removed afterwards (``corpus.database_of_its_own``), the corpus and
the seeds timed in turn ``--rounds`` times (each round a share of ``--repeat``),
so that the host's drift over the run weighs on both alike.
``host_probe_ms`` is how long a fixed piece of pure Python took after each page
(median), while the corpus and while the seeds were timed: on a shared machine
the host's speed drifts between the two, and the ratios are read with it.
"""
import json
import os
import random
import time
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone

from articles import tallies
from articles.benchmarks.corpus import (
    PREFIX,
    build_corpus,
    database_of_its_own,
    delete_corpus,
    read_meta,
    read_seed_profile,
    reference_zone_list,
    save_meta,
    scratch_backend,
)
from articles.benchmarks.plan import company_names
from articles.benchmarks.timing import (
    HOST,
    load_dictionary_afresh,
    memory_mb,
    pages_to_time,
    release_memory,
    reset_peak_rss,
    time_pages,
    write_report,
)
from articles.models import Article
from articles.vocabulary import load_vocabulary

# The test client renders with the collected files' names unknown: plain static URLs.
PLAIN_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


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
            "--rounds", type=int, default=3,
            help="With --reuse, time the corpus and the seeds in turn this many times (default 3), "
                 "the --repeat requests of each page shared among the rounds.",
        )
        parser.add_argument(
            "--force", action="store_true", help="Run even though the database holds real articles."
        )

    def handle(self, *args, articles, repeat, seed, top_zone_share, keep, reuse, force, rounds=3,
               verbosity=1, **options):
        if articles < 1 or articles > 2_000_000:
            raise CommandError("--articles must be between 1 and 2,000,000.")
        if repeat < 1:
            raise CommandError("--repeat must be at least 1.")
        if rounds < 1:
            raise CommandError("--rounds must be at least 1.")
        # Without --reuse the seeds are timed once, before the corpus is built (in a transaction rolled back).
        rounds = rounds if reuse else 1
        per_round = -(-repeat // rounds)
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
                meta = read_meta(articles)
                keep = True
            else:
                delete_corpus(self.backend)
            try:
                if not reuse:
                    meta = self.prepare(articles, zones, repeat, top_zone_share)
                    if keep:
                        save_meta(meta)
                # The pages' counts, as the last ingest run leaves them (bulk writes send no signal).
                tallies.refresh()
                # Its connection goes with the recount's page cache: a web worker starts without it.
                connection.close()
                # A web worker loads the dictionary of the database's names when it starts.
                release_memory()
                reset_peak_rss()
                load_dictionary_afresh()
                _zone, pages = pages_to_time(meta["rare_word"], meta["big_zone"])
                self.say(f"Timing {len(pages)} pages on {articles} articles…")
                results = time_pages(pages, per_round)
                memory = memory_mb()
            finally:
                if not keep:
                    delete_corpus(self.backend)
            if reuse:
                # Once the worker's memory is read: the ingest loads what a web worker does not.
                with database_of_its_own() as corpus_again:
                    self.say("Timing the seed pages in a database of their own…")
                    load_vocabulary()
                    self.ingest_seeds()
                    seeds = None
                    # In turn, so that the host's drift over the run weighs on both alike.
                    for number in range(rounds):
                        if number:
                            with corpus_again():
                                self.say(f"Timing the corpus again (round {number + 1} of {rounds})…")
                                load_dictionary_afresh()
                                results = time_pages(pages, per_round, results)
                        _zone, seeds, meta["seeds_load_average"] = self.time_seeds(
                            meta["rare_word"], per_round, seeds
                        )
                    meta["seeds"] = seeds
        meta["rounds"] = rounds
        write_report(self.stdout, articles, results, meta, memory, load_before, verbose=bool(self.verbosity))

    def say(self, message):
        if self.verbosity:
            self.stderr.write(message)

    def ingest_seeds(self):
        self.say(f"Ingesting the seed pages from {settings.SEEDS_DIR}…")
        call_command("ingest", str(settings.SEEDS_DIR), verbosity=0, stdout=StringIO(), stderr=StringIO())

    def time_seeds(self, rare_word, repeat, earlier=None):
        """(the zone timed, the timings, the load average) of every page on the seeds just ingested.

        ``earlier``: the timings of an earlier round, which these join (``time_pages``).
        """
        self.backend.optimize(connection)
        load_dictionary_afresh()
        big_zone, pages = pages_to_time(rare_word)
        self.say(f"Timing {len(pages)} pages on the {Article.objects.count()} seed articles…")
        return big_zone, time_pages(pages, repeat, earlier), round(os.getloadavg()[0], 2)

    def prepare(self, count, zones, repeat, top_zone_share):
        """Ingest and time the seeds (rolled back), then build the corpus; what --reuse will need."""
        # The indicators and initiative types stay, as the zones do: the corpus's facts refer to them.
        load_vocabulary()
        with transaction.atomic():
            self.ingest_seeds()
            profile = read_seed_profile()
            # Drawn first from the seeded generator: the same names for the same --seed.
            companies = company_names(self.rng, profile.characters(), max(50, count // 5))
            rare_word = companies[0]
            big_zone, seeds, seeds_load = self.time_seeds(rare_word, repeat)
            transaction.set_rollback(True)
        sentences = profile.sentences()
        self.say(f"Seed proportions: {json.dumps(profile.summary(), ensure_ascii=False)}")
        self.say(f"Building {count} articles…")
        started = time.perf_counter()
        corpus = build_corpus(
            count, zones, profile, self.rng, companies=companies, sentences=sentences,
            top_zone_share=top_zone_share, big_zone=big_zone, backend=self.backend, say=self.say,
        )
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
