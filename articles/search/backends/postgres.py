"""PostgreSQL backend: a stored tsvector column with a GIN index.

``articles_article.search_vector`` is a generated column (``schema.POSTGRES_INSTALL``):
title, kicker + subtitle and body, each ``to_tsvector('simple', …)`` over the
jieba-segmented text, so PostgreSQL only splits on the spaces we put there;
stripped of positions and weights, which no search reads.  The tsquery is
built here from quoted tokens, so nothing a user types is read as tsquery syntax.
"""

import logging

from django.db import DatabaseError, transaction

from ..expressions import VectorMatch
from ..schema import POSTGRES_HEAD_INDEX, POSTGRES_VECTOR_INDEX
from .base import SearchBackend

logger = logging.getLogger(__name__)

VECTOR_COLUMN = "search_vector"
HEAD_COLUMN = "search_vector_head"  # title and kicker only: tier 1

# The list's own filters (visible, zone, year…) go into the scan that reads the
# matches: one round trip, and a narrow filter still finds its first matches.
FILTERS_IN_SCAN = True


def _token(token):
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def _unit(alternatives):
    options = ["(" + " & ".join(_token(t) for t in tokens) + ")" for tokens in alternatives]
    return options[0] if len(options) == 1 else "(" + " | ".join(options) + ")"


def tsquery_text(required, any_of=(), excluded=()):
    """All ``required`` units, every unit of at least one ``any_of`` group, none of each ``excluded`` group."""
    parts = [_unit(u) for u in required]
    if any_of:
        parts.append(_any(any_of))
    text = "(" + " & ".join(parts) + ")"
    for excluded_units in excluded:
        text = f"{text} & !({' & '.join(_unit(u) for u in excluded_units)})"
    return text


def _any(groups):
    return "(" + " | ".join("(" + " & ".join(_unit(u) for u in units) + ")" for units in groups) + ")"


def candidates(connection, required, any_of, excluded, limit, within):
    """Two tiers of ``[(article id, zone id)]``: title/kicker matches, then any match.

    Each tier holds at most ``limit`` matches of ``within`` (a queryset whose
    filters apply in the same scan), the newest (highest id) first, as SQLite's
    index yields them, so both databases rank the same bounded set: the planner
    walks the key index backwards for a common word and sorts the few matches
    of a rare one.  Tier 1 is read from the small title/kicker vector; tier 2
    from the full one, and only when tier 1 is not full.  The engine orders
    them (scoring.py).
    """
    wanted = tsquery_text(required, any_of)
    head_matches = within.filter(VectorMatch(HEAD_COLUMN, wanted))
    if excluded:
        # Excluded words count anywhere in the article, not only in its title.
        head_matches = head_matches.exclude(VectorMatch(VECTOR_COLUMN, _any(excluded)))
    head = _first(head_matches, limit)
    if len(head) >= limit:
        return [head]  # a full tier 1 fills the ranked list: tier 2 would only come after it
    full = tsquery_text(required, any_of, excluded)
    return [head, _first(within.filter(VectorMatch(VECTOR_COLUMN, full)), limit)]


def _first(matches, limit):
    return list(matches.order_by("-pk").values_list("pk", "zone_id")[:limit])


class PostgresBackend(SearchBackend):
    filters_in_scan = FILTERS_IN_SCAN

    def candidates(self, connection, required, any_of, excluded, limit, within=None):
        return candidates(connection, required, any_of, excluded, limit, within)

    # rebuild: nothing to do, the generated column follows the segmented columns.

    def optimize(self, connection):
        # VACUUM flushes the GIN index's pending list (fast-update): until autovacuum
        # does it, every search would scan the freshly inserted entries linearly.
        # It cannot run inside a transaction; ANALYZE can.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE articles_article" if connection.in_atomic_block else "VACUUM ANALYZE articles_article")

    def settle(self, connection):
        # A run's new index entries wait in each GIN index's pending list (fast-update), up to
        # gin_pending_list_limit (4 MB), which every search scans linearly until autovacuum merges
        # it: with 3.7 MB pending at 20,000 articles, a two-word search's candidates took 5.5 ms
        # instead of 3.9. Merged now, at a cost in proportion to what the run wrote.
        # Only an optimisation: a role that does not own the indexes, or a standby, may not merge,
        # and the run's pages are stored all the same.
        try:
            with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
                cursor.execute(
                    "SELECT gin_clean_pending_list(%s::regclass), gin_clean_pending_list(%s::regclass)",
                    [POSTGRES_VECTOR_INDEX, POSTGRES_HEAD_INDEX],
                )
        except DatabaseError as exc:
            logger.warning("The search index's pending entries are left to autovacuum: %s", exc)

    def database_bytes(self, connection):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return cursor.fetchone()[0]

    def compact_table(self, connection):
        with connection.cursor() as cursor:
            cursor.execute("VACUUM FULL ANALYZE articles_article")
