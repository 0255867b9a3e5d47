"""Programme names printed without quotation marks (see the package docstring for the rules)."""
import re

from articles.ingest.words import tagged as _tagged
from articles.ingest.words import words as _words

CJK = r"\u4e00-\u9fff"

# 建立党建联盟联席会议制度, 党建工作联席会议制度: the institution that meets, named by its 党建 part.
JOINT_MEETING = re.compile(rf"党建[{CJK}]{{0,4}}?联席会议(?:制度|机制)")
# 深化党建引领心连心接诉即办改革工作: a reform named after 党建引领.
LED_REFORM = re.compile(rf"党建引领(?P<name>[{CJK}]{{3,10}}?改革)")

# Endings that make a name a programme, an institution or a place of party building.
# Institutions and programmes need no more: 企业服务专员制度, 近邻党建百日攻坚行动, 园区党建共同体.
PROGRAMME_ENDINGS = (
    "责任制", "制度", "机制", "行动", "工程", "治理", "示范圈", "样板区", "共同体", "讲习所",
    "议事厅", "调解室", "生活馆", "党建联盟", "党建联合体", "党建联合会", "网格化管理", "联席会", "联席会议",
    "专项计划",
)
# Institutions that are named so by themselves; the rest need a word of the party or a duty in the name.
SELF_NAMED = ("讲习所", "议事厅", "调解室", "生活馆", "党建联盟", "党建联合体", "党建联合会", "示范圈", "样板区", "共同体")
DUTY_WORD = re.compile(r"党|书记|专员|指导员|联系人|先锋|红色|双|两新|联建")
# Places and platforms need a party-building word in their name: 青创党群服务中心, 金村红堡基地.
PLACE_ENDINGS = (
    "党群活动服务中心", "党群服务中心", "党群服务站", "党群服务驿站", "服务驿站", "驿站", "指导站",
    "智慧平台", "孵化中心", "孵化服务中心", "孵化平台", "活动场所", "示范点", "基地", "阵地", "学院", "书吧", "书屋", "联盟",
    "展馆", "教育馆", "活动中心",
)
ENDING = re.compile("|".join(sorted(PROGRAMME_ENDINGS + PLACE_ENDINGS, key=len, reverse=True)))
PARTY_WORD = re.compile(r"党|红|先锋|近邻|两新|群团|书记|暖新")
# Names that are only the ending word and a generic qualifier: 长效机制, 工作制度, 服务平台.
GENERIC_QUALIFIERS = {
    "工作", "长效", "运行", "体制", "协调", "联动", "保障", "考核", "激励", "管理", "规章", "各项", "相关",
    "服务", "公共", "创新", "发展", "商业", "专项", "重点", "重大", "有效", "完善", "健全", "各类", "一系列",
    "常态化", "制度化", "常态", "长期", "这项", "该项", "此项", "这一", "该", "各", "新", "原有", "现有", "体系",
    "治理", "基层", "社会", "市场", "经济", "科技", "教育", "生产", "研发", "示范", "培训",
    "命运", "利益", "责任",  # 命运共同体: a common phrase, no community of the zone's
    "产业链",  # 健全产业链党建工作机制: the kind of mechanism every chain has
}
# Qualifiers that leave a place of party building unnamed: 党建阵地, 社区党群服务中心, 党员突击队.
# Places of party building known by these names alone.
KNOWN_PLACES = {"党群活动服务中心", "党群活动中心", "党建指导站", "红色驿站"}
# The zone's own centre is named by the zone: 高新区党群服务中心.
ZONE_OWN_PLACES = ("党群服务中心",)
GENERIC_PLACE_QUALIFIERS = {
    "党建", "红色", "党员", "党组织", "社区", "小区", "特色", "企业党组织", "基层", "各级", "村", "党建工作", "党群服务",
    "党建活动", "党员活动", "活动", "党员教育", "教育", "党群", "示范性", "示范",
}
# 获评, 入选, 被评为…: what follows is an honour.
HONOURED_AS = {"获评", "入选", "荣获", "获批", "评为", "命名为", "授予"}
# Where a name begins: after these words (verbs of founding, function words) nothing more is its own.
NAME_STOPS = {
    "成立", "组建", "建立", "设立", "新建", "搭建", "打造", "创建", "建成", "建起", "依托", "揭牌", "发挥", "筹建",
    "建强", "组织", "推动", "通过", "推行", "实行", "实施", "开展", "建设", "探索", "深化", "完善", "健全",
    "落实", "用好", "围绕", "启用", "推进", "坚持", "按照", "形成", "构建", "提升", "引入", "入选", "获评",
    "认定", "命名", "授牌", "挂牌", "启动", "召开", "举办", "参加", "走进", "来到", "设有", "设置", "开设",
    "的", "和", "与", "及", "以及", "在", "以", "把", "将", "对", "为", "是", "了", "等", "并", "还", "又",
    "都", "也", "已", "先后", "共", "全", "所有", "被", "由", "从", "向", "于", "其", "这", "该", "各",
    "一个", "一批", "多个", "首个", "首批", "首家", "一家", "这个", "个", "家", "处", "所", "座", "项",
    "有", "让", "参与", "融入", "引领", "用于", "进入", "培育", "共建", "规范", "带领", "牵头", "联合",
    "建立健全", "充分发挥", "大力", "积极", "不断", "持续", "进一步", "全面", "提高", "担任", "投向",
    "为主", "作为", "当作", "当成", "结成", "到", "加入", "邀请", "成为",
}
# Words of a name the tagger reads as something else: 非公 (the non-public sector) as an adverb.
NAME_WORDS = {"非公"}
# A place named a model by a rating is a title: 获评…党建示范点, 创建示范点17个.
TITLE_ENDINGS = ("示范点",)
TITLE_BEFORE = re.compile(r"获评|评为|入选|授予|命名|认定为|被确定为")
STOP_FLAGS = ("p", "c", "u", "r", "d", "m", "q", "x", "y", "e", "o", "w")
ZONE_WORD = re.compile(r"(?:高新区|开发区|园区|高新技术产业开发区)(?:（[^）]*）|\([^)]*\))?$")
WINDOW = 14
NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿几多余首第"
MEASURE_CHARS = "个家处所座批项名位次支条栋套"


def unquoted_names(sentence):
    """The programme names of one sentence written without quotes, in order."""
    found = [(m.start(), m.group()) for m in JOINT_MEETING.finditer(sentence)]
    found.extend((m.start("name"), m.group("name")) for m in LED_REFORM.finditer(sentence))
    taken = [(start, start + len(name)) for start, name in found]
    for match in ENDING.finditer(sentence):
        if any(a < match.end() <= b for a, b in taken):
            continue
        name = _named(sentence, match)
        start = match.end() - len(name or "")
        # 非公党建展馆和小岗盼盼党性教育馆: a name begins after the one found before it, and its 和
        before = max((b for a, b in taken if a <= start < b), default=None)
        if name and before is not None:
            name = sentence[before : match.end()].lstrip("和与及、")
            start = match.end() - len(name)
            if len(name) <= len(match.group()) + 1:
                continue
        if name:
            found.append((start, name))
            taken.append((start, match.end()))
    return [name for _, name in sorted(found)]


def _named(sentence, match):
    """The name ending with ``match`` (its qualifying words before it), or None when it names nothing."""
    ending = match.group()
    if _quoted_before(sentence, match.start()):
        return None  # “邕新驿站”: the quoted name is read as one
    window = sentence[max(0, match.start() - WINDOW) : match.start()]
    words = list(_tagged(window)) if window else []
    if not _whole_word(sentence, match):
        return None  # 发电机制造商: 机制 is no word there
    if ending in TITLE_ENDINGS and (
        re.match(r"\d|[一二两三四五六七八九十]+个", sentence[match.end() :])
        or TITLE_BEFORE.search(sentence[max(0, match.start() - 24) : match.start()])
    ):
        return None  # 获评两新组织党建示范点, 培育党建示范点6个: a title given, counted
    kept = []
    reversed_words = list(reversed(words))
    for i, (word, flag) in enumerate(reversed_words):
        # 百日 is a word of the name; 一处, 一个 count what follows
        counted = flag.startswith("m") and re.search(rf"[^{NUMERAL_CHARS}{MEASURE_CHARS}]", word)
        if word in NAME_WORDS:
            kept.insert(0, word)
            continue
        joint = word in ("共建", "联建") and i + 1 < len(reversed_words) and reversed_words[i + 1][0] == "党建"
        if not joint and (
            not re.fullmatch(rf"[{CJK}]+", word) or word in NAME_STOPS or flag.startswith(STOP_FLAGS) and not counted
        ):
            break  # (党建共建工程: 共建 is the name's own after 党建)
        if ZONE_WORD.search(word) and not (i + 1 < len(reversed_words) and reversed_words[i + 1][0] == "国家"):
            if not kept and ending in ZONE_OWN_PLACES:
                kept.insert(0, word)  # 高新区党群服务中心: the zone's own centre, named by the zone
            break  # the zone's own name (…国家高新区党建联盟 keeps its 国家高新区)
        kept.insert(0, word)
    rest = [word for word, _ in reversed_words[len(kept) :]]
    if rest[:1] and rest[0] in HONOURED_AS or rest[:2] == ["为", "评"]:
        return None  # 获评苏州市党史教育基地: an honour the place holds, not a programme it runs
    if rest[:3] == ["组织", "新", "两"] or rest[:2] == ["组织", "两新"]:
        kept[:0] = ["两新组织"]  # 两新组织: the fixed term the tagger cuts apart (and reads 组织 as a verb)
    elif kept and kept[0] == "新" and rest[:1] in (["两"], ["三"]):
        kept.insert(0, rest[0])
    while kept and len(kept[0]) == 1 and not any(flag.startswith(("n", "j")) for _, flag in _tagged(kept[0])):
        if kept[0] in ("两", "三") and len(kept) > 1 and kept[1] == "新":
            break
        if kept[0] == "大" and len(kept) > 1:
            break  # 大联建机制, 大党委: 大 names the wider kind
        kept.pop(0)  # 用好|党建阵地: a lone character before the name is not part of it
    if kept and re.search(r"[”\"’](?:园区|高新区)?$", window[: -len("".join(kept))]):
        return None  # “百链千企”蹲点解剖行动, “新火燎园”园区党建提质工程: the quoted name's own words
    qualifier = "".join(kept)
    name = qualifier + ending
    if ending in PLACE_ENDINGS:
        if not PARTY_WORD.search(name):
            return None  # 创业孵化基地, 研发平台: no party building in the name
        if ZONE_WORD.search(qualifier) and ending in ZONE_OWN_PLACES:
            return name
        if name not in KNOWN_PLACES and all(word in GENERIC_PLACE_QUALIFIERS for word in kept):
            return None  # 党建阵地, 社区党群服务中心: a kind of place, not a named one
        return name
    if ending in ("党建联盟", "党建联合体", "党建联合会"):
        return name if qualifier else None
    if ending in SELF_NAMED:
        return name if qualifier and qualifier not in GENERIC_QUALIFIERS else None
    if not qualifier or all(word in GENERIC_QUALIFIERS | GENERIC_PLACE_QUALIFIERS for word in kept):
        return None  # 长效机制, 工作制度, 党员突击队: a kind of thing, not a named one
    if not DUTY_WORD.search(qualifier):
        return None  # 招商机制, 道路工程: not party building
    return name


def _whole_word(sentence, match):
    """Whether the ending is a word of its own where it stands (not 机制 in 发电机制造)."""
    start = max(0, match.start() - 4)
    segment = sentence[start : match.end() + 3]
    position, bounds = start, set()
    for word in _words(segment):
        bounds.add(position)
        position += len(word)
    return match.end() in bounds or match.end() == len(sentence) or match.end() == position


def _quoted_before(sentence, start):
    """Whether the ending follows a closing quote directly or a quoted name's words: “红链驿站”."""
    head = sentence[:start]
    return head.endswith(("”", "\"", "’")) or bool(re.search(r"[“\"‘][^”\"’，。]{0,12}$", head))
