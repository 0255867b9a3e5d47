"""Numeric facts of an article body: what is counted, how much, when, and where it is said.

A metric is a number followed by a unit: money (``50亿元``), weight, area,
length, a percentage (``97.7%``), percentage points (``14.6个百分点``, kept
apart from %), a multiple (``2倍``) or a count with a measure word (``42个``,
``两支``, ``3000余人``). A bare number without a unit is never a metric.

Decisions (so a reader knows what the numbers mean):

- ``value``/``unit`` are as printed (``8000`` ``万元``); ``normalized_*`` are in
  base units: 万/亿/百万/千万 multiply (8e7 ``元``), % and 个百分点 stay as they
  are, a count's base unit is its measure word (``万人`` -> ``人``).
- Round numbers: a bare 百/千 after 近/逾/超/上/约 is a number (``近百家`` ->
  100 approximate, ``逾千人`` -> 1000 at least); elsewhere 百名/万人 open names.
- Qualifiers: 余/多/以上/超/超过/突破/逾/不少于/不低于/至少 -> ``at_least``
  (``10余家``, ``500人以上``); 近/约/大约/将近/接近/左右/上下 -> ``approximate``
  (``近20名``; ``近50多场`` is approximate too: "near" wins); 不超过/以内/以下/
  不到/不足/最多 -> ``at_most``; 达/高达 keep ``exact``.
- Ranges stay ranges: ``2-3名`` -> value 2, value_max 3.
- Chinese numerals are converted with cn2an on the numeric span only
  (``两支队伍`` -> 2 支). A bare 一 (一批, 一次, 一家) is an article, not a
  count; spans that open with 百/千/万 (百名博士, 万人助万企) are names, not
  counts; ``N大`` enumerations (三大主导产业, 十大人才创新项目) carry no
  measure word and are titles, so they are not metrics; Chinese-numeral phases
  (二期) are names.
- Never metrics: years and dates (``2023年``, ``7月25日``), times, ordinals
  (``第8次``, ``第135届``), ranks and rank changes (``再跃进8位``, ``前10名``),
  ``两位数``, programme names and anything inside a short quotation or a book
  title (“1+X+N”, “六个一”, 《…》), numbers glued to Latin letters or ``+ - /``
  (5G, 3+1, 2/3), thresholds that qualify a noun (``10亿元以上项目``,
  ``25人以上企业``: the count that follows is the fact), phone-like digit runs,
  counts of abstract nouns (``三条路径``, ``3个方面``, ``两个环节``: how a text
  is organised, not what a zone did), figures of speech (做好……``3篇文章``), and
  Chinese-numeral counts of the names listed right before them
  (``工业互联网、车联网两个行业``; an Arabic count of a list, ``…4个先锋小组``,
  is a fact the text chose to state).
- ``label`` says what is counted: for a count whose measure word is followed
  by a noun (``4个博士后科研工作站``) that noun; otherwise the phrase before the
  number with its time words, zone name and adverbs removed (``满意率达97.7%``
  -> 满意率, ``项目总投资50亿元`` -> 总投资). Coordinated figures share the
  label (``年产10万吨锂电负极和2万吨硅碳负极`` -> both 年产). A generic noun
  (企业, 单位, …) takes the verbs around it (``共推荐26家企业申报认定高企`` ->
  推荐企业申报认定高企, ``收办75家企业反映的诉求`` -> 收办企业). The label is the
  shortest whole phrase: no zone or its 直属 organs (高新区直机关党员干部 ->
  机关党员干部), no cut word (级秦创原…), OCR's 人驻 read as 入驻.
- ``year``: the last explicit year before the number in its sentence
  (``2023年，…``), or 今年/去年/前年/目前/截至目前/今年以来 resolved from
  ``article_year``; a period without a year (上半年, 1-5月) belongs to the
  article's year. A year after 较/比/同比 is a comparison base, not the
  fact's year. Clauses after a ； keep the time of the clause before them
  (``2023年，营业收入3.5亿元；研发投入强度12.6%`` -> both 2023). ``period`` keeps the period as written (今年上半年, 1-5月,
  第三季度, 今年以来).
"""
import re
from functools import lru_cache

import cn2an

from articles.ingest.types import MetricFact
from articles.ingest.words import tagged as _tagged
from articles.ingest.words import words as _words
from core.text import split_sentences

CN_DIGITS = "零〇一二两三四五六七八九十百千"
ARABIC = r"\d+(?:\.\d+)?"
# A Chinese numeral opens with a digit or 十; 百/千/万 alone open names (百名博士进高新).
CHINESE = r"[一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*"
# 近百家, 逾千人, 上百场: a bare 百/千 is a round number only after such a word.
ROUND = r"(?<=[近逾超上约])[百千]"
NUMBER = rf"(?:{ARABIC}|{CHINESE}|{ROUND})"

MULTIPLIERS = {"千万": 1e7, "百万": 1e6, "万": 1e4, "亿": 1e8}
# base unit as printed -> normalized base unit
MEASURES = {
    "个百分点": "个百分点",
    "个月": "个月",
    "人次": "人次",
    "平方公里": "平方公里",
    "平方米": "平方米",
    "千瓦时": "千瓦时",
    "千瓦": "千瓦",
    "兆瓦": "兆瓦",
    "千米": "公里",
    "公里": "公里",
    "公顷": "公顷",
    "美元": "美元",
    "元": "元",
    "吨": "吨",
    "亩": "亩",
    "米": "米",
    "%": "%",
    "％": "%",
    "倍": "倍",
}
COUNT_WORDS = "个家项件人名位次场支套栋幢所批期条台座份户篇处款种类辆架艘张天"
COUNT_UNITS = {w: w for w in COUNT_WORDS}
UNITS = {**MEASURES, **COUNT_UNITS}
UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))

METRIC_RE = re.compile(
    rf"(?P<num>{NUMBER})"
    rf"(?:\s*(?P<sep>[-~～—–至到])\s*(?P<num2>{NUMBER}))?"
    r"(?P<more>余|多)?"
    r"(?P<mult>千万|百万|万|亿)?"
    rf"(?P<base>{UNIT_ALT})"
    r"(?P<post>以上|以下|以内|左右|上下)?"
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
    "位": "于置数",
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
RANK_BEFORE = re.compile(r"(跃进|跃升|前进|上升|提升|提高|下降|后退|进|前|居|排)$")

TIME_RE = re.compile(
    r"(?P<cmp>较|比|同比|与|相比)?"
    r"(?:(?P<year>20[0-3]\d)\s?年度?|(?P<rel>今年|去年|前年|明年|本年度?|当年|截至目前|目前|近日|日前))"
    r"(?P<period>上半年|下半年|前三季度|第?[一二三四1-4]季度|\d{1,2}\s?[-—–至~]\s?\d{1,2}月|\d{1,2}月(?:份)?|全年|以来|底|初)?"
    r"|(?P<bare>上半年|下半年|前三季度|第[一二三四]季度|[一二三四]季度|\d{1,2}\s?[-—–~]\s?\d{1,2}月)"
)
RELATIVE_YEARS = {"今年": 0, "本年": 0, "本年度": 0, "当年": 0, "截至目前": 0, "目前": 0,
                  "近日": 0, "日前": 0, "去年": -1, "前年": -2, "明年": 1}

# The label is cut from the clause before the number.
CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?\n（）()【】]")
BRACKETED = re.compile(r"（[^（）]*）|\([^()]*\)")
LEADING_PLACE = re.compile(
    r"^(?:(?:20[0-3]\d\s?年度?|今年|去年|前年)(?:上半年|下半年|前三季度|第?[一二三四]季度|\d{1,2}\s?[-—–~]\s?\d{1,2}月)?|[\u4e00-\u9fff]{0,10}?(?:高新区|开发区|园区)(?:（[^）]*）|\([^)]*\))?(?:直属|直(?=机关))?|全区|该区|本区|我区|区内|园区内|辖区内|该企业|该公司)"
)
# Words after which what follows is the thing counted: split there, keep the tail.
SPLIT_WORDS = {
    "共", "共计", "合计", "总计", "累计", "已", "已经", "先后", "均", "其中", "分别", "同时", "并",
    "还", "又", "再", "也", "都", "目前", "截至目前", "今年", "去年", "前年", "当年", "以来", "年内",
    "上半年", "下半年", "前三季度", "近年来", "此外", "另外", "实现", "达到", "达", "为",
    "是", "有", "拥有", "其", "可", "通过", "帮助", "此次", "本次", "预计", "仅用", "用", "以及",
}
LEADING_DROP = {"建设", "建成", "完成了", "持续", "积极", "成功", "大力", "重点", "新", "全部", "总共"}
TRAILING_DROP = (
    "增加至", "增加到", "增长到", "增长至", "提高到", "提高至", "提升到", "提升至", "扩大到", "扩大至",
    "下降至", "减少至", "增至", "升至", "降至", "达到了", "由最初", "由原来", "从最初", "由", "达到", "约为", "高达", "多达", "共计", "合计", "总计", "累计", "超过", "不少于", "不超过",
    "大约", "将近", "接近", "突破", "为", "达", "约", "近", "超", "逾", "共", "计", "是", "有", "的", "了",
    "至", "仅", "已",
)
STOP_FLAGS = ("v", "d", "ad", "p", "u", "c", "r", "m", "q", "a", "t", "y", "x", "zg", "l", "i")
# Verbs the tagger splits out of compound nouns (人才|创新|项目, 研发|中心).
NOUN_MODIFIER_VERBS = {
    "创新", "研发", "服务", "孵化", "培训", "创业", "投资", "示范", "检测", "科研", "建设", "管理",
    "教育", "共享", "监测", "实训", "综合", "独立",
}
# Verbs that describe the noun they precede (31家入驻企业, 12家落户项目).
ATTRIBUTIVE_VERBS = {"入驻", "落户", "入库", "入园", "入选", "获评", "上榜", "参展", "在建", "新建", "续建"}
# OCR reads 入 as 人: 人驻企业 is 入驻企业.
OCR_WORDS = {"人驻": "入驻", "人园": "入园", "人库": "入库", "人围": "入围"}
# Counts of abstract nouns say how a text is organised, not what a zone did:
# 三条路径, 3个方面, 两个环节.
ABSTRACT_NOUNS = {
    "方面", "路径", "环节", "目标", "渠道", "步", "方向", "层面", "维度", "原则", "思路", "理念",
    "特点", "优势", "举措", "篇章", "结合", "途径",
}
# 做好“党建+”引领……3篇文章: a figure of speech.
WRITE_WELL = re.compile(r"(做好|写好|做实|答好|做足|做活)")
# Nouns that need the verb around them to say what is counted: 推荐26家企业申报认定高企.
GENERIC_NOUNS = {"企业", "单位", "机构", "人员", "团队"}
# Verbs and function words that end the noun after a measure word even when the
# tagger calls them nouns (企业|先行, 企业|申报).
NOT_IN_NOUN = {
    "先行", "联合", "成立", "申报", "参展", "参赛", "入选", "上榜", "获评", "获得", "落户", "深入",
    "下沉", "参与", "开展", "实现", "完成", "提供", "得到", "有效", "顺利", "全部", "已", "均", "分别",
    "共同", "积极", "进行", "被", "在", "从", "向", "对", "和", "与", "及", "等", "的", "已经", "正在",
    "通过", "形成", "建成", "投入", "带动", "吸引", "参加", "获", "达", "共", "累计", "其中", "同比",
    "发挥", "充分发挥", "发展", "精准", "发力", "为", "是", "将", "把", "以", "于", "入驻", "进驻",
}
MAX_LABEL = 16
GROWTH_AFTER = re.compile(r"(?:以上|左右)?的?(?P<word>增长|增幅|增速)")
KEEPING = re.compile(r"(?:连续[一二两三四五六七八九十\d]+年)?(?:保持|实现|达到|均|都)*$")
YEAR_IN_LABEL = re.compile(r"20[0-3]\d\s?年度?")
# 由最初的12家发展至如今56家: the second figure is the same thing later.
CHANGE_TO = re.compile(r"(?:发展|增加|增长|提升|提高|扩大|增)?(?:至|到)(?:如今|目前|现在|今年)?$")


def extract_metrics(body, article_year=None):
    """Every numeric fact of ``body``, in order."""
    facts = []
    carried = None  # (year, period) of a sentence ending in ；: 2023年，A；B。 are both 2023
    for offset, sentence in split_sentences(body):
        found = _sentence_metrics(sentence, offset, article_year)
        if carried and not _when(sentence, article_year)[0] and not TIME_RE.search(sentence):
            for fact in found:
                fact.year, fact.period = carried
        facts.extend(found)
        year, period = _when(sentence, article_year)
        if sentence.rstrip().endswith(("；", ";")):
            carried = (year, period) if year else carried
        else:
            carried = None
    return facts


def _sentence_metrics(sentence, offset, article_year):
    skipped = [m.span() for m in SKIP_QUOTES.finditer(sentence) if _is_name_span(m.group())]
    facts = []
    previous = None  # (end, label, base) of the last metric in this sentence
    for match in METRIC_RE.finditer(sentence):
        start, end = match.span()
        if any(a <= start < b for a, b in skipped) or not _is_metric(sentence, match):
            continue
        if match.group("base") in COUNT_UNITS and _counts_no_fact(sentence, match):
            continue
        value, value_max = _number(match.group("num")), None
        if match.group("num2"):
            value_max = _number(match.group("num2"))
            if value_max is None or value_max <= (value or 0):
                continue
        if value is None:
            continue
        mult = MULTIPLIERS.get(match.group("mult") or "", 1)
        base = match.group("base")
        unit = (match.group("mult") or "") + base
        normalized_unit = UNITS[base]
        qualifier_start, qualifier = _prefix_qualifier(sentence, start)
        qualifier = _combine_qualifiers(qualifier, match)
        label, label_start = _label(sentence, qualifier_start, end, base, previous)
        growth = GROWTH_AFTER.match(sentence, end)
        if growth and base in ("%", "％", "倍") and label and not label.endswith(growth.group("word")):
            # 主要经济指标连续两年保持20%以上增长: what is measured is the growth.
            label = KEEPING.sub("", label) + growth.group("word")
        year, period = _when(sentence[:qualifier_start], article_year)
        raw_start = label_start if label_start is not None else qualifier_start
        facts.append(
            MetricFact(
                label=label,
                raw=sentence[raw_start:end][-64:],
                value=value,
                unit=unit,
                normalized_value=_round(value * mult),
                normalized_unit=normalized_unit,
                qualifier=qualifier,
                value_max=value_max,
                normalized_max=_round(value_max * mult) if value_max is not None else None,
                year=year,
                period=period,
                sentence=sentence,
                offset=offset,
            )
        )
        previous = (end, label, normalized_unit)
    return facts


def _is_name_span(text):
    """A short quotation or a book title: a name (“1+X+N”, “六个一”), not a statement."""
    if text.startswith("《"):
        return True
    return not SPEECH.search(text[1:-1])


def _is_metric(sentence, match):
    start, end = match.span()
    num, base = match.group("num"), match.group("base")
    before = sentence[max(0, start - 3) : start]
    after = sentence[end : end + 1]
    chinese = not num[0].isdigit()
    if before.endswith("第") or before.rstrip().endswith("第"):
        return False
    if before and (before[-1] in "+-/·.:：×*=#" or before[-1].isascii() and before[-1].isalnum()):
        return False  # 3+1, 2/3, 5G, V2.0
    if after.isascii() and after.isalpha() or after in ("+", "/"):
        return False
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
    elif len(num.split(".")[0]) >= 9:
        return False  # phone numbers, ID numbers
    if base in ("位", "名") and RANK_BEFORE.search(before):
        return False  # 再跃进8位, 前10名: a rank, not a quantity
    if base == "位" and after == "数":
        return False  # 两位数
    if match.group("post") in ("以上", "以下") and re.match(r"[\u4e00-\u9fff]", after or " "):
        # "10亿元以上项目": a threshold describing the noun, except a growth rate.
        if not re.match(r"(的)?(增长|增幅|增速)", sentence[end : end + 3]):
            return False
    return True


@lru_cache(maxsize=512)
def _number(text):
    if text[0].isdigit():
        return float(text)
    if text in ("百", "千"):
        return 100.0 if text == "百" else 1000.0
    try:
        return float(cn2an.cn2an(text.replace("两", "二"), "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def _round(value):
    return round(value, 6)


def _prefix_qualifier(sentence, start):
    for word in sorted(PREFIX_QUALIFIERS, key=len, reverse=True):
        if sentence[:start].endswith(word):
            return start - len(word), PREFIX_QUALIFIERS[word]
    if sentence[:start].endswith("上") and sentence[start : start + 1] in ("百", "千"):
        return start - 1, "at_least"  # 上百家: a hundred or more
    return start, "exact"


def _combine_qualifiers(prefix, match):
    found = {prefix}
    if match.group("more"):
        found.add("at_least")
    if match.group("post"):
        found.add(POST_QUALIFIERS[match.group("post")])
    for qualifier in ("approximate", "at_most", "at_least"):
        if qualifier in found:
            return qualifier
    return "exact"


def _when(before, article_year):
    """(year, period) from the last time phrase before the number in its sentence."""
    chosen = None
    for match in TIME_RE.finditer(before):
        if match.group("cmp"):
            continue
        chosen = match
    if chosen is None:
        return None, ""
    if chosen.group("bare"):
        return article_year, chosen.group("bare")
    period = chosen.group("period") or ""
    if chosen.group("year"):
        return int(chosen.group("year")), chosen.group(0).replace(" ", "") if period else ""
    rel = chosen.group("rel")
    year = article_year + RELATIVE_YEARS[rel] if article_year else None
    return year, (rel + period) if period else ""


# ------------------------------------------------------------------ labels


def _label(sentence, start, end, base, previous):
    """(label, where it starts in the sentence or None)."""
    noun = _noun_after(sentence, end) if base in COUNT_UNITS else ""
    if noun and noun not in GENERIC_NOUNS:
        return noun, None
    clause_start = _clause_start(sentence, start, previous)
    fragment = sentence[clause_start:start]
    if previous and re.fullmatch(r"[\u4e00-\u9fff]{0,8}?[和及与、]", fragment or "") and previous[2] == UNITS[base]:
        # 年产10万吨锂电负极和2万吨硅碳负极: the second figure shares the first one's label.
        if previous[1]:
            return previous[1], None
    if previous and previous[1] and previous[2] == UNITS[base] and CHANGE_TO.search(fragment):
        return previous[1], None
    label = _clean_label(fragment)
    if base in COUNT_UNITS and noun:
        return _generic_label(label, noun, sentence, end), None
    if not label and previous and previous[2] == UNITS[base]:
        # 征集到建议100余条，其中有25条被企业采纳: still the same thing counted.
        return previous[1], None
    if not label:
        return "", None
    position = sentence.rfind(label, clause_start, start)
    return label, (position if position >= 0 else None)


def _clause_start(sentence, start, previous):
    cut = 0
    for match in CLAUSE_BREAK.finditer(sentence, 0, start):
        if match.group() in "（(" and _closes_before(sentence, match.start(), start):
            continue  # a bracket closed before the number is part of the clause
        if match.group() in "）)":
            continue
        cut = match.end()
    if previous and previous[0] <= start:
        tail = sentence[previous[0] : start]
        if not CLAUSE_BREAK.search(tail):
            cut = max(cut, previous[0] + (1 if tail.startswith("、") else 0))
    return cut


def _closes_before(sentence, open_at, limit):
    closer = "）" if sentence[open_at] == "（" else ")"
    return sentence.find(closer, open_at, limit) != -1


def _clean_label(fragment):
    text = BRACKETED.sub("", fragment).strip(" 、“”\"‘’")
    if "的" in text.rstrip("的"):
        text = text.rstrip("的").rsplit("的", 1)[-1]
    text = YEAR_IN_LABEL.sub("", text)
    if "等" in text[:-2]:
        # 化工专业等紧缺高层次人才: the examples before 等 are not what is counted.
        text = re.split(r"等地?(?![级同于待])", text)[-1]
    tokens = _words(text)
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i] in SPLIT_WORDS and i < len(tokens) - 1:
            tokens = tokens[i + 1 :]
            break
    text = "".join(tokens)
    while True:
        place = LEADING_PLACE.match(text)
        if place and place.end() < len(text):
            text = text[place.end() :]
            continue
        words = _words(text)
        if len(words) > 1 and (words[0] in LEADING_DROP or words[0] in SPLIT_WORDS):
            text = "".join(words[1:])
            continue
        break
    changed = True
    while changed and text:
        changed = False
        for word in TRAILING_DROP:
            if text.endswith(word) and len(text) > len(word):
                text, changed = text[: -len(word)], True
                break
            if text == word:
                return ""
    # 项目总投资 / 企业总产值: what is measured is the 总… part.
    listed_total = re.search(r"、(总[\u4e00-\u9fff]+)$", text)
    if listed_total:
        text = listed_total.group(1)  # 华孚二期三期、总投资10亿元: the figure is the 总投资
    total = re.fullmatch(r"[\u4e00-\u9fff]*?(?:项目|企业|园区|工程|基地)(总[\u4e00-\u9fff]+)", text)
    if total:
        text = total.group(1)
    text = text.strip(" 、，,“”\"")
    if _length(text) > MAX_LABEL:
        words = list(_words(text))
        while words and _length("".join(words)) > MAX_LABEL:
            words.pop(0)
        while len(words) > 1 and words[0] in ("级", "省", "市", "区"):
            words.pop(0)  # never a label that starts mid-word (级秦创原…)
        text = "".join(words) or text[-MAX_LABEL:]
    return text


def _length(label):
    """Quotation marks do not make a label longer to read."""
    return len(re.sub(r"[“”\"‘’]", "", label))


def _generic_label(before, noun, sentence, end):
    """企业 with the verbs that say which: 推荐|企业|申报认定高企, 收办|企业, 获评“小巨人”|企业."""
    if LEADING_PLACE.fullmatch(before) or len(before) < 2 or before[-1] in "和及与、":
        before = ""  # a place, or the first half of 21个党组织和39家企业
    if before.count("“") > before.count("”"):
        before += "”"
    after = ""
    rest = sentence[end + sentence[end:].find(noun) + len(noun) :]
    phrase = re.match(r"[\u4e00-\u9fff]{2,6}(?=[，,。；;（(\d]|$)", rest)
    if phrase and "的" not in phrase.group():
        words = _tagged(phrase.group())
        if words and words[0][1] in ("v", "nz") and words[0][0] not in NOT_AFTER_GENERIC:
            after = phrase.group()
    return (before + noun + after)[-MAX_LABEL:]


NOT_AFTER_GENERIC = {"分别", "是", "有", "中", "均", "共"}


def _counts_no_fact(sentence, match):
    """A count of abstract nouns, a figure of speech, or of the names just listed."""
    start, end = match.span()
    words = _tagged(sentence[end : end + 12]) if re.match(r"[\u4e00-\u9fff]", sentence[end : end + 1]) else ()
    first = words[0][0] if words else ""
    if first in ABSTRACT_NOUNS:
        return True
    if first == "文章" and WRITE_WELL.search(sentence[:start]):
        return True
    return _is_enumeration_count(sentence, start, match.group("num"))


def _is_enumeration_count(sentence, start, num):
    """两个行业 after 工业互联网、车联网: the number only counts the names listed before it."""
    if num[0].isdigit():
        return False
    value = _number(num)
    clause = CLAUSE_BREAK.split(sentence[:start])[-1]
    if not value or value > 10 or not re.search(r"[、和及与]", clause):
        return False
    return len(re.split(r"、|和|及|与", clause)) == value


def _noun_after(sentence, end):
    """The noun phrase right after a measure word: 4个|博士后科研工作站, 87家|“四上企业”."""
    text = sentence[end : end + 24]
    for wrong, right in OCR_WORDS.items():
        if text.startswith(wrong):
            text = right + text[len(wrong) :]
    quoted = re.match(r"[“\"‘']([^”\"’']{1,12})[”\"’']", text)
    prefix = ""
    if quoted:
        prefix, text = quoted.group(1), text[quoted.end() :]
    words = []
    for word, flag in _tagged(text) if re.match(r"[\u4e00-\u9fff]", text) else ():
        if not words and word in ATTRIBUTIVE_VERBS:
            words.append(word)
            continue
        if not re.fullmatch(r"[\u4e00-\u9fff]+", word) or word in NOT_IN_NOUN:
            break
        # The tagger's word classes are rough (选手 comes out a verb): the first word
        # is taken on trust, later ones must look like parts of a noun phrase.
        if words and flag.startswith(STOP_FLAGS) and word not in NOUN_MODIFIER_VERBS:
            break
        if words and (flag == "nr" or len(word) == 4 and flag in ("nz", "i", "l")):
            break  # a verb the tagger does not know (齐聚 as a name) or an idiom (齐聚一堂)
        words.append(word)
        if len(words) == 5:
            break
    while words and (words[-1] in ("上", "中", "内", "里", "等") or len(words[-1]) == 1 and len(words) > 1 and words[-1] in "在从向对为"):
        words.pop()
    return (prefix + "".join(words))[:MAX_LABEL]
