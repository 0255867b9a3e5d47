"""Zones side by side (``/compare/``): each table has one column per chosen zone.

Shapes what articles.selectors read for the zones into rows; no query here.
"""
from core.charts import bar_chart, unit_label


def category_rows(zones, counted):
    """[{"category", "label", "counts": [n per zone]}]: initiative categories, commonest first."""
    return _rows(zones, counted, key="category", label="category_label")


def type_rows(zones, counted):
    """[{"type", "label", "counts": [n per zone]}]: initiative types (those a curator or the ingest set)."""
    typed = [row for row in counted if row["type__slug"]]
    return _rows(zones, typed, key="type__slug", label="type__name", name="type")


def _rows(zones, counted, *, key, label, name=None):
    column = {zone.pk: i for i, zone in enumerate(zones)}
    rows = {}
    for row in counted:
        entry = rows.setdefault(row[key], {name or key: row[key], "label": row[label], "counts": [0] * len(zones)})
        entry["counts"][column[row["zone_id"]]] += row["n"]
    return sorted(rows.values(), key=lambda r: (-sum(r["counts"]), r["label"]))


def indicator_rows(zones, figures):
    """[{"indicator", "cells": [figure or None per zone]}] in the order the figures come (vocabulary order)."""
    column = {zone.pk: i for i, zone in enumerate(zones)}
    rows = {}
    for metric in figures:
        entry = rows.setdefault(metric.indicator_id, {"indicator": metric.indicator, "cells": [None] * len(zones)})
        entry["cells"][column[metric.zone_id]] = metric
    return list(rows.values())


def indicator_charts(zones, rows):
    """One bar chart per indicator that two or more of the zones report in one unit: zones as bars."""
    names = {zone.pk: zone.name for zone in zones}
    charts = []
    for row in rows:
        by_unit = {}
        for metric in filter(None, row["cells"]):
            by_unit.setdefault(metric.normalized_unit, []).append(metric)
        for unit, metrics in by_unit.items():
            if len(metrics) < 2:
                continue
            title = f"{row['indicator'].name}（{unit_label(unit)}计）"
            charts.append(bar_chart(metrics, title=title, unit=unit, name=lambda m: _bar_name(names, m)))
    return charts


def _bar_name(names, metric):
    return f"{names[metric.zone_id]}（{metric.year or '年份不详'}）"


def year_rows(zones, counts):
    """[{"year", "counts": [n per zone]}], newest first, the undated last."""
    column = {zone.pk: i for i, zone in enumerate(zones)}
    years = {}
    for (zone_id, year), n in counts.items():
        years.setdefault(year, [0] * len(zones))[column[zone_id]] = n
    ordered = sorted(years, key=lambda y: (y is None, -(y or 0)))
    return [{"year": year, "counts": years[year]} for year in ordered]
