"""The vocabulary's public lists: initiative types and indicators, with their counts."""
from django.db import connections
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Value, When

from articles.models import Indicator, Initiative, InitiativeType, Metric, Tally
from zones.models import Zone

from ._counts import UNREAD, _aggregate_of, _archive, _tallied


def initiative_type_list(archive=UNREAD):
    """Programme types in their curated order, each with its public initiatives and the zones running them.

    ``archive``: ``tallies.fresh()`` when the caller has read it already.
    """
    if _archive(archive) is not None:
        return InitiativeType.objects.annotate(
            initiative_count=_tallied(Tally.Kind.TYPE, "initiatives"),
            zone_count=_tallied(Tally.Kind.TYPE, "zones"),
        ).order_by("position", "name")
    initiatives = Initiative.objects.visible().filter(type=OuterRef("pk")).order_by().values("type")
    return InitiativeType.objects.annotate(
        initiative_count=_aggregate_of(initiatives, Count("pk")),
        zone_count=_aggregate_of(initiatives, Count("zone", distinct=True)),
    ).order_by("position", "name")


def initiative_type_detail(slug):
    return InitiativeType.objects.get(slug=slug)


def initiative_zone_count(initiatives):
    """How many zones run the initiatives of a list: one query of a probe per zone, whatever its length."""
    return Zone.objects.filter(Exists(initiatives.filter(zone=OuterRef("pk")))).count()


def stored_counts(entry):
    """The stored counts (articles/tallies.py) of an indicator or an initiative type, None while stale.

    One query: the entry's row with the archive's, whose presence says the counts are
    fresh (``tallies.fresh``). An entry without a row has no public figures or
    initiatives: its counts are 0.
    """
    kind = Tally.Kind.INDICATOR if isinstance(entry, Indicator) else Tally.Kind.TYPE
    rows = {
        row.kind: row
        for row in Tally.objects.filter(Q(kind=Tally.Kind.ARCHIVE, stale=False) | Q(kind=kind, ref=entry.pk))
    }
    if Tally.Kind.ARCHIVE not in rows:
        return None
    return rows.get(kind) or Tally(kind=kind, ref=entry.pk)



def _dimension_order():
    return Case(
        *(When(dimension=value, then=Value(i)) for i, value in enumerate(Indicator.Dimension.values)),
        default=Value(len(Indicator.Dimension.values)),
        output_field=IntegerField(),
    )


def indicator_list(archive=UNREAD):
    """Indicators by dimension, each with its public figures' count and how many zones they are of.

    ``archive``: ``tallies.fresh()`` when the caller has read it already.
    """
    if _archive(archive) is not None:
        return Indicator.objects.annotate(
            metric_count=_tallied(Tally.Kind.INDICATOR, "metrics"),
            zone_count=_tallied(Tally.Kind.INDICATOR, "zones"),
        ).order_by(_dimension_order(), "position", "name")
    figures = Metric.objects.visible().filter(indicator=OuterRef("pk")).order_by().values("indicator")
    return Indicator.objects.annotate(
        metric_count=_aggregate_of(figures, Count("pk")),
        zone_count=_aggregate_of(figures, Count("zone", distinct=True)),
    ).order_by(_dimension_order(), "position", "name")


# The indicator select as this process last read it, with the key it was read under.
_indicator_select = {"key": None, "choices": None}


def indicator_choices(archive=UNREAD):
    """([(dimension label, [(slug, "名称（figures）"), …]), …], {slug: key}): a select of
    indicators grouped by dimension, and each one's key, read together.

    Every figure list and indicator page shows it: while the stored counts are
    fresh it is kept in this process under their id and the vocabularies' stamp,
    read again after a recount or a curator's edit; while they are stale, counted.
    ``archive``: ``tallies.fresh()`` when the caller has read it already.
    """
    archive = _archive(archive)
    if archive is None:
        return _indicator_choices(archive)
    key = (archive.pk, vocabulary_stamp())
    if _indicator_select["key"] != key:
        _indicator_select.update(key=key, choices=_indicator_choices(archive))
    return _indicator_select["choices"]


def _indicator_choices(archive):
    labels = dict(Indicator.Dimension.choices)
    groups, keys = {}, {}
    # Plain values: a hundred model instances cost more than the query (every metric list page reads these).
    for pk, slug, name, dimension, metric_count in indicator_list(archive).values_list(
        "pk", "slug", "name", "dimension", "metric_count"
    ):
        groups.setdefault(labels.get(dimension, dimension), []).append((slug, f"{name}（{metric_count}）"))
        keys[slug] = pk
    return list(groups.items()), keys


def vocabulary_stamp():
    """Each vocabulary's row count and latest ``updated_at``: what a process keeping them compares
    to know whether an entry was added, edited or deleted since (one query, written here: built by
    the ORM, a union of the two aggregates cost ten times what it takes to run)."""
    connection = connections[Indicator.objects.db]
    quote = connection.ops.quote_name
    sql = " UNION ALL ".join(
        f"SELECT '{model._meta.model_name}', COUNT(*), MAX({quote('updated_at')}) FROM {quote(model._meta.db_table)}"
        for model in (Indicator, InitiativeType)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return tuple(sorted(cursor.fetchall()))


def indicator_detail(slug):
    return Indicator.objects.get(slug=slug)


def indicator_options():
    """Every indicator in vocabulary order, its figures left uncounted: the tile grid's select."""
    return list(
        Indicator.objects.only("pk", "slug", "name", "dimension", "units").order_by("position", "name")
    )
