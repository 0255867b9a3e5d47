"""Every stable key of the knowledge base, built from stable parts only.

A re-ingest finds the rows it wrote before by these keys, and a curator's
deletion is remembered by them (Tombstone), so a key must not change when a
curator renames something: zones are keyed by their primary key, never by
their display name, and file names of any length become fixed-length digests.

  source file    ``digest(file name)``
  article        ``"{source digest}#{position on the page}"``
  initiative     ``"z{zone pk or 0}|{normalised name}"``
  metric         ``"{article key}|{sentence offset}|{raw figure}"``
  metric, by its sentence (survives an offset shift)
                 ``"{article key}|s{digest(sentence)}|{raw figure}"``
  zone           its name (the ingest finds zones by name), for tombstones only
  title          ``text_key(title)``: to find the same article from another source

Every key fits its column (``KEY_MAX``): a longer one keeps its head and ends
in a digest of the whole, so two long keys never collide by truncation.
"""
import hashlib
import re

KEY_MAX = 160
SOURCE_NAME_MAX = 255
_DIGEST_CHARS = 16
_NAME_NOISE = re.compile(r"[\s“”\"‘’'「」『』]")


def digest(text):
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:_DIGEST_CHARS]


def fit(key, limit=KEY_MAX):
    """``key`` if it fits in ``limit`` characters, else its head and a digest of the whole."""
    if len(key) <= limit:
        return key
    return f"{key[: limit - _DIGEST_CHARS - 1]}~{digest(key)}"


def source_name(name):
    """The stored name of a page file: the file name, fitted to its column."""
    return fit(name, SOURCE_NAME_MAX)


def article_key(source_name, position):
    return f"{digest(source_name)}#{position}"


def normalise_name(name):
    """The identity form of an initiative name: no quotes, no spaces."""
    return _NAME_NOISE.sub("", name)


def initiative_key(zone_id, name):
    return fit(f"z{zone_id or 0}|{normalise_name(name)}")


def metric_key(article_key, offset, raw):
    return fit(f"{article_key}|{offset}|{raw}")


def metric_sentence_key(article_key, sentence, raw):
    """The figure's identity by its sentence rather than its offset.

    A curator's deletion is recorded under this key too, so the figure stays
    deleted when an edit earlier in the article moves its sentence.
    """
    return fit(f"{article_key}|s{digest(sentence)}|{raw}")


_NOT_WORD = re.compile(r"[^0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def text_key(text, limit=64):
    """Letters, digits and CJK only, lower case: the same title however it was punctuated or spaced."""
    return _NOT_WORD.sub("", (text or "").lower())[:limit]


def tombstone_key(obj):
    """The key a deletion of ``obj`` is remembered by."""
    # Zones have no ingest key: the ingest finds them by name.
    return obj.name if obj._meta.model_name == "zone" else obj.key
