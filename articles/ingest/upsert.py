"""The ingest's only database writer: an analysed page in, rows created or updated in place.

Identity, so a re-ingest updates instead of duplicating: the keys of
``articles.identity`` (a source by its file name, an article by its source
and position, an initiative by its zone's id and normalised name -- one per
zone and programme, each sentence naming it an InitiativeMention, its name
and category from the first article naming it -- a metric by its
article, sentence offset and raw figure, with a fallback on article + raw +
sentence so an offset shifted by an edit earlier in the page keeps the row).

Curation always wins:
  - a field named in ``curated_fields`` is never overwritten
    (``core.services.model_update``); what the ingest produced is still stored
    in ``ingested_values`` for comparison;
  - ``hidden`` and ``verified`` are never touched;
  - a key in Tombstone (deleted by a curator) is never recreated, nor its facts;
    a deleted metric is also found by its sentence (``identity.metric_sentence_key``),
    so it stays deleted when its offset shifts;
  - a zone merged into another is an alias of the survivor and resolves to it.

What the ingest no longer produces:
  - articles (a page now yields fewer) are left alone and counted as stale;
  - metrics are deleted when nobody curated them (not verified, not hidden, no
    curated field): they are the ingest's own earlier reading, and keeping them
    would leave a wrong figure beside its corrected one. Curated, verified or
    hidden metrics are kept and counted as stale;
  - initiative mentions (no curation state of their own) follow the article;
    initiatives themselves are kept, since other articles may name them.

An unchanged page performs no UPDATE at all: every write is guarded by a
field-by-field comparison.
"""


from django.db.models import Min, Q

from articles import identity, selectors
from articles.ingest import duplicates
from articles.ingest.counts import IngestCounts, PageOutcome
from articles.ingest.sources import upsert_source
from articles.ingest.zones import ZoneResolver
from articles.models import (
    Article,
    Initiative,
    InitiativeMention,
    InitiativeType,
    Metric,
    Source,
    Tombstone,
)
from articles.search import add_terms, index_articles
from core.services import model_update

ARTICLE_FIELDS = (
    "column", "kicker", "title", "subtitle", "byline", "authors", "kind",
    "body", "captions", "headings", "original_text", "year",
)
INITIATIVE_FIELDS = ("name", "category")
METRIC_FIELDS = (
    "label", "raw", "value", "value_max", "unit", "normalized_value", "normalized_max",
    "normalized_unit", "qualifier", "year", "period", "sentence", "offset",
)


# ---------------------------------------------------------------- helpers


def _tally_update(tally, *, changed, curated_differs):
    if changed:
        tally.updated += 1
    elif curated_differs:
        tally.skipped_curated += 1
    else:
        tally.unchanged += 1


def _save(obj, changed, ingested):
    """Save ``changed`` fields and the ingest's latest reading; nothing when neither changed."""
    fields = list(changed)
    if obj.ingested_values != ingested:
        obj.ingested_values = ingested
        fields.append("ingested_values")
    if fields:
        obj.save(update_fields=[*fields, "updated_at"])


# ---------------------------------------------------------------- services


def _stored_articles(articles):
    """{key: article} with what the comparison reads, in one query (and one for their zones)."""
    return {a.key: a for a in articles.select_related("zone").prefetch_related("zones")}


def _dating(source, result):
    """The article's date, year and what the year rests on: its source's date, else its text."""
    if source.date:
        return {"date": source.date, "year": source.date.year, "date_source": "source"}
    return {"date": None, "year": result.year, "date_source": "text" if result.year else ""}


def _stored_copy(source, block):
    """(article, verdict) of an article of another source that this block repeats, if any."""
    title_key = identity.text_key(block.title)
    if len(title_key) < 6:
        return None, "different"
    candidates = (
        Article.objects.filter(title_key=title_key).exclude(source=source).order_by("pk")[:5]
    )
    best = None, "different"
    for candidate in candidates:
        found = duplicates.verdict(candidate.body, block.body)
        if found == "same":
            return candidate, found
        if found == "maybe" and best[0] is None:
            best = candidate, found
    return best


def upsert_article(*, source, result, zones, tally, deleted_keys, stored=None):
    """Create or update the article of ``result``; None when a curator deleted it.

    A new article that repeats one stored from another page (duplicates.py) is
    not created again: that page becomes one more of its sources (None is
    returned, ``tally.merged`` counted); a likely but unsure repeat is created
    and marked for a curator.
    """
    block = result.block
    key = identity.article_key(source.name, block.position)
    if key in deleted_keys:
        tally.skipped_deleted += 1
        return None, False
    values = {
        "column": block.column[:64],
        "kicker": block.kicker[:255],
        "title": block.title[:255],
        "subtitle": block.subtitle[:255],
        "byline": block.byline[:255],
        "authors": list(block.authors),
        "kind": block.kind,
        "body": block.body,
        "captions": list(block.captions),
        "headings": [
            {"before": at, "text": text}
            for text, at in zip(block.headings, block.heading_positions)
        ],
        "original_text": block.original,
        **_dating(source, result),
    }
    primary = zones[0] if zones else None
    ingested = {**values, "date": values["date"].isoformat() if values["date"] else None,
                "zone": primary.name if primary else None, "zones": [zone.name for zone in zones]}
    if stored is None:
        stored = _stored_articles(Article.objects.filter(key=key))
    article = stored.get(key)
    if article is None:
        copy, found = _stored_copy(source, block)
        if found == "same":
            copy.sources.add(source)
            tally.merged += 1
            return None, False
        article = Article.objects.create(
            key=key, source=source, position=block.position, zone=primary,
            possible_duplicate_of=copy, title_key=identity.text_key(block.title),
            ingested_values=ingested, **values,
        )
        article.zones.set(zones)
        tally.created += 1
        return article, True

    curated = set(article.curated_fields)
    update = model_update(article, {**values, "zone": primary}, curated=curated)
    changed, curated_differs = update.changed, update.curated_held
    if "title" in changed:
        article.title_key = identity.text_key(article.title)
        changed.append("title_key")
    _save(article, changed, ingested)
    if {zone.pk for zone in article.zones.all()} != {zone.pk for zone in zones}:
        if "zones" in curated:
            curated_differs = True
        else:
            article.zones.set(zones)
            changed.append("zones")
    _tally_update(tally, changed=changed, curated_differs=curated_differs)
    return article, bool(changed)


def _merged_into(zone, keys):
    """{key: survivor} for keys naming an initiative a curator merged into another."""
    if not keys:
        return {}
    found = {}
    for initiative in Initiative.objects.filter(zone=zone):
        for alias in initiative.aliases:
            key = identity.initiative_key(zone.pk if zone else None, alias)
            if key in keys:
                found[key] = initiative
    return found


def upsert_initiatives(*, article, facts, counts, deleted_keys, new_names=None):
    """One initiative per zone + programme; one mention per sentence naming it."""
    zone = article.zone  # after curation: a curator's zone fix carries over
    groups = {}
    for fact in facts:
        if identity.normalise_name(fact.name):
            key = identity.initiative_key(zone.pk if zone else None, fact.name)
            groups.setdefault(key, []).append(fact)
    existing = {i.key: i for i in Initiative.objects.filter(key__in=groups)}
    existing.update(_merged_into(zone, set(groups) - set(existing)))
    # Its first article (lowest id among its mentions) is the one whose reading it keeps.
    first_article = dict(
        InitiativeMention.objects.filter(initiative__in=[i.pk for i in existing.values()])
        .values("initiative")
        .annotate(first=Min("article_id"))
        .values_list("initiative", "first")
    )
    kept_mentions, new_mentions = set(), []
    old_mentions = {(m.initiative_id, m.offset): m for m in article.initiative_mentions.all()}
    types = _initiative_types(facts)
    for key, group in groups.items():
        if key in deleted_keys and key not in existing:
            counts.initiatives.skipped_deleted += 1
            # A curator merged this programme into another: the mention at this
            # sentence was moved to the survivor and stays there.
            offsets = {fact.offset for fact in group}
            kept_mentions.update(place for place in old_mentions if place[1] in offsets)
            continue
        first = group[0]
        # A type a curator set is in curated_fields, so model_update keeps it.
        values = {"name": first.name[:128], "category": first.category, "type": types.get(first.type)}
        ingested = {**values, "zone": zone.name if zone else None, "type": first.type or None}
        initiative = existing.get(key)
        if initiative is None:
            initiative = Initiative.objects.create(
                key=key, zone=zone, ingested_values=ingested, **values
            )
            counts.initiatives.created += 1
            if new_names is not None:
                new_names.append(initiative.name)
        elif initiative.key != key or first_article.get(initiative.pk) not in (None, article.pk):
            # Named again in another article: that adds a mention below. Its own
            # values come from its first article only, so two articles reading
            # the programme a little differently cannot flip it back and forth.
            # (When that article goes, the next one becomes its first.)
            counts.initiatives.unchanged += 1
        else:
            update = model_update(initiative, values, curated=set(initiative.curated_fields))
            changed, curated_differs = update.changed, update.curated_held
            _save(initiative, changed, ingested)
            _tally_update(counts.initiatives, changed=changed, curated_differs=curated_differs)
        for fact in group:
            place = (initiative.pk, fact.offset)
            if place in kept_mentions:
                continue
            kept_mentions.add(place)
            mention = old_mentions.get(place)
            if mention is None:
                new_mentions.append(InitiativeMention(
                    initiative=initiative, article=article, sentence=fact.sentence,
                    offset=fact.offset,
                ))
            elif mention.sentence != fact.sentence:
                mention.sentence = fact.sentence
                mention.save(update_fields=["sentence"])
                counts.mentions.updated += 1
            else:
                counts.mentions.unchanged += 1
    InitiativeMention.objects.bulk_create(new_mentions)
    counts.mentions.created += len(new_mentions)
    gone = [m.pk for place, m in old_mentions.items() if place not in kept_mentions]
    if gone:
        InitiativeMention.objects.filter(pk__in=gone).delete()
        counts.mentions.deleted += len(gone)


def _initiative_types(facts):
    """{slug: InitiativeType} for the types these facts name; no query when none names one."""
    slugs = {fact.type for fact in facts if fact.type}
    return {t.slug: t for t in InitiativeType.objects.filter(slug__in=slugs)} if slugs else {}


def _metric_values(fact, zone):
    return {
        "zone": zone,
        "label": fact.label[:64],
        "raw": fact.raw[:64],
        "value": fact.value,
        "value_max": fact.value_max,
        "unit": fact.unit[:16],
        "normalized_value": fact.normalized_value,
        "normalized_max": fact.normalized_max,
        "normalized_unit": (fact.normalized_unit or "")[:16],
        "qualifier": fact.qualifier,
        "year": fact.year,
        "period": (fact.period or "")[:32],
        "sentence": fact.sentence,
        "offset": fact.offset,
    }


def upsert_metrics(*, article, facts, tally, deleted_keys):
    zone = article.zone
    existing = list(article.metrics.all())
    by_key = {m.key: m for m in existing}
    keyed, taken = [], set()
    for fact in facts:
        key = identity.metric_key(article.key, fact.offset, fact.raw)
        n = 2
        while key in taken:  # the same figure twice in one sentence
            key, n = identity.metric_key(article.key, fact.offset, f"{fact.raw}#{n}"), n + 1
        taken.add(key)
        keyed.append((key, fact))

    # Exact keys first, so the offset fallback never takes a row another fact owns.
    matched = {key: by_key[key] for key, _ in keyed if key in by_key}
    claimed = {m.pk for m in matched.values()}
    for key, fact in keyed:
        if key in matched or key in deleted_keys:
            continue
        for metric in existing:
            if (metric.pk not in claimed and metric.raw == fact.raw[:64]
                    and metric.sentence == fact.sentence):
                matched[key] = metric
                claimed.add(metric.pk)
                break

    new = []  # created in one statement: a page has dozens of figures
    for key, fact in keyed:
        metric = matched.get(key)
        if key in deleted_keys or (
            metric is None
            and identity.metric_sentence_key(article.key, fact.sentence, fact.raw[:64]) in deleted_keys
        ):
            tally.skipped_deleted += 1
            continue
        values = _metric_values(fact, zone)
        ingested = {**{k: v for k, v in values.items() if k != "zone"},
                    "zone": zone.name if zone else None}
        if metric is None:
            new.append(Metric(key=key, article=article, ingested_values=ingested, **values))
            continue
        update = model_update(metric, values, curated=set(metric.curated_fields))
        changed, curated_differs = update.changed, update.curated_held
        moved = metric.key != key  # its offset shifted: bookkeeping, not a changed figure
        metric.key = key
        _save(metric, [*changed, "key"] if moved else changed, ingested)
        _tally_update(tally, changed=changed, curated_differs=curated_differs)

    Metric.objects.bulk_create(new)
    tally.created += len(new)
    stale = [m for m in existing if m.pk not in claimed]
    removable = [m.pk for m in stale if not (m.verified or m.hidden or m.curated_fields)]
    if removable:
        Metric.objects.filter(pk__in=removable).delete()
    tally.deleted += len(removable)
    tally.stale += len(stale) - len(removable)


def upsert_page(*, result, original=None):
    """Store one analysed page (call inside ``transaction.atomic()``).

    ``original``: the path of the file it was read from, kept with the source.
    """
    page = result.page
    counts = IngestCounts()
    twin = (
        Source.objects.filter(content_hash=page.content_hash)
        .exclude(name=identity.source_name(page.name))
        .first()
    )
    if twin is not None:
        return PageOutcome(source=None, counts=counts, duplicate_of=twin.name)

    source = upsert_source(page=page, column=result.column, original=original)
    zones = ZoneResolver()
    deleted = {
        kind: selectors.tombstoned_keys(kind)
        for kind in (Tombstone.Kind.ARTICLE, Tombstone.Kind.INITIATIVE, Tombstone.Kind.METRIC)
    }
    written, positions, new_names = [], set(), []
    stored = _stored_articles(source.articles.all())
    for item in result.articles:
        positions.add(item.block.position)
        article, changed = upsert_article(
            source=source, result=item, zones=zones.resolve_all(item.zones),
            tally=counts.articles, deleted_keys=deleted[Tombstone.Kind.ARTICLE], stored=stored,
        )
        if article is None:
            continue
        if changed:
            written.append(article.pk)
        upsert_initiatives(
            article=article, facts=item.initiatives, counts=counts,
            deleted_keys=deleted[Tombstone.Kind.INITIATIVE], new_names=new_names,
        )
        upsert_metrics(
            article=article, facts=item.metrics, tally=counts.metrics,
            deleted_keys=deleted[Tombstone.Kind.METRIC],
        )
    # A page that now yields fewer articles: the extra ones may carry curated
    # work, so they stay; the summary says how many.
    counts.articles.stale += source.articles.filter(~Q(position__in=positions)).count()
    counts.zones_created = len(zones.created)
    new_names += [name for zone in zones.created for name in zone.all_names]
    if written:
        _after_articles_written(written, new_names)
    return PageOutcome(source=source, counts=counts, article_ids=written)


def _after_articles_written(article_ids, new_names):
    """Re-segment the full-text columns of the articles just created or changed.

    Called once per page, after its zones and initiatives are stored: their
    names join the segmentation dictionary first, so the articles are indexed
    with them (only this page's new names are added, not every stored one).
    """
    add_terms(new_names)
    index_articles(Article.objects.filter(pk__in=article_ids), refresh=False)
