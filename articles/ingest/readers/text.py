"""Plain text pages: bytes -> text, whatever the encoding the scanner or editor chose.

Pages arrive as UTF-8 with or without a BOM, GB18030/GBK from older Windows
tools, occasionally Big5, and UTF-16 with or without a BOM. UTF-16 without a
BOM is told by its NUL bytes (ASCII characters, newlines and digits put a NUL
in their high byte): a file with NULs is decoded both ways, and the byte order
that reads as a Chinese page is taken. Anything else with NULs in it is binary. A few stray NULs or control
characters (a NUL after a UTF-8 BOM, say) are removed later and counted.
"""
import hashlib
import re

from articles.ingest.readers.errors import PageError
from articles.ingest.readers.page import Draft

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
_SNIFF = 64 * 1024  # bytes looked at to recognise UTF-16 without a BOM
# Every byte but the C0 controls other than tab, newlines, form feed and escape, and DEL.
_TEXT_BYTES = bytes(b for b in range(256) if b >= 0x20 and b != 0x7F or b in b"\t\n\r\x0c\x1b")


def read(path, name, size):
    raw = read_bytes(path, name)
    text, encoding = decode(raw, name)
    digest = hashlib.sha256(raw).hexdigest()
    return [Draft(name=name, text=text, encoding=encoding, format="text",
                  content_hash=digest, file_hash=digest)]


def read_bytes(path, name):
    """The whole file (its size was checked before), or a PageError."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise PageError(f"{name}: 文件不存在 (file not found)") from None
    except IsADirectoryError:
        raise PageError(f"{name}: 是文件夹而不是文件 (is a folder, not a file)") from None
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise PageError(f"{name}: 无法读取文件 (cannot read file: {reason})") from None


def decode(raw, name):
    """(text, encoding) of a page's bytes, or a PageError saying why not."""
    if not raw.strip():
        raise PageError(f"{name}: 文件为空 (empty file)")
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
    nuls = raw.count(b"\x00")
    if nuls:
        codec = utf16_without_bom(raw)
        if codec:
            return raw.decode(codec), codec
    # Control bytes never occur in UTF-8, GB18030 or Big5 text (their multi-byte
    # sequences use bytes from 0x40 up): more than a few is binary data.
    if len(raw.translate(None, _TEXT_BYTES)) > max(2, len(raw) // 100):
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
        if plausible(text):
            candidates.append((common_share(text), codec, text))
    if not candidates:
        raise PageError(f"{name}: 无法识别的编码 (undecodable: not UTF-8, GB18030, Big5 or UTF-16 text)")
    # GB18030 accepts almost any double-byte stream, Big5 included; the decoding
    # that yields the everyday characters of running text is the right one.
    _, codec, text = max(candidates, key=lambda c: (c[0], c[1] == "gb18030"))
    return text, codec


def utf16_without_bom(raw):
    """"utf-16-le" or "utf-16-be" when ``raw`` reads as UTF-16 page text without a BOM, else None.

    The NULs alone do not tell the byte order (ASCII puts them on one side,
    一 U+4E00 and the ideographic space U+3000 on the other), so both orders
    are decoded: the one that reads as a Chinese page wins, the wrong one
    giving Hangul, Yi and private-use characters instead.
    """
    if len(raw) % 2:
        return None
    candidates = []
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if plausible(text):
            candidates.append((common_share(text), codec == "utf-16-le", codec))
    return max(candidates)[2] if candidates else None


def plausible(text):
    """Mostly CJK, ASCII and punctuation, as a decoded page should be."""
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return False
    good = sum(1 for ch in visible if _PLAUSIBLE.match(ch))
    return good / len(visible) >= 0.9


def common_share(text):
    cjk = _CJK.findall(text)
    if not cjk:
        return 0.0
    return sum(1 for ch in cjk if ch in _COMMON) / len(cjk)
