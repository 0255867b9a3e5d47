"""SQLite backend: an FTS5 table over the segmented columns, ranked with bm25().

The FTS table (created by migration 0002) is an external-content table on
``articles_article``: it stores only the index, and triggers on the article
table keep it in step whenever the segmented columns change.  The MATCH
expression is built here from quoted tokens only -- FTS5 treats unquoted
input as query syntax, and user text such as ``NEAR(`` or ``"`` would be a
syntax error.
"""
FTS_TABLE = "articles_article_fts"
# Column weights for bm25(): segmented title, kicker + subtitle, body.
WEIGHTS = (10.0, 4.0, 1.0)


def _token(token):
    return '"' + token.replace('"', '""') + '"'


def _unit(alternatives):
    options = ["(" + " AND ".join(_token(t) for t in tokens) + ")" for tokens in alternatives]
    return options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")"


def match_expression(units, excluded=(), any_unit=False):
    joiner = " OR " if any_unit else " AND "
    expression = "(" + joiner.join(_unit(u) for u in units) + ")"
    for excluded_units in excluded:
        expression = f"{expression} NOT ({' AND '.join(_unit(u) for u in excluded_units)})"
    return expression


def filter_and_rank(queryset, units, excluded=(), any_unit=False):
    """``queryset`` restricted to articles matching the units, annotated with ``rank`` (higher is better)."""
    expression = match_expression(units, excluded, any_unit)
    table = queryset.model._meta.db_table
    weights = ", ".join(str(w) for w in WEIGHTS)
    # A join rather than `pk IN (…)`: bm25() is only available on the row the
    # FTS cursor is positioned on, and the join lets SQLite drive the query
    # from the index.
    return queryset.extra(
        select={"rank": f"-bm25({FTS_TABLE}, {weights})"},
        tables=[FTS_TABLE],
        where=[f"{FTS_TABLE}.rowid = {table}.id", f"{FTS_TABLE} MATCH %s"],
        params=[expression],
    )


def rebuild(connection):
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def optimize(connection):
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
