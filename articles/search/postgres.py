"""PostgreSQL backend: a stored, weighted tsvector column with a GIN index.

``articles_article.search_vector`` is a generated column (migration 0002):
title A, kicker + subtitle B, body C, each ``to_tsvector('simple', …)`` over
the jieba-segmented text, so PostgreSQL only splits on the spaces we put
there.  The tsquery is built here from quoted tokens, so nothing a user types
is read as tsquery syntax.
"""
from django.db.models.expressions import RawSQL

VECTOR_COLUMN = "search_vector"
# ts_rank_cd weights in {D, C, B, A} order: body (C) counts least, title (A) most.
WEIGHTS = "{0.05, 0.2, 0.5, 1.0}"
# 1: divide by 1 + log(document length), so a long article does not win by size alone.
NORMALIZATION = 1


def _token(token):
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def _unit(alternatives):
    options = ["(" + " & ".join(_token(t) for t in tokens) + ")" for tokens in alternatives]
    return options[0] if len(options) == 1 else "(" + " | ".join(options) + ")"


def tsquery_text(units, excluded=(), any_unit=False):
    joiner = " | " if any_unit else " & "
    text = "(" + joiner.join(_unit(u) for u in units) + ")"
    for excluded_units in excluded:
        text = f"{text} & !({' & '.join(_unit(u) for u in excluded_units)})"
    return text


def filter_and_rank(queryset, units, excluded=(), any_unit=False):
    query = tsquery_text(units, excluded, any_unit)
    column = f'"{queryset.model._meta.db_table}"."{VECTOR_COLUMN}"'
    return queryset.extra(where=[f"{column} @@ to_tsquery('simple', %s)"], params=[query]).annotate(
        rank=RawSQL(
            f"ts_rank_cd(%s::float4[], {column}, to_tsquery('simple', %s), {NORMALIZATION})",
            (WEIGHTS, query),
        )
    )


def rebuild(connection):
    """Nothing to do: the generated column follows the segmented columns."""
