"""Is this article one already stored from another page (an e-paper page and its web copy)?

Pure text comparison. The texts are reduced to letters, digits and CJK
(``identity.text_key``, traditional already folded by the cleaner), cut to
their first ``COMPARED_CHARS`` characters so the work is bounded, and
compared as sets of 4-character shingles (Jaccard similarity), each shingle
kept as its hash:

* ``SAME`` (0.8) and above: the same article; the new page becomes one more
  source of the stored article. A web copy of an e-paper article differs by
  a caption, a byline line or an editor's note: well above 0.8 in practice.
* ``MAYBE`` (0.5) up to ``SAME``: stored as a new article, but marked as a
  possible duplicate for a curator to confirm or dismiss.
* below ``MAYBE``: a different article that happens to share its title.
"""
from array import array
from functools import lru_cache

from articles.identity import text_key

SAME = 0.8
MAYBE = 0.5
COMPARED_CHARS = 3000
SHINGLE = 4


# The stored articles a run compares its pages with share their titles (a column's
# recurring headline, a story's copies): their shingles are kept, keyed by the
# compared characters only: 30 KB each at most (3,000 characters and their hashes), under 8 MB.
FINGERPRINTS_KEPT = 256


def fingerprint(text):
    """The distinct shingles of ``text``'s first COMPARED_CHARS letters, as their hashes (8 bytes each)."""
    return _fingerprint(text_key(text, limit=COMPARED_CHARS))


@lru_cache(maxsize=FINGERPRINTS_KEPT)
def _fingerprint(key):
    if len(key) < SHINGLE:
        return array("q", [hash(key)] if key else [])
    return array("q", {hash(key[i : i + SHINGLE]) for i in range(len(key) - SHINGLE + 1)})


def _jaccard(mine, other):
    """Jaccard similarity of a shingle set and another text's distinct shingles, 0 to 1."""
    if not mine or not other:
        return 0.0
    common = len(mine.intersection(other))
    return common / (len(mine) + len(other) - common)


def closest(candidates, body):
    """(candidate, verdict) of the stored ``candidates`` ``body`` repeats: the first ``"same"``,
    else the first ``"maybe"``, else (None, ``"different"``)."""
    best = None, "different"
    if not candidates:
        return best
    mine = set(fingerprint(body))  # once, however many candidates share the title
    for candidate in candidates:
        score = _jaccard(mine, fingerprint(candidate.body))
        if score >= SAME:
            return candidate, "same"
        if score >= MAYBE and best[0] is None:
            best = candidate, "maybe"
    return best
