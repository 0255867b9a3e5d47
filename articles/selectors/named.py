"""The search page's reads: the ranked articles, and the initiatives, types, indicators and zones named."""
from django.db.models import F, Q, Value
from django.db.models.functions import Length

from articles import search, tallies
from articles.models import Article, Indicator, Initiative, InitiativeMention, InitiativeType, Tally
from articles.search.expressions import IdAmong, IdIn, ListItemContains
from core.text import has_case
from zones.models import Zone

from ._counts import _count_of, _partial, _tallied
from .vocabulary import indicator_list, initiative_type_list, vocabulary_stamp


def search_articles(queryset, query, order=search.RELEVANCE):
    """Full-text search of ``queryset``; a query naming a zone or a programme is recognised."""
    return search.search_articles(
        queryset, query, zones=Zone.objects.all(), initiatives=Initiative.objects, order=order
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
            lookup = "icontains" if has_case(word) else "contains"
            for name in fields:
                in_any |= Q(**{f"{name}__{lookup}": word})
            for name in lists:
                # Most rows have no other names: the empty list is skipped before it is unpacked.
                in_any |= ~Q(**{name: []}) & Q(ListItemContains(name, word))
        condition &= in_any
    return condition


def _closest_pks(rows, typed, limit):
    """The ids of the ``limit`` closest of ``rows`` ((id, name)): the name typed exactly, then the
    shortest names holding it (a name that says little else), then by name and id."""
    return [pk for *_key, pk in sorted((name not in typed, len(name), name, pk) for pk, name in rows)[:limit]]


def _in_order(rows, pks):
    by_pk = {row.pk: row for row in rows}
    return [by_pk[pk] for pk in pks if pk in by_pk]


def _initiatives_named(words, typed, article_ids):
    """The closest NAMED_PER_KIND visible initiatives whose name or an alias holds ``words``, counted."""
    candidates = Initiative.objects.filter(hidden=False)
    if article_ids is not None:
        candidates = candidates.filter(
            IdAmong(InitiativeMention.objects.filter(IdIn(article_ids, pk=F("article_id"))).values("initiative"))
        )
    # The closest few are taken by name alone, and ordered here.
    matching = candidates.filter(_names_matching(words, ("name",), ("aliases",)))
    if article_ids is not None:
        # The found articles name a few hundred programmes at most: all read, in one query.
        rows = list(matching.order_by().values_list("pk", "name"))
    else:
        rows = list(matching.filter(name__in=typed).order_by().values_list("pk", "name")[: NAMED_PER_KIND * 4])
        rows += matching.order_by(Length("name"), "name", "pk").values_list("pk", "name")[: NAMED_PER_KIND * 4]
    closest = _closest_pks(set(rows), typed, NAMED_PER_KIND * 4)
    if not closest:
        return []
    if article_ids is None:
        # Only the closest few are tested for visibility, which reads their mentions.
        shown = Initiative.objects.visible().filter(pk__in=closest)
    else:
        # Named by the public articles found, those not hidden are visible.
        shown = Initiative.objects.filter(pk__in=closest[:NAMED_PER_KIND])
    shown = (
        shown.select_related("zone").only("pk", "name", "zone__name", "zone__slug")
        .annotate(article_count=_count_of(InitiativeMention.objects.visible(), "initiative", "article"))
    )
    return _in_order(shown, closest)[:NAMED_PER_KIND]


def _zones_named(words, typed, named_zone_ids, zone_names):
    """The closest NAMED_PER_KIND zones whose names hold ``words``, or that the query names, counted.

    The zone table is a few hundred rows, matched here against the names the
    search read, folded (``zone_names``: ``SearchResult.zone_names``).
    """
    named_zone_ids, folded = set(named_zone_ids), _lower_words(words)
    matching = [
        (pk, name) for pk, name, names in zone_names if pk in named_zone_ids or _holds_folded(folded, names)
    ]
    closest = _closest_pks(matching, typed, NAMED_PER_KIND)
    if not closest:
        return []
    if tallies.fresh() is not None:
        # A busy zone names thousands of articles: counting them cost a search 2 ms a zone.
        count = _tallied(Tally.Kind.ZONE, "articles")
    else:
        count = _count_of(Article.zones.through.objects.filter(article__hidden=False), "zone", "article")
    shown = Zone.objects.filter(pk__in=closest).only("pk", "name", "slug", "province")
    return _in_order(shown.annotate(article_count=count), closest)


def _lower_words(words):
    """``words`` (``search.name_words`` groups) in lower case, as ``_holds_folded`` compares them."""
    return [[word.casefold() for word in group] for group in words]


def _holds_folded(folded, names):
    """Every word group (a word or one of its synonyms, ``_lower_words``) within one of ``names``, in
    lower case too: ``_names_matching`` in Python."""
    return all(any(word in name for word in group for name in names) for group in folded)


# The two curated vocabularies the search page names, with the stored counts each shows.
_VOCABULARIES = {
    "types": (InitiativeType, Tally.Kind.TYPE, {"initiative_count": "initiatives", "zone_count": "zones"}),
    "indicators": (Indicator, Tally.Kind.INDICATOR, {"metric_count": "metrics", "zone_count": "zones"}),
}

# Both vocabularies as this process last read them, with the stamp they were read under.
_vocabulary_table = {"stamp": None, "rows": ()}


def _vocabulary_rows():
    """[(kind, pk, slug, name, names folded)] of both vocabularies, read again only when an entry changed.

    Reading and decoding them cost a search more than the rest of its named
    rows; ``vocabulary_stamp`` tells whether an entry was added, edited or
    deleted since this process read them.
    """
    stamp = vocabulary_stamp()
    if _vocabulary_table["stamp"] != stamp:
        rows = None
        for kind, (model, _tally, _counts) in _VOCABULARIES.items():
            read = model.objects.order_by().annotate(kind=Value(kind)).values_list("kind", "pk", "slug", "name", "synonyms")
            rows = read if rows is None else rows.union(read, all=True)
        _vocabulary_table.update(
            stamp=stamp,
            rows=tuple(
                (kind, pk, slug, name, tuple(n.casefold() for n in (name, *(synonyms or [])) if n))
                for kind, pk, slug, name, synonyms in rows
            ),
        )
    return _vocabulary_table["rows"]


def _vocabulary_named(words, typed):
    """{"types": [...], "indicators": [...]}: the closest NAMED_PER_KIND entries of each vocabulary
    whose name or a synonym matches, with their counts.

    A vocabulary is a hundred short rows: both are kept in this process
    (``_vocabulary_rows``) and matched here, which costs a fifth of building the
    SQL that would match them; the entries found take their counts from the
    stored tallies in one more query (counted for themselves while the tallies are stale).
    """
    found, folded = {kind: [] for kind in _VOCABULARIES}, _lower_words(words)
    for kind, pk, slug, name, names in _vocabulary_rows():
        if _holds_folded(folded, names):
            found[kind].append((name not in typed, len(name), name, pk, slug))
    shown = {kind: sorted(entries)[:NAMED_PER_KIND] for kind, entries in found.items()}
    if not any(shown.values()):
        return {}
    wanted = Q(kind=Tally.Kind.ARCHIVE, stale=False)
    for kind, entries in shown.items():
        if entries:
            wanted |= Q(kind=_VOCABULARIES[kind][1], ref__in=[pk for *_order, pk, _slug in entries])
    tallies = {(row.kind, row.ref): row for row in Tally.objects.filter(wanted)}
    if (Tally.Kind.ARCHIVE, None) not in tallies:
        return _vocabulary_counted(shown)
    named = {}
    for kind, entries in shown.items():
        model, tally_kind, counts = _VOCABULARIES[kind]
        named[kind] = []
        for *_order, name, pk, slug in entries:
            entry = _partial(model, id=pk, slug=slug, name=name)
            stored = tallies.get((tally_kind, pk))  # none: no public figures or initiatives
            for attribute, field in counts.items():
                setattr(entry, attribute, getattr(stored, field) if stored else 0)
            named[kind].append(entry)
    return named


def _vocabulary_counted(shown):
    """The entries of ``_vocabulary_named`` counted for themselves: the stored tallies are stale."""
    lists = {"types": initiative_type_list(None), "indicators": indicator_list(None)}
    named = {}
    for kind, entries in shown.items():
        pks = [pk for *_order, pk, _slug in entries]
        rows = lists[kind].filter(pk__in=pks).only("pk", "slug", "name").in_bulk() if pks else {}
        named[kind] = [rows[pk] for pk in pks if pk in rows]
    return named


def search_named(query, named_zone_ids=(), article_ids=None, zone_names=()):
    """Initiatives, initiative types, indicators and zones whose names match ``query``.

    ``{kind: [rows]}``, at most NAMED_PER_KIND rows per kind, each with its
    counts: the names are matched, and only the rows shown are checked for
    visibility and counted (types and indicators from the stored counts when fresh),
    never the articles or figures of the whole archive.

    ``article_ids``: the public articles the search found (a bounded list). Initiatives
    are then looked for among those these articles name -- a programme's name
    is in its articles' text, so one whose name holds the words is named by the
    articles holding them -- instead of among every programme's name: a common
    word (党建) is in most of them. ``zone_names``: the zone names the search read
    (``SearchResult.zone_names``), where zones are looked for.
    """
    words = search.name_words(query)
    if not words:
        return {}
    typed = [group[0] for group in words]
    vocabulary = _vocabulary_named(words, typed)
    found = {
        "initiatives": _initiatives_named(words, typed, article_ids),
        "types": vocabulary.get("types", []),
        "indicators": vocabulary.get("indicators", []),
        "zones": _zones_named(words, typed, named_zone_ids, zone_names),
    }
    return {kind: rows for kind, rows in found.items() if rows}
