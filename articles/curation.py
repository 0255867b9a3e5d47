"""Curators' changes, written so the next ingest keeps them.

The ingest reads the state these functions leave behind: ``curated_fields``
(never overwrite these), ``hidden`` (never unhide), ``Tombstone`` (never
recreate) and ``Zone.aliases`` (a merged zone's names now point at the
survivor). The admin calls these functions; nothing here knows about requests.
"""
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models, transaction
from django.utils import timezone

from core.services import model_update
from zones.models import Zone

from . import identity, tallies
from .models import Article, Initiative, Metric, MetricMention, Source, Tombstone
from .search import fill_search_fields
from .search.indexing import SEARCH_FIELDS, SOURCE_FIELDS

# Curation bookkeeping itself is not content the ingest could overwrite.
UNTRACKED_FIELDS = frozenset({"curated_fields", "ingested_values", "created_at", "updated_at"})

TOMBSTONE_KINDS = {
    Article: Tombstone.Kind.ARTICLE,
    Initiative: Tombstone.Kind.INITIATIVE,
    Metric: Tombstone.Kind.METRIC,
    Zone: Tombstone.Kind.ZONE,
}


def record_curated_fields(obj, changed_fields: Iterable[str]) -> list[str]:
    """Add ``changed_fields`` to ``obj.curated_fields`` (in memory); return the names added.

    The caller saves ``obj``: the admin records the names just before it saves the form.
    """
    known = {f.name for f in obj._meta.get_fields() if getattr(f, "concrete", False)}
    known |= {f.name for f in obj._meta.many_to_many}
    curated = list(obj.curated_fields or [])
    added = []
    for name in changed_fields:
        if name in known and name not in UNTRACKED_FIELDS and name not in curated:
            curated.append(name)
            added.append(name)
    obj.curated_fields = curated
    return added


def article_update(*, article: Article, changed_fields: Iterable[str]) -> list[str]:
    """Save a curator's edit of ``article``: curated fields recorded, search index kept in step.

    Returns the names newly recorded as curated.
    """
    changed_fields = list(changed_fields)
    added = record_curated_fields(article, changed_fields)
    article.title_key = identity.text_key(article.title)
    saved = {*changed_fields, "curated_fields", "title_key", "updated_at"}
    if set(SOURCE_FIELDS) & set(changed_fields):
        # The segmented columns follow the curator's text in the same save.
        fill_search_fields(article)
        saved |= {*SEARCH_FIELDS, "index_pending"}
    if article.pk is not None and saved <= tallies.UNCOUNTED_FIELDS:
        # Text alone: saved by name, so that the stored counts are known to hold (tallies.py).
        article.save(update_fields=sorted(saved))
    else:
        article.save()
    if "hidden" in changed_fields:
        restate_first(Metric.objects.filter(mentions__article=article).distinct())
    return added


def source_update(*, source: Source, changed_fields: Iterable[str]) -> list[str]:
    """Save a curator's fix of a page's newspaper, date, page or link; its articles follow the date.

    Returns the names newly recorded as curated.
    """
    changed_fields = list(changed_fields)
    added = record_curated_fields(source, changed_fields)
    source.save()
    if "date" in changed_fields:
        for article in source.articles.all():
            if "date" in article.curated_fields:
                continue
            article.date = source.date
            if source.date:
                article.year, article.date_source = source.date.year, "source"
            else:  # the year the text implies stays; the next ingest reads it again
                article.date_source = "text" if article.year else ""
            article.save(update_fields=["date", "year", "date_source", "updated_at"])
    return added


def counted_zones(obj, zones=()) -> set | None:
    """The zones whose own counts a curator's save or deletion of ``obj`` can change, for
    ``tallies.confined``: those it counts in as stored, its zone as edited and ``zones``
    (an article's zones as edited; a page's: its articles'). None, every zone, where
    that is not known.
    """
    model = type(obj)
    if model is Zone:
        # Deleted, it leaves its rows to no zone, which only the archive-wide counts count.
        return {obj.pk}
    if model is Source:
        return _stored_zones(Article.objects.filter(source=obj))
    if model in (Article, Initiative, Metric):
        return _stored_zones(model._default_manager.filter(pk=obj.pk)) | {obj.zone_id, *zones}
    return None


def deleted_zones(items: models.QuerySet) -> set | None:
    """``counted_zones`` of every row of ``items`` a curator deletes at once, in one query."""
    model = items.model
    if model is Zone:
        return set(items.values_list("pk", flat=True))
    if model in (Article, Initiative, Metric):
        return _stored_zones(_plain(items))
    return None


def _stored_zones(rows: models.QuerySet) -> set:
    """The zones ``rows`` (articles, initiatives or figures, as stored) count in: an article's
    those it names, of its initiatives and of its figures (``tallies.zones_counting``); an
    initiative's or a figure's, its own."""
    if rows.model is Article:
        return tallies.zones_counting(rows)
    return set(rows.order_by().values_list("zone_id", flat=True))


def _plain(items: models.QuerySet) -> models.QuerySet:
    """``items``' rows by id: the admin's queryset is joined and annotated."""
    return items.model._default_manager.filter(pk__in=list(items.values_list("pk", flat=True)))


def keep_old_name(zone: Zone, old_name: str) -> None:
    """A renamed zone answers to its old name as an alias (in memory; the caller saves)."""
    if old_name and old_name != zone.name and old_name not in zone.aliases:
        zone.aliases = [*zone.aliases, old_name]


def _set_flag(items: models.QuerySet, flag: str, value: bool) -> list:
    """Set a boolean curation flag on every item that differs; return the items changed."""
    changed = []
    # Lock plain rows: PostgreSQL refuses FOR UPDATE on the admin's joined, annotated queryset.
    with transaction.atomic():
        rows = _plain(items).exclude(**{flag: value})
        for obj in rows.select_for_update().order_by("pk"):
            setattr(obj, flag, value)
            record_curated_fields(obj, [flag])
            obj.save(update_fields=[flag, "curated_fields", "updated_at"])
            changed.append(obj)
    return changed


def mark_verified(*, items: models.QuerySet, verified: bool = True) -> list:
    """Mark articles, initiatives or metrics as checked by a curator (or not)."""
    return _set_flag(items, "verified", verified)


@transaction.atomic
def set_hidden(*, items: models.QuerySet, hidden: bool) -> list:
    """Hide items from public pages and the API (they stay in the admin), or show them again.

    One transaction: the counts are taken again when it commits (tallies.py), after
    the figures of hidden articles have moved to a shown article stating them too;
    only those of the items' zones (an article's: those it names, of its initiatives
    and of its figures) with the archive-wide ones.
    """
    rows = _plain(items)
    with tallies.confined(_stored_zones(rows)):
        changed = _set_flag(rows, "hidden", hidden)
        if items.model is Article:
            restate_first(Metric.objects.filter(mentions__article__in=changed).distinct())
    return changed


def restate_first(metrics, *, excluding=None):
    """Each of ``metrics`` takes its earliest statement in a shown article (else in a hidden one) as first.

    A figure is shown while the article of its first statement is, so hiding an
    article must not hide a figure another shown article states too, and showing
    it again gives the figure back its earliest statement. ``excluding``: an
    article about to be deleted. A place a curator set is kept. Returns the
    metrics no statement is left for.
    """
    metrics = list(metrics)
    mentions = (
        MetricMention.objects.filter(metric__in=[metric.pk for metric in metrics])
        .order_by("metric_id", "article__hidden", "article_id", "offset", "pk")
        .values_list("metric_id", "article_id", "sentence", "offset")
    )
    if excluding is not None:
        mentions = mentions.exclude(article=excluding)
    first = {}
    for metric_pk, article_pk, sentence, offset in mentions:
        first.setdefault(metric_pk, {"article": Article(pk=article_pk), "sentence": sentence, "offset": offset})
    moved, unstated, now = [], [], timezone.now()
    for metric in metrics:
        if metric.pk not in first:
            unstated.append(metric)
        elif model_update(metric, first[metric.pk], curated=set(metric.curated_fields)).changed:
            metric.updated_at = now
            moved.append(metric)
    Metric.objects.bulk_update(moved, ["article", "sentence", "offset", "updated_at"])
    return unstated


@transaction.atomic
def tombstone(obj) -> Tombstone:
    """Record that a curator deleted ``obj`` so the ingest never recreates it.

    Deleting an article also deletes the figures first stated in it; its
    statements are recorded by place, not by fact, since another article of
    the zone may state the same figure: such a figure is handed to its next
    statement and survives. Call before deleting ``obj``.
    """
    if isinstance(obj, Article):
        for offset, raw in obj.metric_mentions.values_list("offset", "raw"):
            Tombstone.objects.get_or_create(
                model=Tombstone.Kind.METRIC, key=identity.metric_place_key(obj.key, offset, raw)
            )
        # Figures first stated here and elsewhere too survive, first stated there now.
        restate_first(Metric.objects.filter(article=obj), excluding=obj)
    if isinstance(obj, Metric):
        Tombstone.objects.get_or_create(
            model=Tombstone.Kind.METRIC,
            key=identity.metric_sentence_key(obj.article.key, obj.sentence, obj.raw),
        )
    stone, _ = Tombstone.objects.get_or_create(
        model=TOMBSTONE_KINDS[type(obj)], key=identity.tombstone_key(obj)
    )
    return stone


@dataclass
class MergeResult:
    survivor: object
    merged: list = field(default_factory=list)  # names of the rows merged away
    moved: dict = field(default_factory=dict)  # what moved: {"articles": 3, …}
    aliases_added: list = field(default_factory=list)


def _merge_into(mention_target: Initiative, other: Initiative) -> int:
    """Move ``other``'s mentions onto ``mention_target``, dropping exact duplicates."""
    taken = set(mention_target.mentions.values_list("article_id", "offset"))
    moved = 0
    for mention in other.mentions.all():
        if (mention.article_id, mention.offset) in taken:
            mention.delete()
            continue
        mention.initiative = mention_target
        mention.save(update_fields=["initiative"])
        taken.add((mention.article_id, mention.offset))
        moved += 1
    return moved


@transaction.atomic
def merge_initiatives(*, survivor: Initiative, others: Iterable[Initiative]) -> MergeResult:
    """Fold ``others`` into ``survivor``: their mentions (and so their articles) move to it.

    The merged rows are deleted and tombstoned: the ingest must not bring them back
    as separate initiatives.
    """
    others = [o for o in others if o.pk != survivor.pk]
    if not others:
        raise ValueError("合并需要至少两个不同的举措。")
    result = MergeResult(survivor=survivor, moved={"mentions": 0})
    fill = []
    # The counts change in the initiatives' zones only: its recount covers those (tallies.py).
    with tallies.confined({survivor.zone_id, *(other.zone_id for other in others)}):
        _merge_initiatives(survivor, others, result, fill)
    return result


def _merge_initiatives(survivor, others, result, fill):
    """``merge_initiatives``' writes: ``result`` and ``fill`` (the survivor's fields to save) filled in."""
    for other in others:
        result.moved["mentions"] += _merge_into(survivor, other)
        # Keep the survivor's own description and zone; borrow the other's only where it has none.
        for name in ("description", "zone_id"):
            if not getattr(survivor, name) and getattr(other, name):
                setattr(survivor, name, getattr(other, name))
                fill.append(name.removesuffix("_id"))
        result.merged.append(other.name)
        for alias in [other.name, *other.aliases]:
            if alias != survivor.name and alias not in survivor.aliases:
                survivor.aliases = [*survivor.aliases, alias]
                fill.append("aliases")
        Tombstone.objects.get_or_create(model=Tombstone.Kind.INITIATIVE, key=other.key)
        other.delete()
    if fill:
        survivor.save(update_fields=sorted(set(fill)) + ["updated_at"])


def _move_initiatives(survivor: Zone, others: list[Zone]) -> tuple[int, int]:
    moved = folded = 0
    for initiative in Initiative.objects.filter(zone__in=others).order_by("pk"):
        key = identity.initiative_key(survivor.pk, initiative.name)
        twin = Initiative.objects.filter(key=key).exclude(pk=initiative.pk).first()
        if twin is not None:
            # The survivor already has this programme: one initiative, all mentions.
            merge_initiatives(survivor=twin, others=[initiative])
            folded += 1
        else:
            initiative.zone = survivor
            initiative.key = key
            initiative.save(update_fields=["zone", "key", "updated_at"])
            moved += 1
    return moved, folded


@transaction.atomic
def merge_zones(*, survivor: Zone, others: Iterable[Zone]) -> MergeResult:
    """Merge ``others`` into ``survivor``: every relation moves, their names become aliases.

    Articles (as primary zone and as mentioned zone), initiatives (re-keyed to the
    survivor's id, folded into the survivor's own when it already has one of the
    same name) and metrics move; the merged zones are deleted. Their names are kept
    as the survivor's aliases, recorded as curated, so the ingest links future
    mentions to the survivor and reference reloads neither drop the aliases nor
    recreate the merged zones.
    """
    others = [o for o in others if o.pk != survivor.pk]
    if not others:
        raise ValueError("合并需要至少两个不同的高新区。")
    # Every row moved is one of these zones' before and the survivor's after: only their counts change.
    with tallies.confined({survivor.pk, *(other.pk for other in others)}):
        return _merge_zones(survivor, others)


def _merge_zones(survivor, others):
    result = MergeResult(survivor=survivor)
    moved = result.moved

    moved["articles"] = Article.objects.filter(zone__in=others).update(zone=survivor)

    links = Article.zones.through.objects
    other_links = links.filter(zone__in=others)
    linked = set(links.filter(zone=survivor).values_list("article_id", flat=True))
    new = set(other_links.values_list("article_id", flat=True)) - linked
    links.bulk_create([links.model(article_id=pk, zone=survivor) for pk in sorted(new)])
    other_links.delete()
    moved["mentioned_in"] = len(new)

    moved["initiatives"], moved["initiatives_folded"] = _move_initiatives(survivor, others)
    moved["metrics"] = Metric.objects.filter(zone__in=others).update(zone=survivor)

    aliases = list(survivor.aliases or [])
    own = {survivor.name, survivor.full_name}
    for other in others:
        for name in [other.name, other.full_name, *(other.aliases or [])]:
            if name and name not in own and name not in aliases:
                aliases.append(name)
                result.aliases_added.append(name)
        result.merged.append(other.name)
    survivor.aliases = aliases
    record_curated_fields(survivor, ["aliases"])
    Zone.objects.filter(pk__in=[o.pk for o in others]).delete()
    survivor.save(update_fields=["aliases", "curated_fields", "updated_at"])
    return result


def zone_merge_preview(zones: Iterable[Zone]) -> list[dict]:
    """What each zone would bring to a merge, for the confirmation page (one query)."""
    pks = [z.pk for z in zones]
    rows = (
        Zone.objects.filter(pk__in=pks)
        .annotate(
            n_articles=models.Count("primary_articles", distinct=True),
            n_mentioned=models.Count("articles", distinct=True),
            n_initiatives=models.Count("initiatives", distinct=True),
            n_metrics=models.Count("metrics", distinct=True),
        )
        .order_by("province", "name")
    )
    return [
        {
            "zone": z,
            "articles": z.n_articles,
            "mentioned": z.n_mentioned,
            "initiatives": z.n_initiatives,
            "metrics": z.n_metrics,
            # The reference data often repeats the full name among the aliases.
            "names": list(dict.fromkeys(n for n in [z.name, z.full_name, *z.aliases] if n)),
        }
        for z in rows
    ]


def initiative_merge_preview(initiatives: Iterable[Initiative]) -> list[dict]:
    """Mentions and distinct articles per initiative, for the confirmation page (one query)."""
    pks = [i.pk for i in initiatives]
    rows = (
        Initiative.objects.filter(pk__in=pks)
        .select_related("zone")
        .annotate(
            n_mentions=models.Count("mentions", distinct=True),
            n_articles=models.Count("mentions__article", distinct=True),
        )
        .order_by("zone__name", "name")
    )
    return [
        {"initiative": i, "mentions": i.n_mentions, "articles": i.n_articles} for i in rows
    ]

