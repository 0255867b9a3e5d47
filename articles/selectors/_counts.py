"""Counting helpers the selectors share: correlated counts, the stored tallies, bounded lists, rows read as
plain values, what the stored counts decide cached until the next recount."""
from hashlib import sha1

from django.core.cache import cache
from django.db import connections
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from articles import tallies
from articles.models import Tally


def _count_of(rows, link, counted="pk"):
    """A correlated count of ``rows`` whose ``link`` is the outer row, read only for the rows shown."""
    grouped = rows.filter(**{link: OuterRef("pk")}).order_by().values(link)
    return _aggregate_of(grouped, Count(counted, distinct=True))


def _aggregate_of(grouped, aggregate):
    """``aggregate`` over ``grouped`` (rows of the outer row, grouped by it), 0 where there are none."""
    return Coalesce(Subquery(grouped.annotate(n=aggregate).values("n"), output_field=IntegerField()), Value(0))


# A selector's ``archive`` not given: it reads the stored counts' freshness itself.
UNREAD = object()


def _archive(archive):
    return tallies.fresh() if archive is UNREAD else archive


# What the stored counts and rows alone decide (a comparison, a zone's figures) is cached under
# the archive tally's id, which the next recount replaces. The entries this process wrote under
# an earlier id are deleted when it first sees a new one, and those under an earlier stamp of
# the vocabularies when it first sees a new stamp: one generation is kept (its size: CACHES in
# config/settings.py).
STORED_CACHED_SECONDS = 24 * 3600
_generation = {"archive": None, "names": set(), "stamp": None, "stamped": set()}


def _cached(archive, key, compute, stamp=None):
    """``compute()``, cached under ``key`` (a tuple of what else it depends on) and the id of
    ``archive``, the fresh archive tally; and under ``stamp`` (``vocabulary_stamp()``) when the
    answer shows what a curator edits without a recount (indicators' names and order)."""
    if _generation["archive"] != archive.pk:
        cache.delete_many(_generation["names"] | _generation["stamped"])
        _generation.update(archive=archive.pk, names=set(), stamp=None, stamped=set())
    if stamp is not None and _generation["stamp"] != stamp:
        cache.delete_many(_generation["stamped"])
        _generation.update(stamp=stamp, stamped=set())
    name = f"stored:{archive.pk}:{key[0]}:{sha1(repr((key, stamp)).encode()).hexdigest()}"
    value = cache.get(name)
    if value is None:
        value = compute()
        cache.set(name, value, STORED_CACHED_SECONDS)
        _generation["names" if stamp is None else "stamped"].add(name)
    return value


def _tallied(kind, field):
    """The stored count ``field`` of the outer row (a ``kind`` tally); 0 when it has none."""
    stored = Tally.objects.filter(kind=kind, ref=OuterRef("pk")).values(field)[:1]
    return Coalesce(Subquery(stored, output_field=IntegerField()), Value(0))


def _bounded(queryset, limit, stored=None):
    """(the first ``limit`` rows, how many there are): counted only when the list is full, or then
    read from ``stored`` when given (a query of the list's stored count, fresh) and it has a row."""
    shown = list(queryset[:limit])
    if len(shown) < limit:
        return shown, len(shown)
    total = stored.first() if stored is not None else None
    # A full list has at least ``limit`` rows: a stored count saying fewer is not to be believed.
    return shown, (queryset.count() if total is None or total < limit else total)


def _partial(model, **values):
    """A ``model`` instance with only ``values`` loaded, the others deferred (as ``only()`` reads it)."""
    names = [field.attname for field in model._meta.concrete_fields if field.attname in values]
    return model.from_db(None, names, [values[name] for name in names])


def distinct_values(rows, field, *, descending=False, after=None):
    """The distinct values of ``field`` among ``rows``, in order (past ``after`` if given; NULL never).

    One query of a probe per value: each finds the next value past the last through
    an index that begins with the rows' fixed columns and ``field``, so the rows
    of a value are not read (a recursive query: PostgreSQL cannot skip through an index).
    """
    order, past = (f"-{field}", "lt") if descending else (field, "gt")
    start = {f"{field}__{past}": after} if after is not None else {f"{field}__isnull": False}
    first = rows.filter(**start).order_by(order).values(field)[:1]
    following = rows.filter(**{f"{field}__{past}": RawSQL("found.v", ())}).order_by(order).values(field)[:1]
    first_sql, first_params = first.query.sql_with_params()
    following_sql, following_params = following.query.sql_with_params()
    with connections[rows.db].cursor() as cursor:
        cursor.execute(
            f"WITH RECURSIVE found(v) AS (SELECT ({first_sql}) "
            f"UNION ALL SELECT ({following_sql}) FROM found WHERE found.v IS NOT NULL) "
            "SELECT v FROM found WHERE v IS NOT NULL",
            (*first_params, *following_params),
        )
        return [value for (value,) in cursor.fetchall()]
