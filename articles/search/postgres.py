"""PostgreSQL backend: a stored, weighted tsvector column with a GIN index.

``articles_article.search_vector`` is a generated column (migration 0002):
title A, kicker + subtitle B, body C, each ``to_tsvector('simple', …)`` over
the jieba-segmented text, so PostgreSQL only splits on the spaces we put
there.  The tsquery is built here from quoted tokens, so nothing a user types
is read as tsquery syntax.
"""

VECTOR_COLUMN = "search_vector"
# The list's own filters (visible, zone, year…) go into the scan that reads the
# matches: one round trip, and a narrow filter still finds its first matches.
FILTERS_IN_SCAN = True
# ts_rank_cd weights in {D, C, B, A} order: body (C) counts least, title (A) most.
WEIGHTS = "{0.05, 0.2, 0.5, 1.0}"
# 1: divide by 1 + log(document length), so a long article does not win by size alone.
NORMALIZATION = 1


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


HEAD_COLUMN = "search_vector_head"


def _any(groups):
    return "(" + " | ".join("(" + " & ".join(_unit(u) for u in units) + ")" for units in groups) + ")"


def candidates(connection, required, any_of, excluded, limit, within=None):
    """Two tiers of ``[(article id, score)]``: title/kicker matches, then any match.

    Each tier holds at most ``limit`` matches, in table order (a GIN index
    gives no order, and sorting every match by rank is what is slow).  Tier 1
    is read and ranked from the small title/kicker vector; tier 2 from the
    full one, and only when tier 1 is not full.  ``within`` (a queryset)
    restricts the matches to its articles.
    """
    wanted = tsquery_text(required, any_of)
    full = tsquery_text(required, any_of, excluded)
    tier_conditions = [
        (f"{HEAD_COLUMN} @@ to_tsquery('simple', %s)", [wanted], HEAD_COLUMN, wanted),
        (f"{VECTOR_COLUMN} @@ to_tsquery('simple', %s)", [full], VECTOR_COLUMN, full),
    ]
    if excluded:
        # Excluded words count anywhere in the article, not only in its title.
        condition, params, column, query = tier_conditions[0]
        tier_conditions[0] = (
            f"{condition} AND NOT {VECTOR_COLUMN} @@ to_tsquery('simple', %s)",
            [*params, _any(excluded)], column, query,
        )
    head = _tier(connection, *tier_conditions[0], limit, within)
    if len(head) >= limit:
        return [head]  # a full tier 1 fills the ranked list: tier 2 would only come after it
    return [head, _tier(connection, *tier_conditions[1], limit, within)]


def _tier(connection, condition, params, column, query, limit, within):
    score = f"ts_rank_cd(%s::float4[], {column}, to_tsquery('simple', %s), %s)"
    score_params = [WEIGHTS, query, NORMALIZATION]
    if within is None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, {score} FROM articles_article WHERE {condition} LIMIT %s",
                [*score_params, *params, limit],
            )
            return cursor.fetchall()
    rows = within.extra(
        select={"score": score}, select_params=score_params, where=[condition], params=params
    ).order_by().values_list("pk", "score")[:limit]
    return list(rows)


def rebuild(connection):
    """Nothing to do: the generated column follows the segmented columns."""
