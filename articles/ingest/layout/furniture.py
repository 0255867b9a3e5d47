"""What a page prints besides its articles: page furniture and a web page's chrome.

Newspaper furniture: the folio (``2024年4月29日 星期一 责任编辑：吴 越 美编：邹 宁``),
the edition and page name (``A6 党建在高新``, ``第7版``), the masthead
(``中国高新技术产业导报``), rules (``────``), jump lines (``（上接第一版）``,
``（下转第3版）``), the page's notes (``本版图片除署名外均为资料图片``) and a boxed
call for contributions. A line is furniture only when nothing but such pieces
is on it, so a sentence that opens with a date stays text.

Web chrome: navigation bars (``首页 | 走进高新 | 新闻中心``), breadcrumbs
(``首页 > 党建工作 > 正文``), search boxes, print/close/share links (``【打印】【关闭】``),
previous/next links, lists of related links (``· …`` under ``相关新闻``), footers
(主办单位, ICP备, 公网安备, 技术支持, visitor counters), the editor of the web copy
(``【责任编辑：孙倩】``) and comment boxes. A web page's metadata line
(``发布时间：… 来源：… 作者：谢小青 李西 石珊 编辑：张天野``) is chrome too, but
its 作者 are the article's authors: ``web_meta_authors`` reads them.

A web page's title repeats the article's headline with the site's name after
it (``…融合党建为园区发展蓄势赋能-中国高新网``): ``strip_site_suffix`` takes the
site's name off.
"""
import re

from articles.ingest.folio import (
    BETWEEN_PARTS, ISSUED_BY, LATIN_MASTHEAD, PAPER_NAME, ROLES, SITE_DISTRICT, TRAIL_START, WEB_ADDRESS, unspaced,
)
from core.text import CJK_RANGES

_C = CJK_RANGES
# A personal name as printed in furniture: 2-4 characters, OCR may space them (吴 越).
_NAME = rf"[{_C}](?:\s?[{_C}]){{1,3}}"
_ROLE_FIELD = re.compile(rf"(?:{ROLES})\s*[:：]?\s*{_NAME}(?=\s|$|[|｜丨])")
_DATE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}")
_WEEKDAY = re.compile(r"(?:星期|礼拜|周)[一二三四五六日天]")
_LUNAR = re.compile(rf"农历[{_C}]{{2,12}}")
_PAPER = re.compile(rf"{PAPER_NAME}(?:社)?")
_EDITION = re.compile(
    r"第\s*[A-Z]?\d{1,3}\s*版|(?<![A-Za-z0-9])[A-Z]\s?\d{1,2}(?![A-Za-z0-9%])(?:\s*版)?|(?<![0-9])\d{1,2}\s*版"
)
_ISSUE = re.compile(rf"总第\s*\d+\s*期|第\s*\d+\s*期|今日\s*\d+\s*版|本期\s*\d+\s*版|{ISSUED_BY}")
_SEPARATORS = re.compile(rf"[{BETWEEN_PARTS}:：]+")
_SENTENCE = re.compile(r"[。！？；，]")
PAGE_NAME_MAX = 8
# Beside the edition or the editors on a folio line, a page's name may be longer: 河源国家高新区专版.
PAGE_NAME_BESIDE_MAX = 10

# ──── ════ ———— : a rule across the page; ┌ │ └ : the frame of a box.
_RULE = re.compile(r"^[─━═—–\-_=~·•.\s┌┐└┘│┃├┤┬┴┼╔╗╚╝║]+$")
BOX_TOP = re.compile(r"^\s*[┌╔]")
_BOX_BOTTOM = re.compile(r"^\s*[└╚]")
_CONTRIBUTIONS = re.compile(r"征稿|来稿|投稿|稿酬|稿件一经采用")
# （上接第一版） （下转第3版） 上接A1版
JUMP = re.compile(
    r"[（(]?\s*(?:上接|下转|接上|转下|紧接|转接|转至|接第)\s*第?\s*[A-Z0-9一二三四五六七八九十]{1,3}\s*版\s*[）)]?"
)
_EDITORS_NOTE = re.compile(r"^[【\[]?编者按[】\]]?(?:\s*[:：]|\s+\S)")
# ■ 高新区党建简讯, ■ 园区党建速递: the label of a page's section of briefs, wherever it stands;
# unmarked (湾区园区快讯, 党建品牌巡礼) it heads the page's items at the top.
_BRIEFS_WORDS = "简讯|速递|快讯|动态|短波|一览|集锦|扫描|巡礼|风采|掠影|速览|纵览"
SECTION_LABEL = re.compile(rf"^[■□▲●◆]\s*[{_C}]{{2,8}}(?:{_BRIEFS_WORDS})$")
BRIEFS_LABEL = re.compile(rf"^[{_C}]{{2,8}}(?:{_BRIEFS_WORDS})$")
# ■ 简讯 alone over a brief in the middle of a page: the brief's section, not its kicker.
BRIEFS_MARK = re.compile(rf"^[■□▲●◆]\s*[{_C}]{{0,8}}(?:{_BRIEFS_WORDS})$")
_BRACKETED_NOTE = re.compile(r"^【[^【】]{0,40}(?:本文|编者|综合|整理|转载|转自)[^【】]{0,40}】$")
_DATE_ALONE = re.compile(r"^[（(]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)]$")
# 本版图片除署名外均为资料图片 / 本版稿件除署名外由相关园区提供 / 本版投稿邮箱见本报第二版
_PAGE_NOTE = re.compile(r"^(?:本版|本栏|本期|本专版|本页)[^。]{0,60}$")

# --- web chrome ---------------------------------------------------------------------

_PIPES = re.compile(r"\s*[|｜丨]\s*")
_BREADCRUMB = re.compile(rf"(?:您当前的位置|当前位置|您的位置|您现在的位置|所在位置)\s*[:：]|^{TRAIL_START}|[>＞»]\s*正文$")
_CHROME_LINE = re.compile(
    r"^(?:上一篇|下一篇|上一条|下一条|上一页|下一页)\s*[:：]"
    r"|^(?:相关新闻|相关阅读|相关链接|相关文章|热点推荐|推荐阅读|热门文章|热门推荐|最新文章|最新动态|猜你喜欢|延伸阅读链接|友情链接)\s*[:：]?"
    r"|^(?:主办单位|承办单位|协办单位|主办|承办|协办|编印|印发|技术支持|网站标识码|联系电话|联系我们|邮编|版权所有|Copyright)\s*[:：©]?"
    # a bulletin's issue: 2021年第9期（总第57期）
    r"|^(?:(?:19|20)\d{2}\s*年\s*)?第\s*\d+\s*期(?:\s*[（(]总第\s*\d+\s*期[）)])?$"
    r"|^(?:本报|本社)?地址\s*[:：]|^(?:数据|资料)来源\s*[:：]\S{2,30}$|ICP备|公网安备|网站标识码|您是第\s*\d+\s*位访客|建议使用.{0,30}(?:浏览器|分辨率)"
    r"|站内搜索|请输入关键字|^\[?搜索\]?$|扫一扫|在手机打开|^分享到|^网友评论|^发表评论|请文明上网|^字号\s*[:：]|^字体\s*[:：]"
    r"|^(?:(?:打印本页|关闭窗口|返回顶部|打印|关闭|收藏|纠错|分享)\s*)+$|阅读次数\s*[:：]|浏览次数\s*[:：]|点击数\s*[:：]"
    # an advertisement's hotline: 一站式服务  咨询热线：010-68XXXX21
    r"|(?:咨询|服务|订购|订阅|招商|投诉|广告|发行|新闻|读者)热线\s*[:：]?\s*[\d(（+][\dX\-—()（）\s]{6,}[★☆◆■●▲]*$"
    # a paper's call to subscribe or to send it articles, framed in stars: ★ 订阅《中国高新技术产业导报》 … ★
    r"|^[★☆◆■●▲]\s*(?:欢迎)?(?:订阅《[^《》]{2,20}》.{0,30}|[^★☆]{0,20}(?:投稿|来稿|赐稿)[^★☆]{0,20}[★☆◆■●▲]?)$"
    # A paper's imprint at the foot of its page: 广告许可证：…  零售价：1.50元  邮发代号：23-1
    r"|(?:广告(?:经营)?许可证|零售价|邮发代号|国内统一连续出版物号|刊例咨询|订阅热线|发行热线|印刷单位)\s*[:：]?"
    # and its publisher's line: 新华日报社出版  地址：…
    r"|^\S{2,12}(?:报社|杂志社|报业集团)(?:出版|主办|编辑出版)(?:\s|$)"
    # A manuscript's or a bulletin's own fields: 稿件：…, 单位：…, 报送：…, 抄送：…, 本期编辑：…, its print run
    # (（共印30份）, （党委办公室 2025年1月10日印发，共印60份）)
    r"|^(?:稿件|来稿|作者单位|单位|联系电话|电话|手机|字数|联系人|报送|抄送|分送|本期编辑)\s*[:：]|共印\s*\d+\s*份[）)]?$"
    # A document's number on its own line, and where it was sent: 肥经开工〔2024〕3号, （此件发至园区各…）
    r"|^[\u4e00-\u9fff]{1,12}[〔\[［【]\s*(?:19|20)\d{2}\s*[〕\]］】]\s*\d{1,4}\s*号$|^[（(]此件[^（）()]{2,30}[）)]$"
    # a bulletin's distribution at its foot: 报：市委组织部 / 送：… / 发：各非公企业党组织
    r"|^(?:报|送|发|抄)\s*[:：]\s*\S{2,}(?:[、，,]\S+)*$"
)
# Sentences: a line of two or more of them, or one long one, is an article's text, not chrome.
_RUNNING_TEXT = re.compile(r"[，；。！？].{20,}[。！？]$")
# 【打印】【关闭】【字体：大 中 小】【责任编辑：孙倩】 and the editor of the web copy in brackets.
_BRACKETED_LINK = re.compile(r"【[^【】]{1,16}】")
_EDITOR_IN_BRACKETS = re.compile(r"^[（(【\[]\s*(?:责任编辑|编辑|责编|审核|校对)\s*[:：]\s*[^）)】\]]{1,12}[）)】\]]$")
# A site's name over its address, the page's header: 平江县人民政府  www.pingjiang.gov.cn
# A site's bars may set their links wide apart instead of between bars.
_BAR_GAP = re.compile(r"\s*[|｜丨]\s*|\s{2,}|\u3000+")
_HOME_LINKS = frozenset({"首页", "网站首页", "主页", "返回首页"})
_HOME_PREFIXES = tuple(_HOME_LINKS)
# The tools a government site offers above its page, beside the day's date.
_SITE_TOOLS = frozenset({
    "无障碍", "长者模式", "关怀版", "适老化", "简体", "繁体", "繁體", "English", "ENGLISH", "登录", "注册",
    "手机版", "移动版", "设为首页", "加入收藏", "网站地图", "智能问答", "政务邮箱", "邮箱",
})
_SITE_TOOL = re.compile("|".join(sorted(_SITE_TOOLS, key=len, reverse=True)))
_SITE_HEADER = re.compile(rf"^[{_C}]{{0,24}}\s*{WEB_ADDRESS}$", re.I)
LIST_ITEM = re.compile(r"^[·•・]\s*\S")
_LIST_ITEM_MAX = 60

# 发布时间：2020-07-03 10:15:26  来源：红网  作者：谢小青 李西 石珊  编辑：张天野  阅读：2317
_META_LABEL = re.compile(
    r"(发布机构|成文日期|发布时间|发布日期|发表时间|发表日期|更新时间|时间|日期|信息来源|文章来源|来源|稿源|出处|作者|记者|通讯员|撰稿|供稿|摄影"
    r"|责任编辑|编辑|责编|审核|校对|阅读次数|阅读|浏览次数|浏览|点击数|点击|评论|字号|字体)\s*[:：]"
)
_SPACED_PAIR = re.compile(rf"(?<![{_C}])([{_C}])\s([{_C}])(?![{_C}])")
# 作者：彭思远（通讯员）: a manuscript's author on a line of its own.
_BYLINE_FIELD = re.compile(rf"^(?:作者|通讯员|记者)\s*[:：]\s*[{_C}]{{2,4}}(?:[\s、，,]+[{_C}]{{2,4}}){{0,3}}\s*(?:[（(](?:通讯员|记者|特约记者)[）)])?$")
_PHOTO_CREDIT = re.compile(r"^(?:图片来源|图片提供|照片来源|图源|摄影|供图)")
_META_AUTHOR_LABELS = {"作者", "记者", "通讯员", "撰稿"}
_META_NEEDS = {
    "发布时间", "发布日期", "发表时间", "发表日期", "更新时间", "时间", "日期", "信息来源", "文章来源", "来源", "稿源",
    "出处", "作者",
}

# The site's name after a web page's title: -中国高新网, _衡阳高新技术产业开发区管理委员会, -武进国家高新区管…
_SITE_SUFFIX = re.compile(r"\s*(?:[-_|｜—–]|--)\s*(?P<site>[^-_|｜—–]{2,30})$")
_SITE_WORD = re.compile(
    r"(?:网|网站|门户|官网|管委会|管理委员会|政府|人民政府|开发区|高新区|园区|示范区|新区|频道|日报|报|党建|党建工作|工作动态"
    r"|动态|要闻|融媒|客户端|[…]|\.{3})$"
)


def fold_spaces(text):
    return " ".join(text.split())


def is_rule(text):
    return bool(text) and bool(_RULE.match(text)) and len(text.strip()) >= 3 and not re.search(rf"[{_C}]", text)


def is_folio(text):
    """A line of only folio pieces: date, weekday, editors, edition, paper (江 西 日 报, JIANGXI DAILY),
    at most one page name."""
    text = unspaced(text)
    if not text or _SENTENCE.search(_ROLE_FIELD.sub(" ", text)):
        return False
    if LATIN_MASTHEAD.fullmatch(text.strip()):
        return True
    rest = LATIN_MASTHEAD.sub(" ", text) if _PAPER.search(text) else text  # 河南日报  HENAN DAILY
    strong = 0
    for pattern in (_DATE, _ROLE_FIELD, _PAPER, _EDITION, _ISSUE):
        rest, found = pattern.subn(" ", rest)
        strong += found
    rest, weekdays = _WEEKDAY.subn(" ", rest)
    rest = _LUNAR.sub(" ", rest)
    if not strong and not weekdays:
        return False
    # A bare page number beside the paper or the date (中国高新技术产业导报  7 党建在高新).
    pieces = [p for p in _SEPARATORS.split(rest) if p and not (strong and re.fullmatch(r"\d{1,2}", p))]
    if not pieces:
        return True
    # One page name (党建在高新, 园区, 党建·园区) may stand beside the edition, the paper or the editors.
    name = re.sub(r"[“”]", "", "".join(pieces))  # “十四五”答卷·园区篇
    return len(pieces) <= 2 and len(name) <= PAGE_NAME_BESIDE_MAX and bool(re.fullmatch(rf"[{_C}]+", name)) and strong >= 1


def is_page_name(text):
    """党建在高新, 园区: a page's name, a few characters and nothing else."""
    return bool(re.fullmatch(rf"[{_C}]{{2,{PAGE_NAME_MAX}}}", text.strip()))


def is_jump_line(text):
    """``（上接第一版）``, ``下转第3版``: a jump line alone on its line."""
    match = JUMP.fullmatch(text.strip())
    return bool(match)


def strip_jump(text):
    """A jump line printed at the end (or start) of a paragraph: ``…服务。（下转第3版）``."""
    return JUMP.sub("", text).strip() if JUMP.search(text) else text


def is_page_note(text):
    """A note of the page's, not an article's: 本版图片除署名外均为资料图片, 编者按：本期刊发两篇稿件…,
    【本文综合媒体报道整理，标题为编者所加】, and a speech's date on its own line, （2024年6月28日）."""
    if _EDITORS_NOTE.match(text) or _BRACKETED_NOTE.match(text.strip()) or _DATE_ALONE.match(text.strip()):
        return True
    text = " ".join(text.split())  # 本版稿件…提供        投稿邮箱：…: its parts set wide apart
    return bool(_PAGE_NOTE.match(text)) and bool(re.search(r"图片|稿件|文字|投稿|供稿|提供|由|采写|邮箱|专栏|资料", text))


def is_web_chrome(text):
    """A navigation, search, share, print, related-links or footer line of a web page."""
    text = text.strip()
    if not text or _RUNNING_TEXT.search(text):
        return False  # 群众扫一扫二维码就能提出诉求；…。: a paragraph, whatever words it holds
    if _CHROME_LINE.search(text) or _BREADCRUMB.search(text) or _EDITOR_IN_BRACKETS.match(text):
        return True
    links = _BRACKETED_LINK.findall(text)
    rest = _BRACKETED_LINK.sub(" ", text).strip(" 　:：|｜")
    if links and (not rest or is_web_chrome(rest)):
        return True  # 【打印本页】 【关闭窗口】 分享到：微信 微博
    if links and len(_BRACKETED_LINK.sub("", text)) <= 12 and not _SENTENCE.search(text):
        return True  # 字号：【大】【中】【小】 【打印】【关闭】
    if _SITE_HEADER.match(text):
        return True  # 平江县人民政府  www.pingjiang.gov.cn
    if is_nav_bar(text):
        return True  # 首页 | 走进高新 | 新闻中心 …
    if _SITE_TOOL.search(text):  # most lines are read no further
        tools = [p for p in _BAR_GAP.split(_WEEKDAY.sub(" ", _DATE.sub(" ", text))) if p]
        if len(tools) >= 2 and all(p in _SITE_TOOLS for p in tools):
            return True  # 无障碍 | 长者模式 | 简体 | 繁體    2022年05月05日 星期四    登录 | 注册
    pieces = [p for p in _PIPES.split(text) if p]
    if len(pieces) == 2 and all(len(p) <= 4 for p in pieces):
        return True  # 登录 | 注册
    return False


def is_nav_bar(text):
    """A site's navigation bar: three or more short links between bars (首页 | 走进高新 | 新闻中心 …),
    or set wide apart from its home link on (首页    走进高新    政务公开 …)."""
    pieces = [p for p in _PIPES.split(text.strip()) if p]
    if len(pieces) >= 3 and all(len(p) <= 12 and not _SENTENCE.search(p) for p in pieces):
        return True
    if not text.lstrip().startswith(_HOME_PREFIXES):  # most lines are read no further
        return False
    pieces = [p for p in _BAR_GAP.split(text.strip()) if p]
    return (
        len(pieces) >= 3 and pieces[0] in _HOME_LINKS
        and all(len(p) <= 8 and not _SENTENCE.search(p) for p in pieces)
    )


def is_list_item(text):
    """``· 高新区举办两新组织党组织书记示范培训班``: a link in a list of related pages."""
    text = text.strip()
    return bool(LIST_ITEM.match(text)) and len(text) <= _LIST_ITEM_MAX and not text.rstrip().endswith("。")


def web_meta_fields(text):
    """[(label, value)] of a web page's metadata line, or [] when the line is not one."""
    labels = list(_META_LABEL.finditer(text))
    if not labels or len(text) > 160 or _PHOTO_CREDIT.match(text):
        return []
    if len(labels) < 2 and not _DATE.search(text) and not _BYLINE_FIELD.match(text):
        return []  # 来源：… alone is a credit or a note; the metadata line has a date or several fields
    if not {m.group(1) for m in labels} & _META_NEEDS:
        return []
    # Before the first label: a time (2023-10-30 10:21:07) or a byline's names (■ 周洁 谭琳).
    head = text[: labels[0].start()].strip(" ■►▶●◆▲□◇★☆•")
    fields = [("", head)] if head else []
    for i, match in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        fields.append((match.group(1), text[match.end() : end].strip()))
    if any(_SENTENCE.search(value) for _, value in fields):
        return []
    return fields


def web_meta_authors(fields, is_name):
    """The authors a metadata line names (作者：谢小青 李西 石珊, or names before its first label)."""
    names = []
    for label, value in fields:
        if label in _META_AUTHOR_LABELS or (label == "" and not re.search(r"\d", value)):
            value = re.sub(r"[（(][^）)]*[）)]", " ", value)  # 彭思远（通讯员）
            value = _SPACED_PAIR.sub(r"\1\2", value)  # 龚 岚: one name the page spaced out
            for token in re.split(r"[\s、，,]+", value):
                if token and is_name(token) and token not in names:
                    names.append(token)
    return names


def split_suffix(title):
    """(the title before its last `` - `` or ``_``, what follows it), or None: whatever site it names."""
    match = _SITE_SUFFIX.search(title)
    return (title[: match.start()].strip(), match.group("site").strip()) if match else None


def strip_site_suffix(title, others=()):
    """A web page's title without the site's names after it (…报告_凤阳经济开发区_凤阳县人民政府:
    its section's and its site's); the title itself when none is there."""
    while True:
        parts = split_suffix(title)
        if not parts:
            return title
        head, site = parts
        if len(head) < 6 or re.search(r"[。！？]", site):
            return title
        named = re.sub(rf"{SITE_DISTRICT}$", "", site)  # 苏州高新区（虎丘区）: the district it also is
        if not (_SITE_WORD.search(named) or any(site and site in other for other in others)):
            return title
        title = head


# …详情请咨询各参与商户（广告）: the mark an advertisement carries at its end.
_AD_MARK = re.compile(r"[（(【\[]\s*广告\s*[）)】\]]$")
AD_LINES_MAX = 5


def ad_ranges(lines):
    """(start, end) index ranges of advertisements among ``lines``: a short block (up to
    ``AD_LINES_MAX`` lines between blank lines or rules) whose last line ends with （广告）."""
    ranges = []
    for i, line in enumerate(lines):
        if not _AD_MARK.search(line.strip()):
            continue
        start = i
        while start > 0 and lines[start - 1].strip() and not is_rule(lines[start - 1]) and i - start < AD_LINES_MAX:
            start -= 1
        ranges.append((start, i))
    return ranges


# A bulletin's or issue's table of contents: 【本期要目】 over the titles of the items below.
_CONTENTS_HEAD = re.compile(r"^[【\[]?\s*(?:本期要目|本期导读|本期目录|本期要点|本期导航|目\s*录)\s*[】\]]?$")
CONTENTS_LINES_MAX = 12


def contents_ranges(lines):
    """(start, end) index ranges of a table of contents: its heading and the short lines under it,
    up to the first blank line (each item's title is printed again over its item)."""
    ranges = []
    for i, line in enumerate(lines):
        if not _CONTENTS_HEAD.match(line.strip()):
            continue
        end = i
        while end + 1 < len(lines) and lines[end + 1].strip() and end - i < CONTENTS_LINES_MAX:
            end += 1
        ranges.append((i, end))
    return ranges


def box_ranges(lines):
    """(start, end) index ranges of boxed notices (a call for contributions) among ``lines``."""
    ranges = []
    start = None
    for i, line in enumerate(lines):
        if BOX_TOP.match(line):
            start = i
        elif _BOX_BOTTOM.match(line) and start is not None:
            inside = "".join(lines[start : i + 1])
            if _CONTRIBUTIONS.search(inside):
                ranges.append((start, i))
            start = None
    return ranges
