"""Browsing pages: home, the article and initiative lists, and their detail pages.

The metric list, with its comparison of zones on an indicator, is in indicators.py.
"""
from django.http import Http404
from django.shortcuts import render

from articles import selectors
from articles.body import paragraphs, with_headings
from articles.filters import ArticleFilterSet, InitiativeFilterSet
from articles.models import Article, Initiative
from articles.search import snippet
from core import serializers
from core.facets import FacetSpec
from core.listing import CitationFormats, ListEndpoint
from zones.views import busiest_zones, tile_grid

PROVINCE_FACET = FacetSpec("province", "省份", "zone__province", limit=40)


class ArticleList(CitationFormats, ListEndpoint):
    filterset_class = ArticleFilterSet
    template_name = "articles/list.html"
    title = "文章"
    section = "articles"
    csv_filename = "articles"
    csv_filename_params = ("zone", "year", "kind")
    api_url_name = "api:articles"
    # selectors.NEWEST ends with the source page and the place on it, unique together.
    total_order = True
    facet_specs = (
        PROVINCE_FACET,
        FacetSpec("zone", "高新区", "zones__name", value_field="zones__slug", limit=15),
        FacetSpec("year", "年份", "year", order=("-year",), limit=15),
        FacetSpec("kind", "体裁", "kind", labels=dict(Article.Kind.choices)),
    )

    def get_queryset(self):
        if self.renders_html():
            return selectors.article_list(items=False).only(*selectors.ARTICLE_LINE)
        return selectors.article_list()

    def get_list(self, filterset):
        result = filterset.search_result
        return result.ranked if result is not None else filterset.qs

    tally_field = "articles"

    def stored_tally(self, filterset):
        return selectors.archive_counts() if self.unfiltered(filterset) else None

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
    csv_filename_params = ("zone", "category", "type")
    api_url_name = "api:initiatives"
    facet_specs = (
        FacetSpec("category", "类别", "category", labels=dict(Initiative.Category.choices)),
        FacetSpec("type", "类型", "type__name", value_field="type__slug"),
        PROVINCE_FACET,
        FacetSpec("zone", "高新区", "zone__name", value_field="zone__slug", limit=15),
    )

    def get_queryset(self):
        return selectors.initiative_list(items=not self.renders_html())

    tally_field = "initiatives"

    def stored_tally(self, filterset):
        return selectors.archive_counts() if self.unfiltered(filterset) else None

    def item(self, initiative, filterset):
        item = serializers.initiative_item(initiative)
        item["article_count"] = initiative.article_count
        return item


def home(request):
    archive = selectors.archive_counts()
    # Only what the tiles and the busiest list show: a zone's JSON columns and times,
    # parsed for every zone of the table, were a third of reading them.
    zones = list(selectors.zones_with_counts(archive).only("name", "slug", "province"))
    context = {
        "section": "home",
        "counts": {
            "zones": len(zones),
            "zones_with_articles": sum(1 for z in zones if z.article_count),
            **selectors.home_counts(archive),
        },
        "tile_grid": tile_grid(request, zones, archive),
        "busiest": busiest_zones(zones),
        "latest": selectors.latest_articles(),
        "categories": selectors.top_initiative_categories(archive=archive),
    }
    return render(request, "home.html", context)


def article_detail(request, pk):
    try:
        article = selectors.article_detail(pk)
    except Article.DoesNotExist:
        raise Http404("没有这篇文章") from None
    metrics, mentions = selectors.article_facts(article)
    facts = [(f"m{m.pk}", m.here_sentence, m.here_offset) for m in metrics]
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
        "related": selectors.related_articles(article, set(initiatives)),
        "same_page": selectors.same_page_articles(article),
    }
    return render(request, "articles/detail.html", context)


def initiative_detail(request, pk):
    try:
        initiative, mentions = selectors.initiative_detail(pk)
    except Initiative.DoesNotExist:
        raise Http404("没有这项举措") from None
    articles = list({m.article_id: m.article for m in mentions}.values())
    context = {
        "section": "initiatives",
        "initiative": initiative,
        "mentions": mentions,
        "articles": articles,
    }
    return render(request, "articles/initiative_detail.html", context)
