"""Page layout: split a page's text into articles (ArticleBlock), cleaning as it goes.

A page is read as a sequence of non-blank lines, each knowing how many blank
lines precede it (photos leave clusters of blank lines). Each line first gets a
shape (credit, marked caption, byline, subtitle, 本报讯 start, names, kicker,
headline, text) from its own content; the walk then decides with context what
it is: a title or a section heading, a caption or a paragraph, a trailing author
or a fragment of a broken sentence. The rules use line shape, punctuation,
length, position and markers only, so they hold on pages never seen before.
"""
import re
from dataclasses import dataclass, field

from articles.ingest import cleaner
from articles.ingest.types import ArticleBlock
from articles.ingest.words import dictionary_words
from core.text import CJK_RANGES as CJK

TITLE_MAX = 40  # visible characters of a headline, and of a title derived from text
CAPTION_MAX = 60  # a photo caption is one short sentence
COLUMN_MAX = 6  # a column header (党建在高新) is a few characters

# --- line shapes ----------------------------------------------------------------

_BYLINE_MARK = re.compile(r"^[■►▶●◆▲□◇★☆▷▸•]\s*")
_ROLE = (
    r"(?:本报|本刊)?(?:首席|特约|见习|实习|融媒体?|全媒体)?(?:记者|通讯员)"
    r"|实习生|见习生|撰文|摄影|文/图|图/文|文[/／]|图[/／]"
)
_ROLE_RE = re.compile(_ROLE)
_BYLINE_START = re.compile(rf"^(?:{_ROLE})\s*[{CJK}]")
_SUBTITLE = re.compile(r"^(?:——|--|──|—)\s*\S")
_BRIEF = re.compile(r"^本报讯")
# 本报讯（记者 张三 通讯员 李四）: the brief's byline inside the marker's parentheses.
_BRIEF_BYLINE = re.compile(r"^本报讯\s*[（(]([^）)]{2,40})[）)]\s*")
# 本报讯 记者 李四 报道：近日…: the brief's byline inline, closed by 报道.
_BRIEF_INLINE_BYLINE = re.compile(rf"^本报讯\s*((?:{_ROLE})[{CJK}·\s]{{2,24}}?)\s*报道\s*[：:，,]?\s*")
# 张三/文 李四/图: what each name did, after a slash.
_NAME_DUTY = re.compile(r"\s*[/／]\s*(?:文图|图文|文|图|摄)(?=\s|$)")
_KICKER_END = re.compile(r"(?:——|—|:|：)$")
_CREDIT = re.compile(
    r"^(?:图片来源|图片提供|照片来源|图源|摄影|供图)\s*[:：]?"
    r"|(?:供图|\s摄|图片由\S+提供)$"
)
# A photographer's credit after a caption: 企业党员在生产线上开展攻关。 孙立新 摄
_CAPTION_CREDIT = re.compile(rf"(?<=[。！])\s*((?:(?:本报)?记者\s*)?[{CJK}·]{{2,8}}(?:\s+[{CJK}·]{{2,4}})?\s*摄)$")
# Page furniture: the editors' line and the dateline of the page, no article's text.
_FURNITURE = re.compile(
    r"^(?:(?:责任编辑|本版编辑|美术编辑|美编|版式设计|版面设计|版式|责任校对|校对|制图)\s*[:：]\s*[^\s:：]{2,8}\s*)+$"
    r"|^\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天](?:\s+\S{1,12}){0,3}$"
)
_CAPTION_MARK = re.compile(r"^(?:图为|上图|下图|左图|右图|图中|题图)[：:，,\s]?")
# A time phrase opening a news lead: 近日，/ 4月15日, / 今年以来，
_TIME_LEAD = re.compile(
    r"^(?:近日|日前|近期|目前|当前|近年来|今年以来|今年|去年|年初|截至目前|截至\S{0,8}?"
    r"|\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日|\d{1,2}月(?:上|中|下)旬)[,，]"
)
# The opening of a photo news item: 近日，/ 4月15日,
_NEWS_LEAD = re.compile(r"^(?:近日|日前|近期|(?:\d{4}年)?\d{1,2}月\d{1,2}日)")
# Words that continue a sentence and cannot open a caption.
_CONTINUATION = re.compile(r"^(?:其中|并且|并|以及|及|等|的|了|也|而|从而|进而|和|与|或|[，,、；;）)”])")
_SENTENCE_MARK = re.compile(r"[。！？!?]")
_COMMA = re.compile(r"[，,]")
_QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ("（", "）"), ("(", ")"), ("《", "》"), ("「", "」"))

# Common Chinese surnames: a name glued to the end of a brief's last paragraph
# (…新质生产力。林露虹) is only taken for one if it starts with a surname.
_COMPOUND_SURNAMES = (
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 宇文 司徒 夏侯 轩辕 端木 独孤 南宫 万俟 闻人"
).split()
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱"
    "严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚"
    "符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农"
    "司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁"
    "沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼"
    "盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都"
    "普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居"
    "揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由代"
)
_NOT_NAMES = {"报道", "整理", "采写", "供稿", "编译", "综合", "前言", "结语", "引言", "附件", "链接", "点评", "背景", "编者按", "短评", "观察", "声音", "记者手记", "延伸阅读", "相关链接"}
_NAME_TOKEN = re.compile(rf"^(?:[{CJK}]{{2,3}}|[{CJK}]{{1,6}}·[{CJK}]{{1,6}})$")


def _visible(text):
    return "".join(text.split())


def _balanced(text):
    for opening, closing in _QUOTE_PAIRS:
        if text.count(opening) != text.count(closing):
            return False
    return text.count('"') % 2 == 0


def _name_tokens(text):
    return [t for t in re.split(r"[\s、，,]+", text) if t]


def _is_name(token):
    if _NAME_TOKEN.match(token):
        return True
    return len(token) == 4 and token[:2] in _COMPOUND_SURNAMES


def _has_surname(token):
    return token[0] in _SURNAMES or token[:2] in _COMPOUND_SURNAMES


def _credited_caption(text, credit):
    """A short one-sentence caption followed by its photographer's name and 摄."""
    caption = _visible(text[: credit.start(1)])
    names = _ROLE_RE.sub(" ", credit.group(1)[:-1])
    return (
        len(caption) <= CAPTION_MAX
        and not _SENTENCE_MARK.search(caption[:-1])
        and is_names_line(" ".join(_rejoin_spaced_names(_name_tokens(names))))
    )


def _split_caption_credit(text):
    """``图为…辅导。李明 摄`` -> [``图为…辅导。``, ``李明 摄``]."""
    credit = _CAPTION_CREDIT.search(text) if text.endswith("摄") else None
    if credit and _credited_caption(text, credit):
        return [text[: credit.start(1)].rstrip(), credit.group(1)]
    return [text]


def is_names_line(text):
    """Only personal names: ``王宏伟 孙达``, ``朱传刚 樊勇``, ``张国贞``.

    With two names or more each must start with a surname: a heading in OCR
    spacing (``链上 党建 聚合力``) has the same shape.
    """
    if len(_visible(text)) > 16 or text in _NOT_NAMES:
        return False
    tokens = _name_tokens(text)
    if not (1 <= len(tokens) <= 4 and all(_is_name(t) for t in tokens)):
        return False
    return len(tokens) == 1 or all(_has_surname(t) for t in tokens)


_BRACKETED = re.compile(r"^[（(]\s*([^（()）]{2,30}?)\s*[）)]$")
_GLUED_BRACKETED = re.compile(r"(?<=[。！？”」』])\s*[（(]\s*([^（()）]{2,30}?)\s*[）)]$")


def bracketed_byline(inner):
    """The names of a byline printed in brackets (``李敏 王涛``, ``记者 许晴``), or [] if it is not one."""
    rest = _ROLE_RE.sub(" ", inner)
    if not rest.strip() or not is_names_line(" ".join(_rejoin_spaced_names(_name_tokens(rest)))):
        return []
    return parse_byline(inner)


def line_shape(text):
    """The shape of one cleaned line, from its own content only."""
    visible = _visible(text)
    if _BRIEF.match(visible):
        return "brief"
    if _CAPTION_MARK.match(text) and len(visible) <= 2 * CAPTION_MAX:
        return "caption"
    credit = _CAPTION_CREDIT.search(text) if text.endswith("摄") else None
    if credit and _credited_caption(text, credit):
        return "caption"
    if len(visible) <= 40 and _CREDIT.search(text) and not _SENTENCE_MARK.search(text[:-1]):
        return "credit"
    if _BYLINE_MARK.match(text) and len(visible) <= 50:
        return "byline"
    if _BYLINE_START.match(visible) and len(visible) <= 40 and not re.search(r"[，,。：:]", text):
        return "byline"
    if is_names_line(text):
        return "names"
    bracketed = _BRACKETED.match(text)
    if bracketed and bracketed_byline(bracketed.group(1)):
        return "names"  # （李敏 王涛）, （记者 许晴）: a brief's authors on their own line
    if not re.search(f"[{CJK}]", text):
        return "text"
    if _SENTENCE_MARK.search(text.rstrip("！？!?")) or "。" in text:
        return "text"
    if _SUBTITLE.match(text) and len(visible) <= 50:
        return "subtitle"
    if len(visible) <= TITLE_MAX + 5 and _KICKER_END.search(text) and _balanced(text):
        return "kicker"
    if len(visible) > TITLE_MAX or re.search(r"[，,、；;：:]$", text) or not _balanced(text):
        return "text"
    if _TIME_LEAD.match(visible):
        return "text"
    if _COMMA.search(text) or re.search(r"[！？!?]$", text):
        return "weak_headline"  # a headline only when a byline or 本报讯 follows
    return "headline"


@dataclass
class _Line:
    index: int  # line number on the page
    raw: str
    text: str  # width-folded, whitespace-normalised
    gap: int  # blank lines before it
    shape: str = ""
    role: str = ""  # what the walk decided


# --- the article being built ------------------------------------------------------


@dataclass
class _Draft:
    headlines: list = field(default_factory=list)  # kicker/title lines (_Line)
    subtitle: str = ""
    byline: str = ""
    authors: list = field(default_factory=list)
    column: str = ""
    brief: bool = False  # starts with 本报讯
    headings: list = field(default_factory=list)
    heading_at: list = field(default_factory=list)  # paragraphs seen before each heading
    paragraphs: list = field(default_factory=list)  # raw-ish text, joined across breaks
    captions: list = field(default_factory=list)
    lines: list = field(default_factory=list)  # _Line, for ``original``
    closed: bool = False  # its trailing author was seen: nothing more belongs to it
    header_byline: bool = False  # a byline under the title, as features have

    @property
    def open_paragraph(self):
        return bool(self.paragraphs) and not cleaner.ends_sentence(self.paragraphs[-1])


def split_page(text):
    """Split one page's text into its articles, in page order."""
    lines = _page_lines(text)
    if not lines:
        return []
    column = _column_header(lines)
    walker = _Walker(lines, column)
    return walker.run()


def _page_lines(text):
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
        line = _Line(index=i, raw=raw.strip(), text=text_line, gap=gap)
        line.shape = line_shape(text_line)
        lines.append(line)
        gap = 0
    return lines


def _column_header(lines):
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


class _Walker:
    def __init__(self, lines, column):
        self.lines = [line for line in lines if line.role != "column"]
        self.column = column
        self.column_lines = [line for line in lines if line.role == "column"]
        self.drafts = []
        self.current = None
        self.pending = []  # captions seen while no article could take them

    def run(self):
        i = 0
        while i < len(self.lines):
            i = self.step(i)
        if self.pending:
            if self.current is not None:
                self._add_captions(self.current, self.pending)
            self.pending = []
        drafts = [d for d in self.drafts if _has_text(d)]
        return [_finish(draft, position) for position, draft in enumerate(drafts)]

    # --- the walk ---------------------------------------------------------------

    def step(self, i):
        line = self.lines[i]
        shape = line.shape

        if shape in ("headline", "weak_headline", "kicker", "subtitle", "byline"):
            group_end, starts = self._header_group(i)
            if starts:
                brief = self.lines[group_end] if group_end < len(self.lines) and self.lines[group_end].shape == "brief" else None
                self._start(self.lines[i:group_end], brief_line=brief)
                return group_end + (1 if brief else 0)
            if shape == "byline" and self.current is not None:
                self._trailing_author(line, line.text)
                return i + 1
            if shape == "headline" and self._is_heading(i):
                self.current.headings.append(line.text)
                self.current.heading_at.append(len(self.current.paragraphs))
                self.current.lines.append(line)
                return i + 1
            return self._text(i)

        if shape == "brief":
            self._start([], brief_line=line)
            return i + 1

        if shape == "names":
            if self.current is not None and self.current.paragraphs and self._names_close_article(i):
                self._trailing_author(line, line.text)
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
        strong = [h for h in heads if h.shape != "weak_headline"]
        if anchors or (following is not None and following.shape == "brief"):
            return j, True
        if not strong:
            return i + 1, False
        # A lone fragment inside a sentence broken across columns is not a headline.
        if self.current is not None and self.current.open_paragraph and len(heads) == 1 and heads[0].shape != "kicker":
            return i + 1, False
        if any(h.shape == "kicker" for h in heads) or len(strong) >= 2:
            return j, True
        if following is None:
            return i + 1, False  # a last line on its own starts nothing
        cur = self.current
        if cur is None or cur.closed or cur.brief or not cur.headlines:
            return j, True
        if _names_zone(heads[0].text):
            return j, True
        return i + 1, False

    def _is_heading(self, i):
        cur = self.current
        return cur is not None and not cur.open_paragraph and i + 1 < len(self.lines)

    def _start(self, header_lines, brief_line=None):
        draft = _Draft(column=self.column)
        if not self.drafts and self.column_lines:
            draft.lines.extend(self.column_lines)
        for line in header_lines:
            draft.lines.append(line)
            if line.shape in ("headline", "weak_headline", "kicker"):
                draft.headlines.append(line)
            elif line.shape == "subtitle":
                draft.subtitle = line.text
            elif line.shape in ("byline", "names"):
                draft.byline = line.text
                draft.authors = parse_byline(line.text)
                draft.header_byline = True
        if self.pending:
            self._add_captions(draft, self.pending)
            self.pending = []
        self.drafts.append(draft)
        self.current = draft
        if brief_line is not None:
            draft.brief = True
            self._brief_paragraph(draft, brief_line)

    def _brief_paragraph(self, draft, line):
        text = _visible_prefix_strip(line.text)
        match = _BRIEF_BYLINE.match(text) or _BRIEF_INLINE_BYLINE.match(text)
        if match:
            if not draft.byline:
                draft.byline = match.group(1).strip()
                draft.authors = parse_byline(draft.byline)
            text = text[match.end():]
        else:
            text = re.sub(r"^本报讯\s*", "", text)
        draft.lines.append(line)
        draft.paragraphs.append(text)
        self._glued_author(draft, self._index_of(line))

    def _text(self, i):
        line = self.lines[i]
        cur = self.current
        if cur is None or cur.closed:
            self._start([])
            cur = self.current
        cur.lines.append(line)
        if cur.open_paragraph and not _starts_new_paragraph(cur.paragraphs[-1], line.text):
            cur.paragraphs[-1] = cleaner.join_broken(cur.paragraphs[-1], line.text)
        else:
            cur.paragraphs.append(line.text)
        self._glued_author(cur, i)
        return i + 1

    def _index_of(self, line):
        return self.lines.index(line)

    # --- captions ---------------------------------------------------------------

    def _is_unmarked_caption(self, i):
        """A short sentence standing alone after a cluster of blank lines (a photo's place)."""
        line = self.lines[i]
        if line.shape != "text":
            return False
        visible = _visible(line.text)
        if len(visible) > CAPTION_MAX or not re.search(r"[。！]$", visible):
            return False
        if len(_SENTENCE_MARK.findall(visible[:-1])):
            return False
        if re.match(r"[.%，,、；;：:）)”’]", visible) or not re.search(f"[{CJK}]", visible):
            return False  # a caption is words; .6%。 or ，… is the end of a sentence
        cur = self.current
        interrupted = cur is not None and cur.open_paragraph
        if interrupted:
            if _CONTINUATION.match(visible):
                return False  # 其中…, 并…: the rest of the interrupted sentence, not a caption
            if re.search(r"[0-9.]$", cur.paragraphs[-1]) and re.match(r"[0-9.%]", visible):
                return False  # …增长12 / .6%。: the rest of a number broken by the column
            nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
            if nxt is None or nxt.shape != "text":
                return False  # the last text before the next article: it completes the sentence
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
            self._add_captions(self.current, run)
        else:
            self._add_captions(cur, run)
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
        visible = _visible(paragraph)
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
        self.current = _Draft(headlines=[lines[k]])  # as if inside a feature: only strong signs count
        try:
            _, starts = self._header_group(k)
        finally:
            self.current = saved
        return starts

    def _add_captions(self, draft, run):
        for line in run:
            line.role = "caption"
            draft.captions.extend(_split_caption_credit(line.text))
            draft.lines.append(line)

    # --- authors ----------------------------------------------------------------

    def _names_close_article(self, i):
        cur = self.current
        tokens = parse_byline(self.lines[i].text)
        if not tokens or not (cur.brief or any(_has_surname(t) for t in tokens)):
            return False
        if not cur.open_paragraph:
            return True
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        return nxt is None or nxt.shape in ("brief", "headline", "kicker", "caption", "credit")

    def _trailing_author(self, line, text):
        cur = self.current
        cur.lines.append(line)
        names = parse_byline(text)
        if not cur.byline:
            cur.byline = text
        for name in names:
            if name not in cur.authors:
                cur.authors.append(name)
        cur.closed = True

    def _glued_author(self, draft, i):
        """A brief's author printed at the end of its last paragraph: ``…新质生产力。林露虹``."""
        if not draft.paragraphs:
            return
        last = draft.paragraphs[-1]
        bracketed = _GLUED_BRACKETED.search(last) if last.endswith(("）", ")")) else None
        # A role inside the brackets (（本报记者 张敏）) marks the byline of any article;
        # bare names in brackets only end a brief.
        brief_like = draft.brief or not draft.headlines
        if bracketed and (brief_like or _ROLE_RE.search(bracketed.group(1))) and bracketed_byline(bracketed.group(1)):
            # …同比增长9.6%。（杨帆）: names in brackets after the last sentence are its authors.
            names = bracketed_byline(bracketed.group(1))
            draft.paragraphs[-1] = draft.paragraphs[-1][: bracketed.start(1) - 1].rstrip()
            if not draft.byline:
                draft.byline = bracketed.group(0)
            draft.authors.extend(n for n in names if n not in draft.authors)
            draft.closed = True
            return
        if not brief_like:
            return
        match = re.search(rf"([。！？”」』])\s*([{CJK}]{{2,4}})$", draft.paragraphs[-1])
        if not match:
            return
        name = match.group(2)
        if not _is_name(name) or not _has_surname(name):
            return
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        if nxt is not None and nxt.shape not in ("brief", "kicker", "headline", "weak_headline", "caption", "credit"):
            if not (nxt.shape == "text" and _TIME_LEAD.match(_visible(nxt.text))):
                return
        draft.paragraphs[-1] = draft.paragraphs[-1][: match.start(2)].rstrip()
        if not draft.byline:
            draft.byline = name
        if name not in draft.authors:
            draft.authors.append(name)
        draft.closed = True


# How a paragraph opens: 会议要求，/ 据了解，/ 此外，. After a line cut off in the middle
# of a word (the rest lost in the scan), such a line starts a new paragraph instead of
# continuing the cut one. A single character before 表示 is a pronoun (他表示，) or the
# end of a name cut at the line (…党委副书记田文 / 广表示，): only the pronouns open.
_PARAGRAPH_OPENER = re.compile(
    rf"^(?:(?:[他她其]|[{CJK}]{{2,6}})(?:指出|要求|强调|表示|认为|介绍|获悉)|据了解|据介绍|据悉|此外|同时|另外|近日|日前"
    r"|今年以来|近年来|目前|截至目前)[，,:：]"
)


def _starts_new_paragraph(previous, line):
    return bool(re.search(f"[{CJK}]$", previous) and _PARAGRAPH_OPENER.match(_visible(line)))


def _visible_prefix_strip(text):
    # OCR spacing inside the 本报讯 marker itself ("本 报讯") would hide it.
    return re.sub(r"^本\s*报\s*讯", "本报讯", text)


_ZONE_NAME = re.compile(rf"[{CJK}]{{2,}}(?:高新区|高新技术产业开发区|经开区|开发区|科学城|科技城)")
_NOT_A_PLACE = re.compile(r"^(?:全|本|该|各|我|国家|省级|市级)")


def _names_zone(text):
    """Whether a headline names a particular zone (平顶山高新区…), as titles do and headings seldom do."""
    match = _ZONE_NAME.search(text)
    return bool(match) and not _NOT_A_PLACE.match(match.group(0))


# --- bylines ------------------------------------------------------------------------


def parse_byline(text):
    """Bare personal names from a byline: ``■ 首席记者 肖干 通讯员 周建军`` -> ``["肖干", "周建军"]``.

    Spaces separate names here, so this runs on the line before any space is removed.
    """
    text = _BYLINE_MARK.sub("", text.strip())
    text = re.sub(r"^本报讯\s*", "", text)
    text = _NAME_DUTY.sub(" ", text)
    names = []
    for chunk in _ROLE_RE.split(text):
        for token in _rejoin_spaced_names(_name_tokens(chunk.strip(" （()）:：/"))):
            token = token.strip("（()）:：/")
            if token and _is_name(token) and token not in names and token not in _NOT_NAMES:
                names.append(token)
    return names


def _rejoin_spaced_names(tokens):
    """OCR spacing inside a name (``韩 冰``): a lone character is never a name by itself."""
    out = []
    for token in tokens:
        if out and len(out[-1]) == 1 and len(out[-1] + token) <= 3:
            out[-1] += token
        else:
            out.append(token)
    return out


def _broken_mid_word(first, second):
    """Whether two headline lines are one title the column broke inside a word.

    A kicker ends where its phrase ends; 苏州高新区打造产业链党建联 / 盟新高地
    splits 联盟.  Only a break inside a dictionary word counts: a break
    between words cannot be told from a kicker.
    """
    first, second = _visible(first), _visible(second)
    if not first or not second or _KICKER_END.search(first):
        return False
    end = 0
    for word in dictionary_words(first + second):
        start, end = end, end + len(word)
        if start < len(first) < end:
            return True
        if end >= len(first):
            return False
    return False


def _has_text(draft):
    """Whether a draft has anything to read: a 本报讯 marker alone on a page is no article."""
    pieces = [line.text for line in draft.headlines] + draft.paragraphs + draft.captions
    return any(re.search(f"[{CJK}0-9A-Za-z]", piece) for piece in pieces)


# --- finishing an article ---------------------------------------------------------------


def _finish(draft, position):
    heads = [line.text for line in draft.headlines]
    kicker = title = subtitle = ""
    if len(heads) == 1:
        title = heads[0]
    elif len(heads) == 2 and _broken_mid_word(heads[0], heads[1]):
        title = heads[0].rstrip() + heads[1].lstrip()
    elif len(heads) >= 2:
        kicker, title = heads[0], heads[1]
        if len(heads) == 3:
            subtitle = heads[2]
    subtitle = draft.subtitle or subtitle
    # The kicker is stored without the dash or colon that leads into the title.
    kicker = _KICKER_END.sub("", kicker).strip()
    title = _KICKER_END.sub("", title).strip()

    cleaned = [clean_paragraph(p) for p in draft.paragraphs]
    paragraphs = [p for p in cleaned if p]
    # A heading stands before the first paragraph that followed it on the page.
    heading_positions = [sum(1 for p in cleaned[:at] if p) for at in draft.heading_at]
    captions = [clean_caption(c) for c in draft.captions]
    if draft.brief:
        kind = "brief"
    elif not title:
        kind = "photo" if captions else "brief"
    elif draft.header_byline or subtitle or draft.headings:
        kind = "feature"
    else:
        kind = "brief"
    if title:
        title = clean_heading(title)
    if not title:
        derived = (derive_title(text) for text in paragraphs + captions + draft.headings)
        title = next((t for t in derived if t), "") or _visible(kicker or subtitle).strip("—-") or "（无标题）"

    original = "\n".join(line.raw for line in sorted(draft.lines, key=lambda line: line.index))
    return ArticleBlock(
        position=position,
        title=title,
        kicker=clean_heading(kicker) if kicker else "",
        subtitle=clean_heading(subtitle) if subtitle else "",
        byline=draft.byline,
        authors=[cleaner.to_simplified(a) for a in draft.authors],
        kind=kind,
        column=cleaner.to_simplified(draft.column),
        headings=[clean_heading(h) for h in draft.headings],
        heading_positions=heading_positions,
        paragraphs=paragraphs,
        captions=captions,
        original=original,
    )


def clean_paragraph(text):
    """A body paragraph or caption: quotes paired, OCR spaces removed, simplified."""
    return cleaner.to_simplified(cleaner.remove_cjk_spaces(cleaner.pair_quotes(text)))


def clean_caption(text):
    """A caption like a paragraph; a photographer's credit keeps the spaces between its names."""
    if len(_visible(text)) <= 20 and re.search(r"\s摄$", text):
        return cleaner.to_simplified(" ".join(text.split()))
    return clean_paragraph(text)


def clean_heading(text):
    """A title, kicker, subtitle or heading: the gentler space rule keeps its halves apart."""
    return cleaner.to_simplified(cleaner.tidy_heading_spaces(cleaner.pair_quotes(text)))


def derive_title(text):
    """A title for an article printed without one: its first clause, at most TITLE_MAX characters.

    ``近日，乐山高新区召开…书记点评会。会议听取…`` -> ``乐山高新区召开…书记点评会``.
    """
    text = re.sub(r"^本报讯\s*", "", text.strip())
    # The first sentence with words in it: a line may open with the end of a cut one (。——).
    sentences = [s for s in re.split(r"[。！？!?；;]", text) if re.search(f"[{CJK}0-9A-Za-z]", s)]
    sentence = sentences[0] if sentences else ""
    sentence = _TIME_LEAD.sub("", sentence, count=1).strip()
    sentence = re.sub(r"^[\s，,、：:—\-…·”’）)]+", "", sentence)
    title = ""
    for clause in (c for c in re.split(r"[，,]", sentence) if c):
        title = f"{title}，{clause}" if title else clause
        if len(title) >= 8:
            break
    if len(title) <= TITLE_MAX:
        return title
    head = title[:TITLE_MAX]
    # Cut before a preposition or conjunction rather than inside a word, if one is near the end.
    cut = max(head.rfind(ch) for ch in "在于暨和与及")
    if cut >= TITLE_MAX // 2:
        return head[:cut]
    return head[: TITLE_MAX - 1] + "…"
