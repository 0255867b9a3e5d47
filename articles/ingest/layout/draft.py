"""The article being built: a Draft, and how a line the walker gives it is added.

The walker decides what a line is (a header, a paragraph's text, a caption, a
heading, the authors); the draft keeps it: broken lines are joined back into
paragraphs, a caption's photographer credit is split off, and a byline glued
to the end of the last paragraph is taken out of it into the authors.
"""
import re
from dataclasses import dataclass, field

from articles.ingest import cleaner
from articles.ingest.layout.bylines import (
    BYLINE_MARK,
    ROLE_RE,
    bracketed_byline,
    bracketed_tail,
    glued_name,
    has_surname,
    parse_byline,
    split_brief_marker,
    split_leading_report,
)
from articles.ingest.layout.lines import (
    BOXED_FIGURE_END,
    TIME_LEAD,
    WORD_CHAR,
    is_datum_line,
    split_caption_credit,
)
from core.text import CJK_RANGES, CJK_RE

# How a paragraph opens: 会议要求，/ 据了解，/ 此外，. After a line cut off in the middle
# of a word (the rest lost in the scan), such a line starts a new paragraph instead of
# continuing the cut one. A single character before 表示 is a pronoun (他表示，) or the
# end of a name cut at the line (…党委副书记田文 / 广表示，): only the pronouns open.
_PARAGRAPH_OPENER = re.compile(
    rf"^(?:(?:[他她其]|[{CJK_RANGES}]{{2,6}})(?:指出|要求|强调|表示|认为|介绍|获悉)|据了解|据介绍|据悉|此外|同时|另外|近日|日前"
    r"|今年以来|近年来|目前|截至目前)[，,:：]"
)
# After a glued name, the next line must start something else for the name to be an author.
_STARTS_SOMETHING = ("brief", "kicker", "headline", "weak_headline", "caption", "credit")


def _starts_new_paragraph(previous, line):
    if is_datum_line(line) or is_datum_line(previous) or BOXED_FIGURE_END.search(previous):
        return True  # 超大型社区：4个 / 居民网格：216个, …首批会员企业：43家: each line of a box is one statement
    if BYLINE_MARK.match(line) or BYLINE_MARK.match(previous) and len(cleaner.visible(previous)) <= 12:
        return True  # ■ 服务阵地: a box's part, on its own
    return bool(CJK_RE.match(previous[-1:]) and _PARAGRAPH_OPENER.match(cleaner.visible(line)))


@dataclass
class Draft:
    headlines: list = field(default_factory=list)  # kicker/title lines (Line)
    subtitle: str = ""
    byline: str = ""
    authors: list = field(default_factory=list)
    column: str = ""
    brief: bool = False  # starts with 本报讯
    headings: list = field(default_factory=list)
    heading_at: list = field(default_factory=list)  # paragraphs seen before each heading
    paragraphs: list = field(default_factory=list)  # raw-ish text, joined across breaks
    captions: list = field(default_factory=list)
    lines: list = field(default_factory=list)  # Line, for ``original``
    closed: bool = False  # its trailing author was seen: nothing more belongs to it
    header_byline: bool = False  # a byline under the title, as features have

    @property
    def open_paragraph(self):
        return bool(self.paragraphs) and not cleaner.ends_sentence(self.paragraphs[-1])

    @property
    def has_text(self):
        """Whether there is anything to read: a 本报讯 marker alone on a page is no article."""
        pieces = [line.text for line in self.headlines] + self.paragraphs + self.captions
        return any(WORD_CHAR.search(piece) for piece in pieces)

    # --- adding lines -------------------------------------------------------------

    def add_header(self, line):
        """A kicker, title, subtitle or byline line above the text."""
        self.lines.append(line)
        if line.shape in ("headline", "weak_headline", "kicker"):
            self.headlines.append(line)
        elif line.shape == "subtitle":
            self.subtitle = line.text
        elif line.shape in ("byline", "names"):
            self.byline = line.text
            self.authors = parse_byline(line.text)
            self.header_byline = True

    def add_brief(self, line):
        """The 本报讯 line opening a brief: its byline, if printed with the marker, and its text."""
        self.brief = True
        line.role = "text"
        byline, text = split_brief_marker(line.text)
        if byline is not None and not self.byline:
            self.byline = byline
            self.authors = parse_byline(byline)
        self.lines.append(line)
        self.paragraphs.append(text)

    def add_text(self, line):
        """A line of running text: it continues an open paragraph or starts a new one."""
        line.role = "text"
        self.lines.append(line)
        if not self.paragraphs and not self.byline:
            byline, text = split_leading_report(line.text)
            if byline:
                # 记者 杨帆 报道 放大…: the byline printed at the head of the first paragraph.
                self.byline, self.authors = byline, parse_byline(byline)
                self.paragraphs.append(text)
                return
        if self.open_paragraph and not _starts_new_paragraph(self.paragraphs[-1], line.text):
            self.paragraphs[-1] = cleaner.join_broken(self.paragraphs[-1], line.text)
        else:
            self.paragraphs.append(line.text)

    def add_heading(self, line):
        self.headings.append(line.text)
        self.heading_at.append(len(self.paragraphs))
        self.lines.append(line)

    def add_captions(self, run):
        for line in run:
            line.role = "caption"
            self.captions.extend(split_caption_credit(line.text))
            self.lines.append(line)

    # --- authors ----------------------------------------------------------------

    def close_with_author(self, line):
        """The authors' line after the text: the article ends here."""
        self.lines.append(line)
        names = parse_byline(line.text)
        if not self.byline:
            self.byline = line.text
        for name in names:
            if name not in self.authors:
                self.authors.append(name)
        self.closed = True

    def take_glued_author(self, nxt):
        """A brief's author printed at the end of its last paragraph: ``…新质生产力。林露虹``.

        ``nxt`` is the line after the one just added (None at the end of the page).
        """
        if not self.paragraphs:
            return
        last = self.paragraphs[-1]
        bracketed = bracketed_tail(last)
        # A role inside the brackets (（本报记者 张敏）) marks the byline of any article;
        # bare names in brackets only end a brief.
        brief_like = self.brief or not self.headlines
        at_end = nxt is None or nxt.shape in _STARTS_SOMETHING
        if bracketed and bracketed_byline(bracketed.group(1)) and (
            brief_like
            or ROLE_RE.search(bracketed.group(1))
            # …值得借鉴。（沈嘉言） closing a commentary: names with surnames, the article's last words.
            or at_end and all(has_surname(name) for name in bracketed_byline(bracketed.group(1)))
        ):
            # …同比增长9.6%。（杨帆）: names in brackets after the last sentence are its authors.
            names = bracketed_byline(bracketed.group(1))
            self.paragraphs[-1] = last[: bracketed.start(1) - 1].rstrip()
            if not self.byline:
                self.byline = bracketed.group(0)
            self.authors.extend(n for n in names if n not in self.authors)
            self.closed = True
            return
        if not brief_like:
            return
        match = glued_name(last)
        if not match:
            return
        name = match.group(2)
        if nxt is not None and nxt.shape not in _STARTS_SOMETHING:
            if not (nxt.shape == "text" and TIME_LEAD.match(cleaner.visible(nxt.text))):
                return
        self.paragraphs[-1] = last[: match.start(2)].rstrip()
        if not self.byline:
            self.byline = name
        if name not in self.authors:
            self.authors.append(name)
        self.closed = True
