"""Numbers and units: where a figure is printed, its value and qualifier, and what is no figure.

The decisions are listed in the package docstring (metrics/__init__.py).
"""
import re
from functools import lru_cache

import cn2an

from articles.ingest.words import tagged as _tagged

CN_DIGITS = "零〇一二两三四五六七八九十百千"
ARABIC = r"\d+(?:\.\d+)?"
# A Chinese numeral opens with a digit or 十; 百/千/万 alone open names (百名博士进高新).
CHINESE = r"[一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*"
# 近百家, 逾千人, 上百场, 突破千亿元, 千余名: a bare 百/千 is a round number only after such a word, or
# before 余.
ROUND = r"(?:(?<=[近逾超上约破])[百千]|[百千](?=余))"
NUMBER = rf"(?:{ARABIC}|{CHINESE}|{ROUND})"

MULTIPLIERS = {"千万": 1e7, "百万": 1e6, "万": 1e4, "亿": 1e8}
# base unit as printed -> normalized base unit
MEASURES = {
    "个百分点": "个百分点",
    "个月": "个月",
    "个工作日": "个工作日",  # 审批时限压缩至51个工作日: days, not 51 things
    "人次": "人次",
    "平方公里": "平方公里",
    "平方米": "平方米",
    "千瓦时": "千瓦时",
    "千瓦": "千瓦",
    "兆瓦": "兆瓦",
    # Energy capacity as battery and power plants state it: 15GWh, 200MW.
    "吉瓦时": "吉瓦时",
    "兆瓦时": "兆瓦时",
    "吉瓦": "吉瓦",
    "GWh": "吉瓦时",
    "MWh": "兆瓦时",
    "GW": "吉瓦",
    "MW": "兆瓦",
    "千米": "公里",
    "公里": "公里",
    "公顷": "公顷",
    "美元": "美元",
    "元": "元",
    "吨": "吨",
    "亩": "亩",
    "毫米": "毫米",
    "米": "米",
    "%": "%",
    "％": "%",
    "小时": "小时",
    "秒": "秒",
    "倍": "倍",
}
# Capacities of power and energy (15GWh, 200兆瓦), which a project's name may carry: 30GWh动力电池项目.
ENERGY_UNITS = frozenset(
    unit for unit, base in MEASURES.items() if base in ("千瓦时", "千瓦", "兆瓦时", "兆瓦", "吉瓦时", "吉瓦")
)
COUNT_WORDS = "个家项件人名位次场支套栋幢所批期条台座份户篇处款种类辆架艘张天起宗对"
# Counts of batches and sittings (259批次, 86场次) and storeys (地上10层).
COUNT_COMPOUNDS = ("批次", "场次", "家次", "台次", "架次", "户次", "车次", "层")
COUNT_UNITS = {w: w for w in (*COUNT_WORDS, *COUNT_COMPOUNDS)}
UNITS = {**MEASURES, **COUNT_UNITS}
UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))

METRIC_RE = re.compile(
    rf"(?P<num>{NUMBER})"
    rf"(?:\s*(?P<sep>[-~～—–至到])\s*(?P<num2>{NUMBER}))?"
    r"(?P<more>余|多)?"
    r"(?P<mult>千万|百万|万|亿)?"
    r"(?P<more2>余|多)?"
    rf"(?P<base>{UNIT_ALT})"
    r"(?P<post>以上|以下|以内|左右|上下(?!游))?"  # not 上下游: upstream and downstream
)

# A measure word glued to the next character is often another word: 支持, 名单, 人才.
NOT_A_UNIT_BEFORE = {
    "支": "持撑付出",
    "名": "单称义额",
    "人": "才员民",
    "场": "景地所馆",
    "所": "有以属",
    "批": "准复示",
    "期": "间待望刊",
    "位": "于置数一",
    "层": "面次级",
    "次": "数",
    "家": "庭园乡属",
    "条": "件例款",
    "台": "湾阶",
    "元": "素旦宵",
    "天": "空然津",
    "个": "体性",
    "处": "理",
    "种": "植子",
    "类": "似",
    "套": "餐",
    "户": "籍外",
    "款": "项",
    "宗": "旨教族师",
    "对": "接口应象外比标照话于待策齐1234567890一多",  # 24对 pairs; 对接, 1对1 are no count
}

PREFIX_QUALIFIERS = {
    "不少于": "at_least",
    "不低于": "at_least",
    "至少": "at_least",
    "超过": "at_least",
    "突破": "at_least",
    "逾": "at_least",
    "超": "at_least",
    "不超过": "at_most",
    "不到": "at_most",
    "不足": "at_most",
    "最多": "at_most",
    "大约": "approximate",
    "将近": "approximate",
    "接近": "approximate",
    "约": "approximate",
    "近": "approximate",
    "高达": "exact",
    "多达": "exact",
    "达到": "exact",
    "达": "exact",
}
POST_QUALIFIERS = {"以上": "at_least", "以下": "at_most", "以内": "at_most", "左右": "approximate", "上下": "approximate"}

SKIP_QUOTES = re.compile(r"“[^“”]{1,20}”|\"[^\"\n]{1,20}\"|‘[^‘’]{1,20}’|'[^'\n]{1,20}'|《[^《》]*》")
SPEECH = re.compile(r"[，,。！？；]")
RANK_BEFORE = re.compile(r"(跃进|跃升|前进|上升|提升|提高|下降|后退|进|前|居|排)了?$")

CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?\n（）()【】]")
# Counts of abstract nouns say how a text is organised, not what a zone did:
# 三条路径, 3个方面, 两个环节.
ABSTRACT_NOUNS = {
    "方面", "路径", "环节", "目标", "渠道", "步", "方向", "层面", "维度", "原则", "思路", "理念",
    "特点", "优势", "举措", "篇章", "结合", "途径", "字", "事", "事情", "件事", "主题", "主题年",
    "年份", "阶段", "机制", "台阶",
}
# 做好“党建+”引领……3篇文章: a figure of speech.
WRITE_WELL = re.compile(r"(做好|写好|做实|答好|做足|做活)")


def is_name_span(text):
    """A short quotation or a book title: a name (“1+X+N”, “六个一”), not a statement."""
    if text.startswith("《"):
        return True
    return not SPEECH.search(text[1:-1])


def is_datum(sentence, start, end):
    """A line of a box of figures: a label, a colon, the figure and nothing after (居民网格：216个)
    or a remark after a comma (高新技术企业：303家，占全省30%)."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]：", sentence[max(0, start - 2) : start])) and (
        not sentence[end:].strip(" 。；;，,") or sentence[end : end + 1] in "，,"
    )


# Words that point back at something named before: 这8个项目, 上述两家企业.
DEMONSTRATIVES = "这|该|上述|前述|以上"


def datum_label_after(sentence, start, end):
    """The label after a box's figure that opens its line (582家 规模以上工业企业), else ""."""
    if sentence[:start].strip():
        return ""
    after = re.match(r"\s+([^\s，,。；;][^，,。；;]*)", sentence[end:])
    return after.group(1).strip() if after else ""


def is_metric(sentence, match):
    start, end = match.span()
    num, base = match.group("num"), match.group("base")
    before = sentence[max(0, start - 3) : start]
    after = sentence[end : end + 1]
    chinese = not num[0].isdigit()
    if before.endswith(("第", "届")) or before.rstrip().endswith("第"):
        return False  # 第3个, 五届十次全会: an ordinal
    if before and (before[-1] in "+-/·.:×*=#" or before[-1].isascii() and before[-1].isalnum()):
        return False  # 3+1, 2/3, 5G, V2.0
    if before.endswith("：") and not is_datum(sentence, start, end):
        return False  # 比分3：1, 他说：3个月内… (but 居民网格：216个, a box's figure after its label)
    if after.isascii() and after.isalpha() or after in ("+", "/"):
        return False
    if base == "个" and re.match(r"多(?:月|小时|星期|礼拜)", sentence[end : end + 3]):
        return False  # 4个多月: a while, not a count
    if base in NOT_A_UNIT_BEFORE and not match.group("post"):
        if after and after in NOT_A_UNIT_BEFORE[base]:
            return False
    if chinese:
        if num == "一" or num[0] == "一" and len(num) == 1:
            return False
        if before and before[-1] in "第之统唯单初周每数几若万":
            return False
        if base == "期":
            return False  # 二期, 三期: phases of a project
        if base in ("类", "种"):
            return False  # 五类组织, 五种颜色, 三类“500强”项目: the kinds things are sorted into, not a count
        if base == "元" and not match.group("mult") and re.match(r"[\u4e00-\u9fff]", after):
            return False  # 三元材料, 二元结构: a word, not a sum of money
        if after and after in "“\"":
            return False  # 两个“相结合”, 三个“一批”: a formula's count, not a figure
        if len(num) >= 3 and re.fullmatch(r"[〇零一二三四五六七八九]+", num):
            return False  # 七一八所, 二〇二三年: a name or a year read digit by digit, not a count
    elif len(num.split(".")[0]) >= 9:
        return False  # phone numbers, ID numbers
    if base in ("位", "名") and RANK_BEFORE.search(before):
        return False  # 再跃进8位, 排名前进了8位, 前10名: a rank, not a quantity
    if base in ENERGY_UNITS and re.match(r"[\u4e00-\u9fff]", after):
        return False  # 欣旺达30GWh动力电池项目: the capacity is part of the project's name
    if base == "位" and after == "数":
        return False  # 两位数
    if base == "个月" and re.search(r"(?<!提)前$", before):
        return False  # 前5个月: a period (metrics/when.py), not a count of months
    if base == "小时" and not match.group("mult") and (number_value(num) or 0) < 100:
        return False  # 24小时服务: a way of working, not a count of hours
    if re.search(r"(?:超过|超|高于|不低于)$", before) and sentence.startswith("的", end):
        return False  # 税收超过1亿元的企业有6家, 超过4000户的大型社区: a threshold describing the noun
    if num in ("百", "千") and before.endswith("上") and sentence.startswith("的", end):
        return False  # 投资上百亿元的大项目: the size of each, not a total
    if re.search(rf"(?:{DEMONSTRATIVES})$", before):
        return False  # 这8个项目总投资6.5亿元: the count said before, named again
    if chinese and before.endswith("把"):
        return False  # 把两个产业链党建联盟做实做细: the things acted on, not a count stated
    if match.group("post") in ("以上", "以下") and re.match(r"[\u4e00-\u9fff]", after or " "):
        # "10亿元以上项目": a threshold describing the noun, except a growth rate, and a part
        # counted of a whole ("其中35家以上企业建有党组织": 35 or more of them).
        part = base in ("家", "个", "名", "人", "户") and re.search(r"(其中|有)$", sentence[:start])
        part = part or base in ("%", "％")  # 80%以上的规上工业企业都是中小企业: a share of the group
        # 建设20个以上单采血浆站, 提供1500个以上就业岗位: things made or given, at least so many
        # (3家以上企业联合申报的项目: a condition; 25人以上企业, 10亿元以上项目: a size).
        part = part or (
            base in ("个", "家", "座", "所", "项", "处", "支")
            and re.search(r"(?:建设|建成|新建|提供|新增|引进|培育|打造|带动|吸引|创造|形成)$", sentence[:start])
        )
        if not re.match(r"(的)?(增长|增幅|增速)", sentence[end : end + 3]) and not part:
            return False
    return True


@lru_cache(maxsize=512)
def number_value(text):
    if text[0].isdigit():
        return float(text)
    if text in ("百", "千"):
        return 100.0 if text == "百" else 1000.0
    try:
        return float(cn2an.cn2an(text.replace("两", "二"), "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def rounded(value):
    return round(value, 6)


def prefix_qualifier(sentence, start):
    for word in sorted(PREFIX_QUALIFIERS, key=len, reverse=True):
        if sentence[:start].endswith(word):
            return start - len(word), PREFIX_QUALIFIERS[word]
    if sentence[:start].endswith("上") and sentence[start : start + 1] in ("百", "千"):
        return start - 1, "at_least"  # 上百家: a hundred or more
    return start, "exact"


def combine_qualifiers(prefix, match):
    found = {prefix}
    if match.group("more") or match.group("more2"):
        found.add("at_least")
    if match.group("post"):
        found.add(POST_QUALIFIERS[match.group("post")])
    for qualifier in ("approximate", "at_most", "at_least"):
        if qualifier in found:
            return qualifier
    return "exact"


def counts_no_fact(sentence, match):
    """A count of abstract nouns, a figure of speech, or of the names just listed."""
    start, end = match.span()
    words = _tagged(sentence[end : end + 12]) if re.match(r"[\u4e00-\u9fff]", sentence[end : end + 1]) else ()
    first = words[0][0] if words else ""
    spelled = not match.group("num")[0].isdigit()
    if first in ABSTRACT_NOUNS or spelled and len(words) > 1 and words[1][0] in ABSTRACT_NOUNS:
        return True  # 两个方面, 两个主攻方向
    if first.endswith("机制"):
        return True  # 五项联动机制: how the parties work together, not a count of things
    if first == "文章" and WRITE_WELL.search(sentence[:start]):
        return True
    return _is_enumeration_count(sentence, start, match.group("num"))


def _is_enumeration_count(sentence, start, num):
    """两个行业 after 工业互联网、车联网 (or after names quoted in a row): the number only counts the
    names listed before it."""
    if num[0].isdigit():
        return False
    value = number_value(num)
    quoted_run = re.search(r"(?:“[^“”]{1,20}”)+$", sentence[:start])
    if quoted_run and value and quoted_run.group().count("“") == value:
        return True  # “万亿制造”“万亿国资”“万亿商品”“万亿固投”四个万亿计划: the names just quoted
    clause = CLAUSE_BREAK.split(sentence[:start])[-1]
    if not value or value > 10 or not re.search(r"[、和及与]", clause):
        return False
    return len(re.split(r"、|和|及|与", clause)) == value
