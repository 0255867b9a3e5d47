"""Count and rank the archive again: what the pages read instead of counting it themselves."""
import time

from django.core.management.base import BaseCommand

from articles import tallies


class Command(BaseCommand):
    help = (
        "Count and rank the archive again (articles/tallies.py): the counts, each zone's latest "
        "figures and most-named initiatives. An ingest and a curator's save do it themselves; run it "
        "after a migration that adds a stored table or a write that sent no signal (a shell's bulk "
        "update). Until then the pages count and rank for themselves."
    )

    def handle(self, *args, verbosity=1, **options):
        started = time.perf_counter()
        tallies.refresh()
        if verbosity:
            self.stdout.write(f"Counted and ranked the archive in {time.perf_counter() - started:.1f} s.")
