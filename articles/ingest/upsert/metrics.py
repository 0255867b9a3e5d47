"""Metrics: one per fact, a mention per statement; figures no longer stated settled once per page."""
from django.utils import timezone

from articles import identity
from articles.curation import restate_first
from articles.models import Metric, MetricMention
from core.services import model_update

from .common import _tally_update


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


def upsert_metrics(*, article, groups, tally, reads, pending, indicators=None, new_article=False):
    """One metric per fact (``identity.metric_key``); one mention per statement of it here.

    A fact already stored -- from this article or another of its zone, or new
    from an earlier article of the page -- gains this article's mentions instead
    of a second row. ``groups``: ``metric_groups`` of the article; ``reads``: the
    page's PageReads. ``indicators``: {slug: Indicator}, read once per page; an
    unknown slug leaves the figure 未归类. ``new_article``: it was created just
    now, so it has no mentions to compare. New metrics and mentions wait in
    ``pending`` (PageInserts) with the page's others.
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
        if fields and metric.pk is not None:  # a metric still to insert goes with this reading
            changed.append(metric)
            changed_fields.update(fields)
    pending.add(Metric, new)
    tally.created += len(new)
    if changed:
        now = timezone.now()
        for metric in changed:
            metric.updated_at = now
        Metric.objects.bulk_update(changed, [*sorted(changed_fields), "updated_at"])
    stored.update((metric.key, metric) for metric in matched.values())

    for key, metric in matched.items():
        if metric.pk is not None:  # only a stored metric can lose its first statement (_after_mentions_lost)
            reads.readings.setdefault(metric.pk, {})[article.pk] = readings[key]
    _replace_mentions(article, groups, matched, old_mentions, pending)
    kept = {metric.pk for metric in matched.values()}
    reads.lost.update((m.metric_id, m.metric) for m in old_mentions if m.metric_id not in kept)


def _replace_mentions(article, groups, matched, old_mentions, pending):
    """This article's mentions made what ``groups`` says, by (offset, raw): updated, created, deleted."""
    wanted = {}  # (offset, raw, metric key) -> (metric, sentence)
    for key, group in groups.items():
        for fact in group:
            statements = [(fact.offset, fact.sentence, fact.raw), *fact.restated]
            for offset, sentence, raw in statements:
                wanted.setdefault((offset, raw[:64], key), (matched[key], sentence))
    exact = {(m.offset, m.raw, m.metric_id): m for m in old_mentions}
    stated = {(offset, raw, metric.pk) for (offset, raw, _key), (metric, _s) in wanted.items()}
    spare = {}  # the same place, now another stored metric's statement
    for place, mention in exact.items():
        if place not in stated:
            spare.setdefault(place[:2], []).append(mention)
    new, updated = [], []
    for (offset, raw, _key), (metric, sentence) in wanted.items():
        mention = None
        if metric.pk is not None:  # a metric still to insert has no mention to take over
            mention = exact.get((offset, raw, metric.pk)) or (spare.get((offset, raw)) or [None]).pop()
        if mention is None:
            new.append(MetricMention(metric=metric, article=article, raw=raw,
                                     sentence=sentence, offset=offset))
        elif (mention.metric_id, mention.sentence) != (metric.pk, sentence):
            mention.metric_id, mention.sentence = metric.pk, sentence
            updated.append(mention)
    gone = [m.pk for mentions in spare.values() for m in mentions]
    if gone:
        MetricMention.objects.filter(pk__in=gone).delete()
    if updated:
        MetricMention.objects.bulk_update(updated, ["metric", "sentence"])
    pending.add(MetricMention, new)


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
