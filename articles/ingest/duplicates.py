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


def _jaccard(a, b):
    """Jaccard similarity of two shingle sets, 0 to 1."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def closest(candidates, body):
    """(candidate, verdict) of the stored ``candidates`` ``body`` repeats: the first ``"same"``,
    else the first ``"maybe"``, else (None, ``"different"``)."""
    best = None, "different"
    mine = shingles(body)  # once, however many candidates share the title
    for candidate in candidates:
        score = _jaccard(shingles(candidate.body), mine)
        if score >= SAME:
            return candidate, "same"
        if score >= MAYBE and best[0] is None:
            best = candidate, "maybe"
    return best
