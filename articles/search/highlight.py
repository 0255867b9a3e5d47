"""Snippets: the best window of the original text, escaped, with query words in <mark>."""
from django.utils.html import escape
from django.utils.safestring import mark_safe

MAX_HITS = 300


def _lower_same_length(text):
    # str.lower() may change the length of a few letters (İ); offsets must stay valid.
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def find_hits(text, terms):
    """(start, end) spans of every term in text, case-insensitively, merged where they overlap."""
    haystack = _lower_same_length(text)
    spans = []
    for term in {t.lower() for t in terms if t}:
        start = haystack.find(term)
        while start >= 0 and len(spans) < MAX_HITS:
            spans.append((start, start + len(term), term))
            start = haystack.find(term, start + 1)
    spans.sort()
    return spans


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
    best_start, best_score = 0, (-1, -1)
    for first, _end, _term in spans:
        start = max(0, min(first - lead, len(text) - width))
        inside = [s for s in spans if s[0] >= start and s[1] <= start + width]
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
