"""An article's page (its facts, its page's other articles, related articles) and an initiative's page."""
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from articles.models import Article, Initiative, InitiativeMention, Metric, MetricMention
from core import serializers

from .lists import NEWEST, _other_sources, metric_mentions

# Related articles: at most this many mention rows are read to find articles
# sharing a programme, however often the programme is named.
RELATED_MENTION_ROWS = 400


def article_detail(pk):
    return (
        Article.objects.visible()
        .select_related("zone", "source")
        .defer("source__text")
        .prefetch_related("zones", _other_sources())
        .get(pk=pk)
    )


def article_facts(article):
    """(figures, initiative mentions) of an article, in body order.

    Every figure the article states is listed, also one first stated in another
    article (a figure is one metric however often it is stated): ``here_sentence``
    and ``here_offset`` are where this article first states it.
    """
    here = MetricMention.objects.filter(metric=OuterRef("pk"), article=article).order_by("offset", "pk")
    # The ids first: "stated here or first stated here" as two index lookups, where an
    # EXISTS or'ed with the article would test every figure of the archive.
    stated = list(MetricMention.objects.filter(article=article).values_list("metric_id", flat=True))
    metrics = list(
        Metric.objects.visible()
        .filter(Q(pk__in=stated) | Q(article=article))
        .annotate(
            here_sentence=Coalesce(Subquery(here.values("sentence")[:1]), F("sentence")),
            here_offset=Coalesce(Subquery(here.values("offset")[:1]), F("offset")),
        )
        .select_related(*serializers.METRIC_SELECT)
        .defer(*serializers.METRIC_DEFERRED)
        .prefetch_related(metric_mentions())
        .order_by("here_offset", "pk")
    )
    mentions = list(
        InitiativeMention.objects.visible()
        .filter(article=article)
        .select_related("initiative")
        .order_by("offset", "pk")
    )
    return metrics, mentions


def same_page_articles(article):
    return (
        Article.objects.visible()
        .filter(source_id=article.source_id)
        .exclude(pk=article.pk)
        .order_by("position")
        .only("pk", "title", "position")
    )


def related_articles(article, initiative_ids, limit=6):
    """Articles sharing an initiative with this one first, then others of the same zone.

    Bounded by design: at most RELATED_MENTION_ROWS mention rows and ``limit``
    articles of the zone are read, whatever the size of the article or zone.
    """
    shared = {}
    if initiative_ids:
        rows = (
            InitiativeMention.objects.filter(initiative_id__in=list(initiative_ids))
            .exclude(article_id=article.pk)
            .order_by("-article_id")
            .values_list("article_id", "initiative_id")[:RELATED_MENTION_ROWS]
        )
        for article_id, initiative_id in rows:
            shared.setdefault(article_id, set()).add(initiative_id)
    candidates = sorted(shared, key=lambda pk: (-len(shared[pk]), -pk))[: limit * 2]
    if article.zone_id:
        same_zone = (
            Article.objects.visible()
            .filter(zone_id=article.zone_id)
            .exclude(pk=article.pk)
            .order_by(*NEWEST)
            .values_list("pk", flat=True)[:limit]
        )
        candidates += [pk for pk in same_zone if pk not in shared]
    rows = {
        a.pk: a
        for a in Article.objects.visible()
        .filter(pk__in=candidates)
        .select_related("zone")
        .only("pk", "title", "year", "zone__name", "zone__slug", "created_at")
    }
    return [rows[pk] for pk in candidates if pk in rows][:limit]


def initiative_detail(pk):
    initiative = Initiative.objects.visible().with_first_mention().select_related("zone", "type").get(pk=pk)
    mentions = list(
        InitiativeMention.objects.visible()
        .filter(initiative=initiative)
        .select_related("article", "article__zone")
        .order_by(F("article__year").desc(nulls_last=True), "article_id", "offset")
    )
    return initiative, mentions
