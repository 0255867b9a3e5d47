"""The indicator of a figure, from its label and unit (articles/ingest/metrics/indicators.py)."""
from types import SimpleNamespace

import pytest

from articles.ingest.metrics.indicators import IndicatorRule, clause_of, indicator_for, indicators_for

MONEY = ("元",)
RULES = [
    IndicatorRule("total-investment", "总投资", "money", MONEY, synonyms=("项目总投资", "总投资额", "计划总投资")),
    IndicatorRule("fixed-asset-investment", "固定资产投资", "money", MONEY),
    IndicatorRule("fixed-asset-investment-growth", "固定资产投资增速", "growth", ("%",),
                  patterns=(r"固定资产投资\S*(增长|增速)",)),
    IndicatorRule("enterprises", "企业数", "enterprises", ("家",), synonyms=("注册企业", "入驻企业")),
    IndicatorRule("high-tech-enterprises", "高新技术企业数", "enterprises", ("家",), synonyms=("高新技术企业", "高企")),
    IndicatorRule("enterprises-visited", "走访企业数", "enterprises", ("家",), patterns=(r"(走访|拜访)\S*企业",)),
    IndicatorRule("party-orgs", "党组织数", "party_orgs", ("个",), synonyms=("党组织", "基层党组织")),
    IndicatorRule("non-public-party-orgs", "非公企业党组织数", "party_orgs", ("个", "家"),
                  synonyms=("非公企业党组织", "两新党组织")),
    IndicatorRule("new-party-orgs", "新建党组织数", "party_orgs", ("个",),
                  patterns=(r"(新建|新组建|新增)\S*党(组织|支部)",)),
    IndicatorRule("party-demo-sites", "党建示范点数", "party_orgs", ("个",), synonyms=("党建示范点",)),
    IndicatorRule("above-scale-enterprises", "规上企业数", "enterprises", ("家",), synonyms=("四上企业",)),
    IndicatorRule("party-members", "党员人数", "party_members", ("人", "名"), synonyms=("党员",)),
    IndicatorRule("satisfaction", "满意率", "rate", ("%",), synonyms=("满意度",)),
    IndicatorRule("zone-area", "园区面积", "area", ("平方公里",), synonyms=("面积", "规划面积")),
    IndicatorRule("floor-area", "建筑面积", "area", ("平方米",), synonyms=("面积",)),
]


@pytest.mark.parametrize(
    "label, unit, slug",
    [
        ("总投资", "元", "total-investment"),
        ("项目总投资", "元", "total-investment"),
        ("计划总投资", "元", "total-investment"),
        ("协议总投资额", "元", "total-investment"),  # contains 总投资额
        ("完成固定资产投资", "元", "fixed-asset-investment"),
        ("固定资产投资同比增长", "%", "fixed-asset-investment-growth"),
        ("高新技术企业数量", "家", "high-tech-enterprises"),
        ("推荐企业申报认定高企", "家", "high-tech-enterprises"),
        ("累计注册企业", "家", "enterprises"),
        ("党员干部走访企业和项目工地", "家", "enterprises-visited"),
        ("基层党组织", "个", "party-orgs"),
        ("园区非公企业党组织", "个", "non-public-party-orgs"),
        ("成立非公企业党支部", "家", ""),  # no rule has 党支部 in 家
        ("新建非公企业党组织", "个", "new-party-orgs"),  # new before non-public: the longer match
        ("企业新组建“三新”党支部", "个", "new-party-orgs"),  # quotes do not count
        # Two five-character matches: the phrase's head comes last.
        ("指导支持“两新”党组织建设党建示范点", "个", "party-demo-sites"),
        ("链上企业党员", "名", "party-members"),
        ("群众满意率", "%", "satisfaction"),
        ("企业满意度", "%", "satisfaction"),
        ("辖区面积", "平方公里", "zone-area"),
        ("面积", "平方公里", "zone-area"),
        ("面积", "平方米", "floor-area"),  # the unit tells a zone from a building
    ],
)
def test_labels_zones_print_their_own_way_get_one_indicator(label, unit, slug):
    assert indicator_for(label, unit, RULES) == slug


@pytest.mark.parametrize(
    "label, unit",
    [
        ("总投资", "家"),  # 总投资 in 家 is not money
        ("党员", "人次"),  # attendances are not members
        ("满意率", "元"),
        ("年产", "吨"),
        ("企业", "家"),  # which enterprises? the label alone does not say
        ("", "元"),
    ],
)
def test_a_label_or_unit_no_rule_fits_has_no_indicator(label, unit):
    assert indicator_for(label, unit, RULES) == ""


def test_a_figure_per_mu_or_per_head_is_no_total():
    rules = [
        IndicatorRule("tax", "税收", units=("元",)),
        IndicatorRule("output", "产值", units=("元",)),
        IndicatorRule("tax-growth", "税收增速", units=("%",), patterns=(r"税收\S*增长",)),
    ]
    assert [indicator_for(label, unit, rules) for label, unit in [("税收", "元"), ("产值", "元"), ("税收增长", "%")]] == [
        "tax", "output", "tax-growth",
    ]
    assert [indicator_for(label, unit, rules) for label, unit in [("亩均税收", "元"), ("人均产值", "元"), ("亩均税收增长", "%")]] == [
        "", "", "",
    ]
    per_mu = IndicatorRule("per-mu-tax", "亩均税收", units=("元",))
    assert indicator_for("亩均税收", "元", [*rules, per_mu]) == "per-mu-tax"


def test_an_exact_synonym_beats_a_longer_containing_match():
    rules = [
        IndicatorRule("long", "园区企业", units=("家",), patterns=(r"园区\S*企业",)),
        IndicatorRule("exact", "企业总数", units=("家",), synonyms=("园区企业数",)),
    ]
    assert indicator_for("园区企业数", "家", rules) == "exact"


def test_a_broken_pattern_matches_nothing_and_the_others_still_apply():
    rules = [IndicatorRule("broken", "坏规则", units=("元",), patterns=("投资(",)), *RULES]
    assert indicator_for("项目总投资", "元", rules) == "total-investment"


def test_a_rule_without_units_takes_any_unit():
    rules = [IndicatorRule("any", "订单", synonyms=("订单量",))]
    assert indicator_for("订单量", "套", rules) == "any"


def fact(label, raw, unit, sentence, offset=0):
    return SimpleNamespace(label=label, raw=raw, normalized_unit=unit, sentence=sentence, offset=offset)


def test_a_bare_growth_takes_the_growth_of_the_figure_before_it_in_its_sentence():
    sentence = "固定资产投资完成131.5亿元，增长14.1%，总投资50亿元。"
    facts = [
        fact("固定资产投资完成", "固定资产投资完成131.5亿元", "元", sentence),
        fact("增长", "增长14.1%", "%", sentence),
        fact("总投资", "总投资50亿元", "元", sentence),
    ]
    assert indicators_for(facts, RULES) == ["fixed-asset-investment", "fixed-asset-investment-growth", "total-investment"]


def test_a_bare_growth_without_a_growth_indicator_or_in_another_sentence_has_none():
    facts = [
        fact("项目总投资", "项目总投资50亿元", "元", "项目总投资50亿元，增长3%。"),
        fact("增长", "增长3%", "%", "项目总投资50亿元，增长3%。"),  # total-investment-growth is no rule
        fact("固定资产投资", "固定资产投资8亿元", "元", "固定资产投资8亿元。", offset=20),
        fact("同比增长", "同比增长9%", "%", "同比增长9%。", offset=30),  # another sentence
    ]
    assert indicators_for(facts, RULES) == ["total-investment", "", "fixed-asset-investment", ""]


def test_a_list_growing_by_turns_is_not_read_back_into():
    sentence = "技工贸收入、固定资产投资预计将分别增长25%和22%。"
    facts = [fact("增长", "增长25%", "%", sentence), fact("增长", "22%", "%", sentence)]
    assert indicators_for(facts, RULES) == ["", ""]


def test_a_label_that_names_nothing_is_read_again_in_its_clause():
    sentence = "据了解，今年以来，高新区已走访园区企业320余家，高新技术企业总数达到115家。"
    facts = [
        fact("企业", "320余家", "家", sentence),
        fact("总数", "总数达到115家", "家", sentence),
    ]
    assert indicators_for(facts, RULES) == ["enterprises-visited", "high-tech-enterprises"]


def test_a_clause_starts_after_the_figure_before_it_and_its_quoted_label():
    sentence = "组织包保干部深入87家“四上企业”及26家重点项目。"
    facts = [fact("四上企业", "87家", "家", sentence), fact("重点项目", "26家", "家", sentence)]
    # 26家重点项目 are projects (no rule counts them in 家), not 四上企业.
    assert indicators_for(facts, RULES) == ["above-scale-enterprises", ""]


def test_a_list_closed_by_deng_is_one_clause_with_its_verb():
    from articles.vocabulary import fixture_vocabulary

    sentence = "协调解决了流动党员管理难、小区党建阵地空间不足等问题16个。"
    assert clause_of(sentence, "16个") == "协调解决了流动党员管理难、小区党建阵地空间不足等问题16个"
    rules = fixture_vocabulary().indicators
    names = {rule.slug: rule.name for rule in rules}
    assert names[indicator_for(clause_of(sentence, "16个"), "个", rules)] == "诉求办理件数"


def test_a_clause_stops_at_the_next_figure():
    sentence = "园区21个直属机关基层党组织和39家企业中35个非公企业党组织投身项目建设。"
    facts = [
        fact("直属机关基层党组织", "21个", "个", sentence),
        fact("企业", "39家", "家", sentence),  # the 35 non-public party organisations are not its
        fact("非公企业党组织", "35个", "个", sentence),
    ]
    assert indicators_for(facts, RULES) == ["party-orgs", "", "non-public-party-orgs"]


def test_the_clause_of_a_figure_stops_at_the_figure_before_it():
    sentence = "围绕3条党建示范带和4个片区分类指导推进。"
    assert clause_of(sentence, "4个") == "围绕3条党建示范带和4个片区分类指导推进"
    assert clause_of(sentence, "4个", after=sentence.index("带") + 1) == "和4个片区分类指导推进"
    assert clause_of(sentence, "9个") == ""


@pytest.mark.parametrize(
    "label, unit, name",
    [
        ("项目总投资", "元", "总投资"),
        ("营业总收入", "元", "营业收入"),
        ("规模以上工业总产值", "元", "工业总产值"),
        ("企业税收收入", "元", "税收"),
        ("高新技术企业数量", "家", "高新技术企业数"),
        ("全年新增规模以上企业", "家", "规上企业数"),
        ("建立非公企业党组织", "个", "非公企业党组织数"),
        ("新增链上企业党组织", "个", "新建党组织数"),
        ("各领域党员", "名", "党员人数"),
        ("在辖区建成红色驿站", "个", "党群服务中心数"),
        ("引进项目", "个", "项目数"),
        ("全年新签约项目", "个", "签约项目数"),
        ("全区新签项目", "个", "签约项目数"),
        ("产业链党委覆盖核心企业", "家", "链上企业数"),  # the enterprises, not the committees
        ("解决各类难题", "件", "诉求办理件数"),
        ("新组建党支部", "个", "新建党组织数"),
        ("成立行动支部", "个", "新建党组织数"),  # set up: new, 党 or not
        ("组建行业联合党支部", "个", "新建党组织数"),
        ("行业联合党支部", "个", "党支部数"),
        ("推动本地配套合作项目", "个", "合作项目数"),
        ("引进人才", "人", "引进人才数"),
        ("累计引进培育海内外高层次专家", "人", "引进人才数"),
        ("组建党员志愿服务队伍", "支", "党员先锋队数"),
        ("项目总投资", "美元", "总投资"),
        ("群众满意率", "%", "满意率"),
        ("高新技术产业投资同比增长", "%", "高新技术产业投资增速"),
        ("技工贸总收入增长", "%", "营业收入增速"),
        ("开展党建活动", "场", "党建活动场次"),
        ("服务党员和职工", "人次", "服务人次"),
        ("规划面积", "平方公里", "园区面积"),
        ("规划面积", "亩", "占地面积"),  # the unit tells a plot from a zone
        ("总规划用地", "平方公里", "园区面积"),
        ("投资规模", "元", "总投资"),
        ("实际上缴税费", "元", "税收"),
        ("总收入同比增长", "%", "营业收入增速"),
        ("数字经济核心产业营业收入同比增长", "%", "营业收入增速"),  # revenue, though of an industry
        ("新开工产业项目", "个", "开工项目数"),
        ("基地落户企业", "家", "企业数"),
        ("生命健康产业利润总额同比增长", "%", None),  # profit is no output
        ("力争工业开票", "元", "营业收入"),
        ("核心区面积", "平方公里", "园区面积"),
        ("直管区", "平方公里", "园区面积"),  # a part of the zone named alone: its area
        ("平桥园区", "平方公里", "园区面积"),
        ("启动区", "公顷", "园区面积"),
        ("平桥园区", "亩", None),  # a plot in 亩 is no zone's extent
        ("全社会研发投入占地区生产总值比重", "%", "研发投入强度"),
        ("建筑面积", "平方米", "建筑面积"),
        ("深圳湾创业广场党群服务中心", "平方米", "建筑面积"),  # a place's area
        ("收集化解企业和群众反映的事项", "起", "诉求办理件数"),
        ("送服务进企业", "家次", "服务企业数"),
        ("问题化解率", "%", "办结率"),
        ("新区制造业投资", "元", "工业投资"),
        ("新就业形态劳动者", "名", "新就业群体人数"),
        ("走访企业", "家次", "走访企业数"),
        ("解决企业困难需求", "个", "诉求办理件数"),
        ("集成电路产业集群规模", "元", "产业产值"),
        ("规范化建设的党建活动阵地", "个", "党群服务中心数"),
        ("邀请名师专家开展专题宣讲", "次", "党建活动场次"),
        ("开展小型宣讲", "次", "党建活动场次"),
        ("新增规上工业企业", "家", "规上企业数"),
        ("今年计划实施的大项目", "个", "重大项目数"),
        ("园区共有企业", "家", "企业数"),
        ("新引进新型显示企业", "家", "新增企业数"),
        ("盘活闲置楼宇厂房", "平方米", "建筑面积"),
        ("产业园已建成载体空间", "平方米", "建筑面积"),
        ("新设立的机关党支部", "个", "新建党组织数"),
    ],
)
def test_the_vocabulary_files_labels_of_the_seeds_and_the_corpus(label, unit, name):
    from articles.vocabulary import fixture_vocabulary

    rules = fixture_vocabulary().indicators
    names = {rule.slug: rule.name for rule in rules}
    assert names.get(indicator_for(label, unit, rules)) == name


def test_every_growth_indicator_of_the_vocabulary_grows_an_indicator_of_it():
    from articles.vocabulary import fixture_vocabulary

    rules = fixture_vocabulary().indicators
    slugs = {rule.slug for rule in rules}
    growth = [rule for rule in rules if rule.dimension == "growth"]
    assert growth
    for rule in growth:
        assert rule.slug.endswith("-growth") and rule.slug.removesuffix("-growth") in slugs, rule.slug
        assert rule.units == ("%",), rule.slug
    assert 40 <= len(rules) <= 80


def test_the_corpus_gold_files_figures_under_names_of_the_vocabulary_or_none():
    import json
    from pathlib import Path

    from articles.vocabulary import fixture_vocabulary

    names = {rule.name for rule in fixture_vocabulary().indicators} | {""}
    corpus = Path(__file__).resolve().parents[1] / "corpus"
    unknown = {
        (path.name, metric["label"], metric["indicator"])
        for path in corpus.glob("*.gold.json")
        for item in json.loads(path.read_text(encoding="utf-8"))["articles"]
        for metric in item.get("metrics", [])
        if metric.get("indicator") not in names
    }
    assert not unknown


def test_the_honoured_are_no_count_of_members_or_organisations():
    from articles.ingest.metrics import extract_metrics
    from articles.vocabulary import fixture_vocabulary

    sentence = "12个基层党组织被评为先进基层党组织，55名党员获评优秀共产党员，园区新增党员30名。"
    facts = extract_metrics(sentence)
    names = {rule.slug: rule.name for rule in fixture_vocabulary().indicators}
    found = [names.get(slug, "") for slug in indicators_for(facts, fixture_vocabulary().indicators)]
    assert [(f.value, name) for f, name in zip(facts, found)] == [(12, ""), (55, ""), (30, "党员人数")]
    sentence = "8名老党员代表获颁“光荣在党50年”纪念章；命名12名共产党员为“党员科技标兵”；园区新增党员30名。"
    facts = extract_metrics(sentence)
    found = [names.get(slug, "") for slug in indicators_for(facts, fixture_vocabulary().indicators)]
    assert [(f.value, name) for f, name in zip(facts, found)] == [(8, ""), (12, ""), (30, "党员人数")]


@pytest.mark.parametrize(
    "label, unit, slug",
    [
        ("新增上市新药", "个", ""),  # drugs approved for sale are no listed firms
        ("新增上市", "家", "listed-enterprises"),
        ("拟引进培育生产型企业", "家", "new-enterprises"),
        ("服务型企业", "家", ""),  # firms of the service trades, not firms served
        ("帮扶企业", "家", "enterprises-served"),
        ("首期规划", "亩", "land-area"),
    ],
)
def test_the_reference_indicators_on_labels_of_unseen_pages(label, unit, slug):
    from articles.vocabulary import fixture_vocabulary

    assert indicator_for(label, unit, fixture_vocabulary().indicators) == slug


# --- the vocabulary in fixtures/indicators.json ------------------------------------------------------


def shipped_rules():
    import json
    from pathlib import Path

    from django.conf import settings

    entries = json.loads((Path(settings.BASE_DIR) / "fixtures" / "indicators.json").read_text(encoding="utf-8"))
    return [
        IndicatorRule(e["slug"], e["name"], e["dimension"], tuple(e["units"]), tuple(e["synonyms"]), tuple(e["patterns"]))
        for e in entries
    ]


@pytest.mark.parametrize(
    "label, unit, slug",
    [
        ("聚集各类企业", "家", "enterprises"),
        ("新能源汽车产业规模", "元", "industry-output"),
        ("新建科创载体", "平方米", "floor-area"),
        ("建成项目", "个", "completed-projects"),
        ("区内企业", "家", ""),  # the firms of one event as often as the zone's all
        ("培育中小科技企业", "家", "tech-smes"),
        ("红色技术攻关小组", "个", "vanguard-teams"),  # teams, not the problems they solve
    ],
)
def test_the_shipped_vocabulary_files_labels_zones_print(label, unit, slug):
    assert indicator_for(label, unit, shipped_rules()) == slug


def test_a_bare_total_is_the_total_of_what_the_figure_before_it_added_to():
    sentence = "高新区新增高新技术企业101家，总数达979家。"
    added = fact("新增高新技术企业", "新增高新技术企业101家", "家", sentence)
    total = fact("总数", "总数达979家", "家", sentence)
    assert indicators_for([added, total], RULES) == ["high-tech-enterprises", "high-tech-enterprises"]
    # Alone, a total says nothing of what it counts.
    assert indicators_for([fact("总数", "总数达979家", "家", "总数达979家。")], RULES) == [""]
