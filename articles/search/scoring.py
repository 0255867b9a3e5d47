"""The order of the matches within a tier: a score every database computes alike.

bm25() on SQLite and ts_rank_cd() on PostgreSQL weigh the same matches
differently, so the same query listed the same articles in another order on
each.  The backends now only find the matches; this module scores them, from
numbers both databases count the same way in the stored segmented columns
(``search_title``, ``search_head``, ``search_body``: tokens between spaces):

* how often each query token stands in each column -- the padded column's
  length (the column's plus 2) less its length with every `` token `` taken
  out, over the token's length plus one (a token repeated back to back counts
  once per pair, on both databases alike);
* each column's length.

Lengths are in bytes (UTF-8): PostgreSQL reads a text's byte length from its
header but counts its characters by decoding every one, which was a third of
a two-word search's scoring.  A token's count is the same in bytes as in
characters; a column's length in bytes weighs Chinese text (three bytes a
character) alike, and Latin letters and digits a little less.

The score is BM25 without the inverse document frequency (every match holds
every required token): each column's term frequencies, saturated and weighed
against the column's average length among the matches, the title counting
most, then the kicker and subtitle, then the body.  At most RANK_LIMIT
matches per tier are scored, by id (engine.py); when the title tier alone
is full, its matches are scored on the title and kicker only.
"""
from django.db.models import F, Func, IntegerField, TextField, Value

from .expressions import IdIn

# (column, weight): as the backends weighed them.
COLUMNS = (("search_title", 10.0), ("search_head", 4.0), ("search_body", 1.0))
# A full first tier (a common word in 200 titles) is ordered by the title and kicker
# alone: scanning 200 bodies cost more than the rest of the search.
HEAD_COLUMNS = COLUMNS[:2]
# Tokens scored per query: each costs a scan of every column of every match.
MAX_TOKENS = 8
K1 = 1.2
B = 0.75


def unit_tokens(units):
    """The distinct tokens of ``units`` (each a list of alternative token lists), in order."""
    return list(dict.fromkeys(token for unit in units for tokens in unit for token in tokens))


class ByteLength(Func):
    """A text's length in bytes (UTF-8); NULL stays NULL."""

    function = "OCTET_LENGTH"
    output_field = IntegerField()

    def as_sqlite(self, compiler, connection, **extra):
        # SQLite has OCTET_LENGTH only from 3.43; a text cast to a blob is its UTF-8 bytes.
        return self.as_sql(compiler, connection, template="LENGTH(CAST(%(expressions)s AS BLOB))", **extra)


class Without(Func):
    """The column padded with a space at each end, with every `` token `` taken out.

    Written as one node: built from Concat and Replace, the nine of a two-word
    query's scoring took longer to compile than its SQL took to run. The
    search columns are never NULL, so nothing needs COALESCE.
    """

    output_field = TextField()

    def __init__(self, column, token):
        super().__init__(F(column), Value(f" {token} "))

    def as_sql(self, compiler, connection, **extra):
        column, column_params = compiler.compile(self.source_expressions[0])
        token, token_params = compiler.compile(self.source_expressions[1])
        return f"REPLACE(' ' || {column} || ' ', {token}, ' ')", (*column_params, *token_params)


def _length_without(column, token):
    """The padded column's length with every `` token `` taken out (its length is the column's plus 2)."""
    return ByteLength(Without(column, token))


def scores(queryset, ids, tokens, columns=COLUMNS):
    """{id: score} of the articles of ``queryset`` with ``ids`` for ``tokens`` in ``columns``: the same on every database."""
    tokens = tokens[:MAX_TOKENS]
    if not ids or not tokens:
        return {}
    counted = {}
    for c, (column, _weight) in enumerate(columns):
        counted[f"length_{c}"] = ByteLength(column)
        for t, token in enumerate(tokens):
            counted[f"without_{c}_{t}"] = _length_without(column, token)
    rows = list(
        queryset.model._default_manager.db_manager(queryset.db)
        .filter(IdIn(ids)).order_by().values("pk", **counted)
    )
    averages = [
        max(sum(row[f"length_{c}"] or 0 for row in rows) / len(rows), 1.0) for c in range(len(columns))
    ]
    found = {}
    for row in rows:
        score = 0.0
        for c, (_column, weight) in enumerate(columns):
            length = row[f"length_{c}"] or 0
            norm = K1 * (1 - B + B * length / averages[c])
            for t, token in enumerate(tokens):
                # Each `` token `` taken out shortened the padded column by the token and a space.
                tf = (length + 2 - row[f"without_{c}_{t}"]) // (len(token.encode()) + 1)
                score += weight * tf * (K1 + 1) / (tf + norm)
        found[row["pk"]] = score
    return found
