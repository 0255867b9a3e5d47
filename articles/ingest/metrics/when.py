"""When a figure is: the year and period its sentence gives it (see the package docstring)."""
import re

MONTHS = r"\d{1,2}\s?[-—–至~]\s?\d{1,2}月|前[\d一二三四五六七八九十]{1,2}个月"
TIME_RE = re.compile(
    r"(?P<cmp>较|比|同比|与|相比)?"
    r"(?:(?P<year>20[0-3]\d)\s?年度?|(?P<rel>今年|去年|前年|明年|本年度?|当年|截至目前|目前|近日|日前))"
    rf"(?P<period>上半年|下半年|前三季度|第?[一二三四1-4]季度|{MONTHS}|\d{{1,2}}月(?:份)?|全年|以来|底|初)?"
    rf"|(?P<bare>上半年|下半年|前三季度|第[一二三四]季度|[一二三四]季度|{MONTHS})"
    # 近三年, 近5年来: a span that ends with the article's year
    r"|(?P<recent>近[一二两三四五六七八九十\d]{1,2}年(?:来|间|以来)?)"
)
RELATIVE_YEARS = {"今年": 0, "本年": 0, "本年度": 0, "当年": 0, "截至目前": 0, "目前": 0,
                  "近日": 0, "日前": 0, "去年": -1, "前年": -2, "明年": 1}
# 累计 in the figure's own clause: a running total, as of the article's date.
CUMULATIVE = re.compile(r"累计[^，,；;。：:]*$")


def when(before, article_year):
    """(year, period) from the last time phrase before the number in its sentence.

    A running total (``累计`` in the figure's clause) with no period of its own has
    the period 累计 and, when no year is written, the article's year.
    """
    chosen = None
    for match in TIME_RE.finditer(before):
        if match.group("cmp"):
            continue
        chosen = match
    year, period = _time_of(chosen, article_year)
    if not period and CUMULATIVE.search(before):
        return year or article_year, "累计"
    return year, period


def _time_of(chosen, article_year):
    if chosen is None:
        return None, ""
    if chosen.group("bare"):
        return article_year, chosen.group("bare").replace(" ", "")
    if chosen.group("recent"):
        return article_year, chosen.group("recent")
    period = chosen.group("period") or ""
    if chosen.group("year"):
        return int(chosen.group("year")), chosen.group(0).replace(" ", "") if period else ""
    rel = chosen.group("rel")
    year = article_year + RELATIVE_YEARS[rel] if article_year else None
    return year, (rel + period) if period else ""
