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
from articles.ingest.folio import LATIN_MASTHEAD
from articles.ingest.layout import furniture
from articles.ingest.layout.bylines import (
    BRACKETED,
    BYLINE_MARK,
    BYLINE_START,
    DATELINE,
    PLACE_MARK,
    ROLE_RE,
    bracketed_byline,
    byline_prefix_end,
    has_surname,
    is_name,
    is_names_line,
    names_only,
    parse_byline,
)
from core.text import CJK_RANGES, CJK_RE

TITLE_MAX = 40  # visible characters of a headline, and of a title derived from text
LONG_TITLE_MAX = 60  # of a headline that a byline under it confirms
CAPTION_MAX = 60  # a photo caption is one short sentence
COLUMN_MAX = 6  # a column header (党建在高新) is a few characters
# A column's label standing over an item: 回眸, 编后, 短评, 链接. It leads into the title as a kicker.
# A box of figures inside an article (■ 数据 / 超大型社区：4个 / 居民网格：216个): its label is a heading
# of the article, its lines are the article's text.
DATA_LABELS = {"数据", "数说", "数读", "数字", "一组数据", "数据链接", "数据来源"}
# 居民网格：216个, and a range, 每名党委党员联系企业：1至2家.
DATUM = re.compile(
    r"^[^：:，,。；;]{2,40}[：:]\s*(?:约|近|超|逾)?(?:\d[\d.,]*\s*(?:至|到|-|~|～|—))?\d[\d.,]*\s*(?:万|亿)?[^\d\s，,。]{0,4}$"
)
# A box's figure as it stands alone on its line: 65场, 3700余家, 超百起 (not a date, 2023年).
_BOX_FIGURE = r"(?:约|近|超|逾)?(?:\d[\d.,]*|(?<=[约近超逾])[百千])(?:万|亿)?(?![年月日])[^\d\s，,。：:]{1,4}(?:余|多)?"
# Or a change from one figure to another: 由42.3万件（2020年）增至200万件以上.
_BOX_CHANGE = r"由\d[^，,。：:]{0,20}?(?:增至|增加到|增长到|提高到|提升到|扩大到|达到|降至|减少到|下降到)\d[^，,。：:]{0,12}"
# A figure alone on its line, its label on the next: 65场 / 职业技能培训，累计覆盖943人次.
LONE_FIGURE = re.compile(rf"^{_BOX_FIGURE}$")
# Or a change alone on its line (由1269.8亿元增至2000亿元 / 预计2022—2025年规模工业总产值).
LONE_CHANGE = re.compile(rf"^{_BOX_CHANGE}$")
# Such a change with its label after a space, once joined: 由1269.8亿元增至2000亿元 预计…规模工业总产值.
CHANGE_FIRST = re.compile(rf"^(?P<figure>{_BOX_CHANGE})\s+(?P<label>\S.{{1,30}})$")
# A box's figure first, its label after a space: 582家 规模以上工业企业.
DATUM_FIRST = re.compile(
    r"^(?P<figure>(?:约|近|超|逾)?\d[\d.,]*(?:万|亿)?(?![年月日.．、])[^\d\s，,。：:]{1,4})\s+(?P<label>\S.{1,30})$"
)  # not an item's number: 3. 机关党员下沉一线。…
# A box's line that starts with a bullet or sets a wide space between its parts.
_SPACED_BOX_LINE = re.compile(r"^[●•·■◆]|\S\s{2,}\S")
_BOX_FIGURE_TOKEN = re.compile(rf"^(?P<figure>{_BOX_FIGURE})(?P<remark>[，,][^。；;]{{1,40}})?$")
# A box's short label and its figure with a remark after it: 高新技术企业：303家，占全省30%.
DATUM_REMARK = re.compile(rf"^[^：:，,。；;\d]{{2,12}}[：:]{_BOX_FIGURE}[，,][^。；;]{{1,40}}$")
# A box's figure on its own line under its label (入区企业 / 3700余家 / 高新技术企业 / 303家，占全省30%).
FIGURE_LEAD = re.compile(rf"^{_BOX_FIGURE}(?:$|[，,])|^{_BOX_CHANGE}$")
BOX_LABEL = re.compile(r"^[^\d\s，,。：:；;！？!?]{2,12}$")
LONG_BOX_LABEL = re.compile(r"^[^。：:；;！？!?]{2,40}[\u4e00-\u9fff）)”》]$")
# What a box's label-over-figure line ends with: its figure, a statement complete without a full stop.
BOXED_FIGURE_END = re.compile(rf"[：:]\s*(?:{_BOX_FIGURE}|{_BOX_CHANGE})$")


def is_datum_line(text):
    """A line of a box of figures: 居民网格：216个, 高新技术企业：303家，占全省30%, or 582家 规模以上工业企业
    (``text`` with its spaces)."""
    visible = cleaner.visible(text)
    return bool(DATUM.match(visible) or DATUM_REMARK.match(visible) or DATUM_FIRST.match(text.strip()))


def labelled_figures(text):
    """``● 规模以上工业总产值      61.05亿元`` (a bulleted or widely spaced line of labels, each before its
    figure; the last figure may have a remark) as a box line the layout reads,
    ``规模以上工业总产值：61.05亿元``; None for any other line (``text`` with its spaces as printed)."""
    text = text.strip()
    if not _SPACED_BOX_LINE.search(text):
        return None
    pairs, label = [], []
    tokens = text.lstrip("●•·■◆ ").split()
    for n, token in enumerate(tokens):
        figure = _BOX_FIGURE_TOKEN.match(token)
        if figure and label and (not figure["remark"] or n == len(tokens) - 1):
            pairs.append(f"{''.join(label)}：{token}")
            label = []
        elif re.search(r"[，,。；;：:！？]", token) or len(label) > 3:
            return None
        else:
            label.append(token)
    return "，".join(pairs) if pairs and not label else None


# 287家→385家    规上工业企业: a box's change, from one figure to the other, its label after them.
_ARROW_FIGURE = r"(?:约|近|超|逾)?\d[\d.,]*(?:万|亿)?[^\d\s，,。：:→⇒]{1,4}?(?:余|多)?"
_ARROW_CHANGE = re.compile(
    rf"^(?P<first>{_ARROW_FIGURE})\s*[→⇒]\s*(?P<later>{_ARROW_FIGURE})\s+(?P<label>[^\d\s，,。：:；;][^，,。：:；;]{{1,30}})$"
)


def arrow_change(text):
    """``287家→385家    规上工业企业`` as a box's labelled change, ``规上工业企业：由287家增至385家``
    (降至 when the figure fell); None for any other line."""
    match = _ARROW_CHANGE.match(text.strip())
    if not match:
        return None
    first, later = (float(re.search(r"\d+(?:\.\d+)?", match[name]).group()) for name in ("first", "later"))
    verb = "降至" if later < first else "增至"
    return f"{match['label'].strip()}：由{match['first']}{verb}{match['later']}"


# 【数说】 before a box's label: its kind in brackets.
BOX_KIND = re.compile(r"^【(?:数说|数读|数据)】\s*")


def box_subject(visible):
    """What a box's label tells of: 【数说】 数说铜仁高新区2021 -> 铜仁高新区2021."""
    return re.sub(r"^(?:数说|数读|数据)[·・:：\s]*", "", BOX_KIND.sub("", visible))


def is_data_label(visible):
    """A box's heading: ■ 数据, 数说, or 数说火炬高新区（2018年） (数说 and what it tells of, and when),
    perhaps after its kind in brackets (【数说】 数说铜仁高新区2021)."""
    visible = BOX_KIND.sub("", visible) or visible
    named = re.sub(r"[（(][^（()）]{1,12}[）)]$", "", visible)
    return visible in DATA_LABELS or len(named) <= 14 and named.startswith(("数说", "数读"))
COLUMN_LABELS = {
    "回眸", "编后", "编后语", "编者按", "短评", "快评", "述评", "时评", "评论", "点评", "链接", "相关链接", "新闻链接",
    "背景", "背景链接", "延伸阅读", "记者手记", "观察", "声音", "小贴士", "一线直击", "他山之石", "经验谈",
}

# A reporter's notes after the report: the article's last part, never a piece of its own.
ARTICLE_PART_LABELS = {"记者手记", "采访手记"}
# A remark on the report before it (短评, 编后, 记者手记): about what that report is about.
REMARK_LABELS = ARTICLE_PART_LABELS | {"编后", "编后语", "短评", "快评", "述评", "时评", "点评", "评论"}


def remarks_on_report_before(block):
    """Whether ``block`` (an ArticleBlock) is a remark on the report printed before it, by its label."""
    return block.kicker in REMARK_LABELS or block.title in REMARK_LABELS


SUBTITLE = re.compile(r"^(?:——|--|──|—)\s*\S")
SALUTATION = re.compile(r"^(?:同志们|各位领导|各位代表|各位来宾|朋友们|大家好)[，,：:！!]$")
# The speaker under a speech's title, named by office: 西渡高新区工委负责同志, 高新区党工委书记.
SPEAKER = re.compile(rf"^[{CJK_RANGES}]{{2,16}}(?:负责同志|主要负责人)$")
BRIEF = DATELINE  # 本报讯, 本报扬州1月8日讯
KICKER_END = re.compile(r"(?:——|—|:|：)$")
_CREDIT = re.compile(
    r"^(?:图片来源|图片提供|照片来源|图源|摄影|供图)\s*[:：]?"
    r"|(?:供图|\s摄|图片由\S+提供)$"
    r"|^(?:本报|本刊)?资料(?:图片|照片|图)$"  # 本报资料图片, alone under a photo's caption
    # 本报记者 韩 梧摄: a reporter's photo credit, 摄 set close to the name
    rf"|^(?:本报|本刊)?(?:摄影记者|特约记者|记者|通讯员)\s*[{CJK_RANGES}](?:\s?[{CJK_RANGES}]){{1,3}}摄$"
)
# A photographer's credit after a caption: 企业党员在生产线上开展攻关。 孙立新 摄
CAPTION_CREDIT = re.compile(rf"(?<=[。！])\s*((?:(?:本报)?记者\s*)?[{CJK_RANGES}·]{{2,8}}(?:\s+[{CJK_RANGES}·]{{2,4}})?\s*摄)$")
# A supplier's credit after a caption: …研讨工艺改进方案。 宁乡高新区供图
SUPPLIED_CREDIT = re.compile(rf"(?<=[。！])\s*([{CJK_RANGES}（）()]{{2,16}}供图)$")
# A credit in brackets after a caption, or alone: 。（东台高新区供图） / （本报资料图片） / （溧阳市融媒体中心供图）
BRACKET_CREDIT = re.compile(
    r"\s*[（(]\s*(?:[^（）()]{1,24}?(?:供图|提供|摄)|[^（）()]{0,8}?资料(?:图片|照片|图)|图片来源\s*[:：]\s*[^（）()]{1,20})\s*[）)]$"
)
# What a photo shows: …座谈会现场, …园区一角, 秀洲光伏小镇全景.
PHOTO_SCENE = re.compile(r"(?:现场|一角|全景|夜景|掠影|合影|外景|远景|鸟瞰|剪影)。?$")
# Page furniture: the editors' line and the dateline of the page, no article's text.
_FURNITURE = re.compile(
    r"^(?:(?:责任编辑|本版编辑|美术编辑|美编|版式设计|版面设计|版式|责任校对|校对|制图)\s*[:：]\s*[^\s:：]{2,8}\s*)+$"
    r"|^\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天](?:\s+\S{1,12}){0,3}$"
)
_CAPTION_MARK = re.compile(r"^(?:图为|上图|下图|左图|右图|图中|题图)[：:，,\s]?")
# A time phrase opening a news lead: 近日，/ 4月15日, / 今年以来，
TIME_LEAD = re.compile(
    r"^(?:近日|日前|近期|目前|当前|近年来|今年以来|年初|截至目前|截至\S{0,8}?"
    r"|(?:\d{4}年|今年|去年|前年)(?:\d{1,2}月(?:\d{1,2}日)?(?:[上中下]午)?)?"
    r"|\d{1,2}月\d{1,2}日(?:[上中下]午)?|\d{1,2}月(?:上|中|下)旬)[,，]"
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
    """``图为…辅导。李明 摄`` -> [``图为…辅导。``, ``李明 摄``]; ``…培训。（东台高新区供图）`` likewise."""
    credit = CAPTION_CREDIT.search(text) if text.endswith("摄") else None
    if credit and credited_caption(text, credit):
        return [text[: credit.start(1)].rstrip(), credit.group(1)]
    supplied = SUPPLIED_CREDIT.search(text) if text.endswith("供图") else None
    if supplied and len(cleaner.visible(text[: supplied.start(1)])) <= CAPTION_MAX:
        return [text[: supplied.start(1)].rstrip(), supplied.group(1)]
    bracketed = BRACKET_CREDIT.search(text)
    if bracketed and bracketed.start() > 0:
        return [text[: bracketed.start()].rstrip(), bracketed.group().strip()]
    return [text]


def bracket_credited(text):
    """The shape of a line ending with a credit in brackets: "credit" alone, "caption" after one, or ""."""
    match = BRACKET_CREDIT.search(text)
    if not match:
        return ""
    caption = cleaner.visible(text[: match.start()])
    if not caption:
        return "credit"
    if len(caption) <= CAPTION_MAX and not SENTENCE_MARK.search(caption[:-1]) and not caption.endswith(("，", ",")):
        return "caption"
    return ""


def is_photo_scene(text):
    """A short line naming what a photo shows (…座谈会现场): a caption when it stands alone."""
    visible = cleaner.visible(text)
    return (
        6 <= len(visible) <= CAPTION_MAX
        and bool(PHOTO_SCENE.search(visible))
        and not SENTENCE_MARK.search(visible[:-1])
        and not re.search(r"[，,；;：:]", visible)
    )


def line_shape(text):
    """The shape of one cleaned line, from its own content only."""
    visible = cleaner.visible(text)
    if BRIEF.match(visible):
        return "brief"
    place = PLACE_MARK.match(visible)
    if place and names_a_place(place.group(1)) and (SENTENCE_MARK.search(visible) or _COMMA.search(visible)):
        return "brief"  # 【钱塘】临江高新区所在的临江街道，… (an OCR line may break before its full stop)
    if visible in ARTICLE_PART_LABELS:
        return "headline"  # 记者手记 after the report: a part of its article, as ■ 记者手记 is
    if visible in COLUMN_LABELS:
        return "kicker"
    if _CAPTION_MARK.match(text) and len(visible) <= 2 * CAPTION_MAX:
        return "caption"
    credit = CAPTION_CREDIT.search(text) if text.endswith("摄") else None
    if credit and credited_caption(text, credit):
        return "caption"
    if len(visible) <= 40 and _CREDIT.search(text) and not SENTENCE_MARK.search(text[:-1]):
        return "credit"
    supplied = SUPPLIED_CREDIT.search(text) if text.endswith("供图") else None
    if supplied:
        caption = cleaner.visible(text[: supplied.start(1)])
        if len(caption) <= CAPTION_MAX and not SENTENCE_MARK.search(caption[:-1]):
            return "caption"
    bracketed_credit = bracket_credited(text)
    if bracketed_credit:
        return bracketed_credit
    if visible.endswith("。") and is_photo_scene(text):
        return "caption"
    if BYLINE_MARK.match(text) and cleaner.visible(BYLINE_MARK.sub("", text)) in COLUMN_LABELS:
        return "headline"  # ■ 记者手记: a part of the article marked like its other parts, not a byline
    if BYLINE_MARK.match(text) and len(visible) <= 50:
        # ■ 本报记者 张三 and ■ 周洁 谭琳 are bylines; ■ 党建简讯 and ■ 数据, naming nobody, label what follows.
        names = parse_byline(text)
        if names and (ROLE_RE.search(text) or all(has_surname(name) for name in names)):
            return "byline"
        return line_shape(BYLINE_MARK.sub("", text))
    if is_data_label(visible):
        return "data_label"
    if is_datum_line(text):
        return "text"  # 居民网格：216个, 582家 规模以上工业企业
    if BYLINE_START.match(visible) and len(visible) <= 40 and not re.search(r"[，,。：:]", text):
        return "byline"
    if names_a_place(visible) or _bracketed_place(visible):
        return "kicker"  # 德州 or 【佛山】 over a headline: where the item is from, not who wrote the one above
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
    if SALUTATION.match(visible):
        return "text"  # 同志们：, a speech's first words
    if SPEAKER.match(visible):
        return "byline"  # 西渡高新区工委负责同志 under a speech's title: who gave it
    if len(visible) <= TITLE_MAX + 5 and KICKER_END.search(text) and balanced(text) and not _COMMA.search(text):
        return "kicker"
    if re.search(r"[，,、；;：:]$", text) or not balanced(text):
        return "text"
    if len(visible) > TITLE_MAX:
        # A meeting's full name (…会议暨2025年度…述职评议会议) runs past most headlines: a headline
        # only when a byline or 本报讯 follows, and never one with a comma in it.
        return "weak_headline" if len(visible) <= LONG_TITLE_MAX and not _COMMA.search(text) else "text"
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
    """The page's non-blank lines, shaped, without banner residue, page furniture and web chrome."""
    raw_lines = text.split("\n")
    # Shapes are judged on simplified text (本報訊 is 本报讯); ``raw`` keeps the original.
    folded = cleaner.to_simplified(cleaner.fold_width(text)).split("\n")
    if len(folded) != len(raw_lines):
        folded = [cleaner.to_simplified(cleaner.fold_width(line)) for line in raw_lines]
    folded = [cleaner.strip_pinyin_glosses(line.strip()) for line in folded]
    # A box's frame is no banner: residue is judged on the lines without it.
    residue = cleaner.vertical_residue_flags([cleaner.unframe(line) for line in folded])
    dropped = _furniture_flags(folded)
    _web_title(folded, dropped)
    lines = []
    gap = 0
    for i, (raw, text_line, res) in enumerate(zip(raw_lines, folded, residue)):
        if res:
            gap = 0  # a banner occupies the space: the blank lines that count come after it
            continue
        text_line = cleaner.unframe(text_line)
        if not text_line:
            gap += 1  # blank, or a box's sides and nothing inside: a blank line within the box
            continue
        if dropped[i] or _FURNITURE.match(text_line):
            continue
        shape = ""
        fields = furniture.web_meta_fields(text_line)
        if fields:
            names = furniture.web_meta_authors(fields, is_name)
            if not names:
                # 发布时间：… 来源：… between a title and its text: the blank lines around it are one gap.
                gap = 0
                continue
            text_line, shape = " ".join(names), "byline"  # 作者：谢小青 李西 石珊 -> the byline
        text_line = furniture.strip_jump(text_line)
        byline_end = byline_prefix_end(text_line)
        text_line = text_line[:byline_end] + " " + cleaner.strip_interleaved_chars(text_line[byline_end:])
        text_line = labelled_figures(text_line) or arrow_change(text_line) or " ".join(text_line.split())
        if not text_line:
            continue
        line = Line(index=i, raw=raw.strip(), text=text_line, gap=gap)
        if not shape and furniture.BOX_TOP.match(folded[i]) and len(cleaner.visible(text_line)) <= 20:
            shape = "data_label"  # ┌──── 全市·全区参照 ────┐: the box's label, the box goes on with its article
        line.shape = shape or line_shape(text_line)
        lines.append(line)
        gap = 0
    lines = _join_figures_over_labels(_join_labels_over_figures(_join_open_brackets(_join_broken_headlines(lines))))
    for i, line in enumerate(lines):
        # …专场沙龙现场 between blank lines, without its full stop: a photo's caption.
        after = lines[i + 1].gap if i + 1 < len(lines) else 1
        if line.shape in ("headline", "weak_headline") and line.gap and after and is_photo_scene(line.text):
            line.shape = "caption"
    return lines


def _furniture_flags(folded):
    """For each line, whether it is furniture or chrome (no article's text)."""
    dropped = [False] * len(folded)
    for start, end in furniture.box_ranges(folded) + furniture.ad_ranges(folded) + furniture.contents_ranges(folded):
        for k in range(start, end + 1):
            dropped[k] = True
    for i, line in enumerate(folded):
        if not line or dropped[i]:
            continue
        if furniture.web_meta_fields(line):
            continue  # 发布时间：… 作者：…: read for its authors below
        dropped[i] = (
            furniture.is_rule(line)
            or furniture.is_folio(line)
            or furniture.is_jump_line(line)
            or furniture.is_page_note(line)
            or (furniture.is_web_chrome(line) and not _bracketed_place(line))
            or furniture.is_list_item(line)
        )
    # The page's name on a line of its own inside the folio (第4版 / 党建在高新 / 编辑：…).
    folio = [bool(line) and dropped[i] and furniture.is_folio(line) for i, line in enumerate(folded)]
    for i, line in enumerate(folded):
        beside = (i and folio[i - 1]) or (i + 1 < len(folded) and folio[i + 1])
        if line and not dropped[i] and beside and furniture.is_page_name(line):
            dropped[i] = True
    # The site's name over its navigation bar (西渡高新技术产业开发区 / 首页 | 园区概况 | …),
    # its Latin form perhaps between them.
    for i, line in enumerate(folded):
        following = next((o for o in folded[i + 1 : i + 4] if o and not LATIN_MASTHEAD.fullmatch(o)), "")
        if line and not dropped[i] and furniture.is_nav_bar(following) and len(cleaner.visible(line)) <= 24:
            if not SENTENCE_MARK.search(line):
                dropped[i] = True
    # The heading of a list of links (相关新闻, 党建工作, 党建在高新·热点): right above its first item.
    for i, line in enumerate(folded[:-1]):
        if line and not dropped[i] and furniture.is_list_item(folded[i + 1]):
            if len(cleaner.visible(line)) <= 16 and not SENTENCE_MARK.search(line) and "，" not in line:
                dropped[i] = True
    return dropped


def _web_title(folded, dropped):
    """A web page's first line is its title with the site's name: the name goes, and a repeated title too."""
    first = next((i for i, line in enumerate(folded) if line and not dropped[i]), None)
    if first is None:
        return
    # …研讨会_专题专栏_福州高新…管理委员会: a section the site's own bars name goes with the site's name.
    chrome = [line for i, line in enumerate(folded) if line and dropped[i]]
    title = furniture.strip_site_suffix(folded[first], others=chrome)
    if title == folded[first]:
        # A site whose name says nothing of a site (… - 中国医药城): the title printed below tells.
        parts = furniture.split_suffix(title)
        if parts and _printed_below(parts[0], folded[first + 1 :]):
            dropped[first] = True
        return
    if _printed_below(title, folded[first + 1 :]):
        dropped[first] = True
    else:
        folded[first] = title


def _printed_below(title, lines):
    """Whether ``title`` is printed again among ``lines``, on one line or broken over two."""
    plain = cleaner.visible(title)
    below = [cleaner.visible(line) for line in lines if line]
    return any(
        line == plain or (plain.startswith(line) and plain[len(line) :] == after)
        for line, after in zip(below, [*below[1:], ""])
    )


def _join_broken_headlines(lines):
    """A headline set on two lines and broken at its comma (一通电话， / 把创业梦留在了高新区): one line.

    Only a short first half standing apart (after a blank line or a kicker), right over a
    headline that a byline or a blank line follows: a column of text wraps at its full width.
    """
    out = []
    for i, line in enumerate(lines):
        first = out[-1] if out else None
        before = out[-2] if len(out) > 1 else None
        after = lines[i + 1] if i + 1 < len(lines) else None
        if (
            first is not None
            and first.shape == "text"
            and re.search(r"[，,]$", first.text)
            and len(cleaner.visible(first.text)) <= 12
            and (first.gap or (before is not None and before.shape == "kicker"))
            and line.gap == 0
            and line.shape in ("headline", "weak_headline")
            and (after is None or after.gap or after.shape == "byline")
            and len(cleaner.visible(first.text + line.text)) <= TITLE_MAX
        ):
            first.text = first.text + line.text
            first.raw = f"{first.raw}\n{line.raw}"
            first.shape = line_shape(first.text)
            continue
        out.append(line)
    return out


def _join_open_brackets(lines):
    """A 本报讯（… byline whose bracket the column broke: ``本报讯（见习记者 王学城`` + ``通讯员 古玚）今年…``."""
    out = []
    for line in lines:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.shape == "brief"
            and _open_bracket(previous.text)
            and len(cleaner.visible(previous.text)) <= 40
        ):
            previous.text = f"{previous.text} {line.text}"
            previous.raw = f"{previous.raw}\n{line.raw}"
            continue
        out.append(line)
    return out


def _join_labels_over_figures(lines):
    """A box's label on a line of its own and its figure right under it (入区企业 / 3700余家): one line,
    入区企业：3700余家, as a box of labelled figures prints it. Not where the label is the one of the
    figure above it (65场 / 职业技能培训 / 943人次): that box prints its figures first. A longer
    label (2002年6月底在海淀经营的非公企业 / 7085个) only where each pair stands between blank lines."""
    out = []
    for i, line in enumerate(lines):
        previous = out[-1] if out else None
        before = out[-2] if len(out) > 1 else None
        following = lines[i + 1] if i + 1 < len(lines) else None
        if previous is None or line.gap != 0 or not FIGURE_LEAD.match(cleaner.visible(line.text)):
            out.append(line)
            continue
        label = cleaner.visible(previous.text)
        set_apart = previous.gap >= 1 and (following is None or following.gap >= 1)
        # 65场 / 职业技能培训…: a figure with its label right under it is not the line above's.
        labelled_below = following is not None and following.gap == 0 and not FIGURE_LEAD.match(
            cleaner.visible(following.text)
        )
        if (
            not labelled_below
            and not BYLINE_MARK.match(previous.text)
            and (BOX_LABEL.match(label) or set_apart and LONG_BOX_LABEL.match(label))
            and not (before is not None and previous.gap == 0 and LONE_FIGURE.match(cleaner.visible(before.text)))
        ):
            previous.text = f"{previous.text}：{line.text}"
            previous.raw = f"{previous.raw}\n{line.raw}"
            previous.shape = "text"
            continue
        out.append(line)
    return out


# A box label's time in brackets at its end (签约金额（2022年）), which every pair under it shares.
_LABEL_TIME = re.compile(r"[（(](?:19|20)\d{2}\s*年[^（()）]{0,8}[）)]$")


def _slashed_pairs(figures, labels):
    """``246个 / 63个`` over ``建成项目 / 在建项目``: 建成项目：246个，在建项目：63个; over one label
    (``42家 / 16家`` over ``“一主一特”产业链上企业``), each figure with it; None unless they pair."""
    figures = re.split(r"\s*[/／]\s*", figures.strip())
    if len(figures) < 2 or not all(LONE_FIGURE.match(cleaner.visible(f)) for f in figures):
        return None
    labels = labels.strip()
    when = _LABEL_TIME.search(labels)
    time = when.group(0) if when else ""
    bare = labels[: len(labels) - len(time)].strip()
    parts = re.split(r"\s*[/／]\s*", bare)
    if len(parts) == len(figures) and all(BOX_LABEL.match(cleaner.visible(part)) for part in parts):
        return "，".join(f"{part}{time}：{figure}" for figure, part in zip(figures, parts))
    if len(parts) == 1 and LONG_BOX_LABEL.match(cleaner.visible(bare)):
        return "，".join(f"{bare}{time}：{figure}" for figure in figures)
    return None


def _join_figures_over_labels(lines):
    """A box's figure on a line of its own and what it counts on the next (65场 / 职业技能培训…):
    one line, the figure first, as a box prints it beside its label (582家 规模以上工业企业);
    figures set apart by slashes over as many labels (246个 / 63个 over 建成项目 / 在建项目), each
    with its label."""
    out = []
    for line in lines:
        previous = out[-1] if out else None
        if previous is None or line.gap != 0:
            out.append(line)
            continue
        pairs = _slashed_pairs(previous.text, line.text)
        if pairs:
            previous.text = pairs
            previous.raw = f"{previous.raw}\n{line.raw}"
            previous.shape = "text"
            continue
        figure = cleaner.visible(previous.text)
        change = LONE_CHANGE.match(figure)
        if (
            (LONE_FIGURE.match(figure) or change)
            and not DATUM_FIRST.match(previous.text.strip())  # 166名 党员: labelled already
            and not LONE_FIGURE.match(cleaner.visible(line.text))
            and len(cleaner.visible(line.text)) <= 30
            and not SENTENCE_MARK.search(line.text.rstrip("。"))
        ):
            previous.text = f"{previous.text} {line.text}"
            previous.raw = f"{previous.raw}\n{line.raw}"
            previous.shape = "text" if change else line_shape(previous.text)
            continue
        out.append(line)
    return out


def _open_bracket(text):
    head = text[:40]
    return head.count("（") + head.count("(") > head.count("）") + head.count(")")


def _bracketed_place(text):
    """A place's name alone in brackets (【佛山】), a label over an item: not a web page's link."""
    text = text.strip()
    return text.startswith("【") and text.endswith("】") and names_a_place(text[1:-1])


def names_a_place(label):
    """Whether ``label`` is a province and a city (江苏无锡) or a city alone (``zones.reference``)."""
    from zones.reference import names_a_place as place

    return place(label)


def column_header(lines, page_name=""):
    """The column header at the top of a page (党建在高新): short, first, above a headline.

    A section of briefs labelled further down the page (■ 高新区党建简讯) is a column too: its
    label is no article's kicker. When the folio named the page (``page_name``), a short line of
    other words over the first title is that article's kicker (楼宇党建), not a second column.
    """
    for line in lines:
        if furniture.SECTION_LABEL.match(line.text):
            line.role = "column"
    if lines and lines[0].role == "column":
        return BYLINE_MARK.sub("", lines[0].text)
    for i, line in enumerate(lines[:-1]):
        if line.shape in ("caption", "credit"):
            return ""  # under the page's first photo, a short line is the first article's kicker
        nxt = lines[i + 1]
        label = BYLINE_MARK.sub("", line.text)  # ■ 党建简讯
        if (
            line.shape == "headline"
            # the page's name again, a ■ label or a briefs label (…快讯): a column whatever the folio said
            and (
                not page_name or cleaner.visible(label) == cleaner.visible(page_name) or label != line.text
                or furniture.BRIEFS_LABEL.match(label)
            )
            and not names_a_place(label)  # 江苏无锡 over a title is where it happened: a kicker
            and not (len(label) > 3 and label.endswith(("高新区", "开发区", "示范区")))  # so is 南阳高新区
            and " " not in label
            and len(label) <= COLUMN_MAX
            and nxt.shape in ("headline", "kicker", "weak_headline")
        ):
            line.role = "column"
            return label
        return ""
    return ""
