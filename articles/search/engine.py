"""The search engine: tiers of candidates from a backend, ranked within a bound.

    search_articles(queryset, query, zones=…, initiatives=…, order=…) -> SearchResult
        .ranked    RankedResults, best first (or by date, see ``order``): count() and
                   page slices read only their rows
        .queryset  the ranked articles as a plain queryset (ordered by ``rank``), for facets
        .terms     the words to highlight
        .notice    a message for the user (query cut, fell back to OR…) or ""
        .zone / .initiative   the zone or initiative the query names exactly
        .named_zone_ids       every zone the query names
        .zone_names           every zone's names as the search read them (entities.NamedEntities)
        .used_or_fallback     True when no article had every word

Words are segmented with jieba (segment.py); the query language is in
query.py; each database has its backend (backends/).

Speed at 100,000 articles comes from never scoring or reading every match:

* tiers -- the index is asked first for articles whose title or kicker
  matches (tier 1), then for any match (tier 2); tier 1 always ranks above
  tier 2, and each tier is ordered by a score both databases compute alike
  from the segmented columns (scoring.py), so a query lists the same
  articles in the same order on SQLite and PostgreSQL;
* bounded ranking -- each tier reads at most RANK_LIMIT matches, ids only,
  the newest articles first on both databases.  Ranking is exact up to
  RANK_LIMIT matches per tier, and tier 2 is not read at all when tier 1 is full.  Beyond that
  (a common word such as 党建 matches nearly every article) the list holds
  the best of that bounded set, says so in the notice, and its count -- the
  paginator's, the API's ``count`` -- is the number of ranked results, at
  most 2 × RANK_LIMIT (plus up to RANK_LIMIT of a named zone's own
  articles), not the number of matches;
* the page -- only its 20 rows are read in full, by id, and the count is the
  length of the ranked list (results.py); facets count the ranked
  results, so they are bounded too.  The other filters of the list (zone,
  year…) are applied before the search, which ranks within them.

Synonyms: a typed word of the field's jargon also matches its synonyms
(query.py); an article holding every such word as typed ranks above one
that holds only a synonym, whatever the tiers and scores say.

``order``: RELEVANCE, NEWEST or OLDEST.  By date, the same bounded set of
matches is listed by publication date (undated articles last), so sorting
never widens what a search reads.
"""
import re
from dataclasses import dataclass, field

from django.db import connections
from django.db.models import Q

from .backends import get_backend
from .entities import NamedEntities, named_entities
from .expressions import IdIn
from .query import parse_query
from .results import RankedResults
from .scoring import COLUMNS, HEAD_COLUMNS, scores, unit_tokens

OR_FALLBACK_NOTICE = "没有同时包含全部关键词的文章，下面列出包含其中部分关键词的文章。"
EMPTY_QUERY_NOTICE = "查询中没有可检索的词语，请换个说法。"
MANY_MATCHES_NOTICE = "匹配的文章超过 {limit:,} 篇，下面按相关度列出其中一部分；加一个词可以缩小范围。"
ONLY_EXCLUDED_NOTICE = "请至少输入一个要查找的词（“-词”只用于排除）。"
ALSO_SEARCHED_NOTICE = "也搜索了：{terms}（加引号只搜原词）。"

RELEVANCE, NEWEST, OLDEST = "relevance", "newest", "oldest"

# At most this many matches per tier are ranked (see the module docstring).
RANK_LIMIT = 200

_CJK_SPACE = re.compile(r"(?<=[\u3400-\u9fff])\s+|\s+(?=[\u3400-\u9fff])")


@dataclass
class SearchResult:
    """What a search found: ``ranked`` to list and page, ``queryset`` to count facets on."""

    ranked: RankedResults
    terms: list = field(default_factory=list)
    notice: str = ""
    zone: object = None
    initiative: object = None
    used_or_fallback: bool = False
    named_zone_ids: list = field(default_factory=list)  # zones named anywhere in the query
    zone_names: tuple = ()  # every zone's (pk, name, folded names), read for the names above
    truncated: bool = False  # more matches than RANK_LIMIT: the list holds the best of a bounded set

    @property
    def queryset(self):
        return self.ranked.queryset


def _written_as(text):
    """The article's title, kicker, subtitle or body holds ``text`` as written."""
    # Stored text has no spaces between Chinese characters; neither should the phrase.
    text = _CJK_SPACE.sub("", text)
    condition = Q()
    for name in ("title", "kicker", "subtitle", "body"):
        condition |= Q(**{f"{name}__icontains": text})
    return condition


def _candidates(backend, queryset, parsed, required, any_of=()):
    """Matching articles of ``queryset`` in rank order: ``([(id, zone id)], truncated)``.

    The index is asked for at most RANK_LIMIT matches per tier.  Where the
    backend applies the queryset's own filters in the same scan (PostgreSQL),
    every row it returns is wanted.  Otherwise (SQLite) the index alone is read
    and the filters are checked on those ids only; when they drop most of a
    truncated tier (a zone or a year among thousands of matches), the index
    is asked again through a join with the queryset, so a narrow filter still
    finds its articles.
    """
    connection = connections[queryset.db]
    within = queryset if backend.filters_in_scan else None
    tiers = backend.candidates(connection, required, any_of, parsed.excluded, RANK_LIMIT, within=within)
    truncated = any(len(tier) >= RANK_LIMIT for tier in tiers)
    zone_of = _zones_of(tiers)
    if within is None and zone_of:
        found = len(zone_of)
        zone_of = dict(queryset.filter(IdIn(zone_of)).order_by().values_list("pk", "zone_id"))
        if truncated and len(zone_of) < found // 2:
            tiers = backend.candidates(
                connection, required, any_of, parsed.excluded, RANK_LIMIT, within=queryset
            )
            zone_of = _zones_of(tiers)
    allowed = set(zone_of)
    if parsed.phrases and allowed:
        allowed = _holding(queryset, allowed, [phrase.text for phrase in parsed.phrases])
    whole = _holding(queryset, allowed, parsed.split_words) if parsed.split_words and allowed else allowed
    typed = _holding(queryset, allowed, parsed.typed_terms) if parsed.typed_terms and allowed else allowed
    tokens = unit_tokens([*required, *(unit for group in any_of for unit in group)])
    # Only the title tier was read when it was full: its matches are told apart by their titles.
    score_of = scores(queryset, list(allowed), tokens, HEAD_COLUMNS if len(tiers) == 1 else COLUMNS)
    ranked, seen = [], set()
    for tier, rows in enumerate(tiers):
        for pk, _zone in rows:
            if pk in allowed and pk not in seen:
                seen.add(pk)
                ranked.append((pk not in typed, tier, pk not in whole, -score_of.get(pk, 0.0), -pk, pk))
    ranked.sort()
    return [(pk, zone_of[pk]) for *_key, pk in ranked], truncated


def _zones_of(tiers):
    # Rows read through the queryset carry the zone id; rows read from the index alone do not.
    return {pk: zone_id for tier in tiers for pk, zone_id in tier}


def _holding(queryset, ids, texts):
    """The ids of ``queryset`` whose articles hold every one of ``texts`` as written."""
    found = queryset.filter(IdIn(ids))
    for text in texts:
        found = found.filter(_written_as(text))
    return set(found.order_by().values_list("pk", flat=True))


def _with_zone_articles(queryset, found, zone):
    """``found`` and then the zone's own articles the text search did not find, newest first.

    The query is the zone's name: its articles belong in the list even where
    their text names it otherwise (a photo credited to 松山湖科学城).
    """
    own = queryset.filter(zone=zone).order_by("-pk").values_list("pk", flat=True)[:RANK_LIMIT]
    known = {pk for pk, _zone in found}
    return found + [(pk, zone.pk) for pk in own if pk not in known]


def _by_date(queryset, ids, order):
    """``ids`` by publication date (then year), newest or oldest first; undated last, ties by id."""
    if not ids:
        return ids
    dated = queryset.filter(IdIn(ids)).order_by().values_list("pk", "date", "year")
    sign = -1 if order == NEWEST else 1

    def key(row):
        pk, date, year = row
        day = sign * date.toordinal() if date else 0
        return (date is None, day, year is None, sign * (year or 0), sign * pk)

    return [pk for pk, _date, _year in sorted(dated, key=key)]


def search_articles(queryset, query, *, zones=None, initiatives=None, order=RELEVANCE):
    """Rank the articles of ``queryset`` for ``query``: a SearchResult, best first.

    ``zones`` (a queryset) and ``initiatives`` (a manager or queryset: its
    ``visible()`` ones) are where a query naming a zone or a programme is looked
    up (``entities.named_entities``); without them names get no special treatment.
    ``order`` NEWEST or OLDEST lists the same matches by publication date.
    """
    parsed = parse_query(query)
    notices = list(parsed.notices)
    if not parsed.searchable:
        if parsed.excluded:
            notices.append(ONLY_EXCLUDED_NOTICE)
        elif (query or "").strip():
            notices.append(EMPTY_QUERY_NOTICE)
        return SearchResult(RankedResults(queryset, []), [], " ".join(notices))

    backend = get_backend(queryset.db)
    entities = (
        named_entities(parsed.text, zones=zones, initiatives=initiatives)
        if zones is not None
        else NamedEntities()
    )
    phrase_units = [unit for phrase in parsed.phrases for unit in phrase.units]
    found, truncated = _candidates(backend, queryset, parsed, phrase_units + parsed.units)
    used_or = False
    if len(parsed.words) > 1 and not found:
        # Nothing has every word: show what has some of them (phrases stay required), and say so.
        found, truncated = _candidates(backend, queryset, parsed, phrase_units, any_of=parsed.words)
        if found:
            used_or = True
            notices.append(OR_FALLBACK_NOTICE)
    if entities.zone is not None:
        found = _with_zone_articles(queryset, found, entities.zone)
    if entities.zone_ids:
        # An article about the zone the query names beats one that mentions it in passing.
        found.sort(key=lambda item: item[1] not in entities.zone_ids)
    if truncated:
        notices.append(MANY_MATCHES_NOTICE.format(limit=RANK_LIMIT))
    if found and parsed.also_searched:
        notices.append(ALSO_SEARCHED_NOTICE.format(terms="、".join(parsed.also_searched)))
    ids = [pk for pk, _zone in found]
    if order in (NEWEST, OLDEST):
        ids = _by_date(queryset, ids, order)
    return SearchResult(
        ranked=RankedResults(queryset, ids),
        terms=parsed.highlight,
        notice=" ".join(notices),
        zone=entities.zone,
        initiative=entities.initiative,
        used_or_fallback=used_or,
        truncated=truncated,
        named_zone_ids=list(entities.zone_ids),
        zone_names=entities.zone_names,
    )
