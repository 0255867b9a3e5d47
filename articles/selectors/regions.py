"""Zones, provinces and a comparison of zones: the directory's counts, a zone's and a province's page."""
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from articles import tallies
from articles.models import (
    Article,
    Initiative,
    InitiativeMention,
    InitiativeType,
    LatestFigure,
    Metric,
    RankedInitiative,
    Tally,
)
from zones.models import Zone

from ._counts import UNREAD, _archive, _cached, _count_of, _tallied
from .figures import MEASURED_KINDS, _latest_in_order, _read_in_order, _stored_in_order
from .lists import NEWEST
from .vocabulary import vocabulary_stamp


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


def _linked_to(zone):
    """The keys of the articles naming ``zone`` (its article links), for ``pk__in``: read through
    the zone's links, so the work follows the zone's articles, not the archive's."""
    return Article.zones.through.objects.filter(zone=zone).values("article_id")


def zone_page_articles(zone, timeline):
    """(newest own articles, newest articles that mention it, own count, mention count).

    Bounded by the zone, however many articles the archive has: its own articles
    are read through their index; those that mention it through its links, their
    keys read first -- asked for in order with a LIMIT through the links, the
    database walks the whole archive's newest-first index looking for the few that
    link to the zone, and a zone few articles mention has it read to the end.
    The counts are its ``timeline``'s (``zone_years``): a zone named by no
    article but its own, as most are, reads no links at all.
    """
    shown = ("pk", "title", "kind", "year", "date", "zone_id", "created_at")
    mentioning_total = sum(mentioning for _year, _articles, _figures, mentioning in timeline)
    mentioning = []  # an empty list of keys is no query
    if mentioning_total:
        mentioning = list(
            Article.objects.visible().filter(pk__in=_linked_to(zone)).exclude(zone=zone)
            .order_by().values_list("pk", flat=True)
        )
    return (
        list(Article.objects.visible().filter(zone=zone).only(*shown).order_by(*NEWEST)[:ZONE_PAGE_ARTICLES]),
        list(Article.objects.filter(pk__in=mentioning).only(*shown).order_by(*NEWEST)[:ZONE_PAGE_MENTIONS]),
        sum(articles for _year, articles, _figures, _mentioning in timeline) - mentioning_total,
        mentioning_total,
    )


def zone_years(zone, archive=UNREAD):
    """[(year or None, article count, figure count, of the articles those only mentioning it)],
    newest first, unknown last: counted, not read.

    The zone's stored ZONE_YEAR tallies while the counts are fresh, else counted
    as they are (``tallies.zone_year_counts``).  A year with neither a public
    article nor a public figure is left out.
    """
    counts = _stored_years([zone.pk]) if _archive(archive) is not None else _counted_years([zone.pk])
    years = {year: counted for (_zone, year), counted in counts.items()}
    ordered = sorted(years, key=lambda y: (y is None, -(y or 0)))
    return [(year, *years[year]) for year in ordered]


def _stored_years(zone_ids):
    """{(zone id, year or None): (articles, figures, mentioning)} of the zones' stored ZONE_YEAR tallies."""
    stored = Tally.objects.filter(kind=Tally.Kind.ZONE_YEAR, ref__in=zone_ids)
    rows = stored.values_list("ref", "key", "articles", "metrics", "mentioning")
    return {(ref, int(key) if key else None): (n, m, only) for ref, key, n, m, only in rows}


def _counted_years(zone_ids):
    """What ``_stored_years`` reads, counted now."""
    counted = tallies.zone_year_counts(zone_ids)
    return {
        key: (named + own, figures, named - own_named)
        for key, (named, own, figures, own_named) in counted.items()
    }


def _public_initiative_counts(initiatives, *fields):
    """{(values of ``fields``): how many} of the public among ``initiatives`` (Initiative rows)."""
    rows = initiatives.visible().order_by().values_list(*fields).annotate(n=Count("pk"))
    return {tuple(row[:-1]): row[-1] for row in rows}


ZONE_PAGE_INITIATIVES = 60


def zone_initiatives(zone, archive=UNREAD):
    """(the zone's first ZONE_PAGE_INITIATIVES public initiatives by category and name,
    {category: how many it has}, stored while the counts are fresh): the list holds the rest.

    While the counts are fresh, both are cached under the archive's id: any write to what they
    show (an initiative's name, a mention, a hidden article) makes the next recount a new one.
    """
    archive = _archive(archive)
    if archive is not None:
        key = ("zone-initiatives", zone.pk, ZONE_PAGE_INITIATIVES)
        return _cached(archive, key, lambda: _zone_initiatives(zone, stored=True))
    return _zone_initiatives(zone, stored=False)


def _zone_initiatives(zone, *, stored):
    initiatives = zone.initiatives.visible()
    shown = list(
        initiatives.annotate(article_count=_count_of(InitiativeMention.objects.visible(), "initiative", "article"))
        .only("pk", "name", "category", "zone_id")  # what the page shows of each, grouped by category
        .order_by("category", "name", "pk")[:ZONE_PAGE_INITIATIVES]
    )
    if stored:
        totals = {}
        for (_zone, category, _type), n in _stored_categories([zone.pk]).items():
            totals[category] = totals.get(category, 0) + n
    else:
        counted = _public_initiative_counts(zone.initiatives.all(), "category")
        totals = {category: n for (category,), n in counted.items()}
    return shown, totals


def zone_feed_articles(zone):
    return Article.objects.visible().filter(Q(zone=zone) | Q(zones=zone)).distinct()


# A province page shows the newest articles of its zones, their most-cited
# initiatives and each zone's latest figure per indicator; the lists hold the rest.
PROVINCE_PAGE_ARTICLES = 10
PROVINCE_PAGE_INITIATIVES = 20
PROVINCE_PAGE_FIGURES = 40
# A comparison (2-4 zones) shows at most this many indicator cells.
COMPARE_FIGURES = 400


def _public_article_count():
    return Count("mentions__article", filter=Q(mentions__article__hidden=False), distinct=True)


# The province selectors take the keys of the province's zones as a list (the view reads
# them once): the planner then estimates each zone's rows instead of a join's.


def province_articles(province, zone_ids, archive=UNREAD):
    """The newest public articles naming one of a ``province``'s zones (``zone_ids``) and how many there are.

    The work grows with the province, never with the archive. A province's
    newest are found one of two ways, whichever reads fewer rows, and neither
    reads more than about sqrt(PROVINCE_PAGE_ARTICLES x the archive's articles):
    a small province's articles are read from its zones' links (``pk IN``) and
    sorted; a large one's by walking the archive's newest-first index until
    enough of them turn up, about one in (archive / province). How many: the
    province's stored tally while the counts are fresh; else it is counted, and
    its links read.
    """
    archive = _archive(archive)
    links = Article.zones.through.objects.filter(zone__in=zone_ids)
    total = None
    if archive is not None:
        stored = Tally.objects.filter(kind=Tally.Kind.PROVINCE, key=province).values_list("articles", flat=True)
        total = stored.first() or 0
    articles = Article.objects.visible()
    if total is not None and total * total > PROVINCE_PAGE_ARTICLES * archive.articles:
        articles = articles.filter(Exists(links.filter(article=OuterRef("pk"))))
    else:
        articles = articles.filter(pk__in=links.values("article_id"))
    newest = list(
        articles.select_related("zone")
        .only("pk", "title", "kind", "year", "date", "created_at", "zone__name", "zone__slug")
        .order_by(*NEWEST)[:PROVINCE_PAGE_ARTICLES]
    )
    if len(newest) < PROVINCE_PAGE_ARTICLES:
        return newest, len(newest)
    return newest, total if total is not None else articles.count()


def province_initiatives(zone_ids, archive=UNREAD):
    """The initiatives of a province's zones (``zone_ids``) most articles name, and how many there are.

    Ranked among the zones' stored first (RankedInitiative) while the stored counts
    are fresh, else from their public mentions (keys only): an initiative a public
    article names is public, so the visibility test of every initiative of the
    province is left out. Those no article names follow by name when the page is
    not full. The total is the zones' stored tallies while they are fresh; both are then cached
    under the archive's id, as a zone's (``zone_initiatives``).
    """
    archive = _archive(archive)
    if archive is not None:
        key = ("province-initiatives", tuple(sorted(zone_ids)), PROVINCE_PAGE_INITIATIVES)
        return _cached(archive, key, lambda: _province_initiatives(zone_ids, stored=True))
    return _province_initiatives(zone_ids, stored=False)


def _province_initiatives(zone_ids, *, stored):
    initiatives = Initiative.objects.visible().filter(zone__in=zone_ids)
    if stored:
        ranked = RankedInitiative.objects.filter(zone__in=zone_ids).order_by(
            "-articles", "initiative__name", "initiative_id"
        )
    else:
        mentions = InitiativeMention.objects.filter(
            article__hidden=False, initiative__hidden=False, initiative__zone__in=zone_ids
        )
        ranked = (
            mentions.values("initiative_id").annotate(n=Count("article_id", distinct=True))
            .order_by("-n", "initiative__name", "initiative_id")
        )
    keys = list(ranked.values_list("initiative_id", flat=True)[:PROVINCE_PAGE_INITIATIVES])
    if len(keys) < PROVINCE_PAGE_INITIATIVES:
        unnamed = initiatives.annotate(article_count=_public_article_count()).filter(article_count=0)
        keys += unnamed.order_by("name", "pk").values_list("pk", flat=True)[:PROVINCE_PAGE_INITIATIVES - len(keys)]
    shown = _read_in_order(
        Initiative.objects.select_related("zone").annotate(article_count=_public_article_count()), keys
    )
    if len(shown) < PROVINCE_PAGE_INITIATIVES:
        return shown, len(shown)
    if stored:
        total = Tally.objects.filter(kind=Tally.Kind.ZONE, ref__in=zone_ids).aggregate(n=Sum("initiatives"))
        return shown, total["n"] or 0
    return shown, initiatives.count()


def _measured(metrics):
    return (
        metrics.filter(indicator__isnull=False, kind__in=MEASURED_KINDS)
        .exclude(normalized_unit="")
        .filter(normalized_value__isnull=False)
    )


def province_figures(zone_ids, archive=UNREAD):
    """Each zone's latest measured figure per indicator among a province's zones (bounded), and how many figures.

    Ranked among the stored latest figures while they are fresh, else among the figures; the
    stored ones cached under the archive's id and the vocabularies' stamp, as a zone's
    (``figures.zone_indicator_values``).
    """
    archive = _archive(archive)
    if archive is not None:
        key = ("province-figures", tuple(sorted(zone_ids)), PROVINCE_PAGE_FIGURES)
        return _cached(archive, key, lambda: _province_figures(zone_ids, stored=True), vocabulary_stamp())
    return _province_figures(zone_ids, stored=False)


def _province_figures(zone_ids, *, stored):
    order = ("indicator__position", "indicator__name", F("normalized_value").desc(), "zone__name")
    if stored:
        rows = LatestFigure.objects.filter(zone__in=zone_ids, target=False)
        latest = rows.filter(indicator_latest=True)
        shown = _stored_in_order(latest, order, PROVINCE_PAGE_FIGURES, ("zone", "indicator"))
        return shown, rows.aggregate(n=Sum("figures"))["n"] or 0
    classified = _measured(Metric.objects.visible().filter(zone__in=zone_ids))
    shown = _latest_in_order(classified, ("zone", "indicator"), order, PROVINCE_PAGE_FIGURES, ("zone", "indicator"))
    return shown, classified.count()


def _stored_categories(zone_ids):
    """{(zone id, category, type id or None): public initiatives} of the zones' stored ZONE_CATEGORY tallies."""
    stored = Tally.objects.filter(kind=Tally.Kind.ZONE_CATEGORY, ref__in=zone_ids)
    return {
        (ref, *tallies.split_category_type_key(key)): n
        for ref, key, n in stored.values_list("ref", "key", "initiatives")
    }


def compare_initiatives(zones, archive=UNREAD):
    """[{"zone_id", "category", "category_label", "type__slug", "type__name", "n"}]: public initiatives
    counted (the stored tallies while the counts are fresh)."""
    labels = dict(Initiative.Category.choices)
    fields = ("zone_id", "category", "type__slug", "type__name")
    if _archive(archive) is not None:
        stored = _stored_categories([zone.pk for zone in zones])
        types = InitiativeType.objects.in_bulk({type_id for (_z, _c, type_id) in stored if type_id is not None})
        counts = {}
        for (zone_id, category, type_id), n in stored.items():
            kind = types.get(type_id)  # None too for a type deleted since the count
            key = (zone_id, category, kind and kind.slug, kind and kind.name)
            counts[key] = counts.get(key, 0) + n
    else:
        counts = _public_initiative_counts(Initiative.objects.filter(zone__in=zones), *fields)
    return [
        {**dict(zip(fields, key)), "n": n, "category_label": labels.get(key[1], key[1])}
        for key, n in counts.items()
    ]


def compare_figures(zones, archive=UNREAD):
    """The latest measured figure of each indicator for each of ``zones``, at most COMPARE_FIGURES
    (ranked among the stored latest figures while fresh)."""
    order = ("indicator__position", "indicator__name", "zone_id")
    if _archive(archive) is not None:
        latest = LatestFigure.objects.filter(zone__in=zones, target=False, indicator_latest=True)
        return _stored_in_order(latest, order, COMPARE_FIGURES, ("indicator",))
    classified = _measured(Metric.objects.visible().filter(zone__in=zones))
    return _latest_in_order(classified, ("zone", "indicator"), order, COMPARE_FIGURES, ("indicator",))


def compare_years(zones, archive=UNREAD):
    """{(zone id, year or None): the zone's public articles}, as its own page's timeline counts them
    (``zone_years``): the stored tallies while the counts are fresh."""
    ids = [zone.pk for zone in zones]
    counts = _stored_years(ids) if _archive(archive) is not None else _counted_years(ids)
    return {key: articles for key, (articles, _figures, _mentioning) in counts.items() if articles}
