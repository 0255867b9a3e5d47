import pytest

from articles.ingest.initiatives import categorize


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
