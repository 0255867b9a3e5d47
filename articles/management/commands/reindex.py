"""Rebuild the full-text index: reload the segmentation dictionary, re-segment every article."""
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from articles.models import Article
from articles.search import backends
from articles.search.indexing import index_articles
from articles.search.segment import refresh_dictionary


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

    def handle(self, *args, dry_run=False, batch_size=500, verbosity=1, **options):
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
        terms = refresh_dictionary(force=True)
        # Recreates the index objects should a table rebuild by a later migration have dropped them.
        backend.repair(connection)
        changed = 0
        for offset in range(0, len(ids), batch_size):
            batch = Article.objects.filter(pk__in=ids[offset : offset + batch_size])
            changed += index_articles(batch, refresh=False)
            if verbosity >= 2:
                self.stdout.write(f"  {min(offset + batch_size, len(ids))}/{len(ids)}")
        backend.rebuild(connection)
        backend.optimize(connection)
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Reindexed {len(ids)} articles ({changed} changed) with {terms} database terms "
                    "in the dictionary."
                )
            )
