"""Facts a reader lists on pages the rules were not written against.

Two pages of other zones in tests/pages/facts_*.txt (features and briefs, one
in traditional characters) go through the layout step and the extractors as
the pipeline runs them; the facts a careful reader would list must come out,
and the numbers that are not facts (dates, years, plan horizons, counts of
abstract nouns) must not.
"""
from pathlib import Path

import pytest

from articles.ingest.dates import article_year
from articles.ingest.initiatives import extract_initiatives
from articles.ingest.layout import split_page
from articles.ingest.metrics import extract_metrics

PAGES = Path(__file__).resolve().parents[1] / "pages"


def article(page, title_word):
    blocks = split_page((PAGES / page).read_text(encoding="utf-8"))
    matching = [b for b in blocks if title_word in b.title]
    assert len(matching) == 1, [b.title for b in blocks]
    block = matching[0]
    year = article_year(block.body, title=block.title)
    return block, extract_initiatives(block.body), extract_metrics(block.body, article_year=year)


def metric_set(metrics):
    return {(m.label, m.value, m.unit, m.qualifier) for m in metrics}


def test_hefei_feature():
    block, initiatives, metrics = article("facts_hefei_zhuzhou.txt", "红链驿站")
    # the 量子科技产业链党委 is an organisation, not a programme
    assert {(i.name, i.category) for i in initiatives} == {
        ("链长+书记", "industry_chain"),
        ("红链驿站", "industry_chain"),
        ("量才计划", "talent"),  # 实施“量才计划”，…引进…高层次人才团队
        ("党建+产业链模式", "industry_chain"),
    }
    assert metric_set(metrics) >= {
        ("吸纳链上企业党组织", 42, "个", "exact"),
        ("党员", 1300, "名", "at_least"),
        ("布设驿站", 6, "个", "exact"),
        ("营业收入", 3.5, "亿元", "exact"),
        ("营业收入同比增长", 15.3, "%", "exact"),
        ("研发投入强度", 12.6, "%", "exact"),
        ("比上年提高", 2.1, "个百分点", "exact"),
        ("吸引青年人才", 1000, "人", "at_least"),
        ("新建人才公寓", 1.2, "万平方米", "exact"),
    }
    by_value = {(m.value, m.unit): m for m in metrics}
    assert by_value[(100, "家")].qualifier == "approximate"  # 近百家企业
    assert by_value[(1.2, "万平方米")].normalized_value == 12000
    assert by_value[(20, "人")].value_max == 30  # 20-30人: a range stays a range
    assert by_value[(3.5, "亿元")].year == 2023 and by_value[(12.6, "%")].year == 2023
    assert by_value[(12.6, "%")].normalized_unit == "%"
    assert by_value[(2.1, "个百分点")].normalized_unit == "个百分点"
    # 5月20日, 2024年第二次联席会议, 3至5年 and 三个方面 are not facts
    assert len(metrics) == 11
    for m in metrics:
        assert block.body[m.offset : m.offset + len(m.sentence)] == m.sentence


def test_zhuzhou_brief():
    block, initiatives, metrics = article("facts_hefei_zhuzhou.txt", "株洲")
    assert [i.name for i in initiatives] == ["招商专班+临时党支部", "轨道交通装备产业链党建联盟"]
    assert metric_set(metrics) == {
        ("组建驻外招商小分队", 8, "支", "exact"),
        ("开展招商活动", 50, "场", "at_least"),
        ("签约项目", 23, "个", "exact"),
        ("协议总投资", 86, "亿元", "approximate"),
        ("吸纳成员单位", 56, "家", "exact"),
        ("难题", 130, "个", "at_least"),
        ("企业满意率", 98.5, "%", "exact"),
    }


def test_ningbo_feature_in_traditional_characters():
    block, initiatives, metrics = article("facts_ningbo_xian_traditional.txt", "宁波")
    assert {i.name for i in initiatives} == {"红色领航·智造强区工程", "产业链党建联盟", "每月一会", "甬上英才"}
    assert metric_set(metrics) >= {
        ("联盟成员单位", 38, "家", "exact"),
        ("党员", 680, "名", "at_least"),
        ("召开联席会议", 6, "次", "exact"),
        ("合同金额", 2.3, "亿元", "exact"),
        ("规模以上工业总产值", 1250, "亿元", "exact"),
        ("规模以上工业总产值同比增长", 8.6, "%", "exact"),
        ("新增孵化面积", 4.5, "万平方米", "exact"),
        ("服务人才", 3000, "人次", "at_least"),
        ("发放人才补贴", 1.8, "亿元", "exact"),
    }
    by_value = {(m.value, m.unit): m for m in metrics}
    assert by_value[(1100, "家")].qualifier == "at_least"  # 总数突破1100家
    assert by_value[(112, "家")].year == 2023  # after 2023年，…；
    assert by_value[(1.8, "亿元")].normalized_value == 1.8e8


def test_xian_brief_in_traditional_characters():
    block, initiatives, metrics = article("facts_ningbo_xian_traditional.txt", "西安")
    assert {(i.name, i.category) for i in initiatives} == {
        ("楼宇党群服务中心", "non_public"),
        ("硬科技红色工坊党建品牌", "brand"),
    }
    assert metric_set(metrics) == {
        ("楼宇党群服务中心", 15, "个", "exact"),
        ("覆盖楼宇企业", 2600, "家", "at_least"),
        ("组织开展党员教育培训活动", 120, "场", "exact"),
        ("参训党员", 1.1, "万人次", "exact"),
    }  # 三个方面 is how the speech is organised, not a fact


@pytest.mark.parametrize("page", sorted(p.name for p in PAGES.glob("facts_*.txt")))
def test_no_year_date_or_plan_horizon_is_a_metric(page):
    for block in split_page((PAGES / page).read_text(encoding="utf-8")):
        for m in extract_metrics(block.body):
            assert m.unit not in ("年", "月", "日")
            assert not (1990 <= m.value <= 2035 and m.unit in ("个", "家", "人"))
