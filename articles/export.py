"""The whole knowledge base as one dict, in the ``export_kb`` shape of the design notes.

The per-item builders are the ones the JSON API uses (``articles.serializers``),
re-exported here so both renderings stay the same by construction. They expect
their related rows loaded already; the querysets below show how:

  zone_item(zone)                     no relation
  article_item(article, body=True)    select_related("zone", "source"), prefetch_related("zones")
  initiative_item(initiative)         select_related("zone", "type")
  metric_item(metric)                 select_related("zone", "indicator"),
                                      prefetch_related("mentions") (the public ones unless hidden are asked for)

Every list is ordered by id, so two exports of the same database are byte-identical.
"""
from django.db.models import Prefetch

from articles import selectors
from articles.models import Article, Initiative, InitiativeMention, Metric
from core.serializers import (
    ARTICLE_PREFETCH,
    ARTICLE_SELECT,
    INITIATIVE_SELECT,
    METRIC_SELECT,
    article_item,
    initiative_item,
    metric_item,
    zone_item,
)
from zones.models import Zone

__all__ = ["article_item", "build_export", "initiative_item", "metric_item", "zone_item"]


def _with_hidden(item, obj, include_hidden):
    if include_hidden:
        item["hidden"] = obj.hidden
    return item


def build_export(*, include_hidden=False):
    """Zones, articles, initiatives and metrics; hidden items only if ``include_hidden``.

    A metric goes with the article it was first stated in when that is hidden,
    and lists only the statements of shown articles; an initiative may be named
    by several articles and has its own flag.
    """
    articles = Article.objects.select_related(*ARTICLE_SELECT).prefetch_related(*ARTICLE_PREFETCH)
    mentions = InitiativeMention.objects.only("initiative_id", "article_id")
    initiatives = Initiative.objects.with_first_mention(public=not include_hidden).select_related(
        *INITIATIVE_SELECT
    )
    metrics = Metric.objects.select_related(*METRIC_SELECT)
    if include_hidden:
        metrics = metrics.prefetch_related("mentions")
    else:
        articles = articles.visible()
        mentions = mentions.visible()
        initiatives = initiatives.visible()
        metrics = metrics.visible().prefetch_related(selectors.metric_mentions())
    initiatives = initiatives.prefetch_related(Prefetch("mentions", queryset=mentions))

    article_rows = []
    for article in articles.order_by("pk"):
        item = article_item(article, body=True)
        item["byline"] = article.byline
        item["captions"] = list(article.captions)
        item["headings"] = list(article.headings or [])
        article_rows.append(_with_hidden(item, article, include_hidden))

    initiative_rows = []
    for initiative in initiatives.order_by("pk"):
        item = initiative_item(initiative)
        item["mentions"] = sorted({m.article_id for m in initiative.mentions.all()})
        initiative_rows.append(_with_hidden(item, initiative, include_hidden))

    return {
        "zones": [zone_item(zone) for zone in Zone.objects.order_by("pk")],
        "articles": article_rows,
        "initiatives": initiative_rows,
        "metrics": [
            _with_hidden(metric_item(metric), metric, include_hidden)
            for metric in metrics.order_by("pk")
        ],
    }
