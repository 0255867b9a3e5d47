"""Every stable key of the knowledge base, built from stable parts only.

A re-ingest finds the rows it wrote before by these keys, and a curator's
deletion is remembered by them (Tombstone), so a key must not change when a
curator renames something: zones are keyed by their primary key, never by
their display name, and file names of any length become fixed-length digests.

  source file    ``digest(file name)``
  article        ``"{source digest}#{position on the page}"``
  initiative     ``"z{zone pk or 0}|{normalised name}"``
  metric         one fact however often it is stated (each statement a MetricMention):
                 ``"{scope}|{measure}|{kind}|{year}|{period}|{unit}|{numbers}"``
                   scope    ``z{zone pk}``; a figure with no zone ``a{article key}`` (its article's own)
                   measure  ``i:{indicator slug}``, else ``l:{normalised label}``; a figure
                            with no year keeps its label (17个党支部 of two committees
                            are two facts until a year pins them)
                   unit     the normalised unit (元, 人, %), else the printed one
                   numbers  normalised value(s): ``{from}>{value}`` for a change,
                            ``{value}~{max}`` for a range, each to 12 significant digits
  a deleted statement of a metric, by its place or its sentence (tombstones only: a
  curator's deletion written before metrics were keyed by fact still holds)
                 ``"{article key}|{sentence offset}|{raw figure}"``
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


def _number(value):
    # 12 significant digits: 12.3亿元 read as 1230000000.0000002 keys as 1230000000.
    return format(value, ".12g")


def metric_key(*, zone_id, article_key, indicator, label, kind, year, period, unit,
               value, value_from=None, value_max=None):
    """The identity of a figure: the same fact stated twice, anywhere in its zone, has one key.

    Pass the ingest's reading (never a curator's edit), values and unit normalised
    where they can be. ``indicator`` is a slug or "" (then the label stands in).
    """
    scope = f"z{zone_id}" if zone_id else f"a{article_key}"
    # Without a year, one indicator and value in one zone is too often a coincidence:
    # 机关党委下设党支部17个 and 企业党委下设党支部17个 in one article are two facts.
    measure = f"i:{indicator}" if indicator and year else f"l:{normalise_name(label)}"
    numbers = _number(value)
    if value_from is not None:
        numbers = f"{_number(value_from)}>{numbers}"
    if value_max is not None:
        numbers = f"{numbers}~{_number(value_max)}"
    period = normalise_name(period or "")
    return fit(f"{scope}|{measure}|{kind}|{year or ''}|{period}|{unit}|{numbers}")


def metric_place_key(article_key, offset, raw):
    """A statement's place: how metric deletions were keyed before metrics were keyed by fact."""
    return fit(f"{article_key}|{offset}|{raw}")


def metric_sentence_key(article_key, sentence, raw):
    """A statement of a figure by its sentence rather than its offset.

    A curator's deletion is recorded under this key too, so a statement deleted
    before metrics were keyed by fact stays deleted when its offset moves.
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
