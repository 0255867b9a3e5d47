"""SQLite backend: an FTS5 table over the segmented columns.

The FTS table (created by migration 0002) is an external-content table on
``articles_article``: it stores only the index, and triggers on the article
table keep it in step whenever the segmented columns change.  The MATCH
expression is built here from quoted tokens only -- FTS5 treats unquoted
input as query syntax, and user text such as ``NEAR(`` or ``"`` would be a
syntax error.

Candidates are read from the FTS table alone (no article rows), newest first
in rowid order, at most ``limit`` per tier: FTS5 walks its doclists in rowid
order, so the LIMIT stops the scan early; the engine orders them
(scoring.py).  Tier 1 reads a second, small FTS table over the title and
kicker (migration 0005), whose short doclists find "every word in the title"
without walking the body postings; tier 2 is the whole article.
"""
from ..expressions import FtsMatch
from ..schema import FTS_HEAD_TABLE, FTS_TABLE, install
from .base import SearchBackend

# The FTS tables are read alone (a join would walk the article table in its
# own order); the list's filters are checked on the candidate ids afterwards.
FILTERS_IN_SCAN = False


def _token(token):
    return '"' + token.replace('"', '""') + '"'


def _unit(alternatives):
    options = ["(" + " AND ".join(_token(t) for t in tokens) + ")" for tokens in alternatives]
    return options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")"


def match_expression(required, any_of=(), excluded=()):
    """All ``required`` units, every unit of at least one ``any_of`` group, none of each ``excluded`` group."""
    parts = [_unit(u) for u in required]
    if any_of:
        groups = ["(" + " AND ".join(_unit(u) for u in group) + ")" for group in any_of]
        parts.append("(" + " OR ".join(groups) + ")")
    expression = "(" + " AND ".join(parts) + ")"
    for excluded_units in excluded:
        expression = f"{expression} NOT ({' AND '.join(_unit(u) for u in excluded_units)})"
    return expression


# Tier 1 reads the small title/kicker table, tier 2 the whole article.
TIERS = (FTS_HEAD_TABLE, FTS_TABLE)


def _without_excluded(connection, rows, excluded):
    # Excluded words count anywhere in the article, not only in its title.
    if not excluded or not rows:
        return rows
    expression = " OR ".join("(" + " AND ".join(_unit(u) for u in units) + ")" for units in excluded)
    ids = [row[0] for row in rows]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
            f"AND rowid IN ({', '.join(['%s'] * len(ids))})",
            [expression, *ids],
        )
        dropped = {pk for (pk,) in cursor.fetchall()}
    return [row for row in rows if row[0] not in dropped]


def candidates(connection, required, any_of, excluded, limit, within=None):
    """Two tiers of ``[(article id, zone id)]``: title/kicker matches, then any match.

    Each tier holds at most ``limit`` matches, the newest first; tier 2 is
    not read when tier 1 is full.  ``within`` (a queryset) restricts the
    matches to its articles through a join; without it only the FTS tables
    are read, and the zone id is None.
    """
    tiers = []
    for table in TIERS:
        head = table == FTS_HEAD_TABLE
        expression = match_expression(required, any_of, () if head else excluded)
        if within is None:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT rowid, NULL FROM {table} WHERE {table} MATCH %s ORDER BY rowid DESC LIMIT %s",
                    [expression, limit],
                )
                rows = cursor.fetchall()
        else:
            rows = list(
                within.extra(tables=[table])
                .filter(FtsMatch(table, expression))
                .order_by("-pk")
                .values_list("pk", "zone_id")[:limit]
            )
        tiers.append(_without_excluded(connection, rows, excluded) if head else rows)
        if len(rows) >= limit:
            break  # a full tier 1 fills the ranked list: tier 2 would only come after it
    return tiers


class SQLiteBackend(SearchBackend):
    filters_in_scan = FILTERS_IN_SCAN

    def candidates(self, connection, required, any_of, excluded, limit, within=None):
        return candidates(connection, required, any_of, excluded, limit, within=within)

    def repair(self, connection):
        # SQLite drops a table's triggers when Django rebuilds it for a schema change.
        install(connection)

    def rebuild(self, connection):
        with connection.cursor() as cursor:
            for table in (FTS_TABLE, FTS_HEAD_TABLE):
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")

    def optimize(self, connection):
        with connection.cursor() as cursor:
            for table in (FTS_TABLE, FTS_HEAD_TABLE):
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
            cursor.execute("ANALYZE")

    def database_bytes(self, connection):
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA page_count")
            pages = cursor.fetchone()[0]
            cursor.execute("PRAGMA page_size")
            return pages * cursor.fetchone()[0]

    def compact_table(self, connection):
        with connection.cursor() as cursor:
            cursor.execute("VACUUM")
