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


def when(before, article_year, article_month=None):
    """(year, period) from the last time phrase before the number in its sentence.

    A running total (``累计`` in the figure's clause) with no period of its own has
    the period 累计 and, when no year is written, the article's year. A period
    without a year that ends after the article's month (1至11月 on a page of
    January) is the year before's.
    """
    chosen = None
    for match in TIME_RE.finditer(before):
        if match.group("cmp"):
            continue
        chosen = match
    year, period = _time_of(chosen, article_year)
    if chosen is not None and chosen.group("bare") and year and article_month:
        if (_last_month(period) or 0) > article_month:
            year -= 1
    if not period and CUMULATIVE.search(before):
        return year or article_year, "累计"
    return year, period


# The month a period without a year ends in; 下半年 is left out: said in the year, it is
# mostly what is still to come, not a past half-year.
_QUARTERS = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}
_SMALL = dict(zip("一二三四五六七八九", range(1, 10)), 十=10)


def _last_month(period):
    if period == "上半年":
        return 6
    if period == "前三季度":
        return 9
    if period.endswith("季度"):
        return _QUARTERS.get(period[-3:-2])
    months = re.findall(r"\d{1,2}|十[一二]?|[一二三四五六七八九]", period) if period.endswith("月") else []
    if not months:
        return None
    last = months[-1]
    return int(last) if last.isdigit() else 10 + _SMALL.get(last[1:], 0) if last.startswith("十") else _SMALL[last]


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
