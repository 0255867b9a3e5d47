"""The lists of articles, initiatives and figures, in the orders their indexes serve."""
from django.db.models import F, Prefetch

from articles.models import Article, Initiative, InitiativeMention, Metric, MetricMention, Source
from core import serializers
from zones.models import Zone

from ._counts import _count_of

# Newest first -- by publication date, else year; undated articles last on every
# database (PostgreSQL sorts NULL first in a descending order, SQLite last); the
# newer page first, then its articles in page order. Every list of articles uses
# this order, which the index article_newest_idx (migration 0013) serves, so a
# deep page or a zone's newest articles read the index, not a sort of the table.
NEWEST = (F("date").desc(nulls_last=True), F("year").desc(nulls_last=True), "-source_id", "position")

# A list shows titles and a snippet of the body: the article's original text,
# the segmented search columns and its source page's whole text go unread.
LIST_DEFERRED = (
    "original_text", "search_title", "search_head", "search_body",
    "captions", "headings", "ingested_values", "curated_fields",
)


# What a line of a page's list of articles shows (kb_tables.article_lines, on /articles/
# and /search/): its title and a snippet or the opening of its body, its zone, kind,
# date or year, page and authors. Read alone: 20 rows cost a search 2.0 -> 1.2 ms.
ARTICLE_LINE = (
    "title", "body", "kind", "date", "year", "authors", "zone__name", "zone__slug", "source__page_name",
)


def article_list(*, items=True):
    """The public articles, newest first.

    ``items``: the zones each article names and its other pages are read too, as
    its API item lists them (``serializers.article_item``); a page's list shows
    neither, and spares the two queries.
    """
    articles = (
        Article.objects.visible()
        .select_related(*serializers.ARTICLE_SELECT)
        .defer(*LIST_DEFERRED, "source__text")
        .order_by(*NEWEST)
    )
    if not items:
        return articles
    # The zones an article mentions are listed by name and linked by slug.
    mentioned = Prefetch("zones", queryset=Zone.objects.only("pk", "name", "slug"))
    return articles.prefetch_related(mentioned, _other_sources())


def _other_sources():
    # Their page text is never shown with an article.
    return Prefetch("sources", queryset=Source.objects.defer("text").order_by("date", "pk"))



# Initiatives by zone (ids follow the reference list, province by province), then name:
# the order of the index initiative_list_idx (migration 0018), so a page reads its rows,
# not a sort of every initiative; on both databases the zoneless come first.
INITIATIVE_ORDER = (F("zone_id").asc(nulls_first=True), "name", "pk")


# What a page's list shows of an initiative, its zone and its type (a name, a link, a category).
INITIATIVE_SHOWN = (
    "name", "category", "zone__name", "zone__slug", "zone__province", "type__name", "type__slug",
)


def initiative_list(*, items=True):
    """The public initiatives, by zone then name, each with its first mention and its article count.

    ``items``: every column is read, as the API's item lists them; a page's list reads
    only what it shows (INITIATIVE_SHOWN), not the JSON columns and times of each row,
    its zone's and its type's.
    """
    # The counts are correlated subqueries: computed for the rows shown, not grouped over all.
    initiatives = (
        Initiative.objects.visible()
        .with_first_mention()
        .select_related(*serializers.INITIATIVE_SELECT)
        .annotate(article_count=_count_of(InitiativeMention.objects.visible(), "initiative", "article"))
        .order_by(*INITIATIVE_ORDER)
    )
    return initiatives if items else initiatives.only(*INITIATIVE_SHOWN)


def metric_mentions():
    """Prefetch of each metric's statements the public sees (``serializers.metric_item``)."""
    return Prefetch(
        "mentions",
        queryset=MetricMention.objects.visible().only("metric_id", "article_id", "sentence"),
    )


# Figures by label, zone, newest year: the order of the index metric_list_idx (migration 0018).
METRIC_ORDER = ("label", "zone_id", F("year").desc(nulls_last=True), "article_id", "offset")


def metric_list():
    return (
        Metric.objects.visible()
        .select_related(*serializers.METRIC_SELECT)
        .defer(*serializers.METRIC_DEFERRED)
        .prefetch_related(metric_mentions())
        .order_by(*METRIC_ORDER)
    )
