"""Chart data for metrics, read by static/js/charts.js from a ``json_script`` element.

A chart shows one indicator in one normalized unit (亿元 and 万元 both become
元): a bar of 元 beside a bar of 人, or 总投资 beside 企业数, compares nothing.
The caller chooses the figures; these functions only shape them.

Two shapes: ``bar`` (one bar per item, largest first) and ``series`` (figures
by year: a line for each name with several years, a bar where it has one).
"""
MAX_BARS = 30
MAX_SERIES = 8
MAX_YEARS = 12


def _point(metric):
    return {"value": metric.normalized_value, "text": metric.raw, "url": metric.get_absolute_url()}


def bar_chart(metrics, *, title, unit, name, max_bars=MAX_BARS, total=None):
    """{"type": "bar", "title", "unit", "items": [{"name", "value", "text", "url"}], "omitted"}.

    ``total``: how many items there are, when ``metrics`` holds only the largest.
    """
    ranked = sorted(metrics, key=lambda metric: -metric.normalized_value)
    items = [{"name": name(metric), **_point(metric)} for metric in ranked[:max_bars]]
    return {
        "type": "bar",
        "title": title,
        "unit": unit,
        "items": items,
        "omitted": max(0, (len(ranked) if total is None else total) - max_bars),
    }


def series_chart(metrics, *, title, unit, name, max_series=MAX_SERIES, max_years=MAX_YEARS, total=None):
    """Figures by year, one series per ``name``: the names with the largest latest value first.

    {"type": "series", "title", "unit", "years": [oldest…newest],
     "series": [{"name", "line", "values", "texts", "urls"}], "omitted"}; the lists
    of a series follow ``years``, None where it has no figure. ``metrics`` hold at
    most one figure per name and year; figures without a year have no place on the axis.
    ``total``: how many names there are, when ``metrics`` holds only the first.
    """
    by_name = {}
    for metric in metrics:
        if metric.year is not None:
            by_name.setdefault(name(metric), {})[metric.year] = metric
    years = sorted({year for points in by_name.values() for year in points})[-max_years:]
    ranked = sorted(
        by_name.items(),
        key=lambda kv: (-max(kv[1]), -kv[1][max(kv[1])].normalized_value, kv[0]),
    )
    series = []
    for series_name, points in ranked[:max_series]:
        shown = [points.get(year) for year in years]
        series.append({
            "name": series_name,
            "line": sum(1 for metric in shown if metric) > 1,
            "values": [metric.normalized_value if metric else None for metric in shown],
            "texts": [metric.raw if metric else None for metric in shown],
            "urls": [metric.get_absolute_url() if metric else None for metric in shown],
        })
    return {
        "type": "series",
        "title": title,
        "unit": unit,
        "years": years,
        "series": series,
        "omitted": max(0, (len(ranked) if total is None else total) - len(series)),
    }


def unit_label(unit):
    return "按百分比" if unit == "%" else f"以{unit}"
