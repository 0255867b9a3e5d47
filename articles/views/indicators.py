"""Comparing zones on an indicator: the metric list with its comparison, the indicator list and pages.

Zones are compared on an indicator (what a figure measures), never on the label
a page printed: 总投资 and 总投资额 are one indicator, 企业 in two sentences may be
two. A chart holds one indicator in one normalized unit; targets are drawn
apart from the figures measured; figures no indicator claims are listed only.
"""
from functools import partial

from django.http import Http404

from articles import selectors
from articles.filters import IndicatorFilterSet, MetricFilterSet
from articles.models import Indicator, Metric
from core import serializers
from core.charts import bar_chart, series_chart, unit_label
from core.facets import FacetSpec
from core.listing import ListEndpoint
from core.widgets import QuickSelect

from .pages import PROVINCE_FACET

# An indicator page's table shows the newest years of the zones with the newest,
# largest figures; the list below and its CSV hold the rest.
TABLE_YEARS = 12
TABLE_ZONES = 50


def _zone_and_year(metric):
    return f"{metric.zone.name} {metric.year or '年份不详'}"


def _zone_name(metric):
    return metric.zone.name


class MetricList(ListEndpoint):
    filterset_class = MetricFilterSet
    template_name = "articles/metric_list.html"
    title = "数据指标"
    section = "metrics"
    csv_filename = "metrics"
    csv_filename_params = ("zone", "indicator", "year")
    api_url_name = "api:metrics"
    facet_specs = (
        FacetSpec("indicator", "指标", "indicator__name", value_field="indicator__slug", limit=15),
        FacetSpec("kind", "数值类型", "kind", labels=dict(Metric.Kind.choices)),
        FacetSpec("unit", "单位", "unit", limit=12),
        FacetSpec("year", "年份", "year", order=("-year",), limit=12),
        PROVINCE_FACET,
        FacetSpec("zone", "高新区", "zone__name", value_field="zone__slug", limit=15),
    )

    def get_queryset(self):
        return selectors.metric_list()

    tally_field = "metrics"

    def stored_tally(self, filterset):
        return filterset.archive if self.unfiltered(filterset) else None

    def item(self, metric, filterset):
        return serializers.metric_item(metric)

    def get_extra_context(self, filterset, objects):
        """The comparison: the chosen indicator, else the one most of the listed figures measure.

        Drawn from the filtered list, so a province, a zone or a year narrows it;
        with a year, each zone's figure of that year instead of its latest.
        """
        data = filterset.form.cleaned_data
        metrics = filterset.qs
        if data.get("indicator"):
            indicator = selectors.indicator_detail(data["indicator"])
        else:
            # An unfiltered list's length was read from the stored counts: they name it too.
            indicator = selectors.commonest_indicator(metrics, stored=self.known_total is not None)
        context = {"indicator": indicator, "charts": [], "year": data.get("year")}
        if indicator is None:
            return context
        metrics = metrics.filter(indicator=indicator)
        unit, other_units = selectors.comparison_unit(
            metrics.filter(kind__in=selectors.MEASURED_KINDS + selectors.TARGET_KINDS), indicator
        )
        when = f"{context['year']}年" if context["year"] else "最新"
        # Unfiltered, with fresh stored counts: the stored latest figures are the comparison's.
        stored = indicator if self.known_total is not None else None
        # Fresh stored figures: the comparison is cached under the archive's id (selectors.zone_comparison).
        compared = {"stored": stored, "archive": filterset.archive}
        measured, measured_zones = selectors.zone_comparison(metrics, unit, **compared)
        targets, target_zones = selectors.zone_comparison(metrics, unit, selectors.TARGET_KINDS, **compared)
        if measured:
            context["charts"].append(bar_chart(
                measured, unit=unit, name=_zone_and_year, total=measured_zones,
                title=f"{indicator.name}：各高新区{when}数值（{unit_label(unit)}计）",
            ))
        if targets:
            context["charts"].append(bar_chart(
                targets, unit=unit, name=_zone_and_year, total=target_zones,
                title=f"{indicator.name}：各高新区{when}目标值（与实际值分列，{unit_label(unit)}计）",
            ))
        context.update(
            other_units=other_units,
            years=selectors.indicator_years(indicator),
            # The comparison's own select of the indicators, the one compared selected.
            indicator_select=QuickSelect(choices=filterset.indicator_groups).render(
                "indicator", indicator.slug, attrs={"id": "compare-indicator"}
            ),
            # The comparison form keeps the other filters in force.
            kept_filters=[
                (name, value) for name, value in self.request.GET.items()
                if name not in ("indicator", "year", "label", "page", "format", "sort") and value
            ],
        )
        return context


class IndicatorList(ListEndpoint):
    filterset_class = IndicatorFilterSet
    template_name = "articles/indicator_list.html"
    title = "指标"
    section = "indicators"
    csv_filename = "indicators"
    csv_filename_params = ("dimension",)
    api_url_name = "api:indicators"
    page_size = 100  # a curated vocabulary: one page, grouped by dimension

    def get_queryset(self):
        return selectors.indicator_list()

    def item(self, indicator, filterset):
        item = serializers.indicator_item(indicator)
        item.update(zone_count=indicator.zone_count, metric_count=indicator.metric_count)
        return item

    def get_extra_context(self, filterset, objects):
        groups = {}
        for indicator in objects:
            groups.setdefault(indicator.get_dimension_display(), []).append(indicator)
        return {"dimensions": list(groups.items())}


class IndicatorDetail(MetricList):
    """``/indicators/<slug>/``: the metric list with the indicator fixed, as a table of zones by year."""

    template_name = "articles/indicator_detail.html"
    section = "indicators"
    csv_filename = "indicator"
    csv_filename_params = ("indicator", "zone", "year")
    facet_specs = tuple(spec for spec in MetricList.facet_specs if spec.param != "indicator")

    def get(self, request, *args, **kwargs):
        try:
            self.indicator = selectors.indicator_detail(kwargs["slug"])
        except Indicator.DoesNotExist:
            raise Http404("没有这个指标") from None
        return super().get(request, *args, **kwargs)

    def get_filter_data(self):
        data = self.request.GET.copy()
        data["indicator"] = self.indicator.slug
        return data

    def stored_tally(self, filterset):
        """The indicator's stored counts when no other filter narrows the list."""
        return selectors.stored_counts(self.indicator) if self.unfiltered(filterset, "indicator") else None

    def base_context(self, filterset, page_form, valid):
        context = super().base_context(filterset, page_form, valid)
        context["title"] = self.indicator.name
        context["indicator"] = self.indicator
        # The address fixes the indicator: the form offers the other filters only.
        filterset.form.fields.pop("indicator", None)
        return context

    def get_extra_context(self, filterset, objects):
        """Every zone's figures by year (targets apart) and their chart: lines where zones have several years."""
        # The indicator's key as a value the database plans with: the figure indexes begin with it.
        metrics = filterset.qs.filter(indicator=self.indicator)
        unit, other_units = selectors.comparison_unit(
            metrics.filter(kind__in=selectors.MEASURED_KINDS + selectors.TARGET_KINDS), self.indicator
        )
        stored = self.indicator if self.known_total is not None else None
        # Fresh stored figures: the tables are cached under the archive's id (selectors.zone_year_values).
        bounds = {"zones": TABLE_ZONES, "years": TABLE_YEARS, "stored": stored, "archive": filterset.archive}
        measured = selectors.zone_year_values(metrics, unit, **bounds)
        targets = selectors.zone_year_values(metrics, unit, selectors.TARGET_KINDS, **bounds)
        table = zone_year_table(measured)
        charts = []
        if measured.cells:
            largest = partial(selectors.zone_comparison, metrics, unit, stored=stored, archive=filterset.archive)
            charts.append(indicator_chart(self.indicator, measured, unit, largest))
        return {
            "charts": charts,
            "unit": unit,
            "other_units": other_units,
            "table": table,
            "target_table": zone_year_table(targets),
        }


def indicator_chart(indicator, measured, unit, largest):
    """A line per zone by year where a zone of the table has figures of several years, else a bar per zone (its latest).

    ``measured``: the table's ZoneYears; ``largest``: called for bars only, it gives
    (the zones' largest latest figures, how many zones), as ``selectors.zone_comparison``.
    """
    years_by_zone = {}
    for metric in measured.cells:
        if metric.year is not None:
            years_by_zone.setdefault(metric.zone_id, set()).add(metric.year)
    if any(len(years) > 1 for years in years_by_zone.values()):
        return series_chart(
            measured.cells, unit=unit, name=_zone_name, total=measured.dated_zones,
            title=f"{indicator.name}：各高新区历年数值（{unit_label(unit)}计）",
        )
    # The table's zones are the newest; the bars are the largest, of every zone.
    figures, zones = largest()
    return bar_chart(
        figures, unit=unit, name=_zone_and_year, total=zones,
        title=f"{indicator.name}：各高新区数值（{unit_label(unit)}计）",
    )


def zone_year_table(figures):
    """{"years"; "rows": [{"zone", "cells": [metric or None per year]}]; "older": figures of
    earlier years left out; "zones_left_out"} of a ZoneYears (``selectors.zone_year_values``),
    its zones in its order.
    """
    rows = {}
    for metric in figures.cells:
        rows.setdefault(metric.zone_id, {"zone": metric.zone, "figures": {}})["figures"][metric.year] = metric
    return {
        "years": figures.years,
        "rows": [
            {"zone": row["zone"], "cells": [row["figures"].get(year) for year in figures.years]}
            for row in rows.values()
        ],
        "older": figures.older,
        "zones_left_out": figures.zones - len(rows),
    }
