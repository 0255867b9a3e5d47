import csv
from itertools import groupby

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render

from articles import selectors
from core.charts import series_chart, unit_label
from core.facets import FacetSpec
from core.listing import ListEndpoint, csv_cell, error_fields
from core.serializers import zone_item
from core.widgets import QuickSelect

from .compare import CSV_HEADER, Comparison
from .filters import ZoneFilterSet
from .forms import COMPARE_MAX, CompareForm, TileColourForm
from .models import Zone
from .reference import province_order, provinces
from .tiles import AVERAGED_DIMENSIONS, LEVELS, province_tiles


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


def busiest_zones(zones, limit=10):
    """The ``limit`` zones with most articles, from zones already counted (zones_with_counts)."""
    return sorted((z for z in zones if z.article_count), key=lambda z: (-z.article_count, z.name))[:limit]


def tile_grid(request, zones, archive):
    """The province tile grid of ``zones`` (with their article counts), shaded as ``?indicator=`` asks.

    ``archive``: ``selectors.archive_counts()``, read by the caller for ``zones`` too.

    Two queries at most beyond the indicator list, whatever the number of zones or
    figures: the tiles are summed from ``zones`` and one row per zone of the indicator.
    """
    form = TileColourForm(request.GET, indicators=selectors.indicator_options())
    indicator = form.cleaned_data["indicator"] if form.is_valid() else None
    unit, values = selectors.zone_latest_values(indicator, archive) if indicator else ("", None)
    averaged = indicator is not None and indicator.dimension in AVERAGED_DIMENSIONS
    selected = indicator.slug if indicator else ""
    return {
        "form": form,
        "indicator": indicator,
        # Written here as the comparison's selects are: an unknown indicator's select shows 文章数, as the tiles do.
        "select": QuickSelect(choices=form.fields["indicator"].choices).render(
            "indicator", selected, attrs={"id": "tile-indicator"}
        ),
        "unit": unit,
        "averaged": averaged,
        "tiles": province_tiles(zones, values, averaged=averaged),
        "levels": range(1, LEVELS + 1),
    }


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
        self.archive = selectors.archive_counts()
        return selectors.zones_with_counts(self.archive)

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
        groups = []
        for name, zones in group_by_province(objects):
            # Zones with articles first; the rest follow, muted, so 150 empty names do not
            # weigh as much as the zones a reader came for.
            active = [z for z in zones if z.article_count]
            groups.append({
                "name": name, "slug": slugs.get(name, ""), "zones": zones, "with_articles": len(active),
                "active": active, "empty": [z for z in zones if not z.article_count],
            })
        # Every name the template reads is set: a name it misses costs a failed lookup per use.
        context = {"provinces": groups, "zone_count": len(objects), "province": "", "ranked": None}
        if filterset.form.cleaned_data.get("sort") == "articles":
            context["ranked"] = [z for z in objects if z.article_count]
            context["unranked"] = [z for z in objects if not z.article_count]
        if not filterset.form.cleaned_data.get("province"):
            context["tile_grid"] = tile_grid(self.request, objects, self.archive)
        return context


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
        province = context["province"] = filterset.form.cleaned_data["province"]
        context["title"] = f"{province}的高新区"
        zone_ids = list(Zone.objects.filter(province=province).values_list("pk", flat=True))
        context["articles"], context["article_total"] = selectors.province_articles(province, zone_ids, self.archive)
        context["initiatives"], context["initiative_total"] = selectors.province_initiatives(zone_ids, self.archive)
        context["figures"], context["figure_total"] = selectors.province_figures(zone_ids, self.archive)
        return context


def zone_detail(request, slug):
    zone = get_object_or_404(Zone, slug=slug)
    archive = selectors.archive_counts()
    timeline = selectors.zone_years(zone, archive)
    own, mentioned, own_total, mentioned_total = selectors.zone_page_articles(zone, timeline)
    initiatives, category_totals = selectors.zone_initiatives(zone, archive)
    measured, targets, figures_cut = selectors.zone_indicator_values(zone, archive)
    unclassified, unclassified_total = selectors.zone_unclassified_metrics(zone, archive)
    groups, charts = indicator_groups(zone, measured, targets)
    by_category = []
    for category, group in groupby(initiatives, key=lambda i: i.category):
        group = list(group)
        by_category.append(
            {"category": category, "label": group[0].get_category_display(), "initiatives": group,
             "total": category_totals.get(category, len(group))}
        )
    initiative_count = sum(category_totals.values())
    context = {
        "zone": zone,
        "section": "zones",
        "article_total": own_total + mentioned_total,
        "own_articles": own,
        "own_total": own_total,
        "mentioned_articles": mentioned,
        "mentioned_total": mentioned_total,
        "initiative_groups": by_category,
        "initiative_count": initiative_count,
        "initiatives_left_out": initiative_count - len(initiatives),
        "indicator_groups": groups,
        "indicator_figures_cut": figures_cut,
        "charts": charts,
        "unclassified": unclassified,
        "unclassified_total": unclassified_total,
        "metric_total": sum(figures for _year, _articles, figures, _mentioning in timeline),
        "timeline": timeline,
        "province_slug": province_slugs().get(zone.province, ""),
    }
    return render(request, "zones/detail.html", context)


def compare(request):
    """``/compare/?zones=huaibei,yantai``: 2-4 zones side by side; ``format=json`` or ``csv`` too."""
    archive = selectors.archive_counts()
    form = CompareForm(request.GET, queryset=selectors.zones_with_counts(archive))
    fmt = request.GET.get("format", "html")
    if fmt not in ("json", "csv"):
        fmt = "html"
    valid = form.is_valid()
    if fmt != "html" and not valid:
        return JsonResponse(
            {"error": "比较条件无效", "fields": error_fields(form)}, status=400,
            json_dumps_params={"ensure_ascii": False},
        )
    context = {"section": "zones", "form": form, "selects": _compare_selects(form.chosen)}
    if not valid:
        # No zones yet, or just one (a zone page's 比较 link): a question, not a mistake.
        context["one_chosen"] = form.has_error("zones", "count") and len(form.chosen) == 1
        asking = not form.is_bound or context["one_chosen"]
        return render(request, "zones/compare.html", context, status=200 if asking else 400)
    zones = form.cleaned_data["zones"]
    comparison = Comparison.of(
        zones,
        initiatives=selectors.compare_initiatives(zones, archive),
        figures=selectors.compare_figures(zones, archive),
        years=selectors.compare_years(zones, archive),
    )
    if fmt == "json":
        return JsonResponse(comparison.as_json(), json_dumps_params={"ensure_ascii": False})
    if fmt == "csv":
        return _compare_csv(zones, comparison)
    context.update(
        comparison=comparison,
        zones=zones,
        charts=comparison.charts(),
        slugs=",".join(zone.slug for zone in zones),
    )
    return render(request, "zones/compare.html", context)


def _compare_selects(chosen):
    """The form's COMPARE_MAX selects of every zone by province, the chosen zones selected."""
    options = [("", "（不选）")] + [
        (province or "未知省份", [(slug, name) for slug, name, _ in group])
        for province, group in groupby(
            Zone.objects.order_by("province", "name").values_list("slug", "name", "province"),
            key=lambda row: row[2],
        )
    ]
    slugs = ([zone.slug for zone in chosen] + [""] * COMPARE_MAX)[:COMPARE_MAX]
    return [
        QuickSelect(choices=options).render("zones", slug, attrs={"id": f"compare-zone-{n}"})
        for n, slug in enumerate(slugs, start=1)
    ]


def _compare_csv(zones, comparison):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = "compare-" + "-".join(zone.slug for zone in zones) + ".csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # spreadsheet programs then read the Chinese as UTF-8
    writer = csv.writer(response)
    writer.writerow(CSV_HEADER)
    for row in comparison.csv_rows():
        writer.writerow([csv_cell(cell) for cell in row])
    return response


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
