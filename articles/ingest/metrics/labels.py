"""What a figure counts: the noun after its measure word, or the phrase before it.

The decisions are listed in the package docstring (metrics/__init__.py).
"""
import re

from articles.ingest.metrics.kinds import GROWTH_VERBS, LATER_END, NOT_MUST_BEFORE_YAO, PART_AFTER
from articles.ingest.metrics.numbers import (
    CLAUSE_BREAK, COUNT_UNITS, DEMONSTRATIVES, UNITS, datum_label_after, is_datum,
)
from articles.ingest.metrics.when import MONTHS
from articles.ingest.words import tagged as _tagged
from articles.ingest.words import words as _words

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
# 亩均税收, 人均产值: 均 after what it is per belongs to the label.
PER_WHAT = {"亩", "人", "户", "年", "日", "月", "家", "企", "床"}
# 这一数字已接近千家: the figure of the thing just counted, said again.
NAMED_AGAIN_WORDS = ("这一数字", "这个数字", "这一数据", "这个数据", "这一比例", "这一数值")
# Words that say nothing of what is counted when they are all there is: 其中有25条.
EMPTY_WORDS = {
    "其中", "其", "共", "共计", "合计", "总计", "累计", "已", "已经", "均", "分别", "同时", "并", "还", "又",
    "再", "也", "都", "此外", "另外", "全年", "完成",
    *NAMED_AGAIN_WORDS,
}
LEADING_DROP = {
    "建设", "建成", "完成了", "持续", "积极", "成功", "大力", "重点", "全部", "总共", "计划", "力争", "争取",
    "将", "拟", "预计",
}
TRAILING_DROP = (
    "预计", "力争", "将", "增加至", "增加到", "增长到", "增长至", "提高到", "提高至", "提升到", "提升至", "扩大到", "扩大至",
    "下降至", "下降到", "减少至", "减少到", "降低至", "降低到", "压缩至", "压缩到", "缩短至", "缩短到", "增至", "升至", "降至", "达到了", "由最初", "由原来", "从最初", "由", "达到", "约为", "高达", "多达", "共计", "合计", "总计", "累计", "超过", "不少于", "不超过",
    "大约", "将近", "接近", "突破", "为", "达", "约", "近", "超", "逾", "共", "计", "是", "有", "的", "了",
    "至", "仅", "只", "已", "要", "就",
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
# Nouns that need the verb around them to say what is counted: 推荐26家企业申报认定高企.
GENERIC_NOUNS = {"企业", "单位", "机构", "人员", "团队"}
# Land, a stretch, a place: what an area is of without saying which (这片278平方公里的土地).
LAND_WORDS = {"土地", "区域", "范围", "地方"}
# A group of so many people (1500人的研发团队) is named after the 的; what else may stand there
# says how big or how much, and names no group.
PEOPLE_UNITS = ("人", "名", "位")
SIZE_WORDS = {"规模", "目标", "任务", "水平", "标准", "比例", "规模化"}
# Verbs and function words that end the noun after a measure word even when the
# tagger calls them nouns (企业|先行, 企业|申报).
NOT_IN_NOUN = {
    "先行", "联合", "成立", "申报", "参展", "参赛", "入选", "上榜", "获评", "获得", "落户", "深入",
    "下沉", "参与", "开展", "实现", "完成", "提供", "得到", "有效", "顺利", "全部", "已", "均", "分别",
    "共同", "积极", "进行", "被", "在", "从", "向", "对", "和", "与", "及", "等", "的", "已经", "正在",
    "通过", "形成", "建成", "投入", "带动", "吸引", "参加", "获", "达", "共", "累计", "其中", "同比",
    "发挥", "充分发挥", "发展", "精准", "发力", "为", "是", "将", "把", "以", "于", "入驻", "进驻",
    # a change goes on after the figure (由96个增至213个): what follows is no noun
    "增至", "增加", "增长", "提高", "提升", "扩大", "上升", "下降", "减少", "降至", "升至", "突破", "压缩", "精简",
    "整合", "合并",
    # a clause goes on after the figure (摸清闲置厂房44家并逐一登记): what follows is no noun
    "并", "并且", "就", "即", "便", "又", "还", "再", "也", "都", "而", "且",
    # where the people counted went (吸引高校毕业生1.2万人来此就业): what follows is no noun
    "来", "去", "到", "来到", "前来",
}
# After 50%的换流阀: another share listed, or what the part is or comes from.
PART_OF_GROUP_AFTER = re.compile(r"、\s*\d|(?:都|均|全部)?(?:出自|来自|产自|由|是|为|属于|集中在|分布在)")
# 由2018年的96个 / 从成立之初的3家: what changes is named before 由/从.
CHANGE_FROM = re.compile(r"^(?P<head>.{2,}?)(?:由|从)(?P<when>(?:[^由从]{0,16}的)?)$")
# What a count of people or visits did: 吸引1800余人次参加 -> 参加人次.
TAKING_PART = re.compile(r"(参加|参与|参训|参会|参观|参赛|受益|就业|学习|培训)")
# Nouns that only say "how many" (人数, 数量) keep the phrase before their 的: 接待…考试的人数.
MEASURE_NOUNS = ("人数", "数量", "总数", "规模", "总量", "次数", "户数", "个数", "家数")
AREA_UNITS = {"平方公里", "平方米", "亩", "公顷"}
# The zone named by itself, as the subject of a measure of its land.
ZONE_SELF = {"园区", "高新区", "开发区", "示范区", "全区", "该区", "本区"}
MAX_LABEL = 16
# A count named again (这8个项目, 上述两家企业) opens a label without being part of it; 这一项目 leaves
# 项目 (a word, not 一项 and 目).
BACK_REFERENCE = re.compile(
    rf"^(?:{DEMONSTRATIVES})(?:(?:\d+|[一二两三四五六七八九十]+)(?:[个家名座批所]|项(?!目))|一(?=项目))"
)
GROWTH_AFTER = re.compile(r"(?:以上|左右)?的?(?P<word>增长|增幅|增速)")
KEEPING = re.compile(r"(?:连续[一二两三四五六七八九十\d]+年)?(?:保持|实现|达到|均|都)*$")
# 2023年, 到2025年底: a time, not what is counted.
YEAR_IN_LABEL = re.compile(r"(?:到|至|截至|截止到?)?20[0-3]\d\s?年(?:度|底|末|初|前)?")
# 1—9月地区生产总值, 上半年营业收入: the period the figure is of (metrics/when.py), not what it counts.
PERIOD_IN_LABEL = re.compile(
    rf"^(?:上半年|下半年|前三季度|第?[一二三四]季度|{MONTHS}|“?[十][一二三四五六七八九]五”?(?:期间|时期|以来)?)"
)
# A rate that says only how something grew: 全区企业总收入1885亿元，同比增长17%.
GROWTH_ONLY = re.compile(r"(?:同比|比上年|较上年)?(?:年均|平均)?(?:增长|增幅|增速)")
# 由最初的12家发展至如今56家: the second figure is the same thing later.
CHANGE_TO = re.compile(rf"{GROWTH_VERBS}?(?:至|到|为){LATER_END}?的?$")


# A change's first end described after 由, its subject in the clause before: …的企业，由2021年两批入驻的40余家.
DESCRIBED_FIRST_END = re.compile(r"[，,]由[^，,；;。：:由从]{1,16}的$")
CHANGE_AFTER = re.compile(rf"(?:余|多)?{GROWTH_VERBS}?(?:至|到)")


def label_of(sentence, start, end, base, previous):
    """(label, where it starts in the sentence or None)."""
    boxed = datum_label_after(sentence, start, end)
    if boxed:
        return _clean_label(boxed), None  # 373.92亿元 地区生产总值: a box's figure, then what it is
    if base in ("%", "％"):
        # The figure's match takes 以上 in (80%以上): what follows it is 的 and the group.
        group = re.match(r"(?:以上|左右|以下)?的", sentence[end : end + 3])
        grouped = group and (group.group() != "的" or sentence[:end].endswith(("以上", "左右", "以下")))
        named = _noun_after(sentence, end + group.end()) if group else ""
        if named and not grouped:
            # 50%的换流阀、75%的控制系统出自许继: a part of the group, said by what it is or where it is from
            after = sentence[end + group.end() + len(named) :]
            listed = (
                previous and previous[1].endswith("占比")
                and re.fullmatch(r"(?:以上|左右)?的[\u4e00-\u9fff“”]{1,12}[、，,]", sentence[previous[0] : start])
            )  # 60%的黑钨、70%的中重稀土: the next share in the list
            grouped = bool(listed or PART_OF_GROUP_AFTER.match(after))
            named = named if grouped else ""
        if named:
            return named + "占比", None  # 80%以上的规上工业企业、80%以上的高新技术企业都是…: each its group's share
    noun = _noun_after(sentence, end) if base in COUNT_UNITS else ""
    if not noun and base in PEOPLE_UNITS and sentence.startswith("的", end):
        noun = _noun_after(sentence, end + 1)  # 有1500人的研发团队: the team is what numbers 1500
        noun = "" if noun in SIZE_WORDS else noun  # 500人的规模
    if noun and noun not in GENERIC_NOUNS:
        return noun, None
    clause_start = _clause_start(sentence, start, previous)
    fragment = sentence[clause_start:start]
    if previous and re.fullmatch(r"[\u4e00-\u9fff]{0,8}?[和及与、]", fragment or "") and previous[2] == UNITS[base]:
        # 年产10万吨锂电负极和2万吨硅碳负极: the second figure shares the first one's label.
        if previous[1]:
            return previous[1], None
    change = CHANGE_TO.search(fragment)
    if previous and previous[1] and previous[2] == UNITS[base] and change and not _clean_label(fragment[: change.start()]):
        return previous[1], None  # the later figure of a change, with no subject of its own
    label = _clean_label(fragment)
    described = DESCRIBED_FIRST_END.search(sentence, max(0, start - 19), start)  # the most it can span
    if described and CHANGE_AFTER.match(sentence, end):
        # 综合体集聚的企业，由2021年两批入驻的40余家增至…: the clause before names what changed
        before = sentence[: described.start()]
        subject = _clean_label(before[max(before.rfind(mark) for mark in "，,；;。：:") + 1 :])
        if subject:
            return subject, None
    if base in ("%", "％") and previous and previous[1] and previous[2] != "%" and GROWTH_ONLY.fullmatch(label):
        return previous[1] + label, None  # the growth of the figure just named: 总收入同比增长
    if base in COUNT_UNITS and noun:
        return _generic_label(label, noun, sentence, end), None
    if not noun and base in ("人", "人次", "名") and not _has_noun(label):
        taking_part = TAKING_PART.match(sentence, end)
        if taking_part:
            return taking_part.group() + ("人次" if base == "人次" else "人数"), None
    if not label and is_datum(sentence, start, end):
        return _clean_label(sentence[_clause_start(sentence, start - 1, previous) : start - 1]), None  # 居民网格：216个, 占地面积：170亩
    if not label and re.search(r"[\u4e00-\u9fff][：:](?:由|从)$", sentence[max(0, start - 3) : start]):
        # 平台累计汇聚的各类诉求：由42.3万件增至200万件: a box's change after its label
        return _clean_label(sentence[_clause_start(sentence, start - 2, previous) : start - 2]), None
    if base in AREA_UNITS:
        # 把小区边上27亩闲置荒地改造成…, 配套建设了1300平方米的党群服务中心: the land or the place after is measured
        named = _area_of(sentence, end) if "把" in label or not _has_noun(label) else ""
        if named:
            return named, None
    if base in AREA_UNITS and _says_nothing(label):
        return "面积", None  # 这片278平方公里的土地, 在67.4平方公里的土地上
    if base in AREA_UNITS and label in ZONE_SELF:
        return label + "面积", None  # 园区由1.39平方公里扩大到33.46平方公里: the zone's own extent
    if not label and base in ("%", "％"):
        part = PART_AFTER.match(sentence, end)
        named = _noun_after(sentence, part.end()) if part else ""
        if named:
            return named + "占比", None  # 超过50%是“85后”: the share of the 85后
    if not label and previous and previous[2] == UNITS[base]:
        # 征集到建议100余条，其中有25条被企业采纳: still the same thing counted.
        return previous[1], None
    if not label and (not previous or previous[2] != UNITS[base]) and re.fullmatch(r"(?:由|从)[^，,；;。]*", fragment.strip()):
        # 它们的产值占规上工业产值的比重，由2016年的3.26%提升到19.48%: what changes is the clause before
        clause = re.split(r"[，,；;。：:]", sentence[:clause_start].rstrip("，, "))[-1]
        if clause:
            return _clean_label(clause), None
    if not label and BARE_PREDICATE.fullmatch(fragment.strip()):
        subject = _subject_before(sentence, clause_start, previous)
        if subject:
            return subject, None  # 地区生产总值年均增长15.5%，2015年达到951亿元: the clause before says what
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


def _area_of(sentence, end):
    """The place an area right before ``end`` measures, when the words after it name one (not mere 土地)."""
    named = _noun_after(sentence, end + 1) if sentence.startswith("的", end) else _noun_after(sentence, end)
    return named if named not in LAND_WORDS else ""


def _has_noun(label):
    return any(flag.startswith("n") for _, flag in _tagged(label)) if label else False


def _says_nothing(label):
    """A label of pronouns, prepositions and adverbs only (这片, 在): it says nothing of what is measured."""
    return not label or all(flag.startswith(("r", "p", "d", "m", "q", "u", "c")) for _, flag in _tagged(label))


# A clause that only says when and how much (2015年达到, 2024年突破, 共): its subject is the clause's before.
BARE_PREDICATE = re.compile(
    r"(?:(?:19|20)\d\d年(?:底|末)?|当年|去年|今年|同期|全年)?(?:已经?|首次|再次|又|共|累计)?"
    r"(?:达到|达|突破|超过|增至|增加到|实现|完成|跨过|迈上)?"
)
# What a previous figure's label adds to its subject: 地区生产总值年均增长 -> 地区生产总值.
_GROWTH_TAIL = re.compile(r"(?:年均|同比|比上年)?(?:增长|增幅|增速|增加)$")
# Where the subject of a clause without a figure of its own ends: 工业总产值首次突破千亿元大关.
_SUBJECT_END = re.compile(r"(?:首次|接连|已经|再次)?(?:突破|达到|跨过|迈过|超过|实现|站上|翻了|翻)")


def _subject_before(sentence, clause_start, previous):
    """What the clause before ``clause_start`` is about, for a clause that says only when and how much."""
    if previous and previous[1]:
        return _GROWTH_TAIL.sub("", previous[1])
    clause = re.split(r"[，,；;。：:]", sentence[:clause_start].rstrip("，, "))[-1]
    head = _SUBJECT_END.split(clause, maxsplit=1)
    return _clean_label(head[0]) if len(head) == 2 else ""


def _clean_label(fragment):
    text = BRACKETED.sub("", fragment).strip(" 、“”\"‘’")
    text = BACK_REFERENCE.sub("", text)  # 这8个项目总投资: the items named before
    change_from = CHANGE_FROM.match(text)
    if change_from:
        text = change_from.group("head")  # 园区非公企业党组织由2018年的
    text = _drop_trailing(text)
    if "的" in text.rstrip("的"):
        head, _, tail = text.rstrip("的").rpartition("的")
        # 接待执照培训和考试的人数: a bare "how many" keeps what it counts.
        text = head + tail if tail.endswith(MEASURE_NOUNS) and len(head + tail) <= MAX_LABEL else tail
    text = _drop_trailing(text)
    text = PERIOD_IN_LABEL.sub("", YEAR_IN_LABEL.sub("", text))
    if "等" in text[:-2]:
        # 化工专业等紧缺高层次人才: the examples before 等 are not what is counted.
        text = re.split(r"等地?(?![级同于待])", text)[-1]
    tokens = _words(text)
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i] == "均" and i > 0 and tokens[i - 1] in PER_WHAT:
            continue  # 亩均税收: per mu, not 均 (all)
        if tokens[i] in SPLIT_WORDS and i < len(tokens) - 1:
            tokens = tokens[i + 1 :]
            break
    text = "".join(tokens)
    if text in EMPTY_WORDS or text in ("在", "于"):
        return ""  # 其中有25条, 已在2017年突破: nothing of its own, the figure counts what came before
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
    text = _drop_trailing(text)
    # 项目总投资 / 企业总产值: what is measured is the 总… part.
    listed_total = re.search(r"、(总[\u4e00-\u9fff]+)$", text)
    if listed_total:
        text = listed_total.group(1)  # 华孚二期三期、总投资10亿元: the figure is the 总投资
    total = re.fullmatch(r"[\u4e00-\u9fff]*?(?:项目|企业|园区|工程|基地)(总[\u4e00-\u9fff]+)", text)
    if total:
        text = total.group(1)
    text = text.strip(" 、，,“”\"")
    if text.count("“") > text.count("”"):
        text += "”"  # 建成“暖新驿站”24个: the name the figure counts, closed
    if _length(text) > MAX_LABEL:
        words = list(_words(text))
        while words and _length("".join(words)) > MAX_LABEL:
            words.pop(0)
        while len(words) > 1 and words[0] in ("级", "省", "市", "区"):
            words.pop(0)  # never a label that starts mid-word (级秦创原…)
        text = "".join(words) or text[-MAX_LABEL:]
    return text


def _drop_trailing(text):
    """达到/增至/为/的 … at the end of a label go."""
    changed = True
    while changed and text:
        changed = False
        for word in TRAILING_DROP:
            if word == "要" and len(text) > 1 and text[-2] in NOT_MUST_BEFORE_YAO:
                continue  # 主要, 需要 stay whole
            if word == "只" and text.endswith("船只"):
                continue  # 只 ends the noun 船只 (ships), it is no "only"
            if text.endswith(word) and len(text) > len(word):
                text, changed = text[: -len(word)], True
                break
            if text == word:
                return ""
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
    if before.endswith(noun):
        before = before[: -len(noun)]  # 产业链企业由最初的3家企业…: the noun is said once
    return (before + noun + after)[-MAX_LABEL:]


NOT_AFTER_GENERIC = {"分别", "是", "有", "中", "均", "共"}
# Kinds of park the tagger may read as a person's name (国家|高新区 nr): part of the noun, not a name.
PARK_WORDS = ("高新区", "开发区", "园区", "新区")


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
    elif text.startswith("两新组织"):
        prefix, text = "两新组织", text[4:]  # the fixed term the tagger cuts into 两|新|组织
    words = []
    for word, flag in _tagged(text) if re.match(r"[\u4e00-\u9fff]", text) else ():
        if not words and word in ATTRIBUTIVE_VERBS:
            words.append(word)
            continue
        if not re.fullmatch(r"[\u4e00-\u9fff]+", word) or word in NOT_IN_NOUN:
            break
        # The tagger's word classes are rough (选手 comes out a verb): the first word
        # is taken on trust, later ones must look like parts of a noun phrase.
        organisation = word == "组织" and words and words[-1] in ("社会", "新", "经济")  # 社会组织, 两新组织
        if (words or prefix) and flag.startswith(STOP_FLAGS) and word not in NOUN_MODIFIER_VERBS and not organisation:
            break
        if words and (flag == "nr" and not word.endswith(PARK_WORDS) or len(word) == 4 and flag in ("nz", "i", "l")):
            break  # a verb the tagger does not know (齐聚 as a name) or an idiom (齐聚一堂)
        words.append(word)
        if len(words) == 5:
            break
    while words and (words[-1] in ("上", "中", "内", "里", "等") or len(words[-1]) == 1 and len(words) > 1 and words[-1] in "在从向对为"):
        words.pop()
    return (prefix + "".join(words))[:MAX_LABEL]


# 技工贸收入、规模工业总产值、财政总收入预计将分别增长25%、20%和18%: each figure is of the item
# listed in its place; the verb after 分别 says what of it (its growth).
RESPECTIVELY = re.compile(
    r"(?P<items>[\u4e00-\u9fff“”]{2,16}(?:[、和及与][\u4e00-\u9fff“”]{2,16})+?)"
    r"(?:预计将?|将|均|已)?分别(?:同比|比上年)?(?P<verb>增长|提高|提升|达到|达|为|是|完成|实现)?(?:了)?$"
)
RESPECTIVE_GROWTH = ("增长", "提高", "提升")


# 从2023年7月的44家增加到…: a change's first end named only by when it was (从7月).
TIME_ONLY = re.compile(r"^(?:从|由)?(?:\d{1,4}年?)?(?:\d{1,2}月)?(?:份|初|底|末|中)?的?$")


def change_label(sentence, first_start, label):
    """The label of a change: ``label`` (its first end's), or what the clause before names when
    that label is only a time (生物谷集聚的药企，从2023年7月的44家增加到…: 药企)."""
    if label and not TIME_ONLY.match(label):
        return label
    clauses = re.split(r"[，,；;]", sentence[:first_start])
    return (_clean_label(clauses[-2]) if len(clauses) > 1 else "") or label


def _shared_head(items):
    """第二产业、第三产业增加值: the head the last item names is the others' too (第二产业增加值)."""
    last = items[-1] if items else ""
    out = []
    for item in items[:-1]:
        n = len(item)
        if n >= 2 and len(last) > n and last[n - 2 : n] == item[-2:]:
            item += last[n:]
        out.append(item)
    return [*out, last] if items else []


def respective_labels(sentence, first_start, count):
    """The labels of ``count`` figures listed after 分别, the first at ``first_start``, or None.

    Only when the list before 分别 names exactly as many items as there are figures.
    A label ends in the growth verb when the list says growth (亩均税收、亩均产出分别同比增长
    35%和31.92%: 亩均产出增长), and each of its figures is then a growth.
    """
    clause = re.split(r"[，,；;。：:]", sentence[:first_start])[-1]
    match = RESPECTIVELY.search(clause)
    if not match:
        return None
    items = _shared_head([_clean_label(item) for item in re.split(r"[、和及与]", match.group("items"))])
    if len(items) != count or not all(items):
        return None
    verb = match.group("verb") or ""
    if not verb:  # the verb read as the first figure's own words (同比增长35%)
        verb = next(iter(re.findall(r"^(?:同比|比上年)?(增长|提高|提升)", sentence[first_start:])), "")
    growth = verb if verb in RESPECTIVE_GROWTH else ""
    return [item + growth for item in items]
