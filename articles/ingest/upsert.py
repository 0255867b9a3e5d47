"""The ingest's only database writer: an analysed page in, rows created or updated in place.

Identity, so a re-ingest updates instead of duplicating: the keys of
``articles.identity`` (a source by its file name, an article by its source
and position, an initiative by its zone's id and normalised name -- one per
zone and programme, each sentence naming it an InitiativeMention, its name
and category from the first article naming it -- a metric by the fact it
states: zone, indicator or label, kind, year, period, unit and value(s), so the
same figure in a lead and its body, or in two articles of a zone, is one metric
with a MetricMention per statement, its reading and first statement from the
earliest article stating it).

Curation always wins:
  - a field named in ``curated_fields`` is never overwritten
    (``core.services.model_update``); what the ingest produced is still stored
    in ``ingested_values`` for comparison;
  - ``hidden`` and ``verified`` are never touched;
  - a key in Tombstone (deleted by a curator) is never recreated, nor its facts;
    a metric deleted before metrics were keyed by fact stays deleted by its
    place or sentence (``identity.metric_place_key``, ``metric_sentence_key``);
  - a zone merged into another is an alias of the survivor and resolves to it.

What the ingest no longer produces:
  - articles (a page now yields fewer) are left alone and counted as stale;
  - a metric no article states any more is deleted when nobody curated it (not
    verified, not hidden, no curated field): it is the ingest's own earlier
    reading, and keeping it would leave a wrong figure beside its corrected one.
    Curated, verified or hidden metrics are kept and counted as stale;
  - initiative mentions (no curation state of their own) follow the article;
    initiatives themselves are kept, since other articles may name them.

An unchanged page performs no UPDATE at all: every write is guarded by a
field-by-field comparison.
"""


from django.db.models import Min, Q
from django.utils import timezone

from articles import identity, selectors
from articles.curation import restate_first
from articles.ingest import duplicates
from articles.ingest.counts import IngestCounts, PageOutcome
from articles.ingest.sources import upsert_source
from articles.ingest.zones import ZoneResolver
from articles.models import (
    Article,
    Indicator,
    Initiative,
    InitiativeMention,
    InitiativeType,
    Metric,
    MetricMention,
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


class PageInserts:
    """New rows no later read of the page depends on, inserted together when the page is done.

    A new article's zones and every new mention: one INSERT per table and page
    instead of one per article.
    """

    def __init__(self):
        self.rows = {}  # model -> its new rows, in order

    def add(self, model, rows):
        self.rows.setdefault(model, []).extend(rows)

    def flush(self):
        for model, rows in self.rows.items():
            model.objects.bulk_create(rows)
        self.rows.clear()


def _insert(pending, model, rows):
    """Insert ``rows`` now, or with the page's other new rows when ``pending`` (a PageInserts)."""
    if pending is None:
        model.objects.bulk_create(rows)
    else:
        pending.add(model, rows)


# ---------------------------------------------------------------- services


def _stored_articles(articles):
    """{key: article} with what the comparison reads, in one query (and one for their zones)."""
    return {a.key: a for a in articles.select_related("zone").prefetch_related("zones")}


def _dating(source, result):
    """The article's date, year and what the year rests on: its source's date, else its text."""
    if source.date:
        return {"date": source.date, "year": source.date.year, "date_source": "source"}
    return {"date": None, "year": result.year, "date_source": "text" if result.year else ""}


def _copy_candidates(source, blocks):
    """{title key: up to 5 articles of other sources with that title key}, for every block, in one query."""
    keys = {identity.text_key(block.title) for block in blocks}
    rows = Article.objects.filter(title_key__in=[key for key in keys if len(key) >= 6])
    first = {}  # the ids first, so a common title costs no more than its first five bodies
    for pk, title_key in rows.exclude(source=source).order_by("pk").values_list("pk", "title_key"):
        first.setdefault(title_key, [])
        if len(first[title_key]) < 5:
            first[title_key].append(pk)
    if not first:
        return {}
    bodies = Article.objects.only("pk", "body").in_bulk([pk for pks in first.values() for pk in pks])
    return {title_key: [bodies[pk] for pk in pks] for title_key, pks in first.items()}


def _stored_copy(source, block, candidates=None):
    """(article, verdict) of an article of another source that this block repeats, if any.

    ``candidates``: ``_copy_candidates`` of the page, read once for all its blocks.
    """
    title_key = identity.text_key(block.title)
    if len(title_key) < 6:
        return None, "different"
    if candidates is None:
        candidates = _copy_candidates(source, [block])
    candidates = candidates.get(title_key, [])
    best = None, "different"
    for candidate in candidates:
        found = duplicates.verdict(candidate.body, block.body)
        if found == "same":
            return candidate, found
        if found == "maybe" and best[0] is None:
            best = candidate, found
    return best


def upsert_article(*, source, result, zones, tally, deleted_keys, stored=None, copies=None,
                   pending=None):
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
        copy, found = _stored_copy(source, block, copies)
        if found == "same":
            copy.sources.add(source)
            tally.merged += 1
            return None, False
        article = Article.objects.create(
            key=key, source=source, position=block.position, zone=primary,
            possible_duplicate_of=copy, title_key=identity.text_key(block.title),
            ingested_values=ingested, **values,
        )
        # A new article has no zones yet: one insert, not set()'s read-compare-write.
        _insert(pending, Article.zones.through,
                [Article.zones.through(article=article, zone=zone) for zone in zones])
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


def initiative_groups(article, facts):
    """{key: facts} of the programmes ``facts`` name, keyed by the article's zone (a curator's fix included)."""
    zone = article.zone
    groups = {}
    for fact in facts:
        if identity.normalise_name(fact.name):
            groups.setdefault(identity.initiative_key(zone.pk if zone else None, fact.name), []).append(fact)
    return groups


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
        # Its first article (lowest id among its mentions) is the one whose reading it keeps.
        self.first_article = dict(
            InitiativeMention.objects.filter(initiative__in=[i.pk for i in self.initiatives.values()])
            .order_by()
            .values("initiative")
            .annotate(first=Min("article_id"))
            .values_list("initiative", "first")
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
        return self.first_article.get(initiative.pk)

    def named(self, initiative, article):
        """Record that ``article`` names ``initiative`` (its first article may be this one now)."""
        first = self.first_article.get(initiative.pk, article.pk)
        self.first_article[initiative.pk] = min(first, article.pk)

    def unnamed(self, initiative_ids):
        """Mentions of these initiatives were deleted: their first articles are read again."""
        for pk in initiative_ids:
            self.first_article.pop(pk, None)
        self.first_article.update(
            InitiativeMention.objects.filter(initiative__in=initiative_ids)
            .order_by()
            .values("initiative")
            .annotate(first=Min("article_id"))
            .values_list("initiative", "first")
        )


def _merged_into(zones, keys):
    """{key: survivor} for keys naming an initiative a curator merged into another, in ``zones``."""
    if not keys or not zones:
        return {}
    found = {}
    zone_ids = [zone.pk for zone in zones if zone is not None]
    merged = Initiative.objects.exclude(aliases=[]).order_by()
    if None in zones:
        merged = merged.filter(Q(zone__in=zone_ids) | Q(zone__isnull=True))
    else:
        merged = merged.filter(zone__in=zone_ids)
    for initiative in merged:
        for alias in initiative.aliases:
            key = identity.initiative_key(initiative.zone_id, alias)
            if key in keys:
                found[key] = initiative
    return found


def upsert_initiatives(*, article, groups, counts, deleted_keys, reads, new_names=None, new_article=False):
    """One initiative per zone + programme; one mention per sentence naming it.

    ``groups``: ``initiative_groups`` of the article; ``reads``: the page's
    PageReads. ``new_article``: it was created just now, so it has no mentions
    to compare. Returns the new mentions (inserted with the page's others).
    """
    zone = article.zone
    existing = reads.initiatives
    kept_mentions, new_mentions = set(), []
    old_mentions = (
        {} if new_article
        else {(m.initiative_id, m.offset): m for m in reads.initiative_mentions.get(article.pk, ())}
    )
    types = reads.types
    created = [
        Initiative(key=key, zone=zone, ingested_values=ingested, **values)
        for key, values, ingested in _new_initiatives(groups, existing, deleted_keys, zone, types)
    ]
    # One insert for the article's new programmes (their ids come back from it).
    existing.update((initiative.key, initiative) for initiative in Initiative.objects.bulk_create(created))
    counts.initiatives.created += len(created)
    if new_names is not None:
        new_names.extend(initiative.name for initiative in created)
    fresh = {initiative.key for initiative in created}
    for key, group in groups.items():
        if key in deleted_keys and key not in existing:
            counts.initiatives.skipped_deleted += 1
            # A curator merged this programme into another: the mention at this
            # sentence was moved to the survivor and stays there.
            offsets = {fact.offset for fact in group}
            kept_mentions.update(place for place in old_mentions if place[1] in offsets)
            continue
        initiative = existing[key]
        if key in fresh:
            pass  # just created with this article's reading
        elif initiative.key != key or reads.first_article_of(initiative) not in (None, article.pk):
            # Named again in another article: that adds a mention below. Its own
            # values come from its first article only, so two articles reading
            # the programme a little differently cannot flip it back and forth.
            # (When that article goes, the next one becomes its first.)
            counts.initiatives.unchanged += 1
        else:
            values, ingested = _initiative_values(group[0], zone, types)
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
    for mention in new_mentions:
        reads.named(mention.initiative, article)
    counts.mentions.created += len(new_mentions)
    gone = [m for place, m in old_mentions.items() if place not in kept_mentions]
    if gone:
        InitiativeMention.objects.filter(pk__in=[m.pk for m in gone]).delete()
        counts.mentions.deleted += len(gone)
        reads.unnamed({m.initiative_id for m in gone})
    return new_mentions


def _initiative_values(first, zone, types):
    """(values, ingested_values) of an initiative as its first fact reads it."""
    # A type a curator set is in curated_fields, so model_update keeps it.
    values = {"name": first.name[:128], "category": first.category, "type": types.get(first.type)}
    return values, {**values, "zone": zone.name if zone else None, "type": first.type or None}


def _new_initiatives(groups, existing, deleted_keys, zone, types):
    """(key, values, ingested_values) of each programme of ``groups`` not stored yet, nor deleted."""
    for key, group in groups.items():
        if key not in existing and key not in deleted_keys:
            yield (key, *_initiative_values(group[0], zone, types))


def _metric_values(fact, zone, indicator):
    """The ingest's reading of a figure (where it was first stated is set from its mentions)."""
    return {
        "zone": zone,
        "indicator": indicator,
        "label": fact.label[:64],
        "kind": fact.kind,
        "raw": fact.raw[:64],
        "value": fact.value,
        "value_from": fact.value_from,
        "value_max": fact.value_max,
        "unit": fact.unit[:16],
        "normalized_value": fact.normalized_value,
        "normalized_from": fact.normalized_from,
        "normalized_max": fact.normalized_max,
        "normalized_unit": (fact.normalized_unit or "")[:16],
        "qualifier": fact.qualifier,
        "year": fact.year,
        "period": (fact.period or "")[:32],
    }


def _metric_key(article, fact):
    """``identity.metric_key`` of a fact: its normalised value(s) and unit where it has them."""
    if fact.normalized_value is None:
        unit, numbers = fact.unit, (fact.value, fact.value_from, fact.value_max)
    else:
        unit = fact.normalized_unit or fact.unit
        numbers = (
            fact.normalized_value,
            fact.value_from if fact.normalized_from is None else fact.normalized_from,
            fact.value_max if fact.normalized_max is None else fact.normalized_max,
        )
    value, value_from, value_max = numbers
    return identity.metric_key(
        zone_id=article.zone_id, article_key=article.key, indicator=fact.indicator,
        label=fact.label[:64], kind=fact.kind, year=fact.year, period=fact.period,
        unit=unit[:16], value=value, value_from=value_from, value_max=value_max,
    )


def _statement_deleted(article, fact, deleted_keys):
    """A curator deleted this statement before metrics were keyed by fact (identity.py)."""
    raw = fact.raw[:64]
    return (
        identity.metric_place_key(article.key, fact.offset, raw) in deleted_keys
        or identity.metric_sentence_key(article.key, fact.sentence, raw) in deleted_keys
    )


def metric_groups(article, facts, tally, deleted_keys):
    """{key: facts} of the figures ``facts`` state (``identity.metric_key``), a curator's deletions left out."""
    groups = {}  # key -> its facts, in body order
    for fact in facts:
        if _statement_deleted(article, fact, deleted_keys):
            tally.skipped_deleted += 1
        else:
            groups.setdefault(_metric_key(article, fact), []).append(fact)
    for key in [key for key in groups if key in deleted_keys]:
        del groups[key]
        tally.skipped_deleted += 1
    return groups


def upsert_metrics(*, article, groups, tally, reads, indicators=None, new_article=False, pending=None):
    """One metric per fact (``identity.metric_key``); one mention per statement of it here.

    A fact already stored -- from this article or another of its zone -- gains
    this article's mentions instead of a second row. ``groups``: ``metric_groups``
    of the article; ``reads``: the page's PageReads. ``indicators``: {slug:
    Indicator}, read once per page; an unknown slug leaves the figure 未归类.
    ``new_article``: it was created just now, so it has no mentions to compare.
    """
    indicators = indicators or {}
    zone = article.zone  # after curation: a curator's zone fix carries over
    old_mentions = [] if new_article else reads.metric_mentions.get(article.pk, [])
    stored = reads.metrics

    # A figure read differently at the same place (a year or indicator now
    # resolved) keeps its row, and with it a curator's work, under its new key.
    claimed = {stored[key].pk for key in groups if key in stored}
    at_place = {(m.offset, m.raw): m.metric for m in old_mentions}
    matched = {}
    for key, group in groups.items():
        metric = stored.get(key)
        if metric is None:
            for fact in group:
                candidate = at_place.get((fact.offset, fact.raw[:64]))
                if candidate is not None and candidate.pk not in claimed:
                    metric = candidate
                    claimed.add(metric.pk)
                    break
        matched[key] = metric

    new, changed, changed_fields, readings = [], [], set(), {}
    for key, group in groups.items():
        first = group[0]
        indicator = indicators.get(first.indicator)
        values = _metric_values(first, zone, indicator)
        ingested = {**values, "zone": zone.name if zone else None,
                    "indicator": indicator.slug if indicator else None}
        place = {"article": article, "sentence": first.sentence, "offset": first.offset}
        readings[key] = ({**values, **place}, ingested)
        metric = matched[key]
        if metric is None:
            matched[key] = Metric(key=key, ingested_values=ingested, **values, **place)
            new.append(matched[key])
            continue
        fields = []
        if metric.key != key:  # bookkeeping, not a changed figure
            stored.pop(metric.key, None)
            metric.key = key
            fields.append("key")
        if metric.article_id == article.pk or (article.pk < metric.article_id and not article.hidden):
            # Its first statement is (now) in this article, and its reading is this one's:
            # two articles reading a figure a little differently cannot flip it back and forth;
            # a hidden article takes no figure from a shown one (curation.restate_first).
            update, taken = _take_reading(metric, *readings[key])
            _tally_update(tally, changed=update.changed, curated_differs=update.curated_held)
            fields += taken
        else:
            tally.unchanged += 1
        if fields:
            changed.append(metric)
            changed_fields.update(fields)
    Metric.objects.bulk_create(new)
    tally.created += len(new)
    if changed:
        now = timezone.now()
        for metric in changed:
            metric.updated_at = now
        Metric.objects.bulk_update(changed, [*sorted(changed_fields), "updated_at"])
    stored.update((metric.key, metric) for metric in matched.values())

    for key, metric in matched.items():
        reads.readings.setdefault(metric.pk, {})[article.pk] = readings[key]
    _replace_mentions(article, groups, matched, old_mentions, pending)
    kept = {metric.pk for metric in matched.values()}
    reads.lost.update((m.metric_id, m.metric) for m in old_mentions if m.metric_id not in kept)


def _replace_mentions(article, groups, matched, old_mentions, pending=None):
    """This article's mentions made what ``groups`` says, by (offset, raw): updated, created, deleted."""
    wanted = {}
    for key, group in groups.items():
        for fact in group:
            statements = [(fact.offset, fact.sentence, fact.raw), *fact.restated]
            for offset, sentence, raw in statements:
                wanted.setdefault((offset, raw[:64], matched[key].pk), sentence)
    exact = {(m.offset, m.raw, m.metric_id): m for m in old_mentions}
    spare = {}  # the same place, now another metric's statement
    for place, mention in exact.items():
        if place not in wanted:
            spare.setdefault(place[:2], []).append(mention)
    new, updated = [], []
    for (offset, raw, metric_pk), sentence in wanted.items():
        mention = exact.get((offset, raw, metric_pk)) or (spare.get((offset, raw)) or [None]).pop()
        if mention is None:
            new.append(MetricMention(metric_id=metric_pk, article=article, raw=raw,
                                     sentence=sentence, offset=offset))
        elif (mention.metric_id, mention.sentence) != (metric_pk, sentence):
            mention.metric_id, mention.sentence = metric_pk, sentence
            updated.append(mention)
    gone = [m.pk for mentions in spare.values() for m in mentions]
    if gone:
        MetricMention.objects.filter(pk__in=gone).delete()
    if updated:
        MetricMention.objects.bulk_update(updated, ["metric", "sentence"])
    _insert(pending, MetricMention, new)


def _take_reading(metric, values, ingested):
    """Set ``metric`` to a statement's reading, curated fields held; nothing saved.

    Returns (the FieldUpdate of its values, every field to save).
    """
    update = model_update(metric, values, curated=set(metric.curated_fields))
    fields = list(update.changed)
    if metric.ingested_values != ingested:
        metric.ingested_values = ingested
        fields.append("ingested_values")
    return update, fields


def _after_mentions_lost(reads, tally):
    """Metrics the page's articles no longer state: first stated elsewhere now, or gone.

    Settled once the page's mentions are all written. A figure now first stated
    in another article of this page takes that article's reading. A metric nobody
    states any more is the ingest's own earlier reading and is deleted, unless a
    curator touched it (verified, hidden, a curated field): then it stays,
    counted as stale.
    """
    lost = {pk: metric for pk, metric in reads.lost.items() if metric.pk is not None}
    if not lost:
        return
    removable = []
    for metric in restate_first(lost.values()):
        if metric.verified or metric.hidden or metric.curated_fields:
            tally.stale += 1
        else:
            removable.append(metric.pk)
    if removable:
        Metric.objects.filter(pk__in=removable).delete()
        tally.deleted += len(removable)
    reread, fields = [], set()
    for pk, metric in lost.items():
        reading = reads.readings.get(pk, {}).get(metric.article_id)
        if pk not in removable and reading is not None:
            taken = _take_reading(metric, *reading)[1]
            if taken:
                reread.append(metric)
                fields.update(taken)
    if reread:
        now = timezone.now()
        for metric in reread:
            metric.updated_at = now
        Metric.objects.bulk_update(reread, [*sorted(fields), "updated_at"])


def _indicators(result):
    """{slug: Indicator} for the indicators the page's figures name; no query when none does."""
    slugs = {fact.indicator for item in result.articles for fact in item.metrics if fact.indicator}
    return {i.slug: i for i in Indicator.objects.filter(slug__in=slugs)} if slugs else {}


def _tombstones():
    """{kind: keys a curator deleted}, every kind in one query."""
    deleted = {kind: set() for kind in Tombstone.Kind.values}
    for kind, key in Tombstone.objects.order_by().values_list("model", "key"):
        deleted.setdefault(kind, set()).add(key)
    return deleted


def upsert_page(*, result, original=None):
    """Store one analysed page (call inside ``transaction.atomic()``).

    ``original``: the path of the file it was read from, kept with the source.
    The articles are written first, then their initiatives and metrics, compared
    with rows read once for the whole page (PageReads).
    """
    page = result.page
    counts = IngestCounts()
    twin = (
        Source.objects.filter(content_hash=page.content_hash)
        .exclude(name=identity.source_name(page.name))
        .order_by()
        .first()
    )
    if twin is not None:
        return PageOutcome(source=None, counts=counts, duplicate_of=twin.name)

    source = upsert_source(
        page=page, column=result.column, original=original, analysed_with=result.analysed_with
    )
    deleted = _tombstones()
    zones = ZoneResolver(deleted=deleted[Tombstone.Kind.ZONE])
    written, positions, new_names, stored_here = [], set(), [], []
    stored = _stored_articles(source.articles.order_by())
    copies = _copy_candidates(source, [item.block for item in result.articles])
    pending = PageInserts()
    for item in result.articles:
        positions.add(item.block.position)
        created_before = counts.articles.created
        article, changed = upsert_article(
            source=source, result=item, zones=zones.resolve_all(item.zones),
            tally=counts.articles, deleted_keys=deleted[Tombstone.Kind.ARTICLE], stored=stored,
            copies=copies, pending=pending,
        )
        if article is None:
            continue
        if changed:
            written.append(article.pk)
        stored_here.append((
            article,
            initiative_groups(article, item.initiatives),
            metric_groups(article, item.metrics, counts.metrics, deleted[Tombstone.Kind.METRIC]),
            counts.articles.created > created_before,
        ))
    reads = PageReads(stored_here)
    indicators = _indicators(result)
    for article, initiatives, metrics, new_article in stored_here:
        pending.add(InitiativeMention, upsert_initiatives(
            article=article, groups=initiatives, counts=counts,
            deleted_keys=deleted[Tombstone.Kind.INITIATIVE], reads=reads, new_names=new_names,
            new_article=new_article,
        ))
        upsert_metrics(
            article=article, groups=metrics, tally=counts.metrics, reads=reads,
            indicators=indicators, new_article=new_article, pending=pending,
        )
    pending.flush()
    _after_mentions_lost(reads, counts.metrics)
    # A page that now yields fewer articles: the extra ones may carry curated
    # work, so they stay; the summary says how many.
    counts.articles.stale += source.articles.filter(~Q(position__in=positions)).count()
    counts.zones_created = len(zones.created)
    new_names += [name for zone in zones.created for name in zone.all_names]
    if written:
        _after_articles_written(written, new_names, result.segmented)
    return PageOutcome(source=source, counts=counts, article_ids=written)


def _after_articles_written(article_ids, new_names, segmented=None):
    """Re-segment the full-text columns of the articles just created or changed.

    Called once per page, after its zones and initiatives are stored: their
    names join the segmentation dictionary first, so the articles are indexed
    with them (only this page's new names are added, not every stored one).
    ``segmented``: the columns an analysis worker computed, used where still valid.
    """
    add_terms(new_names)
    index_articles(Article.objects.filter(pk__in=article_ids), refresh=False, segmented=segmented)
