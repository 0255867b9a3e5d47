"""The lines of a page and their shapes.

A page is read as a sequence of non-blank lines, each knowing how many blank
lines precede it (photos leave clusters of blank lines). Banner residue and
page furniture (the editors' line, the page's dateline) are dropped. Each line
then gets a shape from its own content only: credit, caption, byline, names,
subtitle, brief (本报讯), kicker, headline, weak headline or text. What a line
is in context (a title or a section heading, a caption or a paragraph) is for
the walker to decide.
"""
import re
from dataclasses import dataclass

from articles.ingest import cleaner
from articles.ingest.layout.bylines import (
    BRACKETED,
    BYLINE_MARK,
    BYLINE_START,
    bracketed_byline,
    is_names_line,
    names_only,
)
from core.text import CJK_RANGES, CJK_RE

TITLE_MAX = 40  # visible characters of a headline, and of a title derived from text
CAPTION_MAX = 60  # a photo caption is one short sentence
COLUMN_MAX = 6  # a column header (党建在高新) is a few characters

SUBTITLE = re.compile(r"^(?:——|--|──|—)\s*\S")
BRIEF = re.compile(r"^本报讯")
KICKER_END = re.compile(r"(?:——|—|:|：)$")
_CREDIT = re.compile(
    r"^(?:图片来源|图片提供|照片来源|图源|摄影|供图)\s*[:：]?"
    r"|(?:供图|\s摄|图片由\S+提供)$"
)
# A photographer's credit after a caption: 企业党员在生产线上开展攻关。 孙立新 摄
CAPTION_CREDIT = re.compile(rf"(?<=[。！])\s*((?:(?:本报)?记者\s*)?[{CJK_RANGES}·]{{2,8}}(?:\s+[{CJK_RANGES}·]{{2,4}})?\s*摄)$")
# Page furniture: the editors' line and the dateline of the page, no article's text.
_FURNITURE = re.compile(
    r"^(?:(?:责任编辑|本版编辑|美术编辑|美编|版式设计|版面设计|版式|责任校对|校对|制图)\s*[:：]\s*[^\s:：]{2,8}\s*)+$"
    r"|^\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天](?:\s+\S{1,12}){0,3}$"
)
_CAPTION_MARK = re.compile(r"^(?:图为|上图|下图|左图|右图|图中|题图)[：:，,\s]?")
# A time phrase opening a news lead: 近日，/ 4月15日, / 今年以来，
TIME_LEAD = re.compile(
    r"^(?:近日|日前|近期|目前|当前|近年来|今年以来|今年|去年|年初|截至目前|截至\S{0,8}?"
    r"|\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日|\d{1,2}月(?:上|中|下)旬)[,，]"
)
SENTENCE_MARK = re.compile(r"[。！？!?]")
_COMMA = re.compile(r"[，,]")
_QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ("（", "）"), ("(", ")"), ("《", "》"), ("「", "」"))
# Any character a reader would call a word's: a line or piece of only punctuation has none.
WORD_CHAR = re.compile(rf"[{CJK_RANGES}0-9A-Za-z]")


def balanced(text):
    for opening, closing in _QUOTE_PAIRS:
        if text.count(opening) != text.count(closing):
            return False
    return text.count('"') % 2 == 0


def credited_caption(text, credit):
    """A short one-sentence caption followed by its photographer's name and 摄."""
    caption = cleaner.visible(text[: credit.start(1)])
    return (
        len(caption) <= CAPTION_MAX
        and not SENTENCE_MARK.search(caption[:-1])
        and names_only(credit.group(1)[:-1])
    )


def split_caption_credit(text):
    """``图为…辅导。李明 摄`` -> [``图为…辅导。``, ``李明 摄``]."""
    credit = CAPTION_CREDIT.search(text) if text.endswith("摄") else None
    if credit and credited_caption(text, credit):
        return [text[: credit.start(1)].rstrip(), credit.group(1)]
    return [text]


def line_shape(text):
    """The shape of one cleaned line, from its own content only."""
    visible = cleaner.visible(text)
    if BRIEF.match(visible):
        return "brief"
    if _CAPTION_MARK.match(text) and len(visible) <= 2 * CAPTION_MAX:
        return "caption"
    credit = CAPTION_CREDIT.search(text) if text.endswith("摄") else None
    if credit and credited_caption(text, credit):
        return "caption"
    if len(visible) <= 40 and _CREDIT.search(text) and not SENTENCE_MARK.search(text[:-1]):
        return "credit"
    if BYLINE_MARK.match(text) and len(visible) <= 50:
        return "byline"
    if BYLINE_START.match(visible) and len(visible) <= 40 and not re.search(r"[，,。：:]", text):
        return "byline"
    if is_names_line(text):
        return "names"
    bracketed = BRACKETED.match(text)
    if bracketed and bracketed_byline(bracketed.group(1)):
        return "names"  # （李敏 王涛）, （记者 许晴）: a brief's authors on their own line
    if not CJK_RE.search(text):
        return "text"
    if SENTENCE_MARK.search(text.rstrip("！？!?")) or "。" in text:
        return "text"
    if SUBTITLE.match(text) and len(visible) <= 50:
        return "subtitle"
    if len(visible) <= TITLE_MAX + 5 and KICKER_END.search(text) and balanced(text):
        return "kicker"
    if len(visible) > TITLE_MAX or re.search(r"[，,、；;：:]$", text) or not balanced(text):
        return "text"
    if TIME_LEAD.match(visible):
        return "text"
    if _COMMA.search(text) or re.search(r"[！？!?]$", text):
        return "weak_headline"  # a headline only when a byline or 本报讯 follows
    return "headline"


@dataclass
class Line:
    """One non-blank line of a page."""

    index: int  # line number on the page
    raw: str
    text: str  # width-folded, whitespace-normalised
    gap: int  # blank lines before it
    shape: str = ""
    role: str = ""  # what the walk decided


def page_lines(text):
    """The page's non-blank lines, shaped, without banner residue and page furniture."""
    raw_lines = text.split("\n")
    # Shapes are judged on simplified text (本報訊 is 本报讯); ``raw`` keeps the original.
    folded = cleaner.to_simplified(cleaner.fold_width(text)).split("\n")
    if len(folded) != len(raw_lines):
        folded = [cleaner.to_simplified(cleaner.fold_width(line)) for line in raw_lines]
    folded = [line.strip() for line in folded]
    residue = cleaner.vertical_residue_flags(folded)
    lines = []
    gap = 0
    for i, (raw, text_line, res) in enumerate(zip(raw_lines, folded, residue)):
        if res:
            gap = 0  # a banner occupies the space: the blank lines that count come after it
            continue
        if not text_line:
            gap += 1
            continue
        if _FURNITURE.match(text_line):
            continue
        text_line = " ".join(cleaner.strip_interleaved_chars(text_line).split())
        line = Line(index=i, raw=raw.strip(), text=text_line, gap=gap)
        line.shape = line_shape(text_line)
        lines.append(line)
        gap = 0
    return lines


def column_header(lines):
    """The column header at the top of a page (党建在高新): short, first, above a headline."""
    for i, line in enumerate(lines[:-1]):
        if line.shape in ("caption", "credit"):
            continue
        nxt = lines[i + 1]
        if (
            line.shape == "headline"
            and " " not in line.text
            and len(line.text) <= COLUMN_MAX
            and nxt.shape in ("headline", "kicker", "weak_headline")
        ):
            line.role = "column"
            return line.text
        return ""
    return ""
