"""No page crashes the analysis: random pages recombined from real-genre lines, odd lines, web debris and furniture."""
import random
from pathlib import Path

from django.conf import settings

from articles.ingest.pipeline import analyse_page, default_steps
from articles.ingest.reader import read_pages
from articles.ingest.types import PageText
from zones.reference import reference_zones

TESTS = Path(__file__).resolve().parents[1]
DEBRIS = [
    "首页 > 党建工作 > 正文", "当前位置：首页 > 新闻中心 > 园区动态", "【打印】【关闭】", "【字号：大 中 小】",
    "分享到：微信 微博 QQ空间", "上一篇：", "下一篇：高新区召开党工委会议", "相关新闻", "版权所有 © 2024 高新区管委会",
    "发布时间：2023-05-12 10:20 来源：高新区党群工作部 作者：王敏 编辑：李静", "浏览次数：1024",
    "2023年6月12日 星期一 编辑：王敏 校对：李静 美编：张丽", "责任编辑 刘洋", "A5 园区", "第3版", "上接第二版",
    "下转A8版", "中国高新技术产业导报", "区(qū)", "（通讯员 李明 记者 王强）", "本报成都5月8日讯（记者 张华）",
    "文/图 本报记者 陈静", "记者 孙涛 报道", "■", "▶ 本报记者", "图为党员志愿者在服务企业。 王明 摄", "x" * 300,
]


ODD = [
    "", " ", "\u3000\u3000", "\t", "。", "，，，", "——", "——————", "■", "► ", "“", "”", "（）", "(", "……",
    "本报讯", "本报讯（", "记者", "图片来源：", "摄", "文/图", "1", "3.", ".6%", "%", "·", "——：",
    "高新区党建", "党建在高新", "区", "x" * 500, "党建" * 400, "，" * 300, "\u200b", "\ufeff",
    "\u2028", "\xa0\u2003", "\x0c", "（李敏 王涛）", "（）（）", "孙立新 摄", "。 孙立新 摄", "责任编辑：",
    "2024年6月17日 星期一", "——————————————————————————————————————————————————————————",
]


def _lines():
    lines = []
    paths = sorted(settings.SEEDS_DIR.glob("*.txt")) + sorted((TESTS / "pages").glob("*.txt"))
    paths += sorted(p for p in (TESTS / "corpus").iterdir() if p.suffix in (".txt", ".html"))
    for path in paths:
        for page in read_pages(path):
            lines.extend(line for line in page.text.split("\n") if line.strip())
    return lines


def _page(rng, lines):
    chosen = []
    for _ in range(rng.randint(1, 40)):
        roll = rng.random()
        if roll < 0.15:
            line = rng.choice(DEBRIS)
        elif roll < 0.22:
            line = rng.choice(ODD)
        elif roll < 0.3:
            line = rng.choice(lines)
            cut = rng.randint(0, len(line))
            line = line[:cut] if rng.random() < 0.5 else line[cut:]
        elif roll < 0.35:
            line = " ".join(rng.choice(lines))  # OCR spacing between every character
        elif roll < 0.38:
            line = "".join(rng.choice(lines) for _ in range(rng.randint(2, 30)))  # a very long line
        else:
            line = rng.choice(lines)
        chosen.append(line)
        chosen.extend([""] * rng.choice((0, 1, 1, 2)))
    return "\n".join(chosen)


def test_random_real_genre_pages_never_raise_and_every_fact_quotes_its_body():
    rng = random.Random(20261201)
    lines = _lines()
    steps = default_steps()
    zone_index = steps.make_zone_index(list(reference_zones()))
    for n in range(300):
        text = _page(rng, lines)
        page = PageText(name=f"fuzz-{n}.txt", text=text, encoding="utf-8", content_hash=f"{n:064x}")
        result = analyse_page(page, zone_index=zone_index, steps=steps)
        for item in result.articles:
            body = item.block.body
            assert item.block.title.strip(), text[:300]
            for fact in [*item.metrics, *item.initiatives]:
                assert body[fact.offset : fact.offset + len(fact.sentence)] == fact.sentence, text[:300]
