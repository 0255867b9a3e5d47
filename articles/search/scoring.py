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
from django.db import connections

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


# A text's length in bytes (UTF-8). SQLite has OCTET_LENGTH only from 3.43; a text cast to a blob is its UTF-8 bytes.
_BYTE_LENGTH = {"sqlite": "LENGTH(CAST({} AS BLOB))"}
# PostgreSQL inlines a query's WITH unless told to keep it (see scores).
_KEPT = {"postgresql": "MATERIALIZED "}


def scores(queryset, ids, tokens, columns=COLUMNS):
    """{id: score} of the articles of ``queryset`` with ``ids`` for ``tokens`` in ``columns``, alike on every database.

    One query, written here: each column is read once, as a copy (``|| ''``),
    then measured whole and with each `` token `` taken out. PostgreSQL
    decompresses a stored column again at each mention of it in an expression:
    in a two-word search the body's three mentions (its length, and without each
    word) were three decompressions of each of 200 bodies. The search columns
    are never NULL, so nothing needs COALESCE.
    """
    tokens = tokens[:MAX_TOKENS]
    if not ids or not tokens:
        return {}
    connection = connections[queryset.db]
    quote = connection.ops.quote_name
    length = _BYTE_LENGTH.get(connection.vendor, "OCTET_LENGTH({})")
    matching = queryset.model._default_manager.db_manager(queryset.db).filter(IdIn(ids)).query
    where, params = matching.get_compiler(using=queryset.db).compile(matching.where)
    meta = matching.model._meta
    copies = ", ".join(f"({quote(column)} || '') AS c{c}" for c, (column, _weight) in enumerate(columns))
    measures = []
    for c in range(len(columns)):
        measures.append(length.format(f"c{c}"))
        measures += [length.format(f"REPLACE(' ' || c{c} || ' ', %s, ' ')") for _token in tokens]
    sql = (
        f"WITH found AS {_KEPT.get(connection.vendor, '')}("
        f"SELECT {quote(meta.pk.column)} AS pk, {copies} FROM {quote(meta.db_table)} "
        f"WHERE {where}) SELECT pk, {', '.join(measures)} FROM found"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *([f" {token} " for token in tokens] * len(columns))])
        rows = cursor.fetchall()
    # Per row: the id, then per column its length and its length without each token.
    stride = 1 + len(tokens)
    averages = [
        max(sum(row[1 + c * stride] for row in rows) / len(rows), 1.0) for c in range(len(columns))
    ] if rows else []
    found = {}
    for row in rows:
        score = 0.0
        for c, (_column, weight) in enumerate(columns):
            length_c = row[1 + c * stride]
            norm = K1 * (1 - B + B * length_c / averages[c])
            for t, token in enumerate(tokens):
                # Each `` token `` taken out shortened the padded column by the token and a space.
                tf = (length_c + 2 - row[2 + c * stride + t]) // (len(token.encode()) + 1)
                score += weight * tf * (K1 + 1) / (tf + norm)
        found[row[0]] = score
    return found
