import pytest

from articles.ingest.initiatives.types import TypeRule, type_for

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
