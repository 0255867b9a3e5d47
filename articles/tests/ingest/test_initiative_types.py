import json
import re
from pathlib import Path

import pytest
from django.conf import settings

from articles.ingest.initiatives import categorize
from articles.ingest.initiatives.types import TypeRule, type_for
from articles.models import Initiative

RULES = [
    TypeRule("industry-chain-alliance", "产业链党建联盟", "industry_chain", synonyms=("产业链党建共同体",)),
    TypeRule("party-building-investment", "党建+招商", "investment", patterns=(r"党建\+(?:招商|双招双引)",)),
    TypeRule("party-service-centre", "党群服务中心", "governance", synonyms=("党群服务站",)),
    TypeRule("party-brand", "党建品牌", "brand", patterns=(r"品牌$",)),
    TypeRule("talent-station", "人才驿站", "talent", synonyms=("人才之家",)),
]


@pytest.mark.parametrize(
    "name, category, slug",
    [
        ("产业链党建联盟", "industry_chain", "industry-chain-alliance"),
        ("锂电产业链党建联盟", "industry_chain", "industry-chain-alliance"),
        ("轨道交通装备产业链党建共同体", "other", "industry-chain-alliance"),
        ("党建+招商", "investment", "party-building-investment"),
        ("党建+招商模式", "investment", "party-building-investment"),
        ("“党建＋招商”", "investment", "party-building-investment"),
        ("党建+双招双引", "investment", "party-building-investment"),
        ("清华科技园党群服务中心", "governance", "party-service-centre"),
        ("红聚沃太能动未来党建品牌", "brand", "party-brand"),
        ("硬科技红色工坊品牌", "brand", "party-brand"),
        ("青年人才驿站", "talent", "talent-station"),
    ],
)
def test_names_of_one_programme_in_different_zones_get_its_type(name, category, slug):
    assert type_for(name, category, RULES) == slug


@pytest.mark.parametrize("name", ["双创两提升工程", "党建+项目", "招商机制", "", "联盟"])
def test_a_name_no_rule_fits_has_no_type(name):
    assert type_for(name, "other", RULES) == ""


def test_the_rule_of_the_same_category_wins_then_the_more_specific():
    # Two rules match 人才驿站党建品牌 on four characters each: the initiative's category decides.
    assert type_for("人才驿站党建品牌", "brand", RULES) == "party-brand"
    assert type_for("人才驿站党建品牌", "talent", RULES) == "talent-station"
    # Neither rule of the category: 人才驿站 (4 characters) is more specific than the pattern 品牌$ (2).
    assert type_for("人才驿站品牌", "other", RULES) == "talent-station"
    rules = [TypeRule("a", "党建联盟", "governance"), TypeRule("b", "联盟党建", "industry_chain")]
    assert type_for("园区联盟党建联盟", "industry_chain", rules) == "b"
    assert type_for("园区联盟党建联盟", "governance", rules) == "a"


def test_an_exact_synonym_beats_a_longer_containing_match():
    rules = [
        TypeRule("pattern", "产业链党建", patterns=(r"党建引领.+链",)),
        TypeRule("synonym", "链上党建", synonyms=("党建引领产业链",)),
    ]
    assert type_for("党建引领产业链", "", rules) == "synonym"  # exact, though second in order


def test_a_broken_pattern_matches_nothing_and_the_others_still_apply():
    rules = [TypeRule("broken", "坏规则", patterns=("党建(",)), *RULES]
    assert type_for("锂电产业链党建联盟", "industry_chain", rules) == "industry-chain-alliance"
    assert type_for("党建(", "", rules) == ""


# --- the vocabulary in fixtures/initiative_types.json ------------------------------------------------

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "initiative_types.json"


def fixture_rules():
    entries = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return entries, [
        TypeRule(e["slug"], e["name"], e["category"], tuple(e["synonyms"]), tuple(e["patterns"])) for e in entries
    ]


def test_every_type_of_the_fixture_is_well_formed():
    entries, _ = fixture_rules()
    categories = set(Initiative.Category.values)
    assert len({e["slug"] for e in entries}) == len({e["name"] for e in entries}) == len(entries)
    for entry in entries:
        assert entry["category"] in categories, entry["slug"]
        assert entry["description"], entry["slug"]
        for pattern in entry["patterns"]:
            re.compile(pattern)


@pytest.mark.parametrize(
    "names, slug",
    [
        (["锂电产业链党建联盟", "轨道交通装备产业链党建联盟", "产业党建联盟"], "industry-chain-alliance"),
        (["党建+招商", "党建+招商模式", "党员招商先锋队"], "party-building-investment"),
        (["清华科技园党群服务中心", "党群活动服务中心", "青创党群服务中心"], "party-mass-service-centre"),
        (["红色代办服务队", "红色店小二", "红链帮帮团"], "red-agency-service"),
        (["蓝色智谷人才社区", "党建+人才", "产业人才讲习所"], "talent-service"),
        (["楼宇党群服务中心", "楼宇治理共同体"], "building-party-building"),
        (["党建共同体", "成渝地区双城经济圈国家高新区党建联盟", "暖心联盟"], "park-party-alliance"),
        (["源动力党建品牌", "铁军党建", "一园一品、一企一品"], "party-brand"),
        (["党建指导员包联企业机制", "党建指导员联系企业制度", "两新组织党建指导站"], "party-building-instructor"),
        (["暖新驿站", "邕新驿站", "新连心·爱心驿站"], "new-employment-station"),
    ],
)
def test_the_fixture_groups_what_zones_name_differently(names, slug):
    _, rules = fixture_rules()
    assert {type_for(name, categorize(name), rules) for name in names} == {slug}


def test_the_fixture_leaves_one_off_names_without_a_type():
    _, rules = fixture_rules()
    assert [type_for(name, "other", rules) for name in ["同心共建情聚高新活动", "1+X+N", "六找六强"]] == ["", "", ""]
