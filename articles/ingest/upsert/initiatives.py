"""Initiatives: one per zone and programme, a mention per sentence naming it."""
from articles import identity
from articles.models import Initiative, InitiativeMention
from core.services import model_update

from .common import _save, _tally_update


def initiative_groups(article, facts):
    """{key: facts} of the programmes ``facts`` name, keyed by the article's zone (a curator's fix included)."""
    zone = article.zone
    groups = {}
    for fact in facts:
        if identity.normalise_name(fact.name):
            groups.setdefault(identity.initiative_key(zone.pk if zone else None, fact.name), []).append(fact)
    return groups


def upsert_initiatives(*, article, groups, counts, deleted_keys, reads, pending, new_names=None,
                       new_article=False):
    """One initiative per zone + programme; one mention per sentence naming it.

    ``groups``: ``initiative_groups`` of the article; ``reads``: the page's
    PageReads. ``new_article``: it was created just now, so it has no mentions
    to compare. New initiatives wait in ``pending`` (PageInserts) with the
    page's others. Returns the new mentions (inserted with the page's others).
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
    pending.add(Initiative, created)
    existing.update((initiative.key, initiative) for initiative in created)
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
        first = reads.first_article_of(initiative)
        if key in fresh:
            pass  # just created with this article's reading
        elif initiative.key != key or (first is not None and first < article.pk):
            # Named in an earlier article too: that adds a mention below. Its own
            # values come from its first article only, so two articles reading
            # the programme a little differently cannot flip it back and forth.
            # (When that article goes, the next one becomes its first.)
            counts.initiatives.unchanged += 1
        else:
            # This article is its first -- or earlier than the one that was: a page
            # may name a programme in a new article before an older one.
            values, ingested = _initiative_values(group[0], zone, types)
            update = model_update(initiative, values, curated=set(initiative.curated_fields))
            changed, curated_differs = update.changed, update.curated_held
            if initiative.pk is None:  # created by an earlier article of the page: inserted with this reading
                initiative.ingested_values = ingested
            else:
                _save(initiative, changed, ingested)
            _tally_update(counts.initiatives, changed=changed, curated_differs=curated_differs)
        for fact in group:
            place = (_ref(initiative), fact.offset)
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


def _ref(initiative):
    """What a mention's place names its initiative by: its id, or its key until it is inserted."""
    return initiative.key if initiative.pk is None else initiative.pk


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
