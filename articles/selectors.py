"""Public reads of the knowledge base: what every page, feed, API list and export shows.

Visibility itself is written once, on the QuerySets (``visible()`` in
models.py); this module composes those reads for the pages, so a view only
validates, calls a selector and renders.  ``zones`` reads articles through
here too (zone and province pages, directory counts).
"""
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, Length, RowNumber

from core import serializers
from zones.models import Zone

from . import search, tallies
from .models import (
    Article,
    Indicator,
    Initiative,
    InitiativeMention,
    InitiativeType,
    Metric,
    MetricMention,
    Source,
    Tally,
    Tombstone,
)
from .search.expressions import ListItemContains

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

# Related articles: at most this many mention rows are read to find articles
# sharing a programme, however often the programme is named.
RELATED_MENTION_ROWS = 400


# ---------------------------------------------------------------- lists


def article_list():
    # The zones an article mentions are listed by name and linked by slug.
    mentioned = Prefetch("zones", queryset=Zone.objects.only("pk", "name", "slug"))
    return (
        Article.objects.visible()
        .select_related(*serializers.ARTICLE_SELECT)
        .prefetch_related(mentioned, _other_sources())
        .defer(*LIST_DEFERRED, "source__text")
        .order_by(*NEWEST)
    )


def _other_sources():
    # Their page text is never shown with an article.
    return Prefetch("sources", queryset=Source.objects.defer("text").order_by("date", "pk"))


def _public_article_count():
    return Count("mentions__article", filter=Q(mentions__article__hidden=False), distinct=True)


# Initiatives by zone (ids follow the reference list, province by province), then name:
# the order of the index initiative_list_idx (migration 0018), so a page reads its rows,
# not a sort of every initiative; on both databases the zoneless come first.
INITIATIVE_ORDER = (F("zone_id").asc(nulls_first=True), "name", "pk")


def initiative_list():
    # The counts are correlated subqueries: computed for the rows shown, not grouped over all.
    return (
        Initiative.objects.visible()
        .with_first_mention()
        .select_related(*serializers.INITIATIVE_SELECT)
        .annotate(article_count=_count_of(InitiativeMention.objects.visible(), "initiative", "article"))
        .order_by(*INITIATIVE_ORDER)
    )


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
        .prefetch_related(metric_mentions())
        .order_by(*METRIC_ORDER)
    )


def archive_total(field):
    """The archive's public ``articles``, ``initiatives`` or ``metrics`` if counted since the last write, else None."""
    archive = tallies.fresh()
    return getattr(archive, field) if archive is not None else None


def search_articles(queryset, query, order=search.RELEVANCE):
    """Full-text search of ``queryset``; a query naming a zone or a programme is recognised."""
    return search.search_articles(
        queryset, query, zones=Zone.objects.all(), initiatives=Initiative.objects.visible(), order=order
    )


# The search page lists at most this many initiatives, types, indicators and zones each.
NAMED_PER_KIND = 5


def _names_matching(words, fields, lists=()):
    """Every word (or one of its synonyms) in one of ``fields`` or within an item of ``lists``.

    ``words``: ``search.name_words`` groups; ``lists``: JSON lists of other names (aliases, synonyms).
    """
    condition = Q()
    for group in words:
        in_any = Q()
        for word in group:
            # Chinese has no case: a plain LIKE spares PostgreSQL an UPPER() of every name.
            lookup = "icontains" if any(c.isascii() and c.isalpha() for c in word) else "contains"
            for name in fields:
                in_any |= Q(**{f"{name}__{lookup}": word})
            for name in lists:
                # Most rows have no other names: the empty list is skipped before it is unpacked.
                in_any |= ~Q(**{name: []}) & Q(ListItemContains(name, word))
        condition &= in_any
    return condition


def _count_of(rows, link, counted="pk"):
    """A correlated count of ``rows`` whose ``link`` is the outer row, read only for the rows shown."""
    grouped = rows.filter(**{link: OuterRef("pk")}).order_by().values(link)
    return _aggregate_of(grouped, Count(counted, distinct=True))


def _aggregate_of(grouped, aggregate):
    """``aggregate`` over ``grouped`` (rows of the outer row, grouped by it), 0 where there are none."""
    return Coalesce(Subquery(grouped.annotate(n=aggregate).values("n"), output_field=IntegerField()), Value(0))


def _closest_first(queryset, typed, limit=NAMED_PER_KIND):
    # The name typed exactly, then the shortest names holding it: a name that says little else.
    exact = Case(When(name__in=typed, then=Value(0)), default=Value(1), output_field=IntegerField())
    return queryset.order_by(exact, Length("name"), "name", "pk")[:limit]


def search_named(query, named_zone_ids=()):
    """Initiatives, initiative types, indicators and zones whose names match ``query``.

    ``{kind: [rows]}``, at most NAMED_PER_KIND rows per kind, each with its
    counts: the names are matched, and only the rows shown are checked for
    visibility and counted (types and indicators from the stored counts when fresh),
    never the articles or figures of the whole archive.
    """
    words = search.name_words(query)
    if not words:
        return {}
    typed = [group[0] for group in words]
    # A common word (党建) is in thousands of names: the closest few are taken by name
    # alone, and only those are tested for visibility, which reads their mentions.
    closest = _closest_first(
        Initiative.objects.filter(hidden=False).filter(_names_matching(words, ("name",), ("aliases",))),
        typed,
        limit=NAMED_PER_KIND * 4,
    ).values_list("pk", flat=True)
    initiatives = _closest_first(
        Initiative.objects.visible()
        .filter(pk__in=list(closest))
        .select_related("zone")
        .annotate(article_count=_count_of(InitiativeMention.objects.visible(), "initiative", "article")),
        typed,
    )
    types = _closest_first(
        initiative_type_list().filter(_names_matching(words, ("name",), ("synonyms",))), typed
    )
    indicators = _closest_first(indicator_list().filter(_names_matching(words, ("name",), ("synonyms",))), typed)
    mentions = Article.zones.through.objects.filter(article__hidden=False)
    zones = _closest_first(
        Zone.objects.filter(
            _names_matching(words, ("name", "full_name"), ("aliases",)) | Q(pk__in=list(named_zone_ids))
        )
        .annotate(article_count=_count_of(mentions, "zone", "article")),
        typed,
    )
    found = {
        "initiatives": list(initiatives),
        "types": list(types),
        "indicators": list(indicators),
        "zones": list(zones),
    }
    return {kind: rows for kind, rows in found.items() if rows}


# ---------------------------------------------------------------- detail pages


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


# A selector's ``archive`` not given: it reads the stored counts' freshness itself.
UNREAD = object()


def _archive(archive):
    return tallies.fresh() if archive is UNREAD else archive


def _tallied(kind, field):
    """The stored count ``field`` of the outer row (a ``kind`` tally); 0 when it has none."""
    stored = Tally.objects.filter(kind=kind, ref=OuterRef("pk")).values(field)[:1]
    return Coalesce(Subquery(stored, output_field=IntegerField()), Value(0))


def initiative_type_list():
    """Programme types in their curated order, each with its public initiatives and the zones running them."""
    if tallies.fresh() is not None:
        return InitiativeType.objects.annotate(
            initiative_count=_tallied(Tally.Kind.TYPE, "initiatives"),
            zone_count=_tallied(Tally.Kind.TYPE, "zones"),
        ).order_by("position", "name")
    initiatives = Initiative.objects.visible().filter(type=OuterRef("pk")).order_by().values("type")
    return InitiativeType.objects.annotate(
        initiative_count=_aggregate_of(initiatives, Count("pk")),
        zone_count=_aggregate_of(initiatives, Count("zone", distinct=True)),
    ).order_by("position", "name")


def initiative_type_detail(slug):
    return InitiativeType.objects.get(slug=slug)


def initiative_zone_count(initiatives):
    """How many zones run the initiatives of a list (one query, whatever its length)."""
    return initiatives.order_by().aggregate(n=Count("zone", distinct=True))["n"]


# ---------------------------------------------------------------- zones


def _count(public_rows, zone_field):
    rows = (
        public_rows.filter(**{zone_field: OuterRef("pk")})
        .order_by()
        .values(zone_field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def zones_with_counts(archive=UNREAD):
    """Zones with their public article / initiative / metric counts.

    ``archive``: ``tallies.fresh()`` when the caller has read it already.

    The stored tallies (articles/tallies.py) while no write came after them;
    else counted here, by subqueries rather than joined ``Count``s: three joins
    would multiply a busy zone's rows by each other before counting.
    """
    if _archive(archive) is not None:
        return Zone.objects.annotate(
            article_count=_tallied(Tally.Kind.ZONE, "articles"),
            initiative_count=_tallied(Tally.Kind.ZONE, "initiatives"),
            metric_count=_tallied(Tally.Kind.ZONE, "metrics"),
        ).order_by("province", "name")
    mentions = Article.zones.through
    return Zone.objects.annotate(
        article_count=_count(mentions.objects.filter(article__hidden=False), "zone"),
        # The same rows the zone's own page lists: no facts read only from hidden articles.
        initiative_count=_count(Initiative.objects.visible(), "zone"),
        metric_count=_count(Metric.objects.visible(), "zone"),
    ).order_by("province", "name")


# A zone page shows the newest of its articles and figures; the lists hold the rest.
ZONE_PAGE_ARTICLES = 20
ZONE_PAGE_MENTIONS = 10


def zone_page_articles(zone):
    """(newest own articles, newest articles that mention it, own count, mention count).

    Bounded: two short lists read through the zone indexes and two counts,
    however many articles the zone has.
    """
    own = Article.objects.visible().filter(zone=zone)
    mentioning = Article.objects.visible().filter(zones=zone).exclude(zone=zone)
    shown = ("pk", "title", "kind", "year", "date", "zone_id", "created_at")
    return (
        list(own.only(*shown).order_by(*NEWEST)[:ZONE_PAGE_ARTICLES]),
        list(mentioning.only(*shown).order_by(*NEWEST)[:ZONE_PAGE_MENTIONS]),
        own.count(),
        mentioning.count(),
    )


def zone_years(zone):
    """[(year or None, article count, figure count)], newest first, unknown last: counted, not read."""
    articles = (
        Article.objects.visible().filter(Q(zone=zone) | Q(zones=zone)).order_by()
        .values("year").annotate(n=Count("pk", distinct=True))
    )
    figures = zone.metrics.visible().order_by().values("year").annotate(n=Count("pk"))
    years = {}
    for row in articles:
        years.setdefault(row["year"], [0, 0])[0] = row["n"]
    for row in figures:
        years.setdefault(row["year"], [0, 0])[1] = row["n"]
    ordered = sorted(years, key=lambda y: (y is None, -(y or 0)))
    return [(year, *years[year]) for year in ordered]


ZONE_PAGE_INITIATIVES = 60


def zone_initiatives(zone):
    """(the zone's first ZONE_PAGE_INITIATIVES public initiatives by category and name,
    {category: how many it has}): the list holds the rest."""
    initiatives = zone.initiatives.visible()
    shown = list(
        initiatives.annotate(article_count=_count_of(InitiativeMention.objects.visible(), "initiative", "article"))
        .order_by("category", "name", "pk")[:ZONE_PAGE_INITIATIVES]
    )
    totals = dict(initiatives.order_by().values_list("category").annotate(n=Count("pk")))
    return shown, totals


def zone_feed_articles(zone):
    return Article.objects.visible().filter(Q(zone=zone) | Q(zones=zone)).distinct()


# ---------------------------------------------------------------- indicators

MEASURED_KINDS = Metric.MEASURED_KINDS
TARGET_KINDS = (Metric.Kind.TARGET,)

# Among a zone's figures of one indicator and year: the newest statement of it,
# then the largest; figures without a year come last.
LATEST_FIRST = (
    F("year").desc(nulls_last=True),
    F("article__date").desc(nulls_last=True),
    F("normalized_value").desc(nulls_last=True),
    F("pk").desc(),
)

# Bounds: a comparison lists at most this many zones, an indicator's table this
# many zone-year cells, a zone page this many of its indicators' cells.
COMPARISON_ZONES = 200
INDICATOR_CELLS = 2000
ZONE_INDICATOR_CELLS = 300
ZONE_PAGE_UNCLASSIFIED = 50


def _dimension_order():
    return Case(
        *(When(dimension=value, then=Value(i)) for i, value in enumerate(Indicator.Dimension.values)),
        default=Value(len(Indicator.Dimension.values)),
        output_field=IntegerField(),
    )


def indicator_list():
    """Indicators by dimension, each with its public figures' count and how many zones they are of."""
    if tallies.fresh() is not None:
        return Indicator.objects.annotate(
            metric_count=_tallied(Tally.Kind.INDICATOR, "metrics"),
            zone_count=_tallied(Tally.Kind.INDICATOR, "zones"),
        ).order_by(_dimension_order(), "position", "name")
    figures = Metric.objects.visible().filter(indicator=OuterRef("pk")).order_by().values("indicator")
    return Indicator.objects.annotate(
        metric_count=_aggregate_of(figures, Count("pk")),
        zone_count=_aggregate_of(figures, Count("zone", distinct=True)),
    ).order_by(_dimension_order(), "position", "name")


def indicator_choices():
    """[(dimension label, [(slug, "名称（figures）"), …]), …]: a select of indicators grouped by dimension."""
    labels = dict(Indicator.Dimension.choices)
    groups = {}
    for indicator in indicator_list():
        groups.setdefault(labels.get(indicator.dimension, indicator.dimension), []).append(
            (indicator.slug, f"{indicator.name}（{indicator.metric_count}）")
        )
    return list(groups.items())


def indicator_detail(slug):
    return Indicator.objects.get(slug=slug)


def commonest_indicator(metrics, *, stored=False):
    """The indicator most of ``metrics`` measure, or None: what a comparison shows by default.

    ``stored``: ``metrics`` are all public figures and the stored counts (articles/tallies.py)
    are fresh, so they answer.
    """
    if stored:
        ref = (
            Tally.objects.filter(kind=Tally.Kind.INDICATOR, measured__gt=0)
            .order_by("-measured", "ref").values_list("ref", flat=True).first()
        )
        return Indicator.objects.get(pk=ref) if ref else None
    row = (
        metrics.filter(indicator__isnull=False, kind__in=MEASURED_KINDS)
        .order_by()
        .values("indicator")
        .annotate(n=Count("pk"))
        .order_by("-n", "indicator")
        .first()
    )
    return Indicator.objects.get(pk=row["indicator"]) if row else None


def comparison_unit(metrics, indicator):
    """(unit, figures left out): the normalized unit an indicator's figures are compared in.

    The indicator's first listed unit its figures carry, else their commonest:
    a bar of 元 beside a bar of 人 would compare nothing.
    """
    counts = dict(
        metrics.filter(normalized_value__isnull=False)
        .exclude(normalized_unit="")
        .order_by()
        .values_list("normalized_unit")
        .annotate(n=Count("pk"))
    )
    if not counts:
        return "", 0
    listed = [unit for unit in indicator.units or () if unit in counts]
    unit = listed[0] if listed else max(sorted(counts), key=counts.get)
    return unit, sum(counts.values()) - counts[unit]


def _latest_per(metrics, *partition):
    """One figure per ``partition`` (LATEST_FIRST wins), filtered in the database."""
    ranked = metrics.annotate(
        latest_rank=Window(RowNumber(), partition_by=[F(f) for f in partition], order_by=LATEST_FIRST)
    )
    return ranked.filter(latest_rank=1)


def _comparable(metrics, unit, kinds):
    return metrics.filter(kind__in=kinds, normalized_unit=unit, normalized_value__isnull=False)


def zone_comparison(metrics, unit, kinds=MEASURED_KINDS):
    """Each zone's latest figure among ``metrics`` (one indicator's) in ``unit``, largest first.

    At most COMPARISON_ZONES rows, whatever the number of figures: the
    database keeps one per zone. A year filter on ``metrics`` makes it that year's.
    """
    rows = _latest_per(_comparable(metrics, unit, kinds).filter(zone__isnull=False), "zone")
    return list(
        rows.select_related("zone")
        .order_by(F("normalized_value").desc(), "zone__name")[:COMPARISON_ZONES]
    )


def indicator_years(indicator):
    """The years the indicator's public measured figures are of, newest first: a year selector's options."""
    figures = Metric.objects.visible().filter(
        indicator=indicator, kind__in=MEASURED_KINDS, year__isnull=False
    )
    return list(figures.order_by("-year").values_list("year", flat=True).distinct())


def zone_year_values(metrics, unit, kinds=MEASURED_KINDS):
    """One figure per zone and year among ``metrics`` in ``unit``; at most INDICATOR_CELLS, newest first."""
    rows = _latest_per(_comparable(metrics, unit, kinds).filter(zone__isnull=False), "zone", "year")
    return list(
        rows.select_related("zone")
        .order_by(F("year").desc(nulls_last=True), F("normalized_value").desc(), "pk")[:INDICATOR_CELLS]
    )


def zone_indicator_values(zone):
    """(measured, targets): the zone's figures of each indicator, one per indicator, unit and year.

    Bounded by ZONE_INDICATOR_CELLS each, however many figures the zone has.
    """
    classified = (
        zone.metrics.visible()
        .filter(indicator__isnull=False, normalized_value__isnull=False)
        .exclude(normalized_unit="")
    )

    def latest(kinds):
        rows = _latest_per(classified.filter(kind__in=kinds), "indicator", "normalized_unit", "year")
        return list(
            rows.select_related("indicator")
            .order_by("indicator__position", "indicator__name", F("year").desc(nulls_last=True), "pk")
            [:ZONE_INDICATOR_CELLS]
        )

    return latest(MEASURED_KINDS), latest(TARGET_KINDS)


def zone_unclassified_metrics(zone):
    """(the zone's newest figures no indicator claims, at most ZONE_PAGE_UNCLASSIFIED; how many there are)."""
    metrics = zone.metrics.visible().filter(indicator__isnull=True)
    return _bounded(metrics.order_by(F("year").desc(nulls_last=True), "-pk"), ZONE_PAGE_UNCLASSIFIED)


# ---------------------------------------------------------------- provinces and comparison

# A province page shows the newest articles of its zones, their most-cited
# initiatives and each zone's latest figure per indicator; the lists hold the rest.
PROVINCE_PAGE_ARTICLES = 10
PROVINCE_PAGE_INITIATIVES = 20
PROVINCE_PAGE_FIGURES = 40
# A comparison (2-4 zones) shows at most this many indicator cells.
COMPARE_FIGURES = 400


def indicator_options():
    """Every indicator in vocabulary order, its figures left uncounted: the tile grid's select."""
    return list(
        Indicator.objects.only("pk", "slug", "name", "dimension", "units").order_by("position", "name")
    )


def zone_latest_values(indicator):
    """(unit, {zone id: (normalized value, year)}): each zone's latest measured figure of ``indicator``.

    One row per zone, kept by the database, however many figures there are.
    """
    metrics = Metric.objects.visible().filter(indicator=indicator)
    unit, _left_out = comparison_unit(metrics, indicator)
    if not unit:
        return "", {}
    rows = _latest_per(_comparable(metrics, unit, MEASURED_KINDS).filter(zone__isnull=False), "zone")
    return unit, {
        row["zone_id"]: (row["normalized_value"], row["year"])
        for row in rows.values("zone_id", "normalized_value", "year")
    }


def _bounded(queryset, limit):
    """(the first ``limit`` rows, how many there are): counted only when the list is full."""
    shown = list(queryset[:limit])
    return shown, (len(shown) if len(shown) < limit else queryset.count())


def province_articles(province):
    """The newest public articles naming a zone of ``province`` and how many there are.

    Read from the province's zone links (``pk IN``), not by testing every article:
    the work grows with the province, not with the archive.
    """
    in_province = Article.zones.through.objects.filter(zone__province=province).values("article_id")
    articles = Article.objects.visible().filter(pk__in=in_province)
    return _bounded(
        articles.select_related("zone")
        .only("pk", "title", "kind", "year", "date", "created_at", "zone__name", "zone__slug")
        .order_by(*NEWEST),
        PROVINCE_PAGE_ARTICLES,
    )


def province_initiatives(province):
    """The initiatives of ``province``'s zones most articles name, and how many there are."""
    initiatives = Initiative.objects.visible().filter(zone__province=province)
    return _bounded(
        initiatives.select_related("zone")
        .annotate(article_count=_public_article_count())
        .order_by("-article_count", "name", "pk"),
        PROVINCE_PAGE_INITIATIVES,
    )


def province_figures(province):
    """Each zone's latest measured figure per indicator in ``province`` (bounded), and how many figures."""
    classified = (
        Metric.objects.visible()
        .filter(zone__province=province, indicator__isnull=False, kind__in=MEASURED_KINDS)
        .exclude(normalized_unit="")
        .filter(normalized_value__isnull=False)
    )
    latest = _latest_per(classified, "zone", "indicator").select_related("zone", "indicator").order_by(
        "indicator__position", "indicator__name", F("normalized_value").desc(), "zone__name"
    )
    shown = list(latest[:PROVINCE_PAGE_FIGURES])
    return shown, classified.count()


def compare_initiatives(zones):
    """[{"zone_id", "category", "category_label", "type__slug", "type__name", "n"}]: initiatives counted."""
    labels = dict(Initiative.Category.choices)
    rows = (
        Initiative.objects.visible()
        .filter(zone__in=zones)
        .order_by()
        .values("zone_id", "category", "type__slug", "type__name")
        .annotate(n=Count("pk"))
    )
    return [{**row, "category_label": labels.get(row["category"], row["category"])} for row in rows]


def compare_figures(zones):
    """The latest measured figure of each indicator for each of ``zones``, at most COMPARE_FIGURES."""
    classified = (
        Metric.objects.visible()
        .filter(zone__in=zones, indicator__isnull=False, kind__in=MEASURED_KINDS)
        .exclude(normalized_unit="")
        .filter(normalized_value__isnull=False)
    )
    latest = _latest_per(classified, "zone", "indicator").select_related("indicator")
    return list(latest.order_by("indicator__position", "indicator__name", "zone_id")[:COMPARE_FIGURES])


def compare_years(zones):
    """{(zone id, year or None): public articles naming the zone}, counted in the database."""
    rows = (
        Article.zones.through.objects.filter(zone__in=zones, article__hidden=False)
        .order_by()
        .values("zone_id", "article__year")
        .annotate(n=Count("article_id"))
    )
    return {(row["zone_id"], row["article__year"]): row["n"] for row in rows}


# ---------------------------------------------------------------- home


def home_counts(archive=UNREAD):
    """The archive's public articles, initiatives and figures; ``archive`` as for zones_with_counts."""
    archive = _archive(archive)
    if archive is not None:
        return {"articles": archive.articles, "initiatives": archive.initiatives, "metrics": archive.metrics}
    return {
        "articles": Article.objects.visible().count(),
        "initiatives": Initiative.objects.visible().count(),
        "metrics": Metric.objects.visible().count(),
    }


def archive_counts():
    """The stored counts (articles/tallies.py) if fresh, else None: read once, passed to the selectors above."""
    return tallies.fresh()


def latest_articles(limit=8):
    return Article.objects.visible().select_related("zone").order_by(*NEWEST)[:limit]


def top_initiative_categories(limit=8, archive=UNREAD):
    if _archive(archive) is not None:
        rows = (
            Tally.objects.filter(kind=Tally.Kind.CATEGORY).annotate(category=F("key"), n=F("initiatives"))
            .order_by("-n", "category").values("category", "n")[:limit]
        )
    else:
        rows = Initiative.objects.visible().values("category").annotate(n=Count("pk")).order_by("-n", "category")[:limit]
    return [
        {"value": row["category"], "label": Initiative.Category(row["category"]).label, "n": row["n"]}
        for row in rows
        if row["category"] in Initiative.Category.values
    ]


# ---------------------------------------------------------------- ingest and search support


def tombstoned_keys(kind):
    """Keys of the rows of ``kind`` (a Tombstone.Kind) a curator deleted."""
    return set(Tombstone.objects.filter(model=kind).values_list("key", flat=True))


def deleted_zone_names():
    return tombstoned_keys(Tombstone.Kind.ZONE)


def dictionary_names():
    """Zone names, full names, aliases and initiative names: the search dictionary's dynamic layer."""
    names = []
    for name, full_name, aliases in Zone.objects.values_list("name", "full_name", "aliases"):
        names.extend([name, full_name, *(aliases or [])])
    names.extend(Initiative.objects.values_list("name", flat=True))
    return names
