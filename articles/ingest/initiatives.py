"""Named party-building programmes, mechanisms, brands and platforms of an article body.

What counts as an initiative: something a zone (or a party organisation in it)
set up and named, that can be run, joined or used again — a programme or
campaign (…工程, …行动), a mechanism or institution (…机制, …制度, 联席会议制度),
a brand, a platform or service team, a standard, a fund, or a party
organisation of a new form (产业链党委, 楼宇党委, “两新”组织党工委). Not
initiatives: one-off events, targets and ideas (“四高四争先” a zone focuses on,
“问题导向”), attitudes, titles won, a company's own products and business
models, and nationwide formulas every zone repeats (“双招双引”, “两学一做”).

Precision over recall: a wrong initiative costs as much as a missed one, so a
name is taken only when the text marks it as a programme.

Quoted names (the quote marks are dropped from the stored name; a programme
word that follows the closing quote directly is kept: “双创两提升”工程 ->
``双创两提升工程``, “党建+招商”模式 -> ``党建+招商模式``, “红聚沃太能动未来”党建品牌
-> ``红聚沃太能动未来党建品牌``; a word after a modifier is not: “一心二站三室”服务平台
-> ``一心二站三室``, “智汇高新”人才行动 -> ``智汇高新``) are taken when

- a programme word follows the quote (工程, 行动, 机制, 模式, 品牌, 平台, 联盟,
  服务队, 驿站, 体系, 制度, …), possibly after a short modifier (“智汇高新”人才行动);
  a list ending in one (“民呼我为”“接诉即办”机制) takes every name in it,
  and so does ``…等特色党建品牌`` (each name stored without the shared word);
  a name of under four characters needs the word right after it (“坐庄”机制);
- the name itself ends in such a word (“红链帮帮团”, “党建交流平台”, “联席会议制”);
- it is a formula (“1+2+N”, “3+1”, “党建+项目”, “链长+专班”), a periodic
  routine (“每月一题”) or a numbered slogan with at least two numerals
  (“一心二站三室”, “六找六强”, “双报到、双报告”);
- party building leads it (党建引领“三链融合”).

A short name (under four characters) followed by a modifier and a programme
word is stored with them when it is about the party or numbered: “六有”镇街党校
建设标准 -> ``六有镇街党校建设标准``, “两新”组织党建基金, “集电港”综合党委 (but
“一站式”操作指引体系 is an ordinary word).

Not initiatives: ordinary quoted words (“高新动能”, “链主”, “卡脖子”, “近者悦”),
titles (“小巨人”), political formulas (“两个确立”: one numeral), short set phrases
(“一对一”, “六个一”: three characters), ideas and attitudes (“问题导向”), what
a zone focuses on (聚焦“四高四争先”), nationwide formulas, quoted speech (long or with a comma),
names inside book titles 《…》, quoted targets and ideas (“…”目标/理念/作用),
company products (“…平台” right after 公司的 / 开发的; later mentions of the
same name too) and a company's own slogans (a sentence about a 公司 or a short
name given as （以下简称“沃太能源”）, unless the name is about the party:
“红聚沃太能动未来”党建品牌 is kept).

Unquoted names are organisational forms of party building: a 党建联盟,
党群服务中心, 党委, 党支部 or 党总支 whose name says where it is built
(产业链, 链上, 楼宇, 商圈, 攻坚, 行业, 联合, …): 锂电产业链党建联盟, 楼宇党委,
产业链党群服务中心, 重大产业项目服务攻坚党支部. The words before the core are
kept only when they follow a verb of founding (成立, 组建, …), a count or the
zone's name (株洲高新区轨道交通装备产业链党建联盟).
Also unquoted: a 联席会议制度 named by its 党建 part (党建联盟联席会议制度) and a
reform that party building leads (党建引领心连心接诉即办改革).

Every mention is a fact with its sentence and offset; within one body a short
name that another name extends (产业链党建联盟 / 锂电产业链党建联盟,
党建+招商 / 党建+招商模式) takes the longer name, and so does a shortened later
mention of an organisation (项目攻坚党支部 / 重大产业项目服务攻坚党支部), so the
upsert can merge them.

The category comes from the name, else from the clause that names it (not the
whole sentence, which often lists unrelated work), else ``other``.
"""
import re

from articles.ingest.types import InitiativeFact
from articles.ingest.words import tagged as _tagged
from core.text import split_sentences

CJK = r"\u4e00-\u9fff"
ENDINGS = (
    "专项行动", "行动", "工程", "机制", "模式", "党建品牌", "品牌", "平台", "联盟", "服务队", "宣讲队",
    "突击队", "先锋队", "驿站", "工作法", "体系", "制度", "服务团", "帮帮团", "工作室", "服务站",
    "服务中心", "计划", "党建基金", "建设标准", "人才社区", "综合党委", "党工委", "党委", "党支部", "党总支",
)
ENDING_ALT = "|".join(sorted(ENDINGS, key=len, reverse=True))
ENDS_IN_NAME = re.compile(rf"(?:{ENDING_ALT}|先锋岗|示范岗|团|队|制)$")
SUFFIX_AFTER = re.compile(rf"(?P<mod>[{CJK}]{{0,6}}?)(?P<word>{ENDING_ALT})")
OF_SUFFIX_AFTER = re.compile(rf"的(?P<mod>[{CJK}]{{0,2}}?)(?P<word>{ENDING_ALT})")
NOT_A_PROGRAMME_AFTER = re.compile(
    r"(目标|理念|精神|要求|思想|作用|问题|难题|之路|格局|路径|效应|号召|口号|称号|荣誉|奖|称|式|字"
    r"|的?(?:方式|方法|形式|做法|思路)|相?结合)"
)
# Ideas and attitudes, not programmes: “问题导向”调度机制 is a way of dispatching.
CONCEPT = re.compile(r"(导向|意识|思维|理念|精神|观念|定位|作风)$")
# Nationwide formulas every zone repeats: not a programme of the zone that quotes them.
NATIONAL_FORMULAS = {
    "双招双引", "三会一课", "两学一做", "六稳六保", "两个确立", "两个维护", "四个意识", "四个自信",
    "四个全面", "五位一体", "两个覆盖", "放管服", "一网通办", "最多跑一次", "双循环", "双碳",
}
# What a zone focuses on (聚焦“四高四争先”, 聚焦“高”和“新”) is a goal, not a programme.
FOCUS_BEFORE = re.compile(r"(聚焦|瞄准|对标)$")
# A periodic formula names a routine: “每月一题”, “每周一课”.
PERIODIC = re.compile(rf"每[日天周月季年][一1][{CJK}]{{1,2}}")
# Formulas of words: “链长+专班”, “企业+高校”, “项目建设+人才引进”.
WORD_FORMULA = re.compile(rf"[{CJK}]{{2,6}}(?:\+[{CJK}]{{2,6}}){{1,2}}")
# 沃太能源有限公司（以下简称“沃太能源”）: the short name is a company's too.
COMPANY_SHORT_NAME = re.compile(r"以下简称[“\"]([^”\"]{2,12})[”\"]")
MODIFIER_STOP = set("的和与及、等是在把将为了对向")
QUOTE = re.compile(r"“([^“”\n]{1,24})”|\"([^\"\n]{1,24})\"|‘([^‘’\n]{1,24})’")
BOOK_TITLE = re.compile(r"《[^《》]*》")
LIST_JOINER = re.compile(r"[、和及与]?")
FORMULA = re.compile(r"[0-9A-Za-z一二三四五六七八九十两]+(?:\+[0-9A-Za-z一二三四五六七八九十两]+)+")
PARTY_FORMULA = re.compile(rf"[{CJK}]*党建[{CJK}]*\+[{CJK}]+(?:\+[{CJK}]+)*|[{CJK}]+\+党建")
NUMERALS = set("一二三四五六七八九十两双百千万")
SPEECH = re.compile(r"[，,。！？；;!?：:]")
PRODUCT_BEFORE = re.compile(r"(公司的?|开发的|推出的|研发的|打造的|自主研发的)$")

ORG = re.compile(
    rf"(?P<core>产业链|链上|楼宇|商圈|攻坚|行业|区域化|功能型|联合)(?P<mid>[{CJK}]{{0,4}}?)"
    r"(?P<end>党建联盟|党群服务中心|综合党委|联合党委|党委|党总支|党支部)"
)
FOUNDING_VERBS = {
    "成立", "组建", "建立", "设立", "新建", "搭建", "打造", "创建", "建成", "依托", "揭牌", "发挥",
    "筹建", "建强", "组织", "推动", "通过",
}
EXTENSION_FLAGS = ("n", "nz", "vn", "a", "j", "b", "nr", "ns", "nt", "l")
ZONE_END = re.compile(r"(高新区|园区|开发区|街道|社区)(（[^）]*）|\([^)]*\))?$")


# Category values of articles.models.Initiative.Category (kept as strings: no Django here).
CATEGORY_RULES = [
    ("industry_chain", r"产业链|链上|链主|链长|党建链|补链|延链|强链|三链|产业联盟|产业党建"),
    ("investment", r"招商|双招双引|招引|驻外"),
    ("talent", r"人才|博士|专家|招聘|智汇|智谷|技能|工匠|科学家|用工"),
    ("business_env", r"营商|政务|审批|接诉即办|诉求|民呼我为|免申即享|帮帮团|服务专员|惠企|助企|快办|纾困|一站式"),
    # Before governance: a 楼宇 party committee founded by a 街道 is still about the firms in it.
    ("non_public", r"非公|两新|三新|楼宇|商圈|新就业|新业态|企业党建|企业党支部"),
    ("governance", r"吹哨|报到|网格|治理|街道|民生|志愿"),
    ("education", r"党校|党课|学习|教育|宣讲|培训|理论|读书|讲堂|作风|找差距"),
    ("innovation", r"创新|科技|研发|实验室|产学研|成果转化|攻关"),
    ("project", r"项目|攻坚|重点工程|重大工程|开工|投产"),
    ("brand", r"品牌"),
]
CATEGORY_PATTERNS = [(category, re.compile(pattern)) for category, pattern in CATEGORY_RULES]


def categorize(name, sentence=""):
    """The category of an initiative: by its own name first, then by the clause naming it.

    Only the clause: a long sentence lists several things, and a word elsewhere
    in it (营商环境 three clauses away) says nothing about this name.
    """
    if name.endswith("品牌"):
        return "brand"  # “硬科技红色工坊”党建品牌 is a brand whatever its words are about
    for text in (name, _clause_of(name, sentence)):
        for category, pattern in CATEGORY_PATTERNS:
            if pattern.search(text or ""):
                return category
    return "other"


CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?]")


def _clause_of(name, sentence):
    """The clause of ``sentence`` that names ``name`` (quotes ignored), or ""."""
    if not sentence:
        return ""
    plain = re.sub(r"[“”\"‘’]", "", sentence)
    at = plain.find(name)
    if at < 0:
        at = plain.find(name[:4])
    if at < 0:
        return sentence
    starts = [m.end() for m in CLAUSE_BREAK.finditer(plain, 0, at)]
    end = CLAUSE_BREAK.search(plain, at + len(name))
    return plain[starts[-1] if starts else 0 : end.start() if end else len(plain)]


def extract_initiatives(body):
    """Every mention of a named initiative in ``body``, in order."""
    found = []  # (name, sentence, offset)
    products = set()
    companies = set(COMPANY_SHORT_NAME.findall(body))
    for offset, sentence in split_sentences(body):
        found.extend((name, sentence, offset) for name in _quoted_names(sentence, products, companies))
        found.extend((name, sentence, offset) for name in _org_names(sentence))
        found.extend((name, sentence, offset) for name in _unquoted_programmes(sentence))
    found = [(name, s, o) for name, s, o in found if name not in products]
    canonical = _longer_names({name for name, _, _ in found})
    facts = []
    for name, sentence, offset in found:
        name = canonical.get(name, name)
        facts.append(
            InitiativeFact(name=name, category=categorize(name, sentence), sentence=sentence, offset=offset)
        )
    return facts


# ---------------------------------------------------------------- quoted names


def _quoted_names(sentence, products, companies=frozenset()):
    books = [m.span() for m in BOOK_TITLE.finditer(sentence)]
    quotes = [
        m for m in QUOTE.finditer(sentence)
        if not any(a <= m.start() < b for a, b in books)
    ]
    names = []
    group = []  # quotes joined by nothing or 、/和 (“民呼我为”“接诉即办”机制)
    for i, match in enumerate(quotes):
        group.append(match)
        following = quotes[i + 1] if i + 1 < len(quotes) else None
        joined = following is not None and LIST_JOINER.fullmatch(
            sentence[match.end() : following.start()]
        )
        if joined:
            continue
        names.extend(_group_names(sentence, group, products, companies))
        group = []
    return names


def _group_names(sentence, group, products, companies=frozenset()):
    last = group[-1]
    after = sentence[last.end() :]
    shared = None  # the programme word kept in the last name ("" when only implied)
    qualified = None  # a short name with its modifier and word: “六有”镇街党校建设标准
    direct = SUFFIX_AFTER.match(after)
    if direct and not set(direct.group("mod")) & MODIFIER_STOP:
        # “双创两提升”工程 keeps its word; “智汇高新”人才行动 is stored as 智汇高新.
        shared = "" if direct.group("mod") else direct.group("word")
        qualified = direct.group()
    elif after.startswith("等"):
        listed = SUFFIX_AFTER.match(after[1:])
        if listed and not set(listed.group("mod")) & MODIFIER_STOP:
            shared = ""
    elif OF_SUFFIX_AFTER.match(after):
        shared = ""
    names = []
    for match in group:
        quoted = _clean(next(g for g in match.groups() if g is not None))
        before = sentence[: match.start()]
        if PRODUCT_BEFORE.search(before[-8:]):
            products.add(quoted)
            continue
        if not quoted or len(quoted) > 20 or SPEECH.search(quoted) or quoted.endswith("+"):
            continue
        if match is last and NOT_A_PROGRAMME_AFTER.match(after):
            continue
        about_company = "公司" in before or any(name in before for name in companies)
        if about_company and "党" not in quoted + (after[:6] if match is last else ""):
            continue  # a company's own slogan or product, not a zone's programme
        if quoted in NATIONAL_FORMULAS or CONCEPT.search(quoted) or FOCUS_BEFORE.search(before):
            continue
        if match is last and len(group) == 1 and len(quoted) < 4 and qualified and shared == "" and (
            "党" in qualified or set(quoted) & (NUMERALS - {"一"})
        ):
            names.append(quoted + qualified)  # “两新”组织党建基金: the short name alone says nothing
        elif _is_programme_name(quoted) or before.endswith("党建引领") and len(quoted) >= 4:
            names.append(quoted + shared if match is last and shared else quoted)
        elif shared is not None and len(quoted) >= 4:
            names.append(quoted + shared if match is last else quoted)
        elif shared and match is last:
            names.append(quoted + shared)  # “坐庄”机制, “红色”服务队
    return names


def _is_programme_name(quoted):
    if ENDS_IN_NAME.search(quoted) and len(quoted) >= 4:
        return True
    if FORMULA.fullmatch(quoted) or PARTY_FORMULA.fullmatch(quoted) or WORD_FORMULA.fullmatch(quoted):
        return True
    if PERIODIC.fullmatch(quoted):
        return True
    numerals = sum(1 for ch in quoted if ch in NUMERALS)
    return len(quoted) >= 4 and numerals >= 2 and not quoted.startswith("第")


def _clean(name):
    return re.sub(r"\s+", " ", name).strip()


# ---------------------------------------------------------------- unquoted names


# 建立党建联盟联席会议制度, 党建工作联席会议制度: the institution that meets, named by its 党建 part.
JOINT_MEETING = re.compile(rf"党建[{CJK}]{{0,4}}?联席会议(?:制度|机制)")
# 深化党建引领心连心接诉即办改革工作: a reform named after 党建引领.
LED_REFORM = re.compile(rf"党建引领(?P<name>[{CJK}]{{3,10}}?改革)")


def _unquoted_programmes(sentence):
    names = [m.group() for m in JOINT_MEETING.finditer(sentence)]
    names.extend(m.group("name") for m in LED_REFORM.finditer(sentence))
    return names


def _org_names(sentence):
    names = []
    for match in ORG.finditer(sentence):
        names.append(_extend_left(sentence[: match.start()]) + match.group())
    return names


def _extend_left(before):
    """The name words before the core (锂电|产业链党建联盟), or "" when unsure."""
    window = before[-10:]
    if not window or ZONE_END.search(window) or not re.search(rf"[{CJK}]$", window):
        return ""
    words = _tagged(window)
    kept = []
    for word, flag in reversed(words):
        if not re.fullmatch(rf"[{CJK}]+", word) or word in FOUNDING_VERBS or not flag.startswith(EXTENSION_FLAGS):
            break
        if ZONE_END.search(word):
            break
        kept.insert(0, (word, flag))
    if not kept or len(kept) == len(words):
        return ""  # nothing to add, or no founding verb / count before it to vouch for it
    previous_word, previous_flag = words[len(words) - len(kept) - 1]
    # 株洲高新区|轨道交通装备|产业链党建联盟: the zone's own alliance, named after the zone.
    if previous_word in FOUNDING_VERBS or previous_flag in ("m", "q", "mq") or ZONE_END.search(previous_word):
        return "".join(word for word, _ in kept)
    return ""


def _longer_names(names):
    """name -> the longer name of the same thing in this body, when there is one."""
    canonical = {}
    for short in names:
        for long in sorted(names, key=len, reverse=True):
            if long == short or len(long) <= len(short):
                continue
            if long.startswith(short) and re.fullmatch(rf"[{CJK}]{{0,6}}?(?:{ENDING_ALT})", long[len(short) :]):
                canonical[short] = long
                break
            if long.endswith(short) and ORG.search(short):
                canonical[short] = long
                break
            if len(short) >= 5 and ORG.search(short) and _same_org(short, long):
                # 项目攻坚党支部 is the 重大产业项目服务攻坚党支部 named before it, shortened.
                canonical[short] = long
                break
    return canonical


def _same_org(short, long):
    """``short`` keeps the organisational ending of ``long`` and its other characters in order."""
    end = ORG.search(short).group("end")
    if not long.endswith(end):
        return False
    rest = iter(long[: -len(end)])
    return all(ch in rest for ch in short[: -len(end)])
