"""The words a newspaper page's folio is made of: who edited the page, what papers are called,
what stands between the folio's parts.

Written once for the two readers of a folio: the layout, which leaves it out of the articles
(``layout/furniture.py``), and the page reader, which takes the paper, date, page and page name
from it (``readers/metadata.py``).
"""
import re

from core.text import CJK_RANGES

# The page's staff as folios credit them (责任编辑：吴 越, 美编 孙 晓); longest first, so that an
# alternation of them takes 责任校对 whole rather than its 校对.
ROLES = "|".join(sorted(
    {
        "责任编辑", "本版责任编辑", "本版编辑", "本版责编", "值班编辑", "美术编辑", "图片编辑", "编辑", "责编", "责任校对",
        "校对", "美编", "版式设计", "版面设计", "版式编辑", "版式", "视觉设计", "视觉", "制图", "组版", "排版", "审读",
        "主编", "签发",
    },
    key=lambda role: (-len(role), role),
))

# What a paper's name ends with: 中国高新技术产业导报, 科技日报, 三峡日报, 瞭望周刊; an office's
# bulletin (保定高新区党建工作简报) stands for its paper.
PAPER_ENDINGS = "|".join(sorted(
    {
        "日报", "晚报", "导报", "时报", "商报", "晨报", "早报", "周报", "周刊", "都市报", "快报", "经济报", "特区报",
        "科技报", "青年报", "法治报", "法制报", "工人报", "农民报", "人事报", "工作简报", "工作信息",
    },
    key=lambda ending: (-len(ending), ending),
))

# A paper's name on its masthead: 中国高新技术产业导报, and a bulletin named with its zone's other
# name in brackets, 启东高新区（近海镇）党建工作信息 (full-width or, folded, ASCII brackets).
PAPER_NAME = (
    rf"(?:[{CJK_RANGES}]{{2,12}}[（(][{CJK_RANGES}]{{2,6}}[）)][{CJK_RANGES}]{{0,8}}?|[{CJK_RANGES}]{{2,12}}?)"
    rf"(?:{PAPER_ENDINGS})"
)

# What stands between the parts of a folio line, inside a character class: spaces, bars
# (| ｜ 丨 ┃ │), dots and dashes.
BETWEEN_PARTS = r"\s|｜丨┃│/·•・\-—_,，、"

# Where a web page's trail to it starts: 首页 >, 香港商报网首页 > (or 香港商报网  首页 >), or the site's name,
# 珠海高新区管委会门户网站 > (group "site").
TRAIL_START = r"(?:[^\s>＞»/→]{0,12}?\s*首页|(?P<site>[^\s>＞»/→]{2,20}?)(?:门户网站|网站))\s*(?:>|＞|»|/|→)"
# The district a site's name may end with in brackets: …_苏州高新区（虎丘区）.
SITE_DISTRICT = r"[（(][\u4e00-\u9fff]{2,8}[）)]"
# A site's address beside its name in a page's head: www.pingjiang.gov.cn, www.hkcd.com.
WEB_ADDRESS = r"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:cn|com|net|org|hk)/?"

# Who issues a bulletin, beside its date: 保定高新区党工委办公室编 2020年7月24日, and without 编
# right before the date: 中共启东高新区（近海镇）工作委员会办公室  2022年7月6日.
ISSUED_BY = (
    r"[\u4e00-\u9fff（）()]{2,30}?(?:(?:办公室|工作部|党工委|委员会|管委会|中心|部|处|组)编"
    r"|(?:办公室|工作部)(?=[\s\u3000]*(?:(?:19|20)\d{2}\s*年|$)))"
    # 编印：济南高新区党群工作部组织科    2021年11月26日
    r"|(?:编印|印发|编发)\s*[:：]\s*[\u4e00-\u9fff（）()]{2,30}?(?=[\s\u3000]*(?:(?:19|20)\d{2}\s*年|$))"
)

# A masthead or page name set letter-spaced (江 西 日 报, A7  党 建 在 高 新), as e-paper OCR often
# reads it: three or more characters, each alone between single spaces.
_LETTER_SPACED = re.compile(r"[\u4e00-\u9fff](?:[ \t\u3000]+[\u4e00-\u9fff]){2,}")
_LETTER_SPACED_RUN = re.compile(
    r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?:[ \u3000][\u4e00-\u9fff]){2,}(?![\u4e00-\u9fff])"
)


def unspaced(line):
    """``line`` with each letter-spaced run of characters set close: the whole line when it is
    nothing but spaced-out characters, else each run of three or more single characters."""
    text = line.strip()
    if _LETTER_SPACED.fullmatch(text):
        return re.sub(r"[ \t\u3000]+", "", text)
    return _LETTER_SPACED_RUN.sub(lambda run: re.sub(r"[ \u3000]", "", run.group()), line)


# A masthead's Latin form under or beside its Chinese one: JIANGXI DAILY, CHINA HIGH-TECH INDUSTRY HERALD.
LATIN_MASTHEAD = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z&.'\-]+(?:[ \t]+[A-Z][A-Z&.'\-]+){1,5}(?![A-Za-z0-9])")
