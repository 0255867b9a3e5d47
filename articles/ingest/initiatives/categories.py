"""The category of an initiative, from its name or the words around it.

Where to look, in order, the first that says something wins:

1. the name's own words (“硬科技红色工坊”党建品牌 is a brand, and so is a name its
   clause calls one; 锂电产业链党建联盟 is about the industrial chain);
2. the clause that names it (组建“红色代办”服务队: 代办 is in its own clause; in
   开展“三联建”活动，引导企业走进实验室 the 实验室 of the next clause waits for step 4);
3. the kind of thing the name (or its clause) says it is, when no word is about a
   topic: a place of service (党群服务中心, 驿站; “五心节能”特色党群服务中心) serves
   the neighbourhood, a vanguard team or post (党员突击队, 先锋岗) works on projects;
4. the sentence, by the topic word nearest the name: a long sentence lists
   several things (营商环境 three clauses away says little), so only what is
   closest counts — 制定“联席会议制”“企业轮值制”3项运行机制，保障产业链党委有序运转
   is about the chain.

``other`` is what is left when nothing around the name says what it is about.
"""
import re

# Category values of articles.models.Initiative.Category (kept as strings: no Django here).
# The order breaks ties within one text: the first topic found wins.
CATEGORY_RULES = [
    (
        "industry_chain",
        r"产业链|链上|链主|链长|党建链|补链|延链|强链|三链|一链|百链|链企|上下游|产业联盟|产业党建",
    ),
    ("investment", r"招商|双招双引|招引|驻外"),
    ("talent", r"人才|博士|专家|招聘|智汇|智谷|技能|工匠|科学家|用工"),
    (
        "business_env",
        r"营商|政务|审批|接诉即办|诉求|民呼我为|免申即享|帮帮团|服务专员|惠企|助企|[千万]企|政企"
        r"|服务企业|企业服务|快办|纾困|一站式|代办|帮办|店小二|包保|点单|派单",
    ),
    # Before governance: a 楼宇 party committee founded by a 街道 is still about the firms in it.
    (
        "non_public",
        r"非公|两新|三新|两企|楼宇|商圈|新就业|新业态|骑手|快递|外卖|企业党建|企业党支部|企业党组织|企业党员"
        r"|党建指导|指导员|驻企|联企|包联|两个覆盖|组织覆盖|党建带工建|区域党组织|党组织孵化|园区党建|区域化党建",
    ),
    (
        "governance",
        r"吹哨|报到|网格|治理|街道|社区|小区|近邻|邻里|议事|调解|居民|群众|访民|缔造|民生|志愿",
    ),
    ("education", r"党校|党课|学习|教育|宣讲|培训|理论|读书|讲堂|讲习|课堂|作风|找差距|培养|政治生活"),
    ("innovation", r"创新|科技|研发|实验室|产学研|成果转化|攻关|双创|创业|孵化|众创|共创|高校|院所"),
    ("project", r"项目|攻坚|重点工程|重大工程|开工|投产|突击|冲锋|建功"),
    ("brand", r"品牌"),
]
CATEGORY_PATTERNS = [(category, re.compile(pattern)) for category, pattern in CATEGORY_RULES]

# What the name is, when its words name no topic: a place that serves people
# where they live and work, a team or post that takes on the hard jobs.
FORM_RULES = [
    ("governance", r"党群(?:活动)?服务中心|驿站|家园|服务圈|活动场所|阵地|心愿"),
    ("project", r"先锋岗|示范岗|突击队|先锋队"),
]
FORM_PATTERNS = [(category, re.compile(pattern)) for category, pattern in FORM_RULES]

CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?]")
QUOTE_MARKS = re.compile(r"[“”\"‘’]")


def categorize(name, sentence=""):
    """The category of the initiative ``name`` read in ``sentence`` (see the module docstring)."""
    plain = QUOTE_MARKS.sub("", sentence or "")
    at = _position(name, plain)
    clause = _clause_at(plain, at, len(name)) if at >= 0 else plain
    if name.endswith("品牌") or at >= 0 and "品牌" in clause[clause.find(name) + len(name) :]:
        # “硬科技红色工坊”党建品牌, 把“智创先锋”作为园区党建品牌的核心: a brand whatever its words are about
        return "brand"
    for text in (name, clause):
        category = _first_topic(text)
        if category:
            return category
    for text in (name, clause):
        for category, pattern in FORM_PATTERNS:
            if pattern.search(text):
                return category
    return _nearest_topic(plain, at, len(name)) if at >= 0 else "other"


def _first_topic(text):
    for category, pattern in CATEGORY_PATTERNS:
        if pattern.search(text):
            return category
    return ""


def _nearest_topic(text, at, length):
    """The category of the topic word nearest the name at ``at`` in ``text``, or "other"."""
    best = None  # (distance, rule order, category)
    for order, (category, pattern) in enumerate(CATEGORY_PATTERNS):
        for match in pattern.finditer(text):
            if match.end() <= at:
                distance = at - match.end()
            elif match.start() >= at + length:
                distance = match.start() - (at + length)
            else:
                continue  # inside the name: the name said nothing (step 1)
            best = min(best or (distance, order, category), (distance, order, category))
    return best[2] if best else "other"


def _position(name, plain):
    """Where ``name`` starts in the quote-less sentence (its first four characters will do), or -1."""
    at = plain.find(name)
    return at if at >= 0 else plain.find(name[:4])


def _clause_at(plain, at, length):
    """The clause of ``plain`` around the text at ``at``."""
    starts = [m.end() for m in CLAUSE_BREAK.finditer(plain, 0, at)]
    end = CLAUSE_BREAK.search(plain, at + length)
    return plain[starts[-1] if starts else 0 : end.start() if end else len(plain)]
