"""Zones side by side (``/compare/``): each table has one column per chosen zone.

Shapes what articles.selectors read for the zones into rows, and those rows into
the JSON and CSV renderings; no query here.
"""
from dataclasses import dataclass, field

from core.charts import bar_chart, unit_label
from core.serializers import zone_item

# The CSV's header: one row per zone and indicator, named as in the JSON.
CSV_HEADER = (
    "indicator", "name", "zone", "zone_name", "value", "unit", "normalized_value",
    "normalized_unit", "kind", "year", "text", "sentence", "article_id",
)


@dataclass
class Comparison:
    zones: list
    categories: list = field(default_factory=list)  # [{"category", "label", "counts": [n per zone]}]
    types: list = field(default_factory=list)  # [{"type", "label", "counts"}]
    figures: list = field(default_factory=list)  # [{"indicator", "cells": [figure or None per zone]}]
    years: list = field(default_factory=list)  # [{"year", "counts"}], newest first, undated last

    @classmethod
    def of(cls, zones, *, initiatives, figures, years):
        """From selectors.compare_initiatives, compare_figures and compare_years of ``zones``."""
        typed = [row for row in initiatives if row["type__slug"]]
        return cls(
            zones=zones,
            categories=_rows(zones, initiatives, key="category", label="category_label"),
            types=_rows(zones, typed, key="type__slug", label="type__name", name="type"),
            figures=_indicator_rows(zones, figures),
            years=_year_rows(zones, years),
        )

    def charts(self):
        """One bar chart per indicator that two or more of the zones report in one unit: zones as bars."""
        names = {zone.pk: zone.name for zone in self.zones}
        charts = []
        for row in self.figures:
            by_unit = {}
            for metric in filter(None, row["cells"]):
                by_unit.setdefault(metric.normalized_unit, []).append(metric)
            for unit, metrics in by_unit.items():
                if len(metrics) > 1:
                    title = f"{row['indicator'].name}（{unit_label(unit)}计）"
                    charts.append(bar_chart(metrics, title=title, unit=unit, name=lambda m: _bar_name(names, m)))
        return charts

    def as_json(self):
        """The tables with each zone's value keyed by its slug."""
        slugs = [zone.slug for zone in self.zones]

        def by_zone(values):
            return dict(zip(slugs, values, strict=True))

        return {
            "zones": [
                {**zone_item(zone), "article_count": zone.article_count,
                 "initiative_count": zone.initiative_count, "metric_count": zone.metric_count}
                for zone in self.zones
            ],
            "categories": [
                {"category": row["category"], "label": row["label"], "counts": by_zone(row["counts"])}
                for row in self.categories
            ],
            "types": [
                {"type": row["type"], "name": row["label"], "counts": by_zone(row["counts"])}
                for row in self.types
            ],
            "indicators": [
                {"indicator": row["indicator"].slug, "name": row["indicator"].name,
                 "values": by_zone([_figure_item(metric) for metric in row["cells"]])}
                for row in self.figures
            ],
            "years": [{"year": row["year"], "counts": by_zone(row["counts"])} for row in self.years],
        }

    def csv_rows(self):
        """The indicator table in CSV_HEADER's order: one row per zone and indicator it reports."""
        zones = {zone.pk: zone for zone in self.zones}
        for row in self.figures:
            for metric in filter(None, row["cells"]):
                zone, item = zones[metric.zone_id], _figure_item(metric)
                head = [row["indicator"].slug, row["indicator"].name, zone.slug, zone.name]
                yield head + [item[key] for key in CSV_HEADER[len(head):]]


def _figure_item(metric):
    if metric is None:
        return None
    return {
        "value": metric.value, "unit": metric.unit, "normalized_value": metric.normalized_value,
        "normalized_unit": metric.normalized_unit, "kind": metric.kind, "year": metric.year,
        "text": metric.raw, "sentence": metric.sentence, "article_id": metric.article_id,
    }


def _rows(zones, counted, *, key, label, name=None):
    """Counted rows of (zone, key) as one row per key with a count per zone, commonest first."""
    column = {zone.pk: i for i, zone in enumerate(zones)}
    rows = {}
    for row in counted:
        entry = rows.setdefault(row[key], {name or key: row[key], "label": row[label], "counts": [0] * len(zones)})
        entry["counts"][column[row["zone_id"]]] += row["n"]
    return sorted(rows.values(), key=lambda r: (-sum(r["counts"]), r["label"]))


def _indicator_rows(zones, figures):
    # Rows keep the order the figures come in: the vocabulary's.
    column = {zone.pk: i for i, zone in enumerate(zones)}
    rows = {}
    for metric in figures:
        entry = rows.setdefault(metric.indicator_id, {"indicator": metric.indicator, "cells": [None] * len(zones)})
        entry["cells"][column[metric.zone_id]] = metric
    return list(rows.values())


def _bar_name(names, metric):
    return f"{names[metric.zone_id]}（{metric.year or '年份不详'}）"


def _year_rows(zones, counts):
    column = {zone.pk: i for i, zone in enumerate(zones)}
    years = {}
    for (zone_id, year), n in counts.items():
        years.setdefault(year, [0] * len(zones))[column[zone_id]] = n
    ordered = sorted(years, key=lambda y: (y is None, -(y or 0)))
    return [{"year": year, "counts": years[year]} for year in ordered]
