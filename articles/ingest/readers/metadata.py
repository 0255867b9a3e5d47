"""Where a page comes from, read from the page's own lines: paper, date, 版次, 版名, URL.

A pure function over text (no Django; OpenCC's tables are read once). Only the first and last
``EDGE_LINES`` non-blank lines are looked at: that is where a page prints its
folio (``2023年6月12日 星期一 编辑：王芳 校对：李明``), its edition
(``A7``, ``第3版``, ``A5 园区``), its masthead (``中国高新技术产业导报``, alone or
beside its edition: ``A6 党建在高新    中国高新技术产业导报``) and, for a web page, its
title's site (``标题-中国高新网``: the publisher, before the ``来源`` of its
``发布时间：… 来源：…`` line) and trail; a page name printed on its own line under an edition
that has none (``第6版`` / ``党建在高新``) is the page's name. A line is only taken for
furniture when nothing but furniture is on it, so a body sentence that opens
with a date (``2022年9月5日，合肥高新区召开…``) gives nothing. Lines are read with
traditional characters as simplified (中國高新技術產業導報, 責任編輯：), and the values
are given in simplified characters, as the articles are stored.

An e-paper URL (given, or written on the page) gives a date and a page where
its path spells them: ``/html/2022-09/05/``, ``/2022/0905/A07/``,
``content_123_A7.html``. Founder-style ``node_7.htm`` numbers are layout
nodes, not page numbers (node_2 is often 第1版), so no page is read from them.
"""
import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from articles.ingest.layout.furniture import is_nav_bar
from articles.ingest.folio import (
    BETWEEN_PARTS, ISSUED_BY, LATIN_MASTHEAD, PAPER_NAME, ROLES, SITE_DISTRICT, TRAIL_START, WEB_ADDRESS, unspaced,
)
from core.text import to_simplified

EDGE_LINES = 15
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


@dataclass
class SourceMeta:
    paper: str = ""
    date: datetime.date | None = None
    page: str = ""  # "A7", "3"
    page_name: str = ""  # "园区", "党建在高新"
    url: str = ""
    sources: dict = field(default_factory=dict)  # field -> "folio", "edition", "masthead", "web", "column header", "url"
    author: str = ""  # 作者 of a web page line

    def set(self, name, value, source):
        """Keep the first value found for ``name``."""
        if value and not getattr(self, name):
            setattr(self, name, value)
            self.sources[name] = source


# --- dates -------------------------------------------------------------------------

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_DATE_CJK = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_DATE_CN = re.compile(
    r"(?P<y>[〇零○一二三四五六七八九]{4})年(?P<m>十[一二]?|[一二三四五六七八九])月"
    r"(?P<d>三十[一]?|二?十[一二三四五六七八九]?|[一二三四五六七八九])日"
)
_DATE_NUM = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")


def make_date(y, m, d):
    try:
        value = datetime.date(int(y), int(m), int(d))
    except (TypeError, ValueError):
        return None
    return value if 1949 <= value.year <= 2100 else None


def _cn_number(text):
    """十二 -> 12, 二十一 -> 21, 三十 -> 30, 七 -> 7."""
    if "十" not in text:
        return _CN_DIGITS[text]
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def find_date(text):
    """The first date written in ``text`` (年月日, 〇年月日 or 2023-05-12), and its span."""
    found = []
    for pattern in (_DATE_CJK, _DATE_NUM):
        m = pattern.search(text)
        if m:
            found.append((m.start(), make_date(m["y"], m["m"], m["d"]), m.span()))
    m = _DATE_CN.search(text)
    if m:
        year = "".join(str(_CN_DIGITS[c]) for c in m["y"])
        found.append((m.start(), make_date(year, _cn_number(m["m"]), _cn_number(m["d"])), m.span()))
    found = [f for f in found if f[1]]
    if not found:
        return None, None
    _, value, span = min(found)
    return value, span


# --- furniture ----------------------------------------------------------------------

_PAPER = re.compile(rf"(?P<paper>{PAPER_NAME})")
_WEEKDAY = re.compile(r"(?:星期|周|礼拜)[一二三四五六日天]")
_LUNAR = re.compile(rf"农历[{_CJK}]{{2,12}}|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年(?:[{_CJK}]{{0,8}})?")
# A name as folios print it, OCR or the typesetter may space it (钱 明); else any short word.
_ROLE_FIELD = re.compile(
    rf"(?:{ROLES})\s*[:：]\s*(?:[{_CJK}](?:\s?(?!{ROLES})[{_CJK}]){{1,3}}(?![{_CJK}])|[^\s:：|｜丨]{{1,8}})"
)
# Without a colon, as some folios print them: 责任编辑 程 岚   美编 孙 晓 (a name of one to four characters;
# a spaced name never runs into the next role: 温 岚 美编：…).
_ROLE_SPACED = re.compile(rf"(?:{ROLES})\s+[{_CJK}](?:\s?(?!{ROLES})[{_CJK}]){{0,3}}(?![{_CJK}])")
_ISSUE = re.compile(
    r"总第\s*\d+\s*期|第\s*\d+\s*期|今日\s*\d+\s*版|本期\s*\d+\s*版|国内统一连续出版物号\s*\S+|CN\s*\d{2}\s*-\s*\d{4}(?:/\S+)?|邮发代号\s*\S+"
    rf"|{ISSUED_BY}"
)
# The page name beside the edition may hold a middle dot, set close or spaced (第3版 县域·园区,
# A5 园区·湖南, 第6版 三江新区 · 党建), and open with a quoted word (第6版 “十四五”答卷·园区篇).
_NAME_BESIDE = (
    rf"(?:“[{_CJK}]{{1,6}}”)?"
    rf"(?:[{_CJK}]{{2,10}}(?: ?[·・] ?[{_CJK}]{{1,6}})?|[{_CJK}]{{1,6}} ?[·・] ?[{_CJK}]{{1,6}})"
)
_EDITION_CN = re.compile(rf"第\s*(?P<page>[A-Z]?\d{{1,3}})\s*版(?:\s*[:：·|｜丨]?\s*(?P<name>{_NAME_BESIDE}))?")
_EDITION_CODE = re.compile(rf"(?<![A-Za-z0-9])(?P<page>[A-Z]\d{{1,2}})(?![A-Za-z0-9])(?:\s*版)?(?:\s*[:：·|｜丨]?\s*(?P<name>{_NAME_BESIDE}))?")
# A line that is nothing but an edition: "A7", "A07版", "A5 园区", "第3版", "第3版：党建在高新", "党建在高新 A7"
_EDITION_LINE = re.compile(
    rf"^(?:第\s*(?P<p1>[A-Z]?\d{{1,3}})\s*版|(?P<p2>[A-Z]\d{{1,2}})(?:\s*版)?)"
    rf"(?:\s*[:：·|｜丨\s]\s*(?P<n1>{_NAME_BESIDE}))?$"
    rf"|^(?P<n2>[{_CJK}]{{2,8}})\s*[·|｜丨\s]\s*(?:第\s*(?P<p3>[A-Z]?\d{{1,3}})\s*版|(?P<p4>[A-Z]\d{{1,2}})(?:\s*版)?)$"
)
# 07  园区·党建  责任编辑 欧阳青: a page printed as a bare number before its name, beside its editors.
_NUMBERED_PAGE = re.compile(rf"^(?P<page>\d{{1,2}})\s+(?P<name>{_NAME_BESIDE})$")
_SEPARATORS = re.compile(rf"[{BETWEEN_PARTS}()（）\[\]【】]+")
# A district's or a trade's paper named with 报 alone (海淀报), which PAPER_NAME does not take:
# read only as what is left of a folio line beside its date. Words ending in 报 that no paper
# is called (工作汇报, 统计公报, 项目申报) are not.
_SHORT_PAPER = re.compile(rf"[{_CJK}]{{2,4}}报")
_NOT_A_PAPER = re.compile(r"(?:汇|简|喜|捷|情|通|预|公|海|电|举|申|填|上|呈|回|年|月|季|学|警|战)报$")
_SENTENCE = re.compile(r"[，。；！？、]")
# Words a page name never is: the edition token's neighbour is then something else.
_NOT_PAGE_NAME_WORDS = "星期|周|农历|编辑|责编|校对|美编|版式|今日|本期|国内|本报|本版"
_NOT_PAGE_NAME = re.compile(rf"^(?:{_NOT_PAGE_NAME_WORDS})")
# A page name on a line of its own, under the edition line that printed none: 第6版 / 党建在高新,
# perhaps spaced out (党 建 在 高 新), with a middle dot (党建·园区), or beside the page's editors.
_PAGE_NAME_LINE = re.compile(rf"(?!{_NOT_PAGE_NAME_WORDS})[{_CJK}](?: ?[·・]? ?[{_CJK}]){{1,7}}")


def normalize_page(page):
    """'A07' -> 'A7', '03' -> '3'."""
    m = re.fullmatch(r"([A-Z]?)0*(\d+)", page.strip().upper())
    return f"{m[1]}{m[2]}" if m else page.strip()


def _fold(line):
    # Full-width digits, letters and colons to ASCII, so Ａ７ and ２０２３ read alike;
    # traditional characters as simplified, so 導報 and 編輯 read as 导报 and 编辑; a masthead
    # set letter-spaced (江 西 日 报) as one word.
    return to_simplified(unspaced(unicodedata.normalize("NFKC", line))).strip()


def _without_roles(line):
    return _ROLE_SPACED.sub(" ", _ROLE_FIELD.sub(" ", line)).strip()


def _folio(line, meta):
    """A dateline/folio: a date with nothing around it but weekday, editors, edition, paper."""
    value, span = find_date(line)
    if not value:
        return False
    rest = line[: span[0]] + " " + line[span[1]:]
    for pattern in (_WEEKDAY, _LUNAR, _ROLE_FIELD, _ISSUE, _TIME):
        rest = pattern.sub(" ", rest)
    paper = _PAPER.search(rest)
    if paper:
        rest = LATIN_MASTHEAD.sub(" ", rest.replace(paper["paper"], " "))  # 江门日报  JIANGMEN DAILY  2026年…
    edition = _EDITION_CN.search(rest) or _EDITION_CODE.search(rest)
    name = ""
    if edition:
        name = edition["name"] or ""
        rest = rest.replace(edition.group(0), " ")
    rest = _SEPARATORS.sub("", rest)
    if _SENTENCE.search(_ROLE_FIELD.sub(" ", line)) or len(rest) > 8:
        return False
    meta.set("date", value, "folio")
    if paper:
        meta.set("paper", paper["paper"], "folio")
    elif _SHORT_PAPER.fullmatch(rest) and not _NOT_A_PAPER.search(rest):
        meta.set("paper", rest, "folio")
    if edition:
        meta.set("page", normalize_page(edition["page"]), "folio")
        meta.set("page_name", name, "folio")
    return True


def _edition_line(line, meta):
    bare = _without_roles(line)
    # Beside the page's editors, a bare number is its page.
    edition = _edition_of(bare, numbered=bare != line.strip())
    if edition:
        _set_edition(meta, edition, "edition")
    return edition is not None


def _edition_of(text, numbered=False):
    """(page, page name) of ``text`` that is an edition alone ("第3版 党建", "A7", "党建在高新 A7"),
    or with ``numbered`` a bare page number before its name ("7 党建在高新"); else None."""
    m = _EDITION_LINE.match(text)
    if m:
        return normalize_page(m["p1"] or m["p2"] or m["p3"] or m["p4"]), m["n1"] or m["n2"] or ""
    m = _NUMBERED_PAGE.match(text) if numbered else None
    if m is None or _NOT_PAGE_NAME.match(m["name"]):  # 12 星期一: a day, not a page's name
        return None
    return normalize_page(m["page"]), m["name"]


def _set_edition(meta, edition, source):
    page, name = edition
    meta.set("page", page, source)
    meta.set("page_name", name, source)


_WEB_ADDRESS = re.compile(WEB_ADDRESS, re.I)
_LATIN_CAPITALS = re.compile(r"[A-Z]{4}")


def _masthead(line, meta):
    """A line that is a paper's name, perhaps with its edition (before or after it) or issue furniture."""
    # An e-paper's folio spreads its parts across the page's width: spaces are not length.
    # Measured before the paper's name is looked for: on a long line that search costs most.
    # Its Latin form beside it (中国高新技术产业导报    CHINA HIGH-TECH INDUSTRY HERALD) is not length either.
    if len(re.sub(r"\s+", " ", line)) > 40 and (
        not _LATIN_CAPITALS.search(line) or len(re.sub(r"\s+", " ", LATIN_MASTHEAD.sub("", line))) > 40
    ):
        return False
    m = _PAPER.search(line)
    if not m or _SENTENCE.search(line):
        return False
    before = line[: m.start()].replace("《", "")
    # The edition printed before the paper's name (A6 党建在高新    中国高新技术产业导报), beside
    # which a bare number is the page too (7 党建在高新    …); or the page's name alone (党建在高新 ┃ …).
    lead = None
    lead_name = ""
    name = _SEPARATORS.sub("", before)
    if name:
        lead = _edition_of(_without_roles(before), numbered=True)
        if lead is None and not _PAGE_NAME_LINE.fullmatch(name):
            return False
        lead_name = "" if lead else name
    rest = LATIN_MASTHEAD.sub(" ", line[m.end():].replace("》", " "))  # 河南日报  HENAN DAILY
    rest = _WEB_ADDRESS.sub(" ", rest)  # 香港商报  www.hkcd.com
    edition = _EDITION_CN.search(rest) or _EDITION_CODE.search(rest)
    for pattern in (_ISSUE, _ROLE_FIELD, _ROLE_SPACED):
        rest = pattern.sub(" ", rest)
    if edition:
        rest = rest.replace(edition.group(0), " ")
    # After the paper's name, as before it: 中国高新技术产业导报    7 党建在高新.
    numbered = None if edition else _edition_of(rest.strip(), numbered=True)
    if numbered:
        rest = ""
    if len(_SEPARATORS.sub("", rest)) > 8:
        return False
    meta.set("paper", m["paper"], "masthead")
    if lead_name:
        meta.set("page_name", lead_name, "masthead")
    if lead or numbered:
        _set_edition(meta, lead or numbered, "masthead")
    elif edition:
        meta.set("page", normalize_page(edition["page"]), "masthead")
        if edition["name"] and not _NOT_PAGE_NAME.match(edition["name"]):
            meta.set("page_name", edition["name"], "masthead")
    return True


# 成文日期 is when a document was written; its page was published on its 发布日期.
_WEB_DATE = re.compile(r"(?:发布时间|发布日期|发表时间|发表日期|更新时间|(?<!成文)时间|(?<!成文)日期)\s*[:：]\s*")
# Not 数据来源 / 图片来源: where a box's figures or a photo came from, not the article.
_WEB_SOURCE = re.compile(r"(?<!数据)(?<!图片)(?<!资料)(?:来源|来自|稿源|出处)\s*[:：]\s*(?P<src>[^\s|｜丨:：]{2,30})")
# 作者：王芳, 作者：谢小青 李西, and a name set letter-spaced (作者：沈 楠).
_WEB_AUTHOR = re.compile(
    rf"(?:作者|记者|撰稿)\s*[:：]\s*(?P<who>[{_CJK}](?:\s[{_CJK}]){{1,3}}(?![{_CJK}])"
    r"|[^\s|｜丨:：]{2,20}(?:\s+[^\s|｜丨:：]{2,4})*?)(?=\s+\S+\s*[:：]|\s*$|\s*[|｜丨])"
)
_SITE_WORDS = re.compile(r"^(?:本站|本网|原创|网络|互联网|综合|转载)$")


def _web_line(line, meta):
    """发布时间：2023-05-12 10:20 来源：中国高新网 作者：王芳 编辑：李明"""
    if len(line) > 120:  # a paragraph, whatever it holds
        return False
    date_label = _WEB_DATE.search(line)
    source = _WEB_SOURCE.search(line)
    if not date_label and not source:
        return False
    if _SENTENCE.search(_WEB_SOURCE.sub("", line)):
        return False
    found = False
    if date_label:
        value, _ = find_date(line[date_label.end():])
        if value:
            meta.set("date", value, "web")
            found = True
    if source and not _SITE_WORDS.match(source["src"]):
        meta.set("paper", source["src"], "web")
        found = True
    author = _WEB_AUTHOR.search(line)
    if author and found:
        meta.set("author", author["who"].strip(), "web")
    return found


# A web page's title line ends with the site that published it: 标题-中国高新网, 标题_某某高新区管委会.
_SITE_ENDING = r"(?:网|报|管委会|管理委员会|开发区|高新区|园区|政府|人民政府|门户网站|新闻网)"
# …_苏州高新区（虎丘区）: the site's name may end with the district it also is, in brackets.
_TITLE_SITE = re.compile(
    rf"^.{{6,}}?\s*(?:-|_|–|\s\|\s)\s*(?P<site>[{_CJK}（）()]{{2,20}}"
    rf"{_SITE_ENDING}(?:{SITE_DISTRICT})?)$"
)
# A site's name alone over its navigation bar (重庆永川高新技术产业开发区管理委员会 / 首页 | 走进高新 | …).
_SITE_NAME = re.compile(rf"[{_CJK}（）()]{{2,24}}{_SITE_ENDING}")


def title_site(line, folded=False):
    """The site a web page's title names after its headline (``标题-中国高新网``), or "".

    ``folded``: the line is one of ``source_meta``'s, folded already.
    """
    m = _TITLE_SITE.match(line if folded else _fold(line))
    return m["site"] if m else ""


# A web page's trail to it: 当前位置：首页 > 党建工作 > 正文.
_BREADCRUMB = re.compile(rf"^(?:(?:您)?当前(?:的)?位置\s*[:：]\s*)?{TRAIL_START}\s*(?P<trail>.+)$")
_TRAIL_SEPARATOR = re.compile(r"\s*(?:>|＞|»|/|→)\s*")
_PARTY_SECTION = re.compile(r"党建|党群|党的建设")


def breadcrumb_section(line, folded=False):
    """The section of a web page's trail (``首页 > 党建工作 > 正文``): its party-building
    section, else its last before 正文; "" when ``line`` is no trail (``folded``: as title_site)."""
    line = line if folded else _fold(line)
    m = _BREADCRUMB.match(line)
    if not m or len(line) > 80:
        return ""
    sections = [part for part in _TRAIL_SEPARATOR.split(m["trail"].strip()) if part]
    if sections and sections[-1] in ("正文", "详情", "内容"):
        sections.pop()
    sections = [part for part in sections if re.fullmatch(rf"[{_CJK}]{{2,10}}", part)]
    party = [part for part in sections if _PARTY_SECTION.search(part)]
    return party[0] if party else (sections[-1] if sections else "")


def _breadcrumb(line, meta):
    section = breadcrumb_section(line, folded=True)
    if section:
        meta.set("page_name", section, "web")
        site = _BREADCRUMB.match(line)["site"]
        if site:
            meta.set("paper", site, "web")  # the site the trail starts from published the page
    return bool(section)


def _column_header(lines, meta):
    """A short page header above the first headline: 党建在高新, 高新视点, 园区党建."""
    for i, line in enumerate(lines[:4]):
        if _looks_like_furniture(line):
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if (
            re.fullmatch(rf"[{_CJK}]{{2,6}}", line)
            and not re.search(r"[区县市省镇村园]$", line)
            and len(line) < len(nxt) <= 40
            and not re.search(r"[。！？]", nxt)
            and not _looks_like_furniture(nxt)
        ):
            meta.set("page_name", line, "column header")
        return


def _looks_like_furniture(line):
    probe = SourceMeta()
    return _folio(line, probe) or _edition_line(line, probe) or _masthead(line, probe) or _web_line(line, probe)


# --- URLs ---------------------------------------------------------------------------

_URL_IN_TEXT = re.compile(r"https?://[^\s\"'<>，。）)]+")
_URL_DATES = (
    re.compile(r"(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})/(?P<d>\d{2})(?=/)"),  # /html/2022-09/05/
    re.compile(r"(?P<y>(?:19|20)\d{2})(?P<m>\d{2})/(?P<d>\d{2})(?=/)"),  # /202209/05/
    re.compile(r"(?P<y>(?:19|20)\d{2})/(?P<m>\d{2})(?P<d>\d{2})(?=/)"),  # /2022/0905/
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-/_](?P<m>\d{1,2})[-/_](?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"),  # 20220905
)
_URL_PAGES = (
    re.compile(r"/(?P<page>[A-Za-z]\d{1,2})/", re.I),  # /2022/0905/A07/
    re.compile(r"[_/-](?P<page>[A-Za-z]\d{1,2})\.s?html?\b"),  # content_123_A7.html, node_A07.htm
    re.compile(r"nbs\.D\d+\w*?_(?P<page>\d{2})\.htm"),  # nbs.D110000gmrb_01.htm
    re.compile(r"_\d{8}_\d+-(?P<page>\d{2})\.htm"),  # nw.D110000renmrb_20220905_1-07.htm
    re.compile(r"[?&](?:page|ban|bc|banci)=(?P<page>[A-Za-z]?\d{1,3})(?:&|$)", re.I),
)


def url_meta(url, meta, source="url"):
    """The date and page an e-paper URL spells."""
    path = url.split("://", 1)[-1]
    path = path[path.find("/"):] if "/" in path else ""
    for pattern in _URL_DATES:
        m = pattern.search(path)
        if m and (value := make_date(m["y"], m["m"], m["d"])):
            meta.set("date", value, source)
            break
    for pattern in _URL_PAGES:
        m = pattern.search(path)
        if m:
            meta.set("page", normalize_page(m["page"]), source)
            break


# --- the function ---------------------------------------------------------------------


def source_meta(text, url="", column_header=True):
    """The page's paper, date, 版次, 版名 and URL as its own edge lines (and ``url``) tell them.

    ``column_header``: whether a short first line above a headline (党建在高新) is
    the page's name; a web page's first line is its title, so not there.
    """
    lines = [line for line in text.split("\n") if line.strip()]
    head = [_fold(line) for line in lines[:EDGE_LINES]]
    tail = [_fold(line) for line in lines[EDGE_LINES:][-EDGE_LINES:]]
    meta = SourceMeta()
    if head:
        # A saved web page's first line is its title; the site it names published the page
        # (its 来源 line may name where the site took the article from).
        meta.set("paper", title_site(head[0], folded=True), "title")
        if len(head) > 1 and _SITE_NAME.fullmatch(head[0].strip()) and is_nav_bar(head[1]):
            meta.set("paper", head[0].strip(), "title")
    unnamed = False  # the line before gave the page's edition, and no page name
    for line in head + tail:
        if unnamed and _PAGE_NAME_LINE.fullmatch(name := _without_roles(line)):
            meta.set("page_name", name.replace(" ", ""), meta.sources["page"])
        had_page = bool(meta.page)
        found = (
            _folio(line, meta) or _edition_line(line, meta) or _masthead(line, meta) or _web_line(line, meta)
            or _breadcrumb(line, meta)
        )
        unnamed = bool(found and not had_page and meta.page and not meta.page_name)
        if not meta.url and (m := _URL_IN_TEXT.search(line)):
            meta.set("url", m.group(0), "text")
    if column_header:
        _column_header(head, meta)
    if url:
        meta.set("url", url, "given")
    if meta.url:
        url_meta(meta.url, meta)
    return meta
