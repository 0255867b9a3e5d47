"""Full-text search over articles.

Public interface used by views, the API, the ingest and the admin:

    search_articles(queryset, query) -> SearchResult
        .queryset  ranked best first (annotated with ``rank``)
        .terms     the words to highlight
        .notice    a message for the user (query cut, fell back to OR…) or ""
        .zone / .initiative   the zone or initiative the query names exactly
        .used_or_fallback     True when no article had every word
    snippet(text, terms, width=120) -> SafeString  (escaped, query words in <mark>)
    index_articles(articles_or_ids)  re-segments articles after a write
    fill_search_fields(article)      the same for one unsaved instance
    segment_for_index(text) -> str,  segment_query(text) -> list[str]

Words are segmented with jieba (segment.py); the query language is in
query.py; each database has its backend (sqlite.py, postgres.py).
"""
import re
from dataclasses import dataclass, field

from django.db import connections
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from . import postgres, sqlite
from .entities import named_entities
from .highlight import snippet
from .indexing import fill_search_fields, index_articles
from .query import MAX_QUERY_CHARS, parse_query
from .segment import refresh_dictionary, segment_for_index, segment_query

__all__ = [
    "MAX_QUERY_CHARS",
    "SearchResult",
    "fill_search_fields",
    "index_articles",
    "refresh_dictionary",
    "search_articles",
    "segment_for_index",
    "segment_query",
    "snippet",
]

OR_FALLBACK_NOTICE = "没有同时包含全部关键词的文章，下面列出包含其中部分关键词的文章。"
EMPTY_QUERY_NOTICE = "查询中没有可检索的词语，请换个说法。"
ONLY_EXCLUDED_NOTICE = "请至少输入一个要查找的词（“-词”只用于排除）。"

_CJK_SPACE = re.compile(r"(?<=[\u3400-\u9fff])\s+|\s+(?=[\u3400-\u9fff])")


@dataclass
class SearchResult:
    queryset: QuerySet
    terms: list = field(default_factory=list)
    notice: str = ""
    zone: object = None
    initiative: object = None
    used_or_fallback: bool = False


def backend_for(alias):
    vendor = connections[alias].vendor
    if vendor == "postgresql":
        return postgres
    if vendor == "sqlite":
        return sqlite
    raise NotImplementedError(f"full-text search is not available on {vendor}")


def _phrase_condition(phrase):
    # Stored text has no spaces between Chinese characters; neither should the phrase.
    text = _CJK_SPACE.sub("", phrase.text)
    condition = Q()
    for name in ("title", "kicker", "subtitle", "body"):
        condition |= Q(**{f"{name}__icontains": text})
    return condition


def _matching(backend, queryset, parsed, required, any_of=()):
    matched = backend.filter_and_rank(queryset, required, any_of, parsed.excluded)
    for phrase in parsed.phrases:
        matched = matched.filter(_phrase_condition(phrase))
    return matched


def search_articles(queryset, query):
    parsed = parse_query(query)
    notices = list(parsed.notices)
    if not parsed.searchable:
        if parsed.excluded:
            notices.append(ONLY_EXCLUDED_NOTICE)
        elif (query or "").strip():
            notices.append(EMPTY_QUERY_NOTICE)
        return SearchResult(queryset.none(), [], " ".join(notices))

    backend = backend_for(queryset.db)
    entities = named_entities(parsed.text)
    phrase_units = [unit for phrase in parsed.phrases for unit in phrase.units]
    matched = _matching(backend, queryset, parsed, phrase_units + parsed.units)
    used_or = False
    if len(parsed.units) > 1 and not matched.exists():
        # Nothing has every word: show what has some of them (phrases stay required), and say so.
        fallback = _matching(backend, queryset, parsed, phrase_units, any_of=parsed.units)
        if fallback.exists():
            matched, used_or = fallback, True
            notices.append(OR_FALLBACK_NOTICE)

    ordering = ["-rank", "pk"]
    if entities.zone_ids:
        # An article about the zone the query names beats one that mentions it in passing.
        matched = matched.annotate(
            about_zone=Case(
                When(zone_id__in=entities.zone_ids, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        ordering.insert(0, "-about_zone")
    return SearchResult(
        queryset=matched.order_by(*ordering),
        terms=parsed.highlight,
        notice=" ".join(notices),
        zone=entities.zone,
        initiative=entities.initiative,
        used_or_fallback=used_or,
    )
