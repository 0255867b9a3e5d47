"""The counts the pages show of the whole archive, kept in the Tally table; the
latest figure of each zone, indicator, unit and year, kept in LatestFigure; each
zone's initiatives most articles name, kept in RankedInitiative.

Counting every public article per zone, or ranking every figure, on each request
grows with the archive, so they are computed once (a few GROUP BY queries and
two windows) and stored:

- any save or delete of an article, initiative, metric or zone, and any change
  of an article's zones, marks the stored counts stale at once;
- the transaction that made the change recounts them when it commits (a
  curator's hide, delete, merge or edit), once however many rows it changed;
  a save naming only fields no count reads (``UNCOUNTED_FIELDS``) marks nothing,
  and a transaction whose writes all said which zones they change (``confined``:
  hiding or showing items, merging initiatives or zones, a curator's save or
  deletion in the admin) recounts only those, if the counts were fresh before it;
- an ingest run defers that to its end (``counting_deferred``): one count per run,
  not one per page, and only of the zones its pages touched (``touched``) when
  the counts were fresh before it: a zone's counts, years, categories, latest
  figures and ranked initiatives are its own rows alone, so the others stand
  (the archive's, indicators', types', categories' and provinces' are counted
  again whole). At 100,000 articles a whole count takes 6-10 s; a run's pages
  touch a few zones.

While the counts are stale (during an ingest, inside a transaction, after a
bulk write that sends no signals) ``fresh()`` is None and the pages count and
rank for themselves, so a page never shows a count or a figure the archive does not have.
"""
import threading
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import BooleanField, Case, Count, Exists, F, OuterRef, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.db.models.signals import m2m_changed, post_delete, post_save

from zones.models import Zone

from .models import (
    Article, Indicator, Initiative, InitiativeMention, InitiativeType, LatestFigure, Metric, MetricMention,
    RankedInitiative, Tally,
)

_deferred = threading.local()
# A transaction's pending recount: ``zones`` it may cover (None: all), ``confined`` the block's (``confined``).
_pending = threading.local()

# The tallies of one zone (``ref``): counted again for the zones a run touched, the others kept.
ZONE_KINDS = (Tally.Kind.ZONE, Tally.Kind.ZONE_YEAR, Tally.Kind.ZONE_CATEGORY)
# A run that touched more zones than this counts them all, in one pass instead of a list of ids.
SCOPED_ZONES = 200


def compute(zone_ids=None):
    """Every tally, counted now from the public rows: a list of unsaved Tally.

    ``zone_ids``: only those zones' own tallies (ZONE_KINDS), with every other kind.
    """
    articles = Article.objects.visible()
    initiatives = Initiative.objects.visible()
    metrics = Metric.objects.visible()
    # A zone's articles (those naming it) and figures are its years' added up.
    years = zone_year_counts(zone_ids)
    scope = None if zone_ids is None else set(zone_ids)
    zones = {}
    for (zone_id, _year), (named, _own, figures, _own_named) in years.items():
        tally = zones.setdefault(zone_id, Tally(kind=Tally.Kind.ZONE, ref=zone_id))
        tally.articles += named
        tally.metrics += figures
    # Initiatives counted once, by zone, category and type: a zone's, a category's, a zone's in a
    # category and a comparison's by category and type are sums of these.
    categories, zone_categories = {}, []
    grouped = initiatives.order_by().values_list("zone_id", "category", "type_id").annotate(n=Count("pk"))
    for zone_id, category, type_id, n in grouped:
        categories[category] = categories.get(category, 0) + n
        if zone_id is not None and (scope is None or zone_id in scope):
            zones.setdefault(zone_id, Tally(kind=Tally.Kind.ZONE, ref=zone_id)).initiatives += n
            zone_categories.append(Tally(
                kind=Tally.Kind.ZONE_CATEGORY, ref=zone_id, key=category_type_key(category, type_id), initiatives=n,
            ))
    unclassified = metrics.filter(zone__isnull=False, indicator__isnull=True)
    if zone_ids is not None:
        unclassified = unclassified.filter(zone__in=zone_ids)
    for zone_id, n in unclassified.order_by().values_list("zone_id").annotate(n=Count("pk")):
        zones.setdefault(zone_id, Tally(kind=Tally.Kind.ZONE, ref=zone_id)).unclassified = n
    rows = [Tally(
        kind=Tally.Kind.ARCHIVE, articles=articles.count(), initiatives=sum(categories.values()),
        metrics=metrics.count(),
    )]
    rows += zones.values()
    measured = Count("pk", filter=Q(kind__in=Metric.MEASURED_KINDS))
    grouped = metrics.order_by().values_list("indicator_id").annotate(
        n=Count("pk"), z=Count("zone", distinct=True), m=measured
    )
    rows += [
        Tally(kind=Tally.Kind.INDICATOR, ref=ref, metrics=n, zones=z, measured=m)
        for ref, n, z, m in grouped if ref is not None
    ]
    grouped = initiatives.order_by().values_list("type_id").annotate(n=Count("pk"), z=Count("zone", distinct=True))
    rows += [Tally(kind=Tally.Kind.TYPE, ref=ref, initiatives=n, zones=z) for ref, n, z in grouped if ref is not None]
    rows += [Tally(kind=Tally.Kind.CATEGORY, key=category, initiatives=n) for category, n in categories.items()]
    # An article naming two zones of a province counts once for it.
    links = Article.zones.through.objects.filter(article__hidden=False)
    grouped = links.order_by().values_list("zone__province").annotate(n=Count("article_id", distinct=True))
    rows += [Tally(kind=Tally.Kind.PROVINCE, key=province, articles=n) for province, n in grouped if province]
    rows += [
        Tally(kind=Tally.Kind.ZONE_YEAR, ref=zone_id, key="" if year is None else str(year),
              articles=named + own, metrics=figures, mentioning=named - own_named)
        for (zone_id, year), (named, own, figures, own_named) in years.items()
    ]
    rows += zone_categories
    return rows


def category_type_key(category, type_id):
    """A ZONE_CATEGORY tally's key: the category, and ``:`` and the type's id when the initiatives have one."""
    return category if type_id is None else f"{category}:{type_id}"


def split_category_type_key(key):
    """(category, type id or None) of a ``category_type_key``."""
    category, _colon, type_id = key.partition(":")
    return category, int(type_id) if type_id else None


def zone_year_counts(zone_ids=None):
    """{(zone id, year or None): [public articles naming it, its own public articles not naming it,
    public figures, its own public articles naming it]} of every zone, or of ``zone_ids``.

    A zone's articles of a year are the first two added up: two disjoint sets,
    counted apart. Those that only mention it (name it, another zone's own) are
    the first less the last.
    """
    links = Article.zones.through.objects.filter(article__hidden=False)
    articles = Article.objects.visible().filter(zone__isnull=False)
    metrics = Metric.objects.visible().filter(zone__isnull=False)
    if zone_ids is not None:
        links, articles, metrics = (rows.filter(zone__in=zone_ids) for rows in (links, articles, metrics))
    named = Article.zones.through.objects.filter(article=OuterRef("pk"), zone=OuterRef("zone"))
    years = {}
    for column, grouped in (
        (0, links.values_list("zone_id", "article__year")),
        (2, metrics.values_list("zone_id", "year")),
    ):
        for zone_id, year, n in grouped.order_by().annotate(n=Count("pk")):
            years.setdefault((zone_id, year), [0, 0, 0, 0])[column] += n
    own = articles.annotate(named=Exists(named)).values_list("zone_id", "year", "named")
    for zone_id, year, is_named, n in own.order_by().annotate(n=Count("pk")):
        years.setdefault((zone_id, year), [0, 0, 0, 0])[3 if is_named else 1] += n
    return years


# A LatestFigure's group: figures a comparison could put side by side.
FIGURE_GROUP = ("zone", "indicator", "normalized_unit", "target", "year")


def store_latest_figures(zone_ids=None):
    """Choose every LatestFigure (of ``zone_ids`` only, if given) again among the public figures, in the database.

    One window over the compared figures (those with a zone, an indicator and a
    normalized value; measured or targets) written by one INSERT ... SELECT:
    about one row in ten of them, never read into Python. Two more windows over
    the rows chosen flag each zone's latest (``zone_latest``, ``indicator_latest``).
    """
    if zone_ids is not None and not zone_ids:
        return  # no zone's rows to choose again
    target = Case(When(kind=Metric.Kind.TARGET, then=Value(True)), default=Value(False), output_field=BooleanField())
    compared = (
        Metric.objects.visible()
        .filter(zone__isnull=False, indicator__isnull=False, normalized_value__isnull=False,
                kind__in=(*Metric.MEASURED_KINDS, Metric.Kind.TARGET))
        .exclude(normalized_unit="")
        .filter(**({} if zone_ids is None else {"zone__in": zone_ids}))
        .annotate(target=target, figures=Window(Count("pk"), partition_by=[F(f) for f in FIGURE_GROUP]))
    )
    # The SELECT lists these in this order: the table's columns below, one for one.
    chosen = compared.latest_per(*FIGURE_GROUP).order_by().values(
        "pk", "zone_id", "indicator_id", "normalized_unit", "target", "year", "article__date",
        "normalized_value", "figures",
    )
    columns = ("metric_id", "zone_id", "indicator_id", "normalized_unit", "target", "year", "date",
               "normalized_value", "figures")
    # The figure's words and sentence are joined to the chosen rows: carried through the
    # window, every compared figure's sentence was sorted with it (a second per recount at 100k).
    copied = ("article_id", "kind", "raw", "sentence")
    sql, params = chosen.query.sql_with_params()
    metrics = connection.ops.quote_name(Metric._meta.db_table)
    # Each zone's latest row of an indicator and unit, and of an indicator in any unit (all years),
    # targets apart: flagged here, so that the pages read those rows instead of ranking them.
    latest_first = ", ".join(
        f"chosen.{order.expression.name} DESC{' NULLS LAST' if order.nulls_last else ''}"
        for order in LatestFigure.LATEST_FIRST
    )
    flags = {
        "zone_latest": "chosen.zone_id, chosen.indicator_id, chosen.normalized_unit, chosen.target",
        "indicator_latest": "chosen.zone_id, chosen.indicator_id, chosen.target",
    }
    flagged = ", ".join(
        f"ROW_NUMBER() OVER (PARTITION BY {partition} ORDER BY {latest_first}) = 1" for partition in flags.values()
    )
    select = (
        f"WITH chosen ({', '.join(columns)}) AS ({sql}) "
        f"SELECT {', '.join(f'chosen.{c}' for c in columns)}, {', '.join(f'm.{c}' for c in copied)}, "
        f"{flagged} FROM chosen JOIN {metrics} m ON m.{Metric._meta.pk.column} = chosen.metric_id"
    )
    _replace(LatestFigure, (*columns, *copied, *flags), select, params, zone_ids)


def store_ranked_initiatives(zone_ids=None):
    """Rank every zone's (or ``zone_ids``') initiatives again by the public articles naming them;
    store each zone's first.

    One GROUP BY over the public mentions, ranked per zone by a window and written by
    one INSERT ... SELECT (RankedInitiative.RANKED rows a zone at most).
    """
    if zone_ids is not None and not zone_ids:
        return
    articles = Count("article_id", distinct=True)
    ranked = (
        InitiativeMention.objects
        .filter(article__hidden=False, initiative__hidden=False, initiative__zone__isnull=False)
        .filter(**({} if zone_ids is None else {"initiative__zone__in": zone_ids}))
        .values("initiative__zone_id", "initiative_id")
        .annotate(n=articles)
        .annotate(rank=Window(
            RowNumber(), partition_by=[F("initiative__zone_id")],
            order_by=[articles.desc(), F("initiative__name"), F("initiative_id")],
        ))
        .filter(rank__lte=RankedInitiative.RANKED)
        .order_by()
        # The SELECT lists these in this order: the table's columns below, one for one.
        .values_list("initiative__zone_id", "initiative_id", "n")
    )
    _replace(RankedInitiative, ("zone_id", "initiative_id", "articles"), *ranked.query.sql_with_params(), zone_ids)


def _replace(model, columns, sql, params, zone_ids=None):
    """Empty ``model``'s table (the rows of ``zone_ids``) and fill its ``columns`` with the rows of the
    SELECT ``sql``, in the database."""
    (model.objects.all() if zone_ids is None else model.objects.filter(zone__in=zone_ids)).delete()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({', '.join(columns)}) {sql}", params
        )


def _analyse(*models):
    """Give the planner statistics of the tables just rewritten.

    SQLite plans with those the last ANALYZE stored: taken while the tally table
    held a few rows, they had it scan its 4,500 rows for each of 80 indicators
    (11 ms) instead of reading its index. PostgreSQL would gather them only
    after enough rows changed. Sampling these tables takes milliseconds.
    """
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


@transaction.atomic
def refresh(zone_ids=None):
    """Count everything again, choose the latest figures and rank the initiatives again, and store
    them (fresh until the next write).

    ``zone_ids``: of the zones' own rows, only those of these zones; the caller
    knows the others are right (``counting_deferred``).
    """
    if zone_ids is not None:
        zone_ids = sorted(zone_ids)
    rows = compute(zone_ids)
    stored = Tally.objects.all()
    if zone_ids is not None:
        stored = stored.filter(~Q(kind__in=ZONE_KINDS) | Q(ref__in=zone_ids))
    stored.delete()
    Tally.objects.bulk_create(rows)
    store_latest_figures(zone_ids)
    store_ranked_initiatives(zone_ids)
    _analyse(Tally, LatestFigure, RankedInitiative)
    # A later write in this same transaction must mark the counts stale again.
    connection.run_on_commit[:] = [
        entry for entry in connection.run_on_commit if entry[1] not in (_marked, _refresh_on_commit)
    ]


def fresh():
    """The stored archive tally if no write came after it, else None (count for yourself)."""
    return Tally.objects.filter(kind=Tally.Kind.ARCHIVE, stale=False).first()


@contextmanager
def counting_deferred():
    """Writes inside recount once, at the end (an ingest run), not when each transaction commits.

    Only if something marked the counts stale: a run whose pages were all
    unchanged wrote nothing, and its recount was a third of its time. Only the
    zones the writes inside said they touched (``touched``), if the counts were
    fresh when it began and no write left its zones unsaid.
    """
    depth = getattr(_deferred, "depth", 0)
    if depth == 0:
        _deferred.zones, _deferred.sources = _new_scope(), set()
    _deferred.depth = depth + 1
    try:
        yield
    finally:
        _deferred.depth = depth
        if depth == 0:
            zones, _deferred.zones = _deferred.zones, None
            sources, _deferred.sources = _deferred.sources, set()
            if fresh() is None:
                refresh(_zones_of_sources(zones, sources))


def zones_counting(articles):
    """The zones whose own counts ``articles`` (a queryset) are in: the zones they name or are
    the own articles of, those of the initiatives they name and of the figures they state; one query."""
    ids = articles.order_by().values("pk")
    return {zone for zone in (
        Article.zones.through.objects.filter(article__in=ids).order_by().values_list("zone_id", flat=True).union(
            Article.objects.filter(pk__in=ids).order_by().values_list("zone_id"),
            InitiativeMention.objects.filter(article__in=ids).order_by().values_list("initiative__zone_id"),
            MetricMention.objects.filter(article__in=ids).order_by().values_list("metric__zone_id"),
            Metric.objects.filter(article__in=ids).order_by().values_list("zone_id"),
        )
    ) if zone is not None}


@contextmanager
def confined(zone_ids):
    """The writes inside change the counts of ``zone_ids`` only (with the archive-wide ones): the
    transaction's recount covers those zones, unless it also wrote outside such a block.
    ``None``: zones unknown, as outside any block (the recount is whole)."""
    previous = getattr(_pending, "confined", None)
    _pending.confined = None if zone_ids is None else {zone for zone in zone_ids if zone is not None}
    try:
        yield
    finally:
        _pending.confined = previous


def _new_scope():
    """The zones a recount of the writes to come may cover, none yet; None (all) if the counts are stale already."""
    return set() if fresh() is not None else None


def _widened(scope, zone_ids):
    """``scope`` with ``zone_ids`` (None: zones unknown); None once it covers them all or passes SCOPED_ZONES."""
    if scope is None or zone_ids is None:
        return None
    scope.update(zone for zone in zone_ids if zone is not None)
    return scope if len(scope) <= SCOPED_ZONES else None


def counting_zones():
    """Whether the deferred count keeps the zones the writes touch: if not, no need to say them."""
    return getattr(_deferred, "depth", 0) > 0 and _deferred.zones is not None


def touched(zone_ids, sources=()):
    """Writes of a deferred count (an ingest's page) changed the counts of these zones only;
    ``None``: of zones unknown, so the run counts everything again (as it does past SCOPED_ZONES).

    ``sources``: pages whose articles' zones (``zones_counting``) are touched as well, read
    once when the run ends for all its pages instead of once a page (a tenth of the writer's time).
    """
    if counting_zones():
        _deferred.zones = _widened(_deferred.zones, zone_ids)
        _deferred.sources.update(sources)


# Pages whose articles' zones one query reads at the end of a run.
SOURCES_A_QUERY = 1000


def _zones_of_sources(scope, sources):
    """``scope`` widened with the zones the articles of ``sources`` count in (``_widened``)."""
    sources = sorted(sources)
    for start in range(0, len(sources), SOURCES_A_QUERY):
        if scope is None:
            break
        chunk = sources[start : start + SOURCES_A_QUERY]
        scope = _widened(scope, zones_counting(Article.objects.filter(source_id__in=chunk)))
    return scope


# Fields no stored count, latest figure or ranking reads: a save of these alone (a curator's
# "checked" mark, an article's text) leaves the counts true, and at 100,000 articles a recount
# takes seconds. An article's text fields: no other model that marks the counts has these names.
UNCOUNTED_FIELDS = frozenset({
    "verified", "curated_fields", "ingested_values", "updated_at",
    "title", "kicker", "subtitle", "byline", "authors", "body", "captions", "headings", "column",
    "title_key", "search_title", "search_head", "search_body", "index_pending",
})


def mark_stale(update_fields=None, **kwargs):
    if update_fields is not None and set(update_fields) <= UNCOUNTED_FIELDS:
        return
    if connection.in_atomic_block:
        # Once per transaction: the mark and the recount commit (or roll back) with its writes.
        pending = [entry[1] for entry in connection.run_on_commit]
        if _refresh_on_commit in pending:
            _confine_pending()
            return
        if _marked in pending:
            return
        if getattr(_deferred, "depth", 0):
            transaction.on_commit(_marked)
        else:
            # The counts were true before this transaction: its recount need cover only what it changed.
            _pending.zones = _new_scope()
            _confine_pending()
            transaction.on_commit(_refresh_on_commit)
    # Outside a transaction (a shell, a script) each write marks, and the next
    # transaction or ingest recounts: recounting after every statement would cost more.
    Tally.objects.filter(kind=Tally.Kind.ARCHIVE, stale=False).update(stale=True)


def _confine_pending():
    """A write of the pending recount's transaction: its zones join the recount's, or make it whole."""
    _pending.zones = _widened(_pending.zones, getattr(_pending, "confined", None))


def _refresh_on_commit():
    zones, _pending.zones = getattr(_pending, "zones", None), None
    refresh(zones)


def _marked():
    """Nothing to do at commit: the mark that this transaction already marked stale."""


def _zones_changed(action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        mark_stale()


def connect_signals():
    # Mentions only when saved: their deletions come with their article's (a signal per
    # deleted mention would also stop Django deleting them in one statement).
    for model in (Article, Initiative, Metric, Zone):
        post_save.connect(mark_stale, sender=model, dispatch_uid=f"tallies-save-{model.__name__}")
        post_delete.connect(mark_stale, sender=model, dispatch_uid=f"tallies-delete-{model.__name__}")
    post_save.connect(mark_stale, sender=InitiativeMention, dispatch_uid="tallies-save-mention")
    # Deleting a vocabulary entry unsets it on its figures or initiatives in one UPDATE, which
    # sends no signal of theirs: their indicator's, type's and zones' counts change all the same.
    for model in (Indicator, InitiativeType):
        post_delete.connect(mark_stale, sender=model, dispatch_uid=f"tallies-delete-{model.__name__}")
    m2m_changed.connect(_zones_changed, sender=Article.zones.through, dispatch_uid="tallies-zones")
