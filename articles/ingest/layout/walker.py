"""The walk over a page's shaped lines: what each line is in its context.

Line by line, the walker decides whether header lines start an article (a
title needs a byline, 本报讯, a kicker or a place after it to count over an
open feature) or are a section heading inside one; whether a short sentence
after a photo's blank lines is a caption; whether a line of names closes an
article as its authors or a headline-shaped line is a fragment of a sentence
broken across columns. It keeps the articles as Drafts (draft.py), in page
order; only drafts with something to read are returned.
"""
import re

from articles.ingest import cleaner
from articles.ingest.layout.bylines import BRACKETED, has_surname, parse_byline
from articles.ingest.layout.draft import Draft
from articles.ingest.layout.lines import (
    BOX_KIND,
    CAPTION_MAX,
    REMARK_LABELS,
    SENTENCE_MARK,
    box_subject,
    is_datum_line,
    names_a_place,
    split_caption_credit,
)
from core.text import CJK_RANGES, CJK_RE

# The opening of a photo news item: 近日，/ 4月15日,
_NEWS_LEAD = re.compile(r"^(?:近日|日前|近期|(?:\d{4}年)?\d{1,2}月\d{1,2}日)")
# Words that continue a sentence and cannot open a caption.
_CONTINUATION = re.compile(r"^(?:其中|并且|并|以及|及|等|的|了|也|而|从而|进而|和|与|或|[，,、；;）)”])")
_ZONE_ENDING = r"(?:高新技术产业开发区|高新区|经开区|开发区|科学城|科技城)"
_ZONE_NAME = re.compile(rf"[{CJK_RANGES}]{{2,}}{_ZONE_ENDING}")
_NOT_A_PLACE = re.compile(r"^(?:全|本|该|各|我|国家|省级|市级)")
# 一、2022年工作回顾 / （二）…: a section's number, opening a heading inside an article.
SECTION_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])")


def _parallel(heading, headings):
    """Whether ``heading`` is set like one of ``headings``: the same word before its colon (…平台：…)."""
    head = heading.partition("：")[0]
    return len(head) >= 2 and any(
        "：" in other and other.partition("：")[0][-2:] == head[-2:] for other in headings
    )


# 【成绩】去年交出…, 【目标】力争…: a section's label in brackets (a place's, 【佛山】, opens an item).
_BRACKET_LABEL = re.compile(r"^【([^【】]{2,6})】\s*\S")


def _bracketed_section(text):
    label = _BRACKET_LABEL.match(cleaner.visible(text))
    return bool(label) and not names_a_place(label.group(1)) and not BOX_KIND.match(cleaner.visible(text))


def _names_zone(text):
    """Whether a headline names a particular zone (平顶山高新区…), as titles do and headings seldom do."""
    match = _ZONE_NAME.search(text)
    return bool(match) and not _NOT_A_PLACE.match(match.group(0))


def _credited(line):
    """A credit line, or a caption ending with its credit (…方案。 宁乡高新区供图)."""
    return line.shape == "credit" or len(split_caption_credit(line.text)) == 2


class Walker:
    """One walk over one page's lines (``lines.page_lines``), its column header already found."""

    def __init__(self, lines, column):
        self.lines = [line for line in lines if line.role != "column"]
        self.column = column
        self.column_lines = [line for line in lines if line.role == "column"]
        self.drafts = []
        self.current = None
        self.pending = []  # captions seen while no article could take them
        self.byline_ahead = None  # a manuscript's author line above its first title
        text_gaps = [line.gap for line in self.lines if line.shape == "text"]
        # Whether paragraphs' lines are set together (OCR of an e-paper), and articles wider apart.
        self.tight_text = bool(text_gaps) and text_gaps.count(0) * 2 >= len(text_gaps)
        self.wide_breaks = any(
            line.gap >= 2 for line in self.lines if line.shape in ("headline", "weak_headline", "kicker")
        ) and bool(text_gaps) and max(text_gaps, key=text_gaps.count) <= 1

    def run(self):
        """The page's articles as Drafts, in page order."""
        i = 0
        while i < len(self.lines):
            i = self.step(i)
        if self.pending:
            if self.current is not None:
                self.current.add_captions(self.pending)
            self.pending = []
        return [draft for draft in self.drafts if draft.has_text]

    # --- the walk ---------------------------------------------------------------

    def step(self, i):
        """Take the line at ``i`` (and any that go with it); returns the index of the next line to take."""
        line = self.lines[i]
        shape = line.shape

        if shape == "byline" and self.current is None and self._opens_article(i + 1):
            self.byline_ahead = line  # 作者：彭思远（通讯员） / the title: the title's byline
            return i + 1

        if shape == "data_label" and self.current is not None and not self.current.closed:
            if not self._box_of_another_zone(line):
                self.current.add_heading(line)  # ■ 数据: the box of figures goes on with its article
                return i + 1
            line.shape = "headline"  # 数说铜仁高新区2021 under an article on another park: a box of its own
            line.text = BOX_KIND.sub("", line.text)
            self._start([line])
            return i + 1

        if shape == "headline" and self._caption_above_heading(i):
            line.shape = "caption"  # 园区企业党员参加专题宣讲 / 企业服务平台：让环境优起来
            return self._captions(i)

        if shape in ("headline", "weak_headline", "kicker", "subtitle", "byline"):
            group_end, starts = self._header_group(i)
            if starts:
                brief = group_end < len(self.lines) and self.lines[group_end].shape == "brief"
                self._start(self.lines[i:group_end], brief_at=group_end if brief else None)
                return group_end + (1 if brief else 0)
            if shape == "byline" and self.current is not None:
                self.current.close_with_author(line)
                return i + 1
            if shape == "headline" and self._is_heading(i):
                self.current.add_heading(line)
                return i + 1
            return self._text(i)

        if shape == "brief":
            self._start([], brief_at=i)
            return i + 1

        if shape == "names":
            if self.current is not None and self.current.paragraphs and self._names_close_article(i):
                self.current.close_with_author(line)
                return i + 1
            return self._text(i)

        if shape in ("caption", "credit") or self._is_unmarked_caption(i):
            return self._captions(i)

        return self._text(i)

    def _header_group(self, i):
        """Where the header lines starting at ``i`` end, and whether they start an article."""
        lines = self.lines
        j = i
        heads = []
        while j < len(lines) and lines[j].shape in ("headline", "weak_headline", "kicker") and len(heads) < 3:
            if heads and SECTION_NUMBER.match(cleaner.visible(lines[j].text)):
                break  # 报告（摘要） / 一、2022年工作回顾: the title, then the first section's heading
            heads.append(lines[j])
            j += 1
        anchors = []
        while j < len(lines) and lines[j].shape == "subtitle" and heads:
            anchors.append(lines[j])
            j += 1
        if j < len(lines) and (lines[j].shape == "byline" or (lines[j].shape == "names" and heads)):
            anchors.append(lines[j])
            j += 1
        following = lines[j] if j < len(lines) else None

        if not heads:
            return j, False
        cur = self.current
        if cur is not None and not cur.closed and cur.paragraphs and _bracketed_section(heads[0].text):
            return i + 1, False  # 【成绩】去年交出一份稳中有进的答卷: a section of the article, not the next one
        in_box = (
            cur is not None and not cur.closed and bool(cur.heading_at)
            and any(is_datum_line(p) for p in cur.paragraphs[cur.heading_at[-1] :])
        )
        if (
            in_box
            and all(a.shape == "names" for a in anchors)
            and not any(h.shape == "kicker" for h in heads)  # 短评 / 分片，分的是责任 / 林岚: a piece of its own
            and not (following is not None and following.shape == "brief")
        ):
            return i + 1, False  # 同步入驻 / 独墅湖青年党建活动基地 / 慧湖国际桥·留学生之家: a box's items, no title
        strong = [h for h in heads if h.shape != "weak_headline"]
        if anchors or (following is not None and following.shape == "brief"):
            return j, True
        if not strong:
            return i + 1, False
        cur = self.current
        if cur is not None and not cur.closed and (self._continues_text(i) or self._awaits_text(cur)):
            return i + 1, False
        # A fragment inside a sentence broken across columns is not a headline.
        if cur is not None and cur.open_paragraph and heads[0].shape != "kicker" and (len(heads) == 1 or heads[0].gap <= 1):
            return i + 1, False
        kicker = any(h.shape == "kicker" for h in heads)
        if not kicker and cur is not None and not cur.closed and cur.paragraphs and self._tight(heads[0]):
            return i + 1, False  # a section heading: set as close to the text as its paragraphs
        if kicker or len(strong) >= 2:
            return j, True
        if following is None:
            return i + 1, False  # a last line on its own starts nothing
        if cur is None or cur.closed or not cur.headlines:
            return j, True
        if cur.brief:
            return j, True
        if heads[0].shape == "headline" and _names_zone(heads[0].text):
            return j, True
        if self._set_as_title(heads[0], following, cur):
            return j, True
        if not cur.paragraphs and any(line.role == "caption" and _credited(line) for line in cur.lines):
            return j, True  # a title over its credited caption (…充电。（记者 潘 越 摄）): a photo item, complete
        if cur.paragraphs and re.search(r"摄\s*[）)]$", cur.paragraphs[-1]):
            return j, True  # …配套企业。（通讯员 郭 敏 摄）: the photo item's text ends with its credit
        return i + 1, False

    def _set_as_title(self, head, following, cur):
        """A line set apart from the text above as titles are, and from its own text at least as far as
        the article's title is from its text, on a page of tight paragraphs without bylines (a
        bulletin's items): the next item's title."""
        if not (self.wide_breaks and self.tight_text and not cur.header_byline and head.gap >= 2):
            return False
        first_text = next((line for line in cur.lines if line.role == "text"), None)
        return first_text is not None and following.gap >= first_text.gap >= 1

    def _box_of_another_zone(self, line):
        """Whether a box's label names a zone its article never names (数说铜仁高新区 under 南宁经开区)."""
        match = _ZONE_NAME.search(box_subject(cleaner.visible(line.text)))
        if not match or _NOT_A_PLACE.match(match.group(0)):
            return False
        cur = self.current
        text = "".join(h.text for h in cur.headlines) + "".join(cur.paragraphs)
        name = match.group(0)
        place = re.sub(rf"{_ZONE_ENDING}$", "", name)  # 鲤城: 泉州高新区鲤城园区
        return (place or name) not in cleaner.visible(text)

    @staticmethod
    def _awaits_text(cur):
        """An article whose byline or last section heading has no text under it yet: what follows is its text."""
        if cur.header_byline and cur.headlines and not cur.paragraphs:
            return True
        return bool(cur.heading_at) and cur.heading_at[-1] == len(cur.paragraphs)

    def _continues_text(self, i):
        """A line set right under a line of the article's text, with no blank line, goes on with the text.

        Only on pages that set a paragraph's lines together (an e-paper's OCR):
        where every line stands between blank lines the gap tells nothing.
        """
        line = self.lines[i]
        previous = self.lines[i - 1] if i else None
        return (
            line.gap == 0
            and previous is not None
            and previous.role == "text"
            and self.tight_text
        )

    def _tight(self, line):
        """A heading set as close to the text as its paragraphs, on a page that spaces articles wider."""
        return self.wide_breaks and line.gap <= 1

    def _opens_article(self, i):
        """Whether the line at ``i`` heads an article (a headline or kicker the walk starts one with)."""
        return i < len(self.lines) and self.lines[i].shape in ("headline", "weak_headline", "kicker") and self._header_group(i)[1]

    def _caption_above_heading(self, i):
        """A short line between the article's text and a heading like its others is a photo's caption.

        Parallel section headings (政治引领平台：把思想统起来 … 企业服务平台：让环境优起来) go on
        with the article; the line above the next one is what a photo there shows, not a kicker.
        """
        cur, nxt = self.current, self._next(i)
        return (
            cur is not None
            and not cur.closed
            and bool(cur.headings)
            and nxt is not None
            and nxt.shape == "headline"
            and "：" not in self.lines[i].text
            and _parallel(nxt.text, cur.headings)
        )

    def _is_heading(self, i):
        cur = self.current
        return (
            cur is not None
            and not cur.open_paragraph
            and i + 1 < len(self.lines)
            and not self._continues_text(i)
            and not self._awaits_text(cur)
        )

    def _next(self, i):
        return self.lines[i + 1] if i + 1 < len(self.lines) else None

    def _start(self, header_lines, brief_at=None):
        """A new article from its header lines, and from the 本报讯 line at ``brief_at`` if it opens with one."""
        draft = Draft(column=self.column)
        if not self.drafts and self.column_lines:
            draft.lines.extend(self.column_lines)
        for line in header_lines:
            draft.add_header(line)
        if self.byline_ahead is not None and not draft.byline:
            draft.add_header(self.byline_ahead)
        self.byline_ahead = None
        if self.pending:
            draft.add_captions(self.pending)
            self.pending = []
        self.drafts.append(draft)
        self.current = draft
        if brief_at is not None:
            draft.add_brief(self.lines[brief_at])
            draft.take_glued_author(self._next(brief_at))

    def _text(self, i):
        cur = self.current
        if cur is None or cur.closed:
            self._start([])
            cur = self.current
        cur.add_text(self.lines[i])
        cur.take_glued_author(self._next(i))
        return i + 1

    # --- captions ---------------------------------------------------------------

    def _is_unmarked_caption(self, i):
        """A short sentence standing alone after a cluster of blank lines (a photo's place)."""
        line = self.lines[i]
        if line.shape != "text":
            return False
        visible = cleaner.visible(line.text)
        if len(visible) > CAPTION_MAX or not re.search(r"[。！]$", visible):
            return False
        if len(SENTENCE_MARK.findall(visible[:-1])):
            return False
        if re.match(r"[.%，,、；;：:）)”’]", visible) or not CJK_RE.search(visible):
            return False  # a caption is words; .6%。 or ，… is the end of a sentence
        cur = self.current
        interrupted = cur is not None and cur.open_paragraph
        if interrupted:
            if _CONTINUATION.match(visible):
                return False  # 其中…, 并…: the rest of the interrupted sentence, not a caption
            if re.search(r"[0-9.]$", cur.paragraphs[-1]) and re.match(r"[0-9.%]", visible):
                return False  # …增长12 / .6%。: the rest of a number broken by the column
            nxt = self._next(i)
            if nxt is None or nxt.shape != "text":
                return False  # the last text before the next article: it completes the sentence
            prev = self.lines[i - 1] if i else None
            if prev is not None and prev.role == "caption" and _credited(prev):
                return False  # the photo above has its caption and credit: the sentence goes on here
        if line.gap >= 2:
            return True
        prev = self.lines[i - 1] if i else None
        if prev is not None and prev.role == "caption":
            # Captions come in runs; the text they interrupt resumes after them.
            return interrupted or len(visible) <= 30
        return False

    def _captions(self, i):
        """A run of captions and credits starting at ``i``; returns the index after it."""
        j = i
        run = []
        while j < len(self.lines) and (
            self.lines[j].shape in ("caption", "credit") or (j == i or run) and self._caption_at(j)
        ):
            self.lines[j].role = "caption"
            run.append(self.lines[j])
            j += 1
        cur = self.current
        if cur is None or cur.closed:
            self.pending.extend(run)
        elif cur.paragraphs and not cur.open_paragraph and self._photo_item_ahead(i, j):
            self._start([])
            self.current.add_captions(run)
        else:
            cur.add_captions(run)
        return j

    def _caption_at(self, j):
        line = self.lines[j]
        if line.shape in ("caption", "credit"):
            return True
        return self._is_unmarked_caption(j)

    def _photo_item_ahead(self, i, j):
        """Whether a caption run ending before ``j`` heads a photo news item.

        A photo item is a credit or caption with one descriptive paragraph and no
        title, followed by the next article or the end of the page; its
        paragraph reads like a news lead (a date, 近日…) or describes the photo.
        """
        lines = self.lines
        if j >= len(lines) or lines[j].shape != "text":
            return False
        lead = lines[j]
        k = j + 1
        # The paragraph may continue over a column break.
        paragraph = lead.text
        while k < len(lines) and lines[k].shape == "text" and not cleaner.ends_sentence(paragraph):
            paragraph += lines[k].text
            k += 1
        while k < len(lines) and lines[k].shape in ("caption", "credit"):
            k += 1
        if k < len(lines) and not self._strong_start(k):
            return False
        visible = cleaner.visible(paragraph)
        has_credit = any(line.shape == "credit" for line in lines[i:j]) or "图为" in visible
        return has_credit and bool(_NEWS_LEAD.match(visible) or "图为" in visible)

    def _strong_start(self, k):
        """Whether line ``k`` starts an article whatever came before (本报讯, kicker, byline…)."""
        lines = self.lines
        if lines[k].shape == "brief":
            return True
        if lines[k].shape not in ("headline", "weak_headline", "kicker"):
            return False
        saved = self.current
        self.current = Draft(headlines=[lines[k]])  # as if inside a feature: only strong signs count
        try:
            _, starts = self._header_group(k)
        finally:
            self.current = saved
        return starts

    # --- authors ----------------------------------------------------------------

    def _names_close_article(self, i):
        cur = self.current
        tokens = parse_byline(self.lines[i].text)
        # A remark (短评, 编后) is signed with a pen name in brackets, from no surname: （渝 言）.
        signed = BRACKETED.match(self.lines[i].text.strip()) and any(
            cleaner.visible(line.text) in REMARK_LABELS for line in cur.headlines
        )
        if not tokens or not (cur.brief or signed or any(has_surname(t) for t in tokens)):
            return False
        if not cur.open_paragraph:
            return True
        nxt = self._next(i)
        return nxt is None or nxt.shape in ("brief", "headline", "kicker", "caption", "credit")
