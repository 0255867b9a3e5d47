"""The year an article speaks from, and the years of the facts it states.

A page carries no date line, so the year is inferred from the text: the
latest explicit year between 2000 and 2035 that the text speaks of as past or
present. Years in plans (``预计2025年竣工``, ``到2025年``, ``2025年，…将实施``)
are not evidence of when the article was written, and neither is a period
name such as ``十四五``.
"""
import re

FIRST_YEAR, LAST_YEAR = 2000, 2035

# 2023年 / 2024年度 / 2022年上半年; also an event named after its year
# (2024东莞市职业技能大赛, 2024全国“人工智能+”行动), but not 2024人 or 2024亿元.
YEAR_RE = re.compile(r"(?<![\d.])(20[0-3]\d)(?:\s?(年度?)|(?=[\u4e00-\u9fff“\"]))")
NOT_AN_EVENT = set("万亿千百余多个家项件人名次场支套栋所批期位条台座份户篇处款种类元吨米亩倍")
FUTURE_BEFORE = re.compile(r"(预计|计划|力争|争取|到|(?<!截)至|将于|将在|将|拟|有望|目标)$")
# "2025年，神马尼龙化工有限责任公司将实施…": the clause says what will happen.
FUTURE_AFTER = re.compile(
    r"^[^。；;！？]{0,20}?(将(实施|建设|建成|完成|开工|竣工|投产|推进|启动|举办|召开|开展|实现)"
    r"|拟|计划|预计|力争)"
)
COMPARISON_BEFORE = re.compile(r"(较|比|同比|与|相比)$")


def explicit_years(text):
    """[(offset, year)] for every explicit year in ``text`` (in range, not a plan)."""
    years = []
    for match in YEAR_RE.finditer(text):
        year = int(match.group(1))
        if not FIRST_YEAR <= year <= LAST_YEAR:
            continue
        if not match.group(2) and text[match.end() : match.end() + 1] in NOT_AN_EVENT:
            continue
        years.append((match.start(), year, match.end()))
    return years


def article_year(body, title=""):
    """The article's year when the text gives it, else None."""
    best = None
    for text in (title, body):
        for start, year, end in explicit_years(text or ""):
            before = text[max(0, start - 4) : start]
            if FUTURE_BEFORE.search(before) or FUTURE_AFTER.search(text[end:]):
                continue
            best = year if best is None else max(best, year)
    return best
