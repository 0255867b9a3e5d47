"""What a full-text search backend does, whatever the database.

The engine (``engine.py``) ranks articles from what a backend returns and
never looks at the database vendor itself; ``get_backend`` (``__init__.py``)
is the one place that picks a backend for a connection.  A backend for
another engine (OpenSearch with a Chinese analyzer, say) fills the same
contract.
"""


class SearchBackend:
    """The contract.  Tokens are already segmented and folded (``segment.py``)."""

    #: ``True`` when ``candidates`` applies the queryset's own filters (zone,
    #: year, visibility…) in the scan that reads the matches; ``False`` when it
    #: reads the index alone and the engine checks the filters on the ids.
    filters_in_scan = False

    def repair(self, connection):
        """Recreate index objects a schema change may have dropped (idempotent)."""

    def candidates(self, connection, required, any_of, excluded, limit, within=None):
        """The matching articles as tiers: ``[[(id, zone id or None)], …]``; the engine orders them.

        ``required``: units that must all match, each a list of alternative
        token sequences; ``any_of``: words of which at least one must match
        (the OR fallback); ``excluded``: words no match may hold.  Tier 1 is
        the title and kicker, tier 2 the whole article; each holds at most
        ``limit`` rows, and tier 2 is left out when tier 1 is full.
        ``within`` is the queryset searched, for a backend that filters in its scan.
        """
        raise NotImplementedError

    def rebuild(self, connection):
        """Rebuild the index from the stored segmented columns."""

    def optimize(self, connection):
        """Compact the index after a large write (a reindex, a benchmark)."""

    def settle(self, connection):
        """Make what an ingest run just wrote as quick to search as the rest (at the run's end)."""

    def database_bytes(self, connection):
        """The size of the whole database, for benchmarks."""
        raise NotImplementedError

    def compact_table(self, connection):
        """Reclaim the space of deleted articles, so scans do not cross empty pages."""

    def configure_connection(self, connection):
        """Per-connection settings search relies on; called when a connection opens."""
