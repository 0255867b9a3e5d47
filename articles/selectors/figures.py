"""Which figures a comparison shows: one indicator's, in one normalized unit, measured apart from
targets, a zone's latest first (``Metric.LATEST_FIRST``); read by the indicator pages, a zone's,
a province's page, /compare/ and the tile grid.

While the stored counts are fresh (articles/tallies.py) the latest figure of each zone, indicator,
unit and year is a stored LatestFigure, and a page ranks those few rows; meanwhile it ranks the
figures themselves. Both give the same figures in the same order.
"""
from typing import NamedTuple

from django.db.models import Count, F, OuterRef, Subquery

from articles.models import Indicator, LatestFigure, Metric, Tally
from articles.search.expressions import IdIn
from core import serializers
from core.charts import MAX_BARS
from zones.models import Zone

from ._counts import UNREAD, _archive, _bounded, _cached, _partial, distinct_values
from .vocabulary import vocabulary_stamp

MEASURED_KINDS = Metric.MEASURED_KINDS
TARGET_KINDS = (Metric.Kind.TARGET,)

# Bounds: a comparison charts this many zones (and counts the rest), a zone page this
# many of its indicators' cells (an indicator's table is bounded by its caller's zones and years).
COMPARISON_BARS = MAX_BARS
ZONE_INDICATOR_CELLS = 300
ZONE_PAGE_UNCLASSIFIED = 50


class FigureCell(NamedTuple):
    """A figure as a table or chart cell shows it and links to it, read as plain values:
    a thousand Metric rows (and their zones) took longer to build than the page's queries."""

    pk: int
    article_id: int
    raw: str
    sentence: str
    year: int | None
    kind: str
    normalized_value: float | None
    normalized_unit: str
    zone_id: int | None
    indicator_id: int | None
    zone: Zone | None
    indicator: Indicator | None

    def get_absolute_url(self):
        return Metric.url_of(self.article_id, self.pk)


_CELL_COLUMNS = (
    "pk", "article_id", "raw", "sentence", "year", "kind", "normalized_value", "normalized_unit", "zone_id",
    "indicator_id",
)
# The zone's and the indicator's fields a cell shows (a name and a link), built once per zone or indicator.
_CELL_ZONE = ("name", "slug")
_CELL_INDICATOR = ("name", "slug", "position")


def _cell_columns(stored=False):
    """The columns of a FigureCell: a Metric's, or (``stored``) a LatestFigure's copies of them."""
    own = ("metric_id", *_CELL_COLUMNS[1:]) if stored else _CELL_COLUMNS
    return (*own, *(f"zone__{f}" for f in _CELL_ZONE), *(f"indicator__{f}" for f in _CELL_INDICATOR))


def _read_cells(keys, stored=None):
    """The figures with ``keys`` as FigureCells, in the keys' order: one query.

    ``stored``: LatestFigure rows holding them, read instead of the figures (they copy what a cell shows).
    """
    keys = list(keys)
    if stored is None:
        rows = Metric.objects.filter(pk__in=keys).values_list(*_cell_columns())
    else:
        rows = stored.filter(IdIn(keys, pk=F("metric_id"))).values_list(*_cell_columns(stored=True))
    found = {row[0]: row for row in rows.order_by()}
    return _cells(found[key] for key in keys)


def _cells(rows):
    """FigureCells of rows of ``_cell_columns()``; each zone and indicator built once."""
    zones, indicators = {}, {}
    cells = []
    for row in rows:
        base, zone_values, indicator_values = row[:10], row[10:12], row[12:]
        zone_id, indicator_id = base[8], base[9]
        if zone_id is not None and zone_id not in zones:
            zones[zone_id] = _partial(Zone, id=zone_id, **dict(zip(_CELL_ZONE, zone_values)))
        if indicator_id is not None and indicator_id not in indicators:
            indicators[indicator_id] = _partial(
                Indicator, id=indicator_id, **dict(zip(_CELL_INDICATOR, indicator_values))
            )
        cells.append(FigureCell(*base, zones.get(zone_id), indicators.get(indicator_id)))
    return cells


def commonest_indicator(metrics, *, stored=False):
    """The indicator most of ``metrics`` measure, or None: what a comparison shows by default.

    ``stored``: ``metrics`` are all public figures and the stored counts (articles/tallies.py)
    are fresh, so they answer.
    """
    if stored:
        ref = (
            Tally.objects.filter(kind=Tally.Kind.INDICATOR, measured__gt=0)
            .order_by("-measured", "ref").values_list("ref", flat=True).first()
        )
        return Indicator.objects.get(pk=ref) if ref else None
    row = (
        metrics.filter(indicator__isnull=False, kind__in=MEASURED_KINDS)
        .order_by()
        .values("indicator")
        .annotate(n=Count("pk"))
        .order_by("-n", "indicator")
        .first()
    )
    return Indicator.objects.get(pk=row["indicator"]) if row else None


def comparison_unit(metrics, indicator):
    """(unit, figures left out): the normalized unit an indicator's figures are compared in.

    The indicator's first listed unit its figures carry, else their commonest:
    a bar of 元 beside a bar of 人 would compare nothing. The units are found a
    probe each (metric_comparison_idx); figures are counted only when there are
    several units, and those of the unit compared only when no listed unit is among them.
    """
    comparable = metrics.filter(normalized_value__isnull=False).exclude(normalized_unit="")
    units = distinct_values(comparable, "normalized_unit", after="")
    if len(units) < 2:
        return (units[0], 0) if units else ("", 0)
    listed = [unit for unit in indicator.units or () if unit in units]
    if listed:
        others = comparable.filter(normalized_unit__in=[unit for unit in units if unit != listed[0]])
        return listed[0], others.order_by().count()
    counts = dict(comparable.order_by().values_list("normalized_unit").annotate(n=Count("pk")))
    unit = max(sorted(counts), key=counts.get)
    return unit, sum(counts.values()) - counts[unit]


def _read_in_order(queryset, keys):
    """The rows of ``queryset`` with ``keys``, in the keys' order (the model's own order unread)."""
    rows = queryset.order_by().in_bulk(keys)
    return [rows[key] for key in keys]


def _read_figures(keys, related=(), *, cells=False):
    """The figures with ``keys``, in the keys' order: FigureCells when ``cells``, else Metrics with ``related``."""
    if cells:
        return _read_cells(keys)
    return _read_in_order(Metric.objects.select_related(*related), list(keys))


def _latest_in_order(classified, partition, order, limit, related=(), *, cells=False):
    """The first ``limit``, in ``order``, of one figure per ``partition`` (``Metric.LATEST_FIRST`` wins).

    The window ranks the figures' keys and order columns only -- whole figure rows
    would be sorted, and spill to disk, by the thousand -- then the shown rows are
    read (as ``_read_figures``).
    """
    keys = classified.latest_per(*partition).order_by(*order).values_list("pk", flat=True)[:limit]
    return _read_figures(keys, related, cells=cells)


def _stored_in_order(stored, order, limit, related=(), *, cells=False):
    """The figures of the first ``limit`` of ``stored`` (LatestFigure rows) in ``order`` (as ``_read_figures``).

    Cells are read from the stored rows' copies of their figures, in one query.
    """
    ordered = stored.order_by(*order)
    if cells:
        return _cells(ordered.values_list(*_cell_columns(stored=True))[:limit])
    return _read_figures(ordered.values_list("metric_id", flat=True)[:limit], related)


def _comparable(metrics, unit, kinds):
    return metrics.filter(kind__in=kinds, normalized_unit=unit, normalized_value__isnull=False)


def zone_comparison(metrics, unit, kinds=MEASURED_KINDS, *, stored=None, archive=None):
    """(the COMPARISON_BARS largest, how many zones): each zone's latest figure among ``metrics``
    (one indicator's) in ``unit``, largest first, as FigureCells.

    Only the largest are read, whatever the number of figures: a zone's latest
    is one probe of metric_comparison_idx that reads only the figures of the zone's
    newest year (``metrics`` should filter on the indicator's key as a value, not
    through a join on its slug, for the probe to use the index). A year filter on ``metrics`` makes it that year's.

    ``stored``: the indicator, when ``metrics`` are all its public figures and the
    stored ones are fresh: its LatestFigure rows answer. ``archive``: with ``stored``, the
    fresh archive tally the caller read: the answer is cached under its id until the next recount.
    """
    largest_first = (F("normalized_value").desc(), "zone__name")
    if stored is not None:
        if archive is not None:
            key = ("zone-comparison", stored.pk, unit, kinds == TARGET_KINDS, COMPARISON_BARS)
            return _cached(archive, key, lambda: zone_comparison(metrics, unit, kinds, stored=stored))
        latest = _stored_of(stored, unit, kinds).filter(zone_latest=True)
        keys = latest.order_by(*largest_first).values_list("metric_id", flat=True)[:COMPARISON_BARS]
        return _read_cells(keys), latest.count()
    latest = (
        _comparable(metrics, unit, kinds).filter(zone=OuterRef("pk"))
        .order_by(*Metric.LATEST_FIRST).values("pk")[:1]
    )
    # Read first: as a subquery of the next, the database would run each zone's probe twice.
    chosen = [pk for pk in Zone.objects.values_list(Subquery(latest), flat=True) if pk is not None]
    keys = Metric.objects.filter(pk__in=chosen).order_by(*largest_first).values_list("pk", flat=True)[:COMPARISON_BARS]
    return _read_cells(keys), len(chosen)


def _stored_of(indicator, unit, kinds):
    """The stored latest figures of ``indicator`` in ``unit``: the targets' or the measured's."""
    return LatestFigure.objects.filter(indicator=indicator, normalized_unit=unit, target=kinds == TARGET_KINDS)


def indicator_years(indicator):
    """The years the indicator's public measured figures are of, newest first: a year selector's options.

    One query of a probe per year (metric_indicator_year_idx), however many figures each year has.
    """
    figures = Metric.objects.visible().filter(indicator=indicator, kind__in=MEASURED_KINDS)
    return distinct_values(figures, "year", descending=True)


class ZoneYears(NamedTuple):
    """The figures a zones-by-year table shows (``zone_year_values``)."""

    years: list  # newest first, then None when some of the zones' figures have no year
    cells: list  # FigureCells of the zones shown, zone after zone in the table's order, newest first
    zones: int  # zones with a figure in ``years``, shown or not
    dated_zones: int  # of those, the zones with a figure of a year (a chart's lines)
    older: int  # figures of years before ``years``, left out


def zone_year_values(metrics, unit, kinds=MEASURED_KINDS, *, zones, years, stored=None, archive=None):
    """One figure per zone and year among ``metrics`` in ``unit``, as a table of ``zones`` zones by ``years`` years
    shows them: the newest years (then the undated), and the zones whose newest figure in those years is the
    newest first, then the largest, then by name. A ZoneYears.

    Every zone's figure of each year is ranked on a few of its columns, one row per zone and year (a few
    thousand at most, whatever the archive holds); only the cells shown are then read in full.
    ``stored``, ``archive``: as zone_comparison's; the table is then ranked and read once until the next recount.
    """
    if stored is not None and archive is not None:
        key = ("zone-years", stored.pk, unit, kinds == TARGET_KINDS, zones, years)
        return _cached(
            archive, key, lambda: zone_year_values(metrics, unit, kinds, zones=zones, years=years, stored=stored)
        )
    if stored is not None:
        rows = _stored_of(stored, unit, kinds)
        key_column = "metric_id"
    else:
        rows = _comparable(metrics, unit, kinds).filter(zone__isnull=False).latest_per("zone", "year")
        key_column = "pk"
    keys = list(rows.order_by().values_list(key_column, "zone_id", "year", "normalized_value", "zone__name"))
    dated = sorted({year for _pk, _zone, year, _value, _name in keys if year is not None}, reverse=True)
    shown = dated[:years] + ([None] if any(year is None for _pk, _zone, year, _value, _name in keys) else [])
    column = {year: index for index, year in enumerate(shown)}
    newest = {}  # zone -> (its first column holding a figure, the figure's value negated, its name)
    for _pk, zone_id, year, value, name in keys:
        if year in column:
            rank = (column[year], -value, name, zone_id)
            newest[zone_id] = min(newest.get(zone_id, rank), rank)
    order = {zone_id: place for place, zone_id in enumerate(sorted(newest, key=newest.get)[:zones])}
    wanted = sorted(
        (order[zone_id], column[year], pk) for pk, zone_id, year, _value, _name in keys
        if zone_id in order and year in column
    )
    return ZoneYears(
        years=shown,
        cells=_read_cells([pk for _place, _column, pk in wanted], rows if stored is not None else None),
        zones=len(newest),
        # The undated column is the last: a zone whose first figure is there has no dated one.
        dated_zones=sum(1 for first, *_rest in newest.values() if shown[first] is not None),
        older=sum(1 for _pk, _zone, year, _value, _name in keys if year not in column),
    )


def zone_indicator_values(zone, archive=UNREAD):
    """(measured, targets, cut): the zone's figures of each indicator, one per indicator, unit and year.

    At most ZONE_INDICATOR_CELLS each, in the indicators' order, however many figures the zone
    has; ``cut`` says that either list had more (the figure list holds them all). The stored
    latest figures while fresh (``archive``: ``tallies.fresh()`` if read already), cached under the
    archive's id and the vocabularies' stamp: the cells name their indicators, in their order, which
    a curator may change without a recount.
    """
    archive = _archive(archive)
    if archive is not None:
        key = ("zone-figures", zone.pk, ZONE_INDICATOR_CELLS)
        return _cached(archive, key, lambda: _zone_indicator_values(zone, stored=True), vocabulary_stamp())
    return _zone_indicator_values(zone, stored=False)


def _zone_indicator_values(zone, *, stored):
    # One more than shown: whether the list was cut is read with it.
    limit = ZONE_INDICATOR_CELLS + 1
    if stored:
        def stored_latest(target):
            order = ("indicator__position", "indicator__name", F("year").desc(nulls_last=True), "metric_id")
            rows = LatestFigure.objects.filter(zone=zone, target=target)
            return _stored_in_order(rows, order, limit, cells=True)

        measured, targets = stored_latest(False), stored_latest(True)
    else:
        classified = (
            zone.metrics.visible()
            .filter(indicator__isnull=False, normalized_value__isnull=False)
            .exclude(normalized_unit="")
        )

        def latest(kinds):
            order = ("indicator__position", "indicator__name", F("year").desc(nulls_last=True), "pk")
            return _latest_in_order(
                classified.filter(kind__in=kinds), ("indicator", "normalized_unit", "year"), order, limit, cells=True,
            )

        measured, targets = latest(MEASURED_KINDS), latest(TARGET_KINDS)
    cut = len(measured) > ZONE_INDICATOR_CELLS or len(targets) > ZONE_INDICATOR_CELLS
    return measured[:ZONE_INDICATOR_CELLS], targets[:ZONE_INDICATOR_CELLS], cut


def zone_unclassified_metrics(zone, archive=UNREAD):
    """(the zone's newest figures no indicator claims, at most ZONE_PAGE_UNCLASSIFIED; how many there are).

    How many: the zone's stored count while fresh (``archive``: ``tallies.fresh()`` if read already),
    else counted; either only when the list is full.
    """
    metrics = (
        zone.metrics.visible().filter(indicator__isnull=True)
        .select_related(*serializers.METRIC_SELECT).defer(*serializers.METRIC_DEFERRED)
    )
    stored = None
    if _archive(archive) is not None:
        stored = Tally.objects.filter(kind=Tally.Kind.ZONE, ref=zone.pk).values_list("unclassified", flat=True)
    return _bounded(metrics.order_by(F("year").desc(nulls_last=True), "-pk"), ZONE_PAGE_UNCLASSIFIED, stored)


def zone_latest_values(indicator, archive=UNREAD):
    """(unit, {zone id: (normalized value, year)}): each zone's latest measured figure of ``indicator``.

    One row per zone, kept by the database, however many figures there are (the stored ones while fresh).
    """
    metrics = Metric.objects.visible().filter(indicator=indicator)
    unit, _left_out = comparison_unit(metrics, indicator)
    if not unit:
        return "", {}
    if _archive(archive) is not None:
        rows = _stored_of(indicator, unit, MEASURED_KINDS).filter(zone_latest=True)
    else:
        rows = _comparable(metrics, unit, MEASURED_KINDS).filter(zone__isnull=False).latest_per("zone")
    return unit, {
        row["zone_id"]: (row["normalized_value"], row["year"])
        for row in rows.values("zone_id", "normalized_value", "year")
    }
