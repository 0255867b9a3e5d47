"""Bylines: the forms a byline takes on a page, the surname tables, the names in it.

A byline is printed in many ways: ``■ 首席记者 肖干 通讯员 周建军`` under a
title, ``本报讯（记者 张三 通讯员 李四）`` or ``本报讯 记者 李四 报道：`` opening
a brief, ``（杨帆）`` after the last sentence, a bare ``林露虹`` glued to it,
``张三/文 李四/图``. This module knows those forms and which words are personal
names; where a byline stands on the page is the walker's business.
"""
import re

from articles.ingest import cleaner
from articles.ingest.words import tagged
from core.text import CJK_RANGES

BYLINE_MARK = re.compile(r"^[■►▶●◆▲□◇★☆▷▸•]\s*")
_ROLE = (
    r"(?:本报|本刊)?(?:首席|特约|见习|实习|融媒体?|全媒体)?(?:记者|通讯员)"
    r"|实习生|见习生|撰文|摄影|文/图|图/文|文[/／]|图[/／]"
)
ROLE_RE = re.compile(_ROLE)
BYLINE_START = re.compile(rf"^(?:{_ROLE})\s*[{CJK_RANGES}]")
# The marker opening a news item: 本报讯, a dateline 本报扬州1月8日讯, 本报北京5月3日电, or a site's own (眉山网讯).
DATELINE = re.compile(
    rf"^(?:本\s*报\s*(?:(?!记者|通讯员|特约|首席)[{CJK_RANGES}]{{2,6}}?\s*)?|[{CJK_RANGES}]{{2,8}}?网\s*)"
    r"(?:\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?(?:讯|电)"
)
# 【钱塘】临江高新区…: a brief opened by its place in brackets (checked to be a place by the caller).
PLACE_MARK = re.compile(rf"^【([{CJK_RANGES}]{{2,6}})】\s*(?=[^【】\s])")
# 本报讯（记者 张三 通讯员 李四）: the brief's byline inside the marker's parentheses.
_BRIEF_BYLINE = re.compile(r"^本报讯\s*[（(]([^）)]{2,40})[）)]\s*")
# 本报讯 记者 李四 报道：近日… / 本报讯 记者 罗娟 通讯员 吴倩报道 近日…: the byline inline, closed by 报道.
_BRIEF_INLINE_BYLINE = re.compile(rf"^本报讯\s*((?:{_ROLE})[{CJK_RANGES}·\s]{{2,30}}?)\s*报道\s*[：:，,]?\s*")
# 张三/文 李四/图: what each name did, after a slash.
_NAME_DUTY = re.compile(r"\s*[/／]\s*(?:文图|图文|文|图|摄)(?=\s|$)")
# （李敏 王涛）on a line of its own; …同比增长9.6%。（杨帆）after the last sentence.
BRACKETED = re.compile(r"^[（(]\s*([^（()）]{2,30}?)\s*[）)]$")
_GLUED_BRACKETED = re.compile(r"(?<=[。！？”」』])\s*[（(]\s*([^（()）]{2,30}?)\s*[）)]$")
# …新质生产力。林露虹: a name glued to the end of a brief's last sentence.
_GLUED_NAME = re.compile(rf"([。！？”」』])\s*([{CJK_RANGES}]{{2,4}})$")

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
_NOT_NAMES = {"报道", "整理", "采写", "供稿", "编译", "综合", "前言", "结语", "引言", "附件", "链接", "点评", "背景", "编者按", "短评", "观察", "声音", "记者手记", "延伸阅读", "相关链接", "简讯", "快讯"}
_NAME_TOKEN = re.compile(rf"^(?:[{CJK_RANGES}]{{2,3}}|[{CJK_RANGES}]{{1,6}}·[{CJK_RANGES}]{{1,6}})$")


def name_tokens(text):
    return [t for t in re.split(r"[\s、，,]+", text) if t]


def is_name(token):
    if _NAME_TOKEN.match(token):
        # 古丽·买买提 is a name, 优化营商环境·园区访谈 a column's label: a name's part reads as one
        return "·" not in token or any(
            flag.startswith("nr") for part in token.split("·") for _, flag in tagged(part)
        )
    return len(token) == 4 and token[:2] in _COMPOUND_SURNAMES


def has_surname(token):
    return token[0] in _SURNAMES or token[:2] in _COMPOUND_SURNAMES


def is_names_line(text):
    """Only personal names: ``王宏伟 孙达``, ``朱传刚 樊勇``, ``张国贞``.

    With two names or more each must start with a surname: a heading in OCR
    spacing (``链上 党建 聚合力``) has the same shape.
    """
    if len(cleaner.visible(text)) > 16 or text in _NOT_NAMES:
        return False
    tokens = name_tokens(text)
    if not (1 <= len(tokens) <= 4 and all(is_name(t) for t in tokens)):
        return False
    return len(tokens) == 1 or all(has_surname(t) for t in tokens)


def names_only(text):
    """Whether ``text`` is only personal names once the roles (记者, 通讯员, 摄影…) are taken out.

    After a role word the names need no known surname (通讯员 努尔兰 记者 马骏).
    """
    rest = ROLE_RE.sub(" ", text)
    tokens = rejoin_spaced_names(name_tokens(rest))
    if rest != text and 1 <= len(tokens) <= 5 and all(is_name(t) and t not in _NOT_NAMES for t in tokens):
        return True
    return is_names_line(" ".join(tokens))


def bracketed_byline(inner):
    """The names of a byline printed in brackets (``李敏 王涛``, ``记者 许晴``), or [] if it is not one."""
    if not names_only(inner):
        return []
    return parse_byline(inner)


def parse_byline(text):
    """Bare personal names from a byline: ``■ 首席记者 肖干 通讯员 周建军`` -> ``["肖干", "周建军"]``.

    Spaces separate names here, so this runs on the line before any space is removed.
    """
    text = BYLINE_MARK.sub("", text.strip())
    text = re.sub(r"^本报讯\s*", "", normalize_dateline(text))
    text = _NAME_DUTY.sub(" ", text)
    text = re.sub(r"\s+摄\s*(?=[）)]?\s*$)", " ", text)  # （记者 郭 敏 摄）: who took the photo
    names = []
    for chunk in ROLE_RE.split(text):
        for token in rejoin_spaced_names(name_tokens(chunk.strip(" （()）:：/"))):
            token = token.strip("（()）:：/")
            if token and is_name(token) and token not in names and token not in _NOT_NAMES:
                names.append(token)
    return names


def rejoin_spaced_names(tokens):
    """OCR spacing inside a name (``韩 冰``, ``王 思 远``): a lone character is never a name by itself.

    A run of two or three lone characters is one name; a longer run is cut
    into names of two or three, a new name starting at a surname.
    """
    out = []
    run = []

    def flush():
        if run:
            out.extend(_split_run("".join(run)))
            run.clear()

    for token in tokens:
        if len(token) == 1:
            run.append(token)
            continue
        if len(run) == 1 and len(token) <= 2:
            token = run.pop() + token  # 韩 冰冰 is 韩冰冰
        flush()
        out.append(token)
    flush()
    return out


def _split_run(chars):
    if len(chars) <= 3:
        return [chars]
    names, current = [], ""
    for ch in chars:
        if len(current) == 3 or (len(current) == 2 and has_surname(ch)):
            names.append(current)
            current = ""
        current += ch
    if len(current) == 1 and names:
        names[-1] += current
    elif current:
        names.append(current)
    return names


# A byline printed at the head of a line of text: 本报扬州1月8日讯（记者 吴 越 通讯员 汤 宁）…,
# 记者 杨 帆 报道 放大…: OCR spacing inside its names must not be taken for banner residue.
_LEADING_REPORT = re.compile(rf"^(?:{_ROLE})\s*[{CJK_RANGES}·\s]{{2,30}}?\s*报道\s*[：:，,]?\s*")


def byline_prefix_end(text):
    """Where a byline printed at the start of ``text`` ends (0 when there is none)."""
    match = DATELINE.match(text)
    if match:
        rest = text[match.end():]
        opened = re.match(r"\s*[（(]", rest)
        if opened:
            close = re.search(r"[）)]", rest)
            return match.end() + (close.end() if close else len(rest))
        inline = re.match(rf"\s*((?:{_ROLE})[{CJK_RANGES}·\s]{{2,30}}?)\s*报道", rest)
        return match.end() + (inline.end() if inline else 0)
    match = _LEADING_REPORT.match(text)
    return match.end() if match else 0


def split_leading_report(text):
    """``记者 杨 帆 报道 放大…`` -> (``记者 杨 帆``, ``放大…``); (None, text) when it does not open so."""
    match = _LEADING_REPORT.match(text)
    if not match:
        return None, text
    byline = re.sub(r"\s*报道\s*[：:，,]?\s*$", "", match.group())
    return byline.strip(), text[match.end():]


def split_brief_marker(text):
    """A brief's opening line without its 本报讯 marker, and the byline printed with the marker.

    ``本报讯（记者 张三）近日，…`` -> (``记者 张三``, ``近日，…``); the byline is None
    when the marker has none, as with a place in brackets (``【钱塘】临江高新区…``), unless the
    marker follows the place (``【滨州】本报讯（通讯员 孟 晖）…``).
    """
    place = PLACE_MARK.match(text)
    if place:
        text = text[place.end():]
        if not DATELINE.match(text):
            return None, text
    # OCR spacing inside the marker ("本 报讯") and a dateline (本报扬州1月8日讯) read as 本报讯.
    text = normalize_dateline(text)
    match = _BRIEF_BYLINE.match(text) or _BRIEF_INLINE_BYLINE.match(text)
    if match:
        return match.group(1).strip(), text[match.end():]
    return None, re.sub(r"^本报讯\s*", "", text)


def normalize_dateline(text):
    """``本报扬州1月8日讯（记者 吴越）…`` -> ``本报讯（记者 吴越）…``; other text unchanged."""
    match = DATELINE.match(text)
    return "本报讯" + text[match.end():] if match else text


def bracketed_tail(paragraph):
    """``…同比增长9.6%。（杨帆）``: the match of a bracketed group after the last sentence, or None."""
    return _GLUED_BRACKETED.search(paragraph) if paragraph.endswith(("）", ")")) else None


def glued_name(paragraph):
    """``…新质生产力。林露虹``: the match of a surname-led name (group 2) after the last sentence, or None."""
    match = _GLUED_NAME.search(paragraph)
    if match and is_name(match.group(2)) and has_surname(match.group(2)):
        return match
    return None
