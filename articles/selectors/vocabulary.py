"""The vocabulary's public lists: initiative types and indicators, with their counts."""
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


def indicator_choices():
    """([(dimension label, [(slug, "名称（figures）"), …]), …], {slug: key}): a select of
    indicators grouped by dimension, and each one's key, read together."""
    labels = dict(Indicator.Dimension.choices)
    groups, keys = {}, {}
    # Plain values: a hundred model instances cost more than the query (every metric list page reads these).
    for pk, slug, name, dimension, metric_count in indicator_list().values_list(
        "pk", "slug", "name", "dimension", "metric_count"
    ):
        groups.setdefault(labels.get(dimension, dimension), []).append((slug, f"{name}（{metric_count}）"))
        keys[slug] = pk
    return list(groups.items()), keys


def indicator_detail(slug):
    return Indicator.objects.get(slug=slug)


def indicator_options():
    """Every indicator in vocabulary order, its figures left uncounted: the tile grid's select."""
    return list(
        Indicator.objects.only("pk", "slug", "name", "dimension", "units").order_by("position", "name")
    )
