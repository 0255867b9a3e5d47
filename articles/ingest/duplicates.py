"""Is this article one already stored from another page (an e-paper page and its web copy)?

Pure text comparison. The texts are reduced to letters, digits and CJK
(``identity.text_key``, traditional already folded by the cleaner), cut to
their first ``COMPARED_CHARS`` characters so the work is bounded, and
compared as sets of 4-character shingles (Jaccard similarity):

* ``SAME`` (0.8) and above: the same article; the new page becomes one more
  source of the stored article. A web copy of an e-paper article differs by
  a caption, a byline line or an editor's note: well above 0.8 in practice.
* ``MAYBE`` (0.5) up to ``SAME``: stored as a new article, but marked as a
  possible duplicate for a curator to confirm or dismiss.
* below ``MAYBE``: a different article that happens to share its title.
"""
from articles.identity import text_key

SAME = 0.8
MAYBE = 0.5
COMPARED_CHARS = 3000
SHINGLE = 4


def shingles(text):
    key = text_key(text, limit=COMPARED_CHARS)
    if len(key) < SHINGLE:
        return {key} if key else set()
    return {key[i : i + SHINGLE] for i in range(len(key) - SHINGLE + 1)}


def similarity(first, second):
    """Jaccard similarity of the two texts' shingles, 0 to 1."""
    a, b = shingles(first), shingles(second)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def verdict(first, second):
    """``"same"``, ``"maybe"`` or ``"different"``."""
    score = similarity(first, second)
    if score >= SAME:
        return "same"
    if score >= MAYBE:
        return "maybe"
    return "different"


def closest(candidates, body):
    """(candidate, verdict) of the stored ``candidates`` ``body`` repeats: the first the same, else the first maybe."""
    best = None, "different"
    for candidate in candidates:
        found = verdict(candidate.body, body)
        if found == "same":
            return candidate, found
        if found == "maybe" and best[0] is None:
            best = candidate, found
    return best
