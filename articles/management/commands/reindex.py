"""Bring the full-text index up to the current dictionary, segmenting only what changed.

The articles to segment are chosen by ``articles.reindexing`` (written since
the last reindex, or holding a name whose weight changed; every article with
``--all``, or when the rules changed); batches of them are segmented by
``--workers`` processes (forks holding the freshly loaded dictionary) and
written here in order.  Holds the ingest lock: an ingest writing meanwhile
would have its columns overwritten from an older read.
"""
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from articles.ingest.lock import IngestBusy, ingest_lock
from articles.ingest.run import default_workers
from articles.reindexing import plan_reindex, segment_again
from articles.search import backends
from articles.search.dictionary import refresh_dictionary


class Command(BaseCommand):
    help = (
        "Re-segment the articles the dictionary's changes touch (fixtures/party_terms.txt, zone and "
        "initiative names) and those written since the last reindex; --all: every article. Run it "
        "after the dictionary changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", dest="everything", help="Re-segment every article.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report which articles would be re-segmented, and why."
        )
        parser.add_argument(
            "--batch-size", type=int, default=500, help="Articles written per batch (default 500)."
        )
        parser.add_argument(
            "--workers", type=int, default=None, metavar="N",
            help="Processes segmenting the articles (default: one per core, 2 to 4; 1: this one).",
        )
        parser.add_argument(
            "--wait", type=float, default=0, metavar="SECONDS",
            help="Wait this long for a running ingest to finish (default: do not wait).",
        )

    def handle(self, *args, everything=False, dry_run=False, batch_size=500, workers=None, wait=0,
               verbosity=1, **options):
        try:
            backend = backends.get_backend(connection)
        except backends.SearchUnavailable as exc:
            raise CommandError(str(exc)) from None
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        if workers is not None and workers < 1:
            raise CommandError("--workers must be at least 1.")
        try:
            with ingest_lock(connection, wait=wait):
                self._reindex(backend, everything, dry_run, batch_size, workers, verbosity)
        except IngestBusy as exc:
            raise CommandError(str(exc)) from None

    def _reindex(self, backend, everything, dry_run, batch_size, workers, verbosity):
        started = time.monotonic()
        workers = workers or default_workers()
        terms = refresh_dictionary(force=True)
        plan = plan_reindex(everything=everything, workers=workers)
        if plan.everything:
            summary = f"{len(plan.ids)} articles: {plan.reason}"
        else:
            summary = (
                f"{len(plan.ids)} articles: {plan.pending} written since the last reindex, {plan.holding} "
                f"more holding one of {len(plan.terms)} names added, removed or weighed anew"
            )
        if dry_run:
            self.stdout.write(f"Would re-segment {summary}.")
            return
        if verbosity >= 2:
            self.stdout.write(f"Re-segmenting {summary}.")
        if plan.everything:
            # Recreates the index objects should a table rebuild by a later migration have dropped them.
            backend.repair(connection)

        def progress(done, total):
            if verbosity >= 2:
                self.stdout.write(f"  {done}/{total}")

        changed = segment_again(plan, workers=workers, batch_size=batch_size, progress=progress)
        if plan.everything:
            # A pass over every article: the index compacted in one go. After a
            # few thousand, compacting would cost more than the rest of the run;
            # the index merges its own segments as it is written.
            backend.rebuild(connection)
            backend.optimize(connection)
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Reindexed {summary} ({changed} changed) with {terms} database terms in the "
                    f"dictionary, in {time.monotonic() - started:.1f} s."
                )
            )
