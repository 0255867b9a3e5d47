"""Snippets: the best window of the original text, escaped, with query words in <mark>."""
import re
from bisect import bisect_left, bisect_right
from html import escape  # Django's escape is this one behind a check for lazy strings, which cost a snippet a fifth

from django.utils.safestring import mark_safe

MAX_HITS = 300


def _lower_same_length(text):
    # str.lower() may change the length of a few letters (İ); offsets must stay valid.
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


_QUOTES = re.compile("[\"'“”‘’「」『』]")


def find_hits(text, terms):
    """(start, end) spans of every term in text, case-insensitively, merged where they overlap.

    A term the page wrote with quotes inside (“两新”组织党委) is found too, and
    marked with its quotes.
    """
    haystack = _lower_same_length(text)
    spans = []
    unquoted = None
    for term in {t.lower() for t in terms if t}:
        found = len(spans)
        start = haystack.find(term)
        while start >= 0 and len(spans) < MAX_HITS:
            spans.append((start, start + len(term), term))
            start = haystack.find(term, start + 1)
        if len(spans) == found and _QUOTES.search(haystack):
            if unquoted is None:
                unquoted = (_QUOTES.sub("", haystack), [m.start() for m in _QUOTES.finditer(haystack)])
            bare, removed = unquoted
            start = bare.find(term)
            while start >= 0 and len(spans) < MAX_HITS:
                first = _in_quoted(start, removed)
                end = _in_quoted(start + len(term) - 1, removed) + 1
                if first > 0 and haystack[first - 1] in "“‘「『" and _QUOTES.search(haystack[first:end]):
                    first -= 1  # the quote opened just before the name closes inside it
                spans.append((first, end, term))
                start = bare.find(term, start + 1)
    spans.sort()
    return spans


def _in_quoted(position, removed):
    """Where ``position`` of the text without quotes is in the text with them (``removed``: quote offsets)."""
    for quote in removed:
        if quote > position:
            break
        position += 1
    return position


def _merge(spans):
    merged = []
    for start, end, _term in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def best_window(text, spans, width):
    """The start of the window of ``width`` characters covering the most distinct terms, then most hits."""
    if not spans or len(text) <= width:
        return 0
    lead = width // 4
    starts = [s[0] for s in spans]  # sorted: only the spans starting in a window are looked at
    best_start, best_score = 0, (-1, -1)
    for first, _end, _term in spans:
        start = max(0, min(first - lead, len(text) - width))
        nearby = spans[bisect_left(starts, start) : bisect_right(starts, start + width)]
        inside = [s for s in nearby if s[1] <= start + width]
        score = (len({s[2] for s in inside}), len(inside))
        if score > best_score:
            best_start, best_score = start, score
    return best_start


def snippet(text, terms, width=120):
    """An escaped window of ``text`` around the query words, which are wrapped in <mark>."""
    text = (text or "").replace("\r", " ").replace("\n", " ")
    spans = find_hits(text, terms or [])
    start = best_window(text, spans, width)
    end = min(len(text), start + width)
    pieces = ["…" if start > 0 else ""]
    cursor = start
    for hit_start, hit_end in _merge([s for s in spans if s[0] >= start and s[1] <= end]):
        pieces.append(escape(text[cursor:hit_start]))
        pieces.append(f"<mark>{escape(text[hit_start:hit_end])}</mark>")
        cursor = hit_end
    pieces.append(escape(text[cursor:end]))
    pieces.append("…" if end < len(text) else "")
    return mark_safe("".join(pieces))
