"""Template filters for numbers as Chinese readers write them (50亿元, 1.2万人)."""
from django import template

register = template.Library()


def _trim(number):
    return f"{number:.2f}".rstrip("0").rstrip(".")


@register.filter
def amount(value, unit=""):
    """A normalized value in 万/亿 with its unit: (5e9, "元") -> "50亿元"."""
    if value is None or value == "":
        return "—"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    magnitude = abs(number)
    if magnitude >= 1e8:
        text = _trim(number / 1e8) + "亿"
    elif magnitude >= 1e4:
        text = _trim(number / 1e4) + "万"
    else:
        text = _trim(number)
    return f"{text}{unit or ''}"


@register.filter
def number(value):
    """A value as printed, without a trailing .0: 50.0 -> "50"."""
    if value is None or value == "":
        return "—"
    try:
        return _trim(float(value))
    except (TypeError, ValueError):
        return str(value)


@register.filter
def converted(metric):
    """The normalized value when it says more than the printed one ("50亿元" for 5e9 元), else ""."""
    if metric.normalized_value is None:
        return ""
    text = amount(metric.normalized_value, metric.normalized_unit)
    printed = f"{number(metric.value)}{metric.unit}"
    return "" if text == printed else text
