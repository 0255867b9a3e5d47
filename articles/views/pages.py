from django.db.models import Count, F, Prefetch, Q
from django.shortcuts import get_object_or_404, render

from zones.filters import zone_list_queryset
from zones.models import Zone
from zones.views import group_by_province, province_slugs

from . import serializers
from .body import paragraphs, with_headings
from .charts import latest_per_zone, metric_charts
from .filters import ArticleFilterSet, InitiativeFilterSet, MetricFilterSet
from .listing import FacetSpec, ListEndpoint
from .models import Article, Initiative, InitiativeMention, Metric
from .search import snippet

NEWEST = (F("year").desc(nulls_last=True), "-created_at", "pk")


# A list shows titles and a snippet of the body: the article's original text,
# the segmented search columns and its source page's whole text go unread.
LIST_DEFERRED = (
    "original_text", "search_title", "search_head", "search_body",
    "captions", "headings", "ingested_values", "curated_fields",
)


def article_queryset():
    # The zones an article mentions are listed by name and linked by slug.
    mentioned = Prefetch("zones", queryset=Zone.objects.only("pk", "name", "slug"))
    return (
        Article.objects.visible()
        .select_related(*serializers.ARTICLE_SELECT)
        .prefetch_related(mentioned)
        .defer(*LIST_DEFERRED, "source__text")
        .order_by(F("year").desc(nulls_last=True), "source__name", "position")
    )


def initiative_queryset():
    return (
        Initiative.objects.visible()
        .select_related(*serializers.INITIATIVE_SELECT)
        .annotate(
            article_count=Count(
                "mentions__article", filter=Q(mentions__article__hidden=False), distinct=True
            )
        )
        .order_by("zone__province", "zone__name", "name")
    )


def metric_queryset():
    # A figure from a hidden article would link to a page that does not exist.
    return (
        Metric.objects.visible()
        .filter(article__hidden=False)
        .select_related(*serializers.METRIC_SELECT)
        .order_by("label", "zone__name", F("year").desc(nulls_last=True), "article_id", "offset")
    )


PROVINCE_FACET = FacetSpec("province", "省份", "zone__province", limit=40)


class ArticleList(ListEndpoint):
    filterset_class = ArticleFilterSet
    template_name = "articles/list.html"
    title = "文章"
    section = "articles"
    csv_filename = "articles"
    csv_filename_params = ("zone", "year", "kind")
    api_url_name = "api:articles"
    facet_specs = (
        PROVINCE_FACET,
        FacetSpec("zone", "高新区", "zones__name", value_field="zones__slug", limit=15),
        FacetSpec("year", "年份", "year", order=("-year",), limit=15),
        FacetSpec("kind", "体裁", "kind", labels=dict(Article.Kind.choices)),
    )

    def get_queryset(self):
        return article_queryset()

    def item(self, article, filterset):
        item = serializers.article_item(article, body=False)
        result = filterset.search_result
        if result is not None:
            item["snippet"] = str(snippet(article.body, result.terms))
        return item

    def get_extra_context(self, filterset, objects):
        result = filterset.search_result
        for article in objects:
            article.snippet = snippet(article.body, result.terms) if result else None
        return {}


class InitiativeList(ListEndpoint):
    filterset_class = InitiativeFilterSet
    template_name = "articles/initiative_list.html"
    title = "党建举措"
    section = "initiatives"
    csv_filename = "initiatives"
    csv_filename_params = ("zone", "category")
    api_url_name = "api:initiatives"
    facet_specs = (
        FacetSpec("category", "类别", "category", labels=dict(Initiative.Category.choices)),
        PROVINCE_FACET,
        FacetSpec("zone", "高新区", "zone__name", value_field="zone__slug", limit=15),
    )

    def get_queryset(self):
        return initiative_queryset()

    def item(self, initiative, filterset):
        item = serializers.initiative_item(initiative)
        item["article_count"] = initiative.article_count
        return item


class MetricList(ListEndpoint):
    filterset_class = MetricFilterSet
    template_name = "articles/metric_list.html"
    title = "数据指标"
    section = "metrics"
    csv_filename = "metrics"
    csv_filename_params = ("zone", "year")
    api_url_name = "api:metrics"
    facet_specs = (
        FacetSpec("label", "指标", "label", limit=15),
        FacetSpec("unit", "单位", "unit", limit=12),
        FacetSpec("year", "年份", "year", order=("-year",), limit=12),
        FacetSpec("qualifier", "限定", "qualifier", labels=dict(Metric.Qualifier.choices)),
        PROVINCE_FACET,
        FacetSpec("zone", "高新区", "zone__name", value_field="zone__slug", limit=15),
    )

    def get_queryset(self):
        return metric_queryset()

    def item(self, metric, filterset):
        return serializers.metric_item(metric)

    def get_extra_context(self, filterset, objects):
        """The chart compares zones on one label: the chosen one, else the commonest."""
        label = filterset.form.cleaned_data.get("label")
        if not label:
            top = (
                filterset.qs.order_by()
                .values("label")
                .annotate(n=Count("pk"))
                .order_by("-n", "label")
                .first()
            )
            label = top["label"] if top else ""
        charts = []
        if label:
            chart_metrics = filterset.qs.filter(label=label).order_by(
                F("normalized_value").desc(nulls_last=True)
            )[:200]
            charts = metric_charts(
                latest_per_zone(chart_metrics),
                name=lambda m: " ".join(
                    str(part) for part in ((m.zone.name if m.zone else "未知高新区"), m.year) if part
                ),
                title=f"{label}：各高新区比较（每区取最新一项，{{unit}}计）",
            )
        return {"chart_label": label, "charts": charts}


def home(request):
    zones = list(zone_list_queryset())
    slugs = province_slugs()
    provinces = [
        {"name": name, "slug": slugs.get(name, ""), "zones": group}
        for name, group in group_by_province(zones)
    ]
    categories = [
        {"value": row["category"], "label": Initiative.Category(row["category"]).label, "n": row["n"]}
        for row in Initiative.objects.visible()
        .values("category")
        .annotate(n=Count("pk"))
        .order_by("-n", "category")[:8]
        if row["category"] in Initiative.Category.values
    ]
    context = {
        "section": "home",
        "counts": {
            "zones": len(zones),
            "zones_with_articles": sum(1 for z in zones if z.article_count),
            "articles": Article.objects.visible().count(),
            "initiatives": Initiative.objects.visible().count(),
            "metrics": Metric.objects.visible().filter(article__hidden=False).count(),
        },
        "provinces": provinces,
        "latest": Article.objects.visible().select_related("zone").order_by(*NEWEST)[:8],
        "categories": categories,
    }
    return render(request, "home.html", context)


def article_detail(request, pk):
    article = get_object_or_404(
        Article.objects.visible().select_related("zone", "source").prefetch_related("zones"),
        pk=pk,
    )
    metrics = list(article.metrics.visible().select_related("zone").order_by("offset", "pk"))
    mentions = list(
        article.initiative_mentions.filter(initiative__hidden=False)
        .select_related("initiative")
        .order_by("offset", "pk")
    )
    facts = [(f"m{m.pk}", m.sentence, m.offset) for m in metrics]
    facts += [(f"im{m.pk}", m.sentence, m.offset) for m in mentions]
    body, placed = paragraphs(article.body, facts)

    initiatives = {}
    for mention in mentions:  # one row per initiative, linked to its first sentence
        entry = initiatives.setdefault(
            mention.initiative_id, {"initiative": mention.initiative, "anchor": None}
        )
        if entry["anchor"] is None and f"im{mention.pk}" in placed:
            entry["anchor"] = f"im{mention.pk}"

    context = {
        "section": "articles",
        "article": article,
        "paragraphs": with_headings(body, article.headings),
        "metrics": [(m, f"m{m.pk}" in placed) for m in metrics],
        "initiatives": list(initiatives.values()),
        "related": related_articles(article, set(initiatives)),
        "same_page": Article.objects.visible()
        .filter(source_id=article.source_id)
        .exclude(pk=article.pk)
        .order_by("position")
        .only("pk", "title", "position"),
    }
    return render(request, "articles/detail.html", context)


def related_articles(article, initiative_ids, limit=6):
    """Articles sharing an initiative with this one first, then others of the same zone."""
    shared = Count(
        "initiative_mentions__initiative",
        filter=Q(initiative_mentions__initiative__in=initiative_ids),
        distinct=True,
    )
    same_zone = Q(zone_id=article.zone_id) if article.zone_id else Q(pk__in=[])
    return (
        Article.objects.visible()
        .exclude(pk=article.pk)
        .annotate(shared=shared)
        .filter(same_zone | Q(shared__gt=0))
        .select_related("zone")
        .order_by("-shared", *NEWEST)[:limit]
    )


def initiative_detail(request, pk):
    initiative = get_object_or_404(Initiative.objects.visible().select_related("zone"), pk=pk)
    mentions = list(
        InitiativeMention.objects.filter(initiative=initiative, article__hidden=False)
        .select_related("article", "article__zone")
        .order_by(F("article__year").desc(nulls_last=True), "article_id", "offset")
    )
    articles = list({m.article_id: m.article for m in mentions}.values())
    context = {
        "section": "initiatives",
        "initiative": initiative,
        "mentions": mentions,
        "articles": articles,
    }
    return render(request, "articles/initiative_detail.html", context)

