"""Rebuild the full-text index: reload the segmentation dictionary, re-segment every article.

Batches of articles are read here and segmented by ``--workers`` processes
(forks holding the freshly loaded dictionary), then written here in order.
"""
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from articles.ingest.pipeline import in_workers
from articles.ingest.run import default_workers
from articles.models import Article
from articles.search import backends
from articles.search.indexing import (
    SEARCH_FIELDS,
    SOURCE_FIELDS,
    segment_rows,
    source_values,
    store_search_fields,
)
from articles.search.dictionary import refresh_dictionary


class Command(BaseCommand):
    help = (
        "Re-segment every article with the current dictionary (fixtures/party_terms.txt, zone "
        "and initiative names) and rebuild the full-text index. Run it after the dictionary changes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Report how many articles would be re-segmented."
        )
        parser.add_argument(
            "--batch-size", type=int, default=500, help="Articles written per batch (default 500)."
        )
        parser.add_argument(
            "--workers", type=int, default=None, metavar="N",
            help="Processes segmenting the articles (default: one per core, 2 to 4; 1: this one).",
        )

    def handle(self, *args, dry_run=False, batch_size=500, workers=None, verbosity=1, **options):
        try:
            backend = backends.get_backend(connection)
        except backends.SearchUnavailable as exc:
            raise CommandError(str(exc)) from None
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
        if dry_run:
            self.stdout.write(f"{len(ids)} articles would be re-segmented.")
            return
        if workers is not None and workers < 1:
            raise CommandError("--workers must be at least 1.")
        terms = refresh_dictionary(force=True)
        # Recreates the index objects should a table rebuild by a later migration have dropped them.
        backend.repair(connection)
        batches = [ids[offset : offset + batch_size] for offset in range(0, len(ids), batch_size)]
        read = {}  # batch number -> its articles, read here, segmented in the workers
        columns = ("pk", *SOURCE_FIELDS, *SEARCH_FIELDS)

        def rows(batches):
            for number, batch in enumerate(batches):
                read[number] = list(Article.objects.filter(pk__in=batch).only(*columns))
                yield [(article.pk, source_values(article)) for article in read[number]]

        changed, done = 0, 0
        segmented = in_workers(segment_rows, rows(batches), workers=workers or default_workers())
        for number, fields in enumerate(segmented):
            articles = read.pop(number)
            with transaction.atomic():
                changed += store_search_fields(Article, articles, dict(fields))
            done += len(articles)
            if verbosity >= 2:
                self.stdout.write(f"  {done}/{len(ids)}")
        backend.rebuild(connection)
        backend.optimize(connection)
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Reindexed {len(ids)} articles ({changed} changed) with {terms} database terms "
                    "in the dictionary."
                )
            )
