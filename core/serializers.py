"""Plain-dict renderings of the knowledge base, shared by export_kb, the JSON API and CSV.

Each builder expects its related rows to be loaded already (see the
``*_SELECT`` and ``*_PREFETCH`` constants) so a list renders without a query
per item.

Builders give the site's own links (``url``) as paths; a response hands its
items to ``with_absolute_urls`` so a script or a spreadsheet gets addresses it
can open. export_kb has no request and keeps the paths.
"""
import html

from django.utils.html import strip_tags

ZONE_FIELDS = ("slug", "name", "full_name", "aliases", "province", "city", "level")

ARTICLE_SELECT = ("zone", "source")
ARTICLE_PREFETCH = ("zones", "sources")
INITIATIVE_SELECT = ("zone", "type")
METRIC_SELECT = ("zone", "indicator")
# What no rendering of a figure (item, table row, article page) reads: its curation record
# and timestamps, its zone's and indicator's other columns -- JSON lists decoded per row.
METRIC_DEFERRED = (
    "curated_fields", "ingested_values", "created_at", "updated_at",
    "zone__full_name", "zone__aliases", "zone__description", "zone__curated_fields",
    "zone__created_at", "zone__updated_at",
    "indicator__synonyms", "indicator__patterns", "indicator__description", "indicator__curated_fields",
)
# metric_item also reads ``metric.mentions.all()``: prefetch the mentions the reader
# may see (articles.selectors.metric_mentions), or every mention for a full export.


def zone_item(zone):
    item = {field: getattr(zone, field) for field in ZONE_FIELDS}
    item["approval_year"] = zone.approval_year
    item["url"] = zone.get_absolute_url()
    return item


def article_item(article, body=True):
    item = {
        "id": article.pk,
        "title": article.title,
        "kicker": article.kicker,
        "subtitle": article.subtitle,
        "authors": list(article.authors),
        "source": article.source.name,
        "position": article.position,
        "zone": article.zone.name if article.zone_id else None,
        "zones": [zone.name for zone in article.zones.all()],
        "kind": article.kind,
        "year": article.year,
        "date": article.date.isoformat() if article.date else None,
        "date_source": article.date_source,
        "paper": article.source.paper,
        "page": article.source.page,
        "page_name": article.source.page_name,
        "source_url": article.source.url,
        "sources": [source_item(s) for s in [article.source, *article.sources.all()]],
        "url": article.get_absolute_url(),
    }
    if body:
        item["body"] = article.body
    return item


def source_item(source):
    return {
        "name": source.name,
        "paper": source.paper,
        "date": source.date.isoformat() if source.date else None,
        "page": source.page,
        "page_name": source.page_name,
        "url": source.url,
    }


def initiative_item(initiative):
    return {
        "id": initiative.pk,
        "name": initiative.name,
        "zone": initiative.zone.name if initiative.zone_id else None,
        "category": initiative.category,
        "category_label": initiative.get_category_display(),
        "type": initiative.type.slug if initiative.type_id else None,
        # Its first mention (InitiativeQuerySet.with_first_mention), where the list annotates it.
        "article_id": getattr(initiative, "first_article_id", None),
        "sentence": getattr(initiative, "first_sentence", None) or "",
        "url": initiative.get_absolute_url(),
    }


def initiative_type_item(initiative_type):
    return {
        "slug": initiative_type.slug,
        "name": initiative_type.name,
        "category": initiative_type.category,
        "description": initiative_type.description,
        "synonyms": list(initiative_type.synonyms or ()),
        "url": initiative_type.get_absolute_url(),
    }


def metric_item(metric):
    return {
        "id": metric.pk,
        "zone": metric.zone.name if metric.zone_id else None,
        "label": metric.label,
        "indicator": metric.indicator.slug if metric.indicator_id else None,
        "kind": metric.kind,
        "raw": metric.raw,
        "value": metric.value,
        "value_from": metric.value_from,
        "value_max": metric.value_max,
        "unit": metric.unit,
        "normalized_value": metric.normalized_value,
        "normalized_max": metric.normalized_max,
        "normalized_unit": metric.normalized_unit,
        "qualifier": metric.qualifier,
        "year": metric.year,
        "period": metric.period,
        "sentence": metric.sentence,
        "offset": metric.offset,
        "article_id": metric.article_id,
        # Every statement of the figure, its first (sentence, article_id above) included.
        "mentions": [
            {"article_id": mention.article_id, "sentence": mention.sentence}
            for mention in metric.mentions.all()
        ],
        "url": metric.get_absolute_url(),
    }


def indicator_item(indicator):
    return {
        "slug": indicator.slug,
        "name": indicator.name,
        "dimension": indicator.dimension,
        "units": list(indicator.units or ()),
        "synonyms": list(indicator.synonyms or ()),
        "url": indicator.get_absolute_url(),
    }


def article_citation(article, request=None):
    """What core.citations cites an article by: its byline, title and where it was printed."""
    source = article.source
    return {
        "id": article.pk,
        "title": article.title,
        "authors": list(article.authors),
        "paper": source.paper,
        # When it was printed; a year only its text implies is no publication date.
        "date": article.date,
        "page": source.page,
        "url": absolute_url(article.get_absolute_url(), request),
    }


# The keys holding links to pages of this site (``source_url`` and a source's
# ``url`` are the newspaper's own addresses, absolute already).
SITE_URL_KEYS = ("url",)


def absolute_url(path, request):
    return request.build_absolute_uri(path) if request is not None and path else path


def with_absolute_urls(item, request):
    """``item`` with the site's links as absolute addresses, for the API and CSV."""
    for key in SITE_URL_KEYS:
        if item.get(key):
            item[key] = absolute_url(item[key], request)
    return item


def plain_text(fragment):
    """A highlighted snippet as a spreadsheet should show it: no <mark>, no HTML escapes."""
    return html.unescape(strip_tags(str(fragment)))
