"""The category of an initiative, from its name or the clause that names it."""
import re

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
