"""SQLite backend: an FTS5 table over the segmented columns, ranked with bm25().

The FTS table (created by migration 0002) is an external-content table on
``articles_article``: it stores only the index, and triggers on the article
table keep it in step whenever the segmented columns change.  The MATCH
expression is built here from quoted tokens only -- FTS5 treats unquoted
input as query syntax, and user text such as ``NEAR(`` or ``"`` would be a
syntax error.

Candidates are read from the FTS table alone (no article rows), newest first
in rowid order, at most ``limit`` per tier: FTS5 walks its doclists in rowid
order, so the LIMIT stops the scan early and bm25() is computed for the
returned rows only.  Tier 1 restricts the match to the title and kicker
columns; tier 2 is the whole article.
"""
from django.db.models import FloatField
from django.db.models.expressions import RawSQL

from .expressions import FtsMatch
from .schema import FTS_TABLE

# Column weights for bm25(): segmented title, kicker + subtitle, body.
WEIGHTS = (10.0, 4.0, 1.0)


def _token(token):
    return '"' + token.replace('"', '""') + '"'


def _unit(alternatives):
    options = ["(" + " AND ".join(_token(t) for t in tokens) + ")" for tokens in alternatives]
    return options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")"


def match_expression(required, any_of=(), excluded=(), columns=None):
    """All ``required`` units, at least one of ``any_of``, none of each ``excluded`` group.

    ``columns`` (an FTS5 column filter such as ``{search_title search_head}``)
    restricts where the wanted words must be; exclusions always apply to the whole article.
    """
    parts = [_unit(u) for u in required]
    if any_of:
        parts.append("(" + " OR ".join(_unit(u) for u in any_of) + ")")
    expression = "(" + " AND ".join(parts) + ")"
    if columns:
        expression = f"({columns} : {expression})"
    for excluded_units in excluded:
        expression = f"{expression} NOT ({' AND '.join(_unit(u) for u in excluded_units)})"
    return expression


def filter_and_rank(queryset, required, any_of=(), excluded=()):
    """``queryset`` restricted to matching articles, annotated with ``rank`` (higher is better)."""
    expression = match_expression(required, any_of, excluded)
    weights = ", ".join(str(w) for w in WEIGHTS)
    # A join rather than `pk IN (…)`: bm25() is only available on the row the
    # FTS cursor is positioned on, and the join lets SQLite drive the query
    # from the index instead of scoring each article separately.
    return (
        queryset.extra(tables=[FTS_TABLE])
        .filter(FtsMatch(FTS_TABLE, expression))
        .annotate(rank=RawSQL(f"-bm25({FTS_TABLE}, {weights})", (), output_field=FloatField()))
    )


HEAD_COLUMNS = "{search_title search_head}"
_SCORE = f"-bm25({FTS_TABLE}, {', '.join(str(w) for w in WEIGHTS)})"


def candidates(connection, required, any_of, excluded, limit, within=None):
    """Two tiers of ``[(article id, score)]``: title/kicker matches, then any match.

    Each tier holds at most ``limit`` matches, the newest first.  ``within``
    (a queryset) restricts the matches to its articles through a join; without
    it only the FTS table is read.
    """
    tiers = []
    for columns in (HEAD_COLUMNS, None):
        expression = match_expression(required, any_of, excluded, columns)
        if within is None:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT rowid, {_SCORE} FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
                    "ORDER BY rowid DESC LIMIT %s",
                    [expression, limit],
                )
                tiers.append(cursor.fetchall())
        else:
            rows = (
                within.extra(tables=[FTS_TABLE])
                .filter(FtsMatch(FTS_TABLE, expression))
                .annotate(score=RawSQL(_SCORE, (), output_field=FloatField()))
                .order_by("-pk")
                .values_list("pk", "score")[:limit]
            )
            tiers.append(list(rows))
    return tiers


def rebuild(connection):
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def optimize(connection):
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
