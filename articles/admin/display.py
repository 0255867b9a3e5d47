"""Small display helpers of the admin: links, highlighted sentences, labels, values."""
import json

from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.text import Truncator

# --- display helpers -------------------------------------------------------------


def highlight(text, needles):
    """``text`` escaped, with the first needle found wrapped in <mark>."""
    text = text or ""
    for needle in needles:
        if not needle:
            continue
        at = text.find(needle)
        if at >= 0:
            return format_html(
                "{}<mark>{}</mark>{}", text[:at], needle, text[at + len(needle) :]
            )
    return escape(text)


def metric_needles(metric):
    """What to mark in a metric's sentence: the printed figure, else the bare number."""
    raw = metric.raw or ""
    figure = raw.removeprefix(metric.label) if metric.label else raw
    number = f"{metric.value:g}" if metric.value is not None else ""
    return [needle for needle in (raw, figure, number) if needle]


def admin_link(obj, text=None):
    if obj is None:
        return "—"
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, text if text is not None else str(obj))


def field_label(model, name):
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def as_text(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "、".join(as_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def current_value(obj, name):
    """The value shown now, comparable with what the ingest stored under ``name``."""
    try:
        model_field = obj._meta.get_field(name)
    except FieldDoesNotExist:
        return getattr(obj, name, None)
    if model_field.many_to_many:
        return sorted(str(o) for o in getattr(obj, name).all())
    if model_field.many_to_one:
        related = getattr(obj, name)
        return str(related) if related is not None else None
    return getattr(obj, name)


def same(produced, current):
    if isinstance(produced, list) and isinstance(current, list):
        return sorted(map(as_text, produced)) == sorted(map(as_text, current))
    if isinstance(produced, (int, float)) and isinstance(current, (int, float)):
        return float(produced) == float(current)
    return as_text(produced) == as_text(current)


def long_text(value, limit=160):
    text = as_text(value)
    if len(text) <= limit:
        return format_html("{}", text)
    return format_html(
        "<details><summary>{}</summary><div class='kb-long'>{}</div></details>",
        Truncator(text).chars(limit),
        text,
    )


def province_filter(zone_path):
    """A province filter listing the zones' provinces, in the usual order.

    Read from the zone table: which provinces have rows here would be a join of
    every row with its zone, 55 ms at 840,000 figures on every changelist.
    """

    class ProvinceFilter(admin.SimpleListFilter):
        title = "省份"
        parameter_name = "province"
        lookup = f"{zone_path}__province"

        def lookups(self, request, model_admin):
            from zones.models import Zone
            from zones.reference import province_order

            found = Zone.objects.exclude(province="").order_by().values_list("province", flat=True).distinct()
            order = province_order()
            return [(p, p) for p in sorted(found, key=lambda p: (order.get(p, len(order)), p))]

        def queryset(self, request, queryset):
            if self.value():
                return queryset.filter(**{self.lookup: self.value()})
            return queryset

    return ProvinceFilter


class NamingInitiativeFilter(admin.SimpleListFilter):
    """The articles naming one initiative (``?initiative=<id>``): where an initiative's page
    links to all its mentions. Listed in the sidebar only while in use: a list of every
    initiative would be hundreds of thousands of links."""

    title = "提及的举措"
    parameter_name = "initiative"

    def lookups(self, request, model_admin):
        from articles.models import Initiative

        value = self.value()
        if not (value and value.isdigit()):
            return []
        return [(str(pk), name) for pk, name in Initiative.objects.filter(pk=int(value)).values_list("pk", "name")]

    def queryset(self, request, queryset):
        from articles.models import InitiativeMention

        value = self.value()
        if value and value.isdigit():
            naming = InitiativeMention.objects.filter(initiative=int(value)).values("article")
            return queryset.filter(pk__in=naming)  # an article naming it twice is listed once
        return queryset


class IndexedValuesFilter(admin.AllValuesFieldListFilter):
    """Django's list of a column's values, each value found by a probe of the column's index.

    Django reads them with ``SELECT DISTINCT``: PostgreSQL reads the whole index for it,
    170 ms for a figure list's units and years at 840,000 figures, on every load of the list.
    """

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        from articles.selectors import distinct_values

        rows = model._default_manager.all()
        values = distinct_values(rows, field_path)
        if field.null and rows.filter(**{f"{field_path}__isnull": True}).exists():
            values.append(None)  # Django's filter offers these as its empty choice
        self.lookup_choices = values
