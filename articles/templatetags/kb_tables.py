"""Tables with hundreds of cells, written in Python: through the template engine each cell
of a zones-by-year table cost about 50 µs, 30 ms for a table of 50 zones, and a zone's
300 figures by year 15 ms."""
from html import escape

from django import template
from django.utils.safestring import mark_safe

from .kb_format import amount

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
