from pathlib import Path

import pytest
from django.conf import settings

from articles.ingest.initiatives import categorize
from articles.ingest.pipeline import analyse_page, default_steps
from articles.ingest.readers import read_pages
from zones.reference import reference_zones


@pytest.mark.parametrize(
    "name, sentence, category",
    [
        ("党建指导员包联企业机制", "高新区推行党建指导员包联企业机制。", "non_public"),
        ("万人助万企", "平顶山高新区以“万人助万企”活动为抓手。", "business_env"),
        ("红色代办服务队", "组建“红色代办”服务队。", "business_env"),
        ("党建+孵化服务", "园区还推行“党建+孵化”服务。", "innovation"),
        ("双培养机制", "园区推行把技术骨干培养成党员的双培养机制。", "education"),
        ("近邻议事厅", "加快建设近邻议事厅。", "governance"),
        ("两个覆盖", "提升“两个覆盖”质效。", "non_public"),
        ("一线冲锋奋斗建功行动", "深入落实“一线冲锋奋斗建功”行动。", "project"),
    ],
)
def test_the_name_says_what_it_is_about(name, sentence, category):
    assert categorize(name, sentence) == category


def test_a_word_that_only_looks_like_a_cue_is_not_one():
    # 为企业党员职工: the firms' party members (non-public), not a service “为企” (business environment).
    sentence = "为企业党员职工建起一个个“红色家园”，也为园区转型升级装上了“红色引擎”。"
    assert categorize("红色家园", sentence) == "non_public"


@pytest.mark.parametrize(
    "name, sentence, category",
    [
        ("党群活动服务中心", "7月1日上午，衡阳高新区党群活动服务中心正式揭牌。", "governance"),
        ("五心节能", "依托综合性的“五心节能”特色党群服务中心，开设“绿创咖啡”众创空间。", "governance"),
        ("党员突击队", "通过组建“党员突击队”等形式，组织动员党员干部。", "project"),
    ],
)
def test_a_place_of_service_or_a_vanguard_team_says_it_when_no_word_names_a_topic(name, sentence, category):
    assert categorize(name, sentence) == category


def test_the_sentence_counts_by_the_topic_word_nearest_the_name():
    sentence = "制定“联席会议制”“企业轮值制”3项运行机制，保障产业链党委有序运转，助力优化营商环境。"
    assert categorize("企业轮值制", sentence) == "industry_chain"
    sentence = "助力优化营商环境，制定“联席会议制”“企业轮值制”3项运行机制，确保每季度召开一次会议。"
    assert categorize("企业轮值制", sentence) == "business_env"


def test_other_when_nothing_around_the_name_says_what_it_is_about():
    sentence = "中秋国庆假期，建湖高新区邀请回乡过节的新乡贤参加“同心共建情聚高新”活动。"
    assert categorize("同心共建情聚高新活动", sentence) == "other"
    assert categorize("坐庄机制", "") == "other"


def test_a_name_its_clause_calls_a_brand_is_a_brand():
    sentence = "江苏东台高新技术产业开发区把“智创先锋”作为园区党建品牌的核心，以品牌建设凝聚人才。"
    assert categorize("智创先锋", sentence) == "brand"
    assert categorize("人才驿站", "以品牌建设凝聚人才，建起“人才驿站”。") == "talent"  # the brand is another clause's


@pytest.mark.parametrize("directory", ["fixtures/seeds", "articles/tests/corpus"])
def test_at_most_one_initiative_in_seven_is_left_as_other_on_real_pages(directory):
    steps = default_steps()
    zone_index = steps.make_zone_index(list(reference_zones()))
    initiatives = {}  # (zone, name) -> category: what the upsert would store
    for path in sorted((Path(settings.BASE_DIR) / directory).iterdir()):
        if path.suffix in {".json", ".md"}:
            continue
        for page in read_pages(path):
            for article in analyse_page(page, zone_index=zone_index, steps=steps).articles:
                zone = article.zones[0].name if article.zones else ""
                for fact in article.initiatives:
                    initiatives.setdefault((zone, fact.name), fact.category)
    assert len(initiatives) > 50
    other = [key for key, category in initiatives.items() if category == "other"]
    assert len(other) <= 0.15 * len(initiatives), other
