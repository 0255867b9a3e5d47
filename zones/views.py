from itertools import groupby

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from articles import selectors
from core.charts import series_chart, unit_label
from core.listing import FacetSpec, ListEndpoint
from core.serializers import zone_item

from .filters import ZoneFilterSet
from .models import Zone
from .reference import province_order, provinces


def province_slugs():
    return {p["name"]: p["slug"] for p in provinces()}


def group_by_province(zones):
    """[(province, [zones…]), …] in the conventional province order."""
    order = province_order()
    ordered = sorted(zones, key=lambda z: (order.get(z.province, len(order)), z.province, z.name))
    return [
        (province or "未知省份", list(group))
        for province, group in groupby(ordered, key=lambda z: z.province)
    ]


class ZoneDirectory(ListEndpoint):
    filterset_class = ZoneFilterSet
    template_name = "zones/directory.html"
    title = "高新区名录"
    section = "zones"
    csv_filename = "zones"
    csv_filename_params = ("level",)
    api_url_name = "api:zones"
    paginate_html = False  # grouped by province on one page; the API pages
    facet_specs = (FacetSpec("level", "级别", "level", labels=dict(Zone.Level.choices)),)

    def get_queryset(self):
        return selectors.zones_with_counts()

    def item(self, zone, filterset):
        item = zone_item(zone)
        item.update(
            article_count=zone.article_count,
            initiative_count=zone.initiative_count,
            metric_count=zone.metric_count,
        )
        return item

    def get_extra_context(self, filterset, objects):
        slugs = province_slugs()
        groups = [
            {"name": name, "slug": slugs.get(name, ""), "zones": zones,
             "with_articles": sum(1 for z in zones if z.article_count)}
            for name, zones in group_by_province(objects)
        ]
        return {"provinces": groups, "zone_count": len(objects)}


class ProvinceDirectory(ZoneDirectory):
    """``/zones/province/anhui/``: the directory with the province filter fixed."""

    def get_filter_data(self):
        names = {p["slug"]: p["name"] for p in provinces()}
        name = names.get(self.kwargs["province_slug"])
        if name is None:
            raise Http404("没有这个省份")
        data = self.request.GET.copy()
        data["province"] = name
        return data

    def get_extra_context(self, filterset, objects):
        context = super().get_extra_context(filterset, objects)
        context["province"] = filterset.form.cleaned_data["province"]
        context["title"] = f"{context['province']}的高新区"
        return context


def zone_detail(request, slug):
    zone = get_object_or_404(Zone, slug=slug)
    own, mentioned, own_total, mentioned_total = selectors.zone_page_articles(zone)
    initiatives = list(selectors.zone_initiatives(zone))
    measured, targets = selectors.zone_indicator_values(zone)
    unclassified, unclassified_total = selectors.zone_unclassified_metrics(zone)
    timeline = selectors.zone_years(zone)
    groups, charts = indicator_groups(zone, measured, targets)
    by_category = []
    for category, group in groupby(initiatives, key=lambda i: i.category):
        group = list(group)
        by_category.append(
            {"category": category, "label": group[0].get_category_display(), "initiatives": group}
        )
    context = {
        "zone": zone,
        "section": "zones",
        "article_total": own_total + mentioned_total,
        "own_articles": own,
        "own_total": own_total,
        "mentioned_articles": mentioned,
        "mentioned_total": mentioned_total,
        "initiative_groups": by_category,
        "initiative_count": len(initiatives),
        "indicator_groups": groups,
        "charts": charts,
        "unclassified": unclassified,
        "unclassified_total": unclassified_total,
        "metric_total": sum(figures for _, _, figures in timeline),
        "timeline": timeline,
        "province_slug": province_slugs().get(zone.province, ""),
    }
    return render(request, "zones/detail.html", context)


# A zone page charts at most this many of its indicators; the others are tables.
ZONE_CHARTS = 12


def indicator_groups(zone, measured, targets):
    """([{"indicator", "unit", "unit_label", "figures", "targets", "chart_index"}], charts).

    One group per indicator and unit, its figures newest first and its targets
    apart; a chart (a line by year) where it has figures of several years.
    """
    groups = {}
    for kind, metrics in (("figures", measured), ("targets", targets)):
        for metric in metrics:
            key = (metric.indicator_id, metric.normalized_unit)
            group = groups.setdefault(key, {
                "indicator": metric.indicator,
                "unit": metric.normalized_unit,
                "unit_label": unit_label(metric.normalized_unit),
                "figures": [],
                "targets": [],
                "chart_index": None,
            })
            group[kind].append(metric)
    charts = []
    for group in groups.values():
        years = {m.year for m in group["figures"] if m.year is not None}
        if len(years) > 1 and len(charts) < ZONE_CHARTS:
            group["chart_index"] = len(charts)
            charts.append(series_chart(
                group["figures"], unit=group["unit"], name=lambda m: zone.name,
                title=f"{group['indicator'].name}（{group['unit_label']}计）",
            ))
    return list(groups.values()), charts
