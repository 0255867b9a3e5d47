"""The order of the matches within a tier: a score every database computes alike.

bm25() on SQLite and ts_rank_cd() on PostgreSQL weigh the same matches
differently, so the same query listed the same articles in another order on
each.  The backends now only find the matches; this module scores them, from
numbers both databases count the same way in the stored segmented columns
(``search_title``, ``search_head``, ``search_body``: tokens between spaces):

* how often each query token stands whole in each column -- `` token ``
  counted in the column with a space added at each end, left to right without
  overlaps (a token repeated back to back counts once per pair), by the
  PostgreSQL server or in Python over the texts SQLite hands over;
* each column's length, which the database measures.

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
# Where the tokens are counted: by the server (PostgreSQL, where sending 200 bodies to be
# counted here cost 6.9 -> 9.7 ms for two words), or here over the texts an embedded
# database hands over for the price of reading them (SQLite: 5.4 -> 4.3 ms).
_COUNTED_BY_SERVER = {"postgresql"}


def scores(queryset, ids, tokens, columns=COLUMNS):
    """{id: score} of the articles of ``queryset`` with ``ids`` for ``tokens`` in ``columns``, alike on every database.

    One query, written here, reads each column's byte length and each token's
    count in it (``_counts``).
    """
    tokens = tokens[:MAX_TOKENS]
    if not ids or not tokens:
        return {}
    rows = _counts(queryset, ids, tokens, columns)
    if not rows:
        return {}
    n = len(columns)
    averages = [max(sum(row[1 + c] for row in rows) / len(rows), 1.0) for c in range(n)]
    found = {}
    for row in rows:
        score = 0.0
        for c, (_column, weight) in enumerate(columns):
            norm = K1 * (1 - B + B * row[1 + c] / averages[c])
            first = 1 + n + c * len(tokens)
            for tf in row[first : first + len(tokens)]:
                score += weight * tf * (K1 + 1) / (tf + norm)
        found[row[0]] = score
    return found


def _counts(queryset, ids, tokens, columns):
    """[(id, each column's byte length…, each token's count in the first column…, in the next…)].

    A token is counted where it stands whole: `` token `` in the column with a
    space added at each end, left to right without overlaps. The server counts
    it as the padded column's length less its length with every `` token ``
    replaced by a space, over the token's length in bytes plus one; here, ``str.count``.
    PostgreSQL decompresses a stored column again at each mention of it in an
    expression, so each is read once, as a padded copy, in a kept WITH.
    """
    connection = connections[queryset.db]
    quote = connection.ops.quote_name
    length = _BYTE_LENGTH.get(connection.vendor, "OCTET_LENGTH({})")
    matching = queryset.model._default_manager.db_manager(queryset.db).filter(IdIn(ids)).query
    where, params = matching.get_compiler(using=queryset.db).compile(matching.where)
    meta = matching.model._meta
    n = len(columns)
    names = [quote(column) for column, _weight in columns]
    by_server = connection.vendor in _COUNTED_BY_SERVER
    if by_server:
        # Each column is copied once, padded: each REPLACE then reads the copy as it is.
        copies = ", ".join(f"(' ' || {name} || ' ') AS c{c}" for c, name in enumerate(names))
        measures = [f"{length.format(f'c{c}')} - 2" for c in range(n)]
        # Each `` token `` replaced shortened the padded column by the token and a space.
        for c in range(n):
            for token in tokens:
                replaced = length.format(f"REPLACE(c{c}, %s, ' ')")
                measures.append(f"({length.format(f'c{c}')} - {replaced}) / {len(token.encode()) + 1}")
        sql = (
            f"WITH found AS MATERIALIZED (SELECT {quote(meta.pk.column)} AS pk, {copies} "
            f"FROM {quote(meta.db_table)} WHERE {where}) SELECT pk, {', '.join(measures)} FROM found"
        )
        params = [*params, *([f" {token} " for token in tokens] * n)]
    else:
        sql = (
            f"SELECT {quote(meta.pk.column)}, {', '.join(length.format(name) for name in names)}, "
            f"{', '.join(names)} FROM {quote(meta.db_table)} WHERE {where}"
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if by_server:
        return rows
    needles = [f" {token} " for token in tokens]
    return [(*row[: 1 + n], *(f" {text} ".count(needle) for text in row[1 + n :] for needle in needles)) for row in rows]
