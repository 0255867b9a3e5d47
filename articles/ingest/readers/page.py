"""What every reader hands back, and the checks and metadata every page goes through.

A reader turns a file into one or more ``Draft`` pages: text plus what the file
said about itself (``Hint``). ``finish`` makes the PageText: newlines
normalised, control characters removed and counted, size limits applied, a page
without Chinese refused, and each source field taken from the most trusted
place that gave it.
"""
import re
from dataclasses import dataclass, field

from articles.ingest.readers import limits
from articles.ingest.readers.errors import PageError
from articles.ingest.readers.metadata import source_meta
from articles.ingest.types import PageText

# How far a source of metadata is believed, highest first.
TRUST_META = 4  # structured metadata the publisher wrote for this article: <meta property="article:published_time">
TRUST_PAGE = 3  # the page's own lines: folio, edition, masthead, 发布时间 line
TRUST_URL = 2  # what an e-paper URL spells
TRUST_LOW = 1  # document properties (PDF /CreationDate, .docx core.xml): when the file was made, not the issue

# Control characters that never occur in a page: C0 but tab, newline and form
# feed; DEL; C1; a byte-order mark inside the text; zero-width space.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\u200b]")
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LINE_BREAKS = re.compile(r"\r\n?|[\x85\u2028\u2029]")


@dataclass
class Hint:
    field: str  # a PageText source field: paper, date, page, page_name, url
    value: object
    source: str  # shown in PageText.meta_source: "html:meta article:published_time"
    trust: int


@dataclass
class Draft:
    name: str
    text: str
    encoding: str
    format: str
    content_hash: str
    file_hash: str
    hints: list = field(default_factory=list)
    doc_title: str = ""
    ocr_quality: float | None = None
    column_header: bool = True  # a short first line may be the page's name (not for a web page)
    part_of_file: bool = False  # one page of a PDF: messages say "page", not "file"


def clean_controls(text):
    """``text`` without control characters, and how many were removed."""
    text, count = CONTROL.subn("", text)
    return text, count


def is_binary(text):
    """More control characters than a text page could ever carry."""
    return len(CONTROL.findall(text)) > max(2, len(text) // 100)


def finish(draft):
    name = draft.name
    empty = "此页没有文字 (empty page)" if draft.part_of_file else "文件为空 (empty file)"
    text = _LINE_BREAKS.sub("\n", draft.text)
    if not text.strip():
        raise PageError(f"{name}: {empty}")
    if is_binary(text):
        raise PageError(f"{name}: 不是文本文件 (binary file, not page text)")
    text, removed = clean_controls(text)
    if not text.strip():
        raise PageError(f"{name}: {empty}")
    check_text_size(name, text)
    if not CJK.search(text):
        raise PageError(f"{name}: 没有中文内容，不是报纸版面 (no Chinese text: not a newspaper page)")

    values, sources = _merge_meta(draft, text)
    return PageText(
        name=name,
        text=text,
        encoding=draft.encoding,
        content_hash=draft.content_hash,
        format=draft.format,
        paper=values.get("paper", ""),
        date=values.get("date"),
        page=values.get("page", ""),
        page_name=values.get("page_name", ""),
        url=values.get("url", ""),
        doc_title=draft.doc_title,
        meta_source=sources,
        removed_controls=removed,
        ocr_quality=draft.ocr_quality,
        file_hash=draft.file_hash,
    )


def check_text_size(name, text):
    """Refuse a page longer than INGEST_MAX_PAGE_CHARS or with a line over INGEST_MAX_LINE_CHARS."""
    max_line = int(limits.setting("INGEST_MAX_LINE_CHARS"))
    longest = max(map(len, text.split("\n")))
    if longest > max_line:
        raise PageError(
            f"{name}: 单行过长 (line too long: {longest:,} characters > {max_line:,}, INGEST_MAX_LINE_CHARS)"
        )
    max_page = int(limits.setting("INGEST_MAX_PAGE_CHARS"))
    if len(text) > max_page:
        raise PageError(
            f"{name}: 页面文字过多 (page too long: {len(text):,} characters > {max_page:,}, INGEST_MAX_PAGE_CHARS)"
        )


def _merge_meta(draft, text):
    hints = list(draft.hints)
    given_url = max((h for h in hints if h.field == "url" and h.value), key=lambda h: h.trust, default=None)
    meta = source_meta(text, url=given_url.value if given_url else "", column_header=draft.column_header)
    for name in ("paper", "date", "page", "page_name", "url"):
        source = meta.sources.get(name)
        value = getattr(meta, name)
        if not value or source is None or source == "given":
            continue
        if source == "url":
            hints.append(Hint(name, value, "url", TRUST_URL))
        else:
            hints.append(Hint(name, value, f"page:{source}", TRUST_PAGE))
    values, sources = {}, {}
    for hint in sorted(hints, key=lambda h: -h.trust):  # stable: the first of equals wins
        if hint.value and hint.field not in values:
            values[hint.field] = hint.value
            sources[hint.field] = hint.source
    return values, sources
