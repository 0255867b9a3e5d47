"""Tables with hundreds of cells, written in Python: through the template engine each cell
of a zones-by-year table cost about 50 µs, 30 ms for a table of 50 zones, a zone's 300
figures by year 15 ms, a list of 50 figures 6 ms."""
from html import escape

from django import template
from django.utils.safestring import mark_safe

from .kb_format import amount, number

register = template.Library()

_EMPTY_CELL = '<td><span class="muted">—</span></td>'


def _figure_cell(metric):
    if metric is None:
        return _EMPTY_CELL
    title = escape(f"{metric.raw}：{metric.sentence}")
    value = escape(amount(metric.normalized_value, metric.normalized_unit))
    return f'<td><a href="{escape(metric.get_absolute_url())}" title="{title}">{value}</a></td>'


@register.simple_tag
def zone_year_rows(table):
    """The body rows of a zones-by-year table (articles/views/indicators.py ``zone_year_table``):
    the zone, linked, then each year's figure linked to its sentence, or a dash."""
    rows = []
    for row in table["rows"]:
        zone = row["zone"]
        cells = "".join(_figure_cell(metric) for metric in row["cells"])
        rows.append(
            f'<tr><th scope="row"><a href="{escape(zone.get_absolute_url())}">{escape(zone.name)}</a></th>{cells}</tr>'
        )
    return mark_safe("\n".join(rows))


@register.simple_tag
def figure_year_rows(metrics):
    """The body rows of a zone's figures of one indicator (zones/detail.html): the year, the value
    linked to its sentence, the words the page printed."""
    rows = []
    for metric in metrics:
        year = metric.year if metric.year is not None else "年份不详"
        value = escape(amount(metric.normalized_value, metric.normalized_unit))
        rows.append(
            f'<tr><th scope="row">{year}</th><td class="num"><a href="{escape(metric.get_absolute_url())}" '
            f'title="{escape(metric.sentence)}">{value}</a></td><td class="muted small">{escape(metric.raw)}</td></tr>'
        )
    return mark_safe("".join(rows))


@register.simple_tag
def metric_rows(metrics, show_zone=False):
    """The body rows of a table of figures (includes/metric_table.html): zone, indicator (or the
    label no indicator claims), the words printed, kind, value, qualifier, year, the sentence."""
    return mark_safe("".join(_metric_row(metric, show_zone) for metric in metrics))


def _metric_row(metric, show_zone):
    cells = []
    if show_zone:
        zone = metric.zone
        shown = f'<a href="{escape(zone.get_absolute_url())}">{escape(zone.name)}</a>' if zone else "—"
        cells.append(f'<td data-label="高新区">{shown}</td>')
    if metric.indicator_id:
        indicator = metric.indicator
        label = f' <span class="muted small">{escape(metric.label)}</span>' if metric.label != indicator.name else ""
        shown = f'<a href="{escape(indicator.get_absolute_url())}">{escape(indicator.name)}</a>{label}'
    else:
        shown = f'{escape(metric.label)} <span class="muted small">未归类</span>'
    cells.append(f'<td data-label="指标">{shown}</td>')
    cells.append(f'<td data-label="原文">{escape(metric.raw)}</td>')
    cells.append(f'<td data-label="类型">{escape(str(metric.get_kind_display()))}</td>')
    if metric.normalized_value is not None:
        value = amount(metric.normalized_value, metric.normalized_unit)
    else:
        value = f"{number(metric.value)}{metric.unit}"
    cells.append(f'<td data-label="折算值" class="num">{escape(value)}</td>')
    cells.append(f'<td data-label="限定">{escape(str(metric.get_qualifier_display()))}</td>')
    period = f' <span class="muted">{escape(metric.period)}</span>' if metric.period else ""
    year = metric.year if metric.year is not None else "—"
    cells.append(f'<td data-label="年份">{year}{period}</td>')
    cells.append(
        f'<td data-label="出处"><a href="{escape(metric.get_absolute_url())}" title="{escape(metric.sentence)}">'
        "原文句子</a></td>"
    )
    return f"<tr>{''.join(cells)}</tr>"
