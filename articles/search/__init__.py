"""Full-text search over articles.

Public interface used by views, the API and the admin:

    search_articles(queryset, query) -> SearchResult
        .queryset  ranked best first (annotated with ``rank``)
        .terms     the words to highlight
        .notice    a message for the user (query cut, fell back to OR…) or ""
    snippet(text, terms, width=120) -> SafeString  (escaped, query words in <mark>)

This first version is a plain substring scan; the jieba-segmented,
per-database backends replace it behind the same interface.
"""
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet, Value
from django.utils.html import escape
from django.utils.safestring import mark_safe

MAX_QUERY_CHARS = 200


@dataclass
class SearchResult:
    queryset: QuerySet
    terms: list = field(default_factory=list)
    notice: str = ""


def search_articles(queryset, query):
    query = (query or "").replace("\x00", "")
    notice = ""
    if len(query) > MAX_QUERY_CHARS:
        query, notice = query[:MAX_QUERY_CHARS], f"查询过长，已截取前 {MAX_QUERY_CHARS} 个字符。"
    terms = [t for t in query.split() if t]
    if not terms:
        return SearchResult(queryset.none(), [], notice)
    condition = Q()
    for term in terms:
        condition &= Q(title__icontains=term) | Q(body__icontains=term)
    return SearchResult(queryset.filter(condition).annotate(rank=Value(1.0)), terms, notice)


def snippet(text, terms, width=120):
    text = text or ""
    start = 0
    for term in terms:
        found = text.find(term)
        if found >= 0:
            start = max(0, found - width // 3)
            break
    window = escape(text[start : start + width])
    for term in sorted(set(terms), key=len, reverse=True):
        escaped = escape(term)
        if escaped:
            window = window.replace(escaped, f"<mark>{escaped}</mark>")
    return mark_safe(("…" if start else "") + window + ("…" if start + width < len(text) else ""))
