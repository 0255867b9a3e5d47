"""What a page's initiatives and metrics are compared with, read once for the page."""
from django.db.models import Min

from articles import identity
from articles.models import Initiative, InitiativeMention, InitiativeType, Metric, MetricMention


class PageReads:
    """The stored rows a page's initiatives and metrics are compared with, one query per kind.

    Read after the page's articles are stored (an article's zone, which keys its
    facts, may be a curator's) and kept current while the page is written: an
    initiative or a metric one article creates or changes is the row the next
    article of the page finds, as if each had read the table itself.

    ``articles``: [(article, initiative groups, metric groups, new_article)].
    """

    def __init__(self, articles):
        old = [article.pk for article, _i, _m, new in articles if not new]
        initiative_keys = {key for _a, groups, _m, _n in articles for key in groups}
        metric_keys = {key for _a, _i, groups, _n in articles for key in groups}
        self.initiative_mentions, self.metric_mentions = {}, {}
        if old:
            for mention in InitiativeMention.objects.filter(article__in=old).order_by("pk"):
                self.initiative_mentions.setdefault(mention.article_id, []).append(mention)
            by_pk = {}
            for mention in MetricMention.objects.filter(article__in=old).select_related("metric").order_by("pk"):
                mention.metric = by_pk.setdefault(mention.metric_id, mention.metric)
                self.metric_mentions.setdefault(mention.article_id, []).append(mention)
        self.initiatives = {
            i.key: i for i in Initiative.objects.filter(key__in=initiative_keys).order_by()
        } if initiative_keys else {}
        zones = {article.zone for article, groups, _m, _n in articles if set(groups) - set(self.initiatives)}
        self.initiatives.update(_merged_into(zones, initiative_keys - set(self.initiatives)))
        # Its first article (lowest id among its mentions) is the one whose reading it keeps;
        # by key, as an initiative the page creates has no id until the page's rows are inserted.
        self.first_article = dict(
            Initiative.objects.filter(pk__in=[i.pk for i in self.initiatives.values()])
            .order_by()
            .annotate(first=Min("mentions__article"))
            .filter(first__isnull=False)
            .values_list("key", "first")
        ) if self.initiatives else {}
        slugs = {
            fact.type for _a, groups, _m, _n in articles for facts in groups.values() for fact in facts if fact.type
        }
        self.types = {t.slug: t for t in InitiativeType.objects.filter(slug__in=slugs)} if slugs else {}
        self.metrics = {mention.metric.key: mention.metric for mentions in self.metric_mentions.values()
                        for mention in mentions}
        self.readings = {}  # metric pk -> {article pk: its reading of the figure}
        self.lost = {}  # metric pk -> metric, stated before by an article that no longer states it
        missing = metric_keys - set(self.metrics)
        if missing:
            self.metrics.update((m.key, m) for m in Metric.objects.filter(key__in=missing).order_by())

    def first_article_of(self, initiative):
        return self.first_article.get(initiative.key)

    def named(self, initiative, article):
        """Record that ``article`` names ``initiative`` (its first article may be this one now)."""
        first = self.first_article.get(initiative.key, article.pk)
        self.first_article[initiative.key] = min(first, article.pk)

    def unnamed(self, initiative_ids):
        """Mentions of these initiatives were deleted: their first articles are read again."""
        rows = (
            Initiative.objects.filter(pk__in=initiative_ids)
            .order_by()
            .annotate(first=Min("mentions__article"))
            .values_list("key", "first")
        )
        for key, first in rows:
            if first is None:
                self.first_article.pop(key, None)
            else:
                self.first_article[key] = first


def _merged_into(zones, keys):
    """{key: survivor} for keys naming an initiative a curator merged into another, in ``zones``."""
    if not keys or not zones:
        return {}
    found = {}
    for initiative in _merge_survivors(zones):
        for alias in initiative.aliases:
            key = identity.initiative_key(initiative.zone_id, alias)
            if key in keys:
                found[key] = initiative
    return found


def _merge_survivors(zones):
    """The initiatives of ``zones`` (None: no zone) that others were merged into: those with aliases,
    read through initiative_merged_idx, never the zones' every initiative."""
    zone_ids = [zone.pk for zone in zones if zone is not None]
    merged = Initiative.objects.exclude(aliases=[]).order_by()
    if None not in zones:
        return merged.filter(zone__in=zone_ids)
    # Apart, not OR-ed: SQLite would read each side through the plain zone index.
    without_zone = merged.filter(zone__isnull=True)
    return merged.filter(zone__in=zone_ids).union(without_zone, all=True) if zone_ids else without_zone
