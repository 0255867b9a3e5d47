"""Chart data for metrics, read by static/js/charts.js from a ``json_script`` element.

Figures are compared on their normalized values (亿元 and 万元 both become 元),
and only within one normalized unit: a bar of 元 beside a bar of 人 means nothing.
"""
from collections import defaultdict

MAX_CHARTS = 3
MAX_BARS = 30


def metric_charts(metrics, *, name, title="{unit}", max_charts=MAX_CHARTS, max_bars=MAX_BARS):
    """[{"title", "unit", "items": [{"name", "value", "text", "url"}]}], biggest group first."""
    groups = defaultdict(list)
    for metric in metrics:
        if metric.normalized_value is not None and metric.normalized_unit:
            value, unit = metric.normalized_value, metric.normalized_unit
        else:
            value, unit = metric.value, metric.unit
        if value is None or not unit:
            continue
        groups[unit].append(
            {"name": name(metric), "value": value, "text": metric.raw, "url": metric.get_absolute_url()}
        )
    charts = []
    for unit, items in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:max_charts]:
        items.sort(key=lambda item: -item["value"])
        charts.append({
            "title": title.format(unit=unit_label(unit)),
            "unit": unit,
            "items": items[:max_bars],
            "omitted": max(0, len(items) - max_bars),
        })
    return charts


def latest_per_zone(metrics):
    """One figure per zone, so a chart compares zones: its most recent, the largest of that year.

    Figures are kept in their first-seen order; metrics without a zone are left out.
    """
    best = {}
    for metric in metrics:
        if metric.zone_id is None:
            continue
        rank = (metric.year or 0, metric.normalized_value or metric.value or 0)
        if metric.zone_id not in best or rank > best[metric.zone_id][0]:
            best[metric.zone_id] = (rank, metric)
    return [metric for _, metric in best.values()]


def unit_label(unit):
    return "按百分比" if unit == "%" else f"以{unit}"
