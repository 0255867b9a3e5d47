"""Text rules every part of the product shares: CJK ranges, quotes, control characters, sentences.

Written once here and imported everywhere else: the reader, the cleaner, the
extractors, the search segmenter and the article page all agree on what a
Chinese character, a quotation mark and a sentence are.

Sentences: a sentence ends at 。！？； (or their ASCII forms !?;) and at every
line break. Closing quotes and brackets right after the end mark stay with the
sentence (``…实践者。”``). Inside quotation marks nothing ends a sentence, so
a quoted speech stays one unit together with its attribution
(``“……。”某负责人说。``); a line break still ends it, so one unbalanced OCR
quote cannot swallow more than its paragraph. A full stop is never ``.``, so
decimals such as 97.7% are safe. Every fact cites its sentence and offset, so
``body[offset:offset + len(sentence)]`` gives the sentence back exactly.
"""
import re
import threading

# CJK unified ideographs: extension A, the basic block and the compatibility block.
CJK_RANGES = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK = f"[{CJK_RANGES}]"
CJK_RE = re.compile(CJK)


def is_cjk(ch):
    return bool(CJK_RE.match(ch))


def has_case(text):
    """Whether ``text`` holds a Latin letter, so that finding it regardless of case takes ``icontains``.

    Chinese has no case: a plain ``contains`` finds it, and spares PostgreSQL an
    UPPER() of every value it reads (a title scan at 100,000 articles: 100 ms against 30).
    """
    return any(ch.isascii() and ch.isalpha() for ch in text)


# Control characters that never belong in stored text (tab, newlines kept), and
# code points XML 1.0 cannot carry (lone surrogates, U+FFFE/U+FFFF).
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def strip_controls(text):
    """``(text without control characters, how many were removed)``."""
    cleaned, removed = CONTROL_RE.subn("", text)
    return cleaned, removed


# ---------------------------------------------------------------- folding

_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20

_opencc = None
_opencc_lock = threading.Lock()


def to_simplified(text):
    """Traditional characters as simplified (OpenCC t2s), loaded once per process."""
    global _opencc
    if _opencc is None:
        with _opencc_lock:
            if _opencc is None:
                import opencc

                _opencc = opencc.OpenCC("t2s")
    return _opencc.convert(text)


def fold(text):
    """For matching, not for storage: simplified, half-width ASCII, no control characters, lower case."""
    text = CONTROL_RE.sub(" ", text or "")
    text = text.translate(_FULLWIDTH)
    return to_simplified(text).lower()


OPEN_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』"}
CLOSE_QUOTES = set(OPEN_QUOTES.values())
QUOTE_CHARS = "\"'“”‘’「」『』"


END_MARKS = set("。！？；!?;")
# Characters that close something and belong to the sentence they follow.
CLOSERS = set("”’」』）)】〕》\"'…")


def split_sentences(body):
    """[(offset, sentence)] for each non-blank sentence of ``body``."""
    sentences = []
    start = 0
    depth = 0  # nesting of curly / corner quotes
    ascii_open = False  # ASCII " has no direction: it toggles
    i, n = 0, len(body)
    while i < n:
        ch = body[i]
        if ch == "\n":
            _add(sentences, body, start, i)
            start, depth, ascii_open = i + 1, 0, False
        elif ch in OPEN_QUOTES:
            depth += 1
        elif ch in CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif ch == '"':
            ascii_open = not ascii_open
        elif ch in END_MARKS and depth == 0 and not ascii_open:
            j = i + 1
            # Absorb repeated marks and the closers that follow (。”  ！）  ？！).
            while j < n and (body[j] in END_MARKS or body[j] in CLOSERS):
                if body[j] == '"':
                    # A quote right after a full stop closes a quotation only if one is open.
                    break
                j += 1
            _add(sentences, body, start, j)
            start = i = j
            continue
        i += 1
    _add(sentences, body, start, n)
    return sentences


def _add(sentences, body, start, end):
    """Append body[start:end] without its surrounding whitespace, if any text is left."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append((start, body[start:end]))
