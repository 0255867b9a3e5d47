"""Reading page files: bytes on disk -> decoded page text, or a clear refusal.

Pages arrive from different scanners and editors: UTF-8 with or without a BOM,
GB18030/GBK from older Windows tools, occasionally Big5. Anything that is not a
Chinese text page (binary, empty, undecodable, no Chinese at all) is refused
with a one-line message naming the file, so the command can report it and go on.
"""
import hashlib
import re
from pathlib import Path

from articles.ingest.types import PageText

# Control characters that never occur in a text page (tab, newlines and form feed do).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Characters a Chinese newspaper page is made of: CJK, ASCII, CJK and full-width
# punctuation, general punctuation (“”—…), the byline markers ■►▶ and the like.
_PLAUSIBLE = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0020-\u007e\s"
    r"\u3000-\u303f\uff00-\uffef\u2010-\u206f\u00b7\u25a0-\u25ff\u2190-\u21ff]"
)
# Very frequent characters in both simplified and traditional running text: a page
# decoded with the wrong double-byte table has almost none of them.
_COMMON = set("的一是在了和有不为為中年会會发發展国國业業党黨新区區高企")


class PageError(ValueError):
    """A page file that cannot be ingested; the message names the file."""


def read_page(path):
    """Read and decode one page file into a PageText, or raise PageError."""
    path = Path(path)
    name = path.name
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PageError(f"{name}: 文件不存在 (file not found)") from None
    except IsADirectoryError:
        raise PageError(f"{name}: 是文件夹而不是文件 (is a folder, not a file)") from None
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise PageError(f"{name}: 无法读取文件 (cannot read file: {reason})") from None

    if not raw.strip():
        raise PageError(f"{name}: 文件为空 (empty file)")
    text, encoding = _decode(raw, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise PageError(f"{name}: 文件为空 (empty file)")
    if len(_CONTROL.findall(text)) > max(2, len(text) // 100):
        raise PageError(f"{name}: 不是文本文件 (binary file, not page text)")
    if not _CJK.search(text):
        raise PageError(f"{name}: 没有中文内容，不是报纸版面 (no Chinese text: not a newspaper page)")
    return PageText(
        name=name,
        text=text,
        encoding=encoding,
        content_hash=hashlib.sha256(raw).hexdigest(),
    )


def _decode(raw, name):
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            raise PageError(f"{name}: 无法识别的编码 (undecodable: invalid UTF-8 after BOM)") from None
    # UTF-16 is full of NUL bytes, so it has to be recognised before the binary check.
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if raw.startswith(bom):
            try:
                return raw[2:].decode(codec), "utf-16"
            except UnicodeDecodeError:
                raise PageError(f"{name}: 无法识别的编码 (undecodable: invalid UTF-16)") from None
    if b"\x00" in raw:
        raise PageError(f"{name}: 不是文本文件 (binary file, not page text)")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass

    candidates = []
    for codec in ("gb18030", "big5"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            candidates.append((_common_share(text), codec, text))
    if not candidates:
        raise PageError(f"{name}: 无法识别的编码 (undecodable: not UTF-8, GB18030 or Big5 text)")
    # GB18030 accepts almost any double-byte stream, Big5 included; the decoding
    # that yields the everyday characters of running text is the right one.
    _, codec, text = max(candidates, key=lambda c: (c[0], c[1] == "gb18030"))
    return text, codec


def _plausible(text):
    """Mostly CJK, ASCII and punctuation, as a decoded page should be."""
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return False
    good = sum(1 for ch in visible if _PLAUSIBLE.match(ch))
    return good / len(visible) >= 0.9


def _common_share(text):
    cjk = _CJK.findall(text)
    if not cjk:
        return 0.0
    return sum(1 for ch in cjk if ch in _COMMON) / len(cjk)


def iter_page_paths(paths):
    """The page files named by ``paths``: folders expand to their *.txt files, sorted.

    A file named explicitly is kept whatever its suffix; a path that does not
    exist raises PageError.
    """
    found = []
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            found.extend(
                sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".txt")
            )
        elif path.exists():
            found.append(path)
        else:
            raise PageError(f"{path}: 文件或文件夹不存在 (no such file or folder)")
    unique = []
    seen = set()
    for path in found:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique
