import pytest

from articles.ingest.dates import article_year
from articles.ingest.metrics import extract_metrics


def facts(text, year=None):
    return [(m.label, m.value, m.unit, m.normalized_value, m.normalized_unit, m.qualifier)
            for m in extract_metrics(text, article_year=year)]


def one(text, year=None):
    found = extract_metrics(text, article_year=year)
    assert len(found) == 1, found
    return found[0]


def test_project_sentence_from_a_feature():
    text = (
        "项目总投资50亿元，建设年产10万吨锂电负极和2万吨硅碳负极生产基地，预计项目建成全部达产后，"
        "可实现年产值120亿元、利税20亿元，带动就业500人以上。"
    )
    assert facts(text) == [
        ("总投资", 50, "亿元", 5e9, "元", "exact"),
        ("年产", 10, "万吨", 1e5, "吨", "exact"),
        ("年产", 2, "万吨", 2e4, "吨", "exact"),
        ("年产值", 120, "亿元", 1.2e10, "元", "exact"),
        ("利税", 20, "亿元", 2e9, "元", "exact"),
        ("带动就业", 500, "人", 500, "人", "at_least"),
    ]


def test_percent_and_percentage_points_are_kept_apart_with_the_period():
    text = "今年上半年，园区新增签约项目42个，完成全年任务的64.6%，超出序时进度14.6个百分点。"
    found = extract_metrics(text, article_year=2022)
    assert [(m.label, m.value, m.unit) for m in found] == [
        ("新增签约项目", 42, "个"),
        ("完成全年任务", 64.6, "%"),
        ("超出序时进度", 14.6, "个百分点"),
    ]
    assert {m.normalized_unit for m in found} == {"个", "%", "个百分点"}
    assert all(m.year == 2022 and m.period == "今年上半年" for m in found)


def test_sentence_and_offset_point_back_into_the_body():
    body = "据了解，今年第三季度乐山高新区共受理企业、群众诉求1033件，满意率达97.7%。\n会议指出，工作要做实。"
    found = extract_metrics(body, article_year=2025)
    assert [(m.label, m.value, m.unit) for m in found] == [
        ("受理企业、群众诉求", 1033, "件"),
        ("满意率", 97.7, "%"),
    ]
    for m in found:
        assert body[m.offset : m.offset + len(m.sentence)] == m.sentence
        assert m.year == 2025 and m.period == "今年第三季度"


@pytest.mark.parametrize(
    "text, label, value, unit, normalized, qualifier",
    [
        ("2023年，烟台高新区新增授权发明专利283件。", "新增授权发明专利", 283, "件", 283, "exact"),
        ("联动引育各类产业人才1000人以上。", "联动引育各类产业人才", 1000, "人", 1000, "at_least"),
        ("自主培育各类高技能人才3000余人。", "自主培育各类高技能人才", 3000, "人", 3000, "at_least"),
        ("发放各类人才资金8000余万元。", "发放各类人才资金", 8000, "万元", 8e7, "at_least"),
        ("截至目前，工会会员3.74万人。", "工会会员", 3.74, "万人", 37400, "exact"),
        ("累计总投资额73.42亿元。", "总投资额", 73.42, "亿元", 7.342e9, "exact"),
        ("今年1-5月累计上报固定资产投资额4.6亿元。", "上报固定资产投资额", 4.6, "亿元", 4.6e8, "exact"),
        ("往返行程累计近2万公里。", "往返行程", 2, "万公里", 20000, "approximate"),
        ("企业有党员近20名，大部分是核心骨干。", "党员", 20, "名", 20, "approximate"),
        ("先后引进的产业项目总投资额约85亿元。", "总投资额", 85, "亿元", 8.5e9, "approximate"),
        ("宝鸡高新区两支队伍入选。", "队伍", 2, "支", 2, "exact"),
        ("新建丰碑、裕欣生物等4个村办产业园区。", "村办产业园区", 4, "个", 4, "exact"),
        ("每家企业补贴不超过50万元。", "每家企业补贴", 50, "万元", 5e5, "at_most"),
        ("带头现场授课近50多场。", "带头现场授课", 50, "场", 50, "approximate"),
        ("工会会员增至二十五万人左右。", "工会会员", 25, "万人", 250000, "approximate"),
        ("年产值50亿元上下。", "年产值", 50, "亿元", 5e9, "approximate"),
        # 上下游: upstream and downstream, no "about"
        ("联盟联合34家上下游企业。", "上下游企业", 34, "家", 34, "exact"),
    ],
)
def test_value_unit_label_and_qualifier(text, label, value, unit, normalized, qualifier):
    m = one(text)
    assert (m.label, m.value, m.unit, m.normalized_value, m.qualifier) == (
        label, value, unit, normalized, qualifier,
    )


def test_last_figure_of_a_list():
    found = extract_metrics("已录入工会组织364个、工会会员3.74万人。")
    assert [(m.label, m.value, m.unit) for m in found] == [("录入工会组织", 364, "个"), ("工会会员", 3.74, "万人")]


def test_growth_rate_and_comparison_year():
    text = "2021年度全区上报研发经费2.64亿元，较去年增长0.4个百分点。同比增长80%。"
    found = extract_metrics(text, article_year=2022)
    assert [(m.label, m.value, m.unit, m.year) for m in found] == [
        ("上报研发经费", 2.64, "亿元", 2021),
        ("增长", 0.4, "个百分点", 2021),
        ("同比增长", 80, "%", None),
    ]


def test_listed_projects_each_with_its_total_investment():
    text = "其中总投资11亿元的华孚二期三期、总投资10亿元的锡州机械，以及总投资9亿元的天力二期顺利签约。"
    assert [(m.label, m.value) for m in extract_metrics(text)] == [("总投资", 11), ("总投资", 10), ("总投资", 9)]


def test_a_count_of_ten_items_named_by_a_noun():
    m = one("聚力打造实施10个人才创新项目，为产业发展赋能。")
    assert (m.label, m.value, m.unit) == ("人才创新项目", 10, "个")


def test_ranges_stay_ranges():
    m = one("重点打造2-3名稀土高层次人才冲刺国家级重点人才计划。")
    assert (m.value, m.value_max, m.unit, m.label) == (2, 3, "名", "稀土高层次人才")
    assert m.normalized_max == 3


def test_counts_take_the_noun_after_the_measure_word():
    text = "目前，园区共有华润金蟾、中意胶带、相邦科技、中勤科技4个博士后科研工作站，组织45名包保干部深入87家“四上企业”。"
    assert [(m.label, m.value, m.unit) for m in extract_metrics(text)] == [
        ("博士后科研工作站", 4, "个"),
        ("包保干部", 45, "名"),
        ("四上企业", 87, "家"),
    ]


def test_years_relative_to_the_article():
    found = extract_metrics("去年以来，烟台高新区新增高新技术企业100家。今年以来，共推荐26家企业申报。", article_year=2024)
    assert [(m.label, m.value, m.year, m.period) for m in found] == [
        ("新增高新技术企业", 100, 2023, "去年以来"),
        ("推荐企业申报", 26, 2024, "今年以来"),
    ]
    assert extract_metrics("今年以来，共推荐26家企业申报。")[0].year is None


@pytest.mark.parametrize(
    "text",
    [
        "7月25日，淮北高新区召开专项行动动员部署会。",
        "2023年，园区发展迅速。",
        "淮北高新区理论中心组第8次学习研讨会第一时间集中学习。",
        "4月15日，第135届中国进出口商品交易会举行。",
        "搭建“1+X+N”的开放式组织体系，推动“3+1”结对工程。",
        "加压推进“六找六强”，实现“六个一”目标，实行“一对一”结对帮扶。",
        "实现最大政绩，关键在“一把手”。",
        "各项经济指标呈两位数增长，在国家高新区综合评价中再跃进8位。",
        "其中总投资10亿元以上项目、5亿元以上项目顺利签约。",
        "围绕三大主导产业，打造十大人才创新项目。",
        "确保每季度召开一次联席会议，推行“一项目一专班”，华孚二期三期开工。",
        "5G基站和3S双创社区，覆盖全国2/3千万级机场。",
        "设立15分钟政务服务圈，联系电话13812345678。",
        "开展“百名博士进高新”和“万人助万企”活动，达成“100%满意”目标。",
        "根据《关于促进2个中心建设的若干措施》执行。",
        "3家以上企业联合申报的项目可获支持。",
        "滨江区委五届十次全会定下“三大主题年”，三个主题年里各有侧重。",
    ],
)
def test_never_metrics(text):
    assert extract_metrics(text, article_year=2024) == []


def test_a_part_counted_with_a_floor_before_its_noun_is_a_count():
    found = extract_metrics("产业链党委覆盖核心企业68家，其中35家以上企业建有党组织。")
    assert [(m.value, m.unit, m.qualifier) for m in found] == [(68, "家", "exact"), (35, "家", "at_least")]


def test_other_zone_sentences():
    text = (
        "2023年，宜兴高新区实现规上工业产值1200.5亿元，同比增长8.3%；"
        "新增国家级专精特新“小巨人”企业12家，引进博士36名、硕士120余名。"
    )
    found = extract_metrics(text, article_year=2024)
    assert [(m.label, m.value, m.unit, m.normalized_value, m.qualifier, m.year) for m in found] == [
        ("规上工业产值", 1200.5, "亿元", 1.2005e11, "exact", 2023),
        ("规上工业产值同比增长", 8.3, "%", 8.3, "exact", 2023),  # the growth of the figure before
        ("新增国家级专精特新“小巨人”企业", 12, "家", 12, "exact", 2023),
        ("引进博士", 36, "名", 36, "exact", 2023),
        ("硕士", 120, "名", 120, "at_least", 2023),
    ]


def test_article_year_takes_the_latest_past_or_present_year():
    assert article_year("2021年，招引人才3861人；2022年上半年，举办培训班。") == 2022
    assert article_year("截至2023年底，园区已建成。预计2026年竣工17个，到2030年实现倍增。") == 2023
    assert article_year("2025年，神马尼龙化工有限责任公司将实施升级改造项目。") is None
    assert article_year("近日，2024东莞市职业技能大赛举办。") == 2024
    assert article_year("园区有企业2024家。") is None
    assert article_year("没有年份。", title="2019年度报告") == 2019


@pytest.mark.parametrize(
    "text",
    [
        "通过探索党建链、党建补链、党建延链三条路径，让党旗在产业链上高高飘扬。",
        "从产才融合、载体创建、服务优化3个方面精准发力。",
        "积极引导中小企业从科技、研发费用、知识产权三个方面加大投入。",
        "将持续做好“党建+”引领，“学习+”赋能，“服务+”效能3篇文章。",
        "深耕工业互联网、车联网两个行业应用以及系统集成解决方案。",
    ],
)
def test_counts_of_abstract_nouns_figures_of_speech_and_listed_names_are_not_metrics(text):
    assert facts(text) == []


def test_the_kinds_things_are_sorted_into_are_no_count():
    found = [(m.value, m.unit) for m in extract_metrics("省里下达的三类“500强”项目任务为3个，全年完成7个。")]
    assert found == [(3, "个"), (7, "个")]
    found = [(m.value, m.unit) for m in extract_metrics("党委把辖区五类组织的党建工作统起来，用五种颜色标注，覆盖企业32家。")]
    assert found == [(32, "家")]


def test_a_count_of_listed_names_in_arabic_digits_is_still_a_fact():
    text = "划分综合协调、项目招引、建设护航、审批服务4个先锋小组。"
    assert [(m.label, m.value) for m in extract_metrics(text)] == [("先锋小组", 4)]


@pytest.mark.parametrize(
    "text, labels",
    [
        ("今年以来，共推荐26家企业申报认定高企（复审16家）。", ["推荐企业申报认定高企", "复审"]),
        ("累计收办75家企业反映的诉求和建议107项。", ["收办企业", "诉求和建议"]),
        ("帮助7家企业引进科研人才10名。", ["帮助企业引进科研人才", "企业引进科研人才"]),
        ("咸宁高新区获评专精特新“小巨人”的8家企业分别是。", ["获评专精特新“小巨人”企业"]),
        ("通化医药高新区21个直属机关基层党组织和39家企业中35个非公企业党组织参与。",
         ["直属机关基层党组织", "企业", "非公企业党组织"]),
    ],
)
def test_a_generic_noun_takes_the_verbs_that_say_which(text, labels):
    assert [m.label for m in extract_metrics(text)] == labels


@pytest.mark.parametrize(
    "text, label",
    [
        # OCR reads 入 as 人
        ("楼宇内31家人驻企业代表齐聚一堂。", "入驻企业代表"),
        ("黏合777家人驻企业。", "入驻企业"),
        ("成立了3个楼宇综合党委。", "楼宇综合党委"),
        ("引进10余家供应链独立法人企业落户。", "供应链独立法人企业"),
        # the zone's own organs (高新区直机关) are not part of what is counted
        ("调配高新区直机关党员干部1000余人次参与志愿服务。", "机关党员干部"),
        # quotation marks do not count towards the length, and no label starts mid-word
        ("宝鸡高新区拥有宝鸡市级秦创原“科学家+工程师”队伍9支。", "宝鸡市级秦创原“科学家+工程师”队伍"),
        # 新 says the count is of new ones: 新组建 is not 组建 (a total: 已组建党支部60个)
        ("2023年，园区新组建党支部5个。", "新组建党支部"),
        # what follows the figure is the next clause, not what is counted
        ("园区还摸清闲置厂房38家并逐一登记建表。", "摸清闲置厂房"),
    ],
)
def test_labels_are_the_shortest_whole_phrase(text, label):
    assert one(text).label == label


def test_round_numbers_after_a_qualifier():
    text = "为近百家企业提供政策咨询。今年以来累计吸引青年人才逾千人。上百家企业参加。"
    assert [(m.value, m.unit, m.qualifier) for m in extract_metrics(text)] == [
        (100, "家", "approximate"), (1000, "人", "at_least"), (100, "家", "at_least"),
    ]
    assert facts("扎实开展“百名博士进高新”活动，实施万人助万企行动。") == []


def test_clauses_after_a_semicolon_keep_the_year_of_the_first():
    text = "2023年，合肥高新区量子产业实现营业收入3.5亿元；研发投入强度达12.6%。区内新建孵化器3个。"
    found = extract_metrics(text, article_year=2024)
    assert [(m.label, m.year) for m in found] == [("营业收入", 2023), ("研发投入强度", 2023), ("新建孵化器", None)]


def test_places_listed_with_deng_di_are_not_the_label():
    assert one("赴长三角、珠三角等地开展招商活动50余场。").label == "开展招商活动"
    assert one("高新技术企业总数突破1100家。").qualifier == "at_least"


def test_a_rate_followed_by_growth_is_labelled_as_the_growth():
    m = one("主要经济指标连续两年保持20%以上增长，为战略实施注入动能。")
    assert (m.label, m.value, m.qualifier) == ("主要经济指标增长", 20, "at_least")


# --- what the genre prints: changes, compound units, speech, anecdotes, whose figure ----------------

from articles.ingest.metrics import extract_figures  # noqa: E402


def labelled(text, year=2023):
    return [(m.label, m.value, m.unit) for m in extract_metrics(text, article_year=year)]


def test_only_before_a_figure_is_not_part_of_its_label():
    assert labelled("这个高新区辖区只有8.32平方公里，核心区面积仅有2.1平方公里。") == [
        ("辖区", 8.32, "平方公里"), ("核心区面积", 2.1, "平方公里"),
    ]
    assert labelled("港区登记的船只有120艘。") == [("船只", 120, "艘")]  # 只 of 船只 stays


def test_working_days_are_a_unit_and_a_shortened_time_is_labelled_without_its_verb():
    assert labelled("项目审批时限压缩至51个工作日，比过去缩短到三分之一。")[:1] == [("项目审批时限", 51, "个工作日")]
    assert labelled("项目审批时间缩短到15天。") == [("项目审批时间", 15, "天")]


def test_one_project_named_again_keeps_the_word_project():
    assert labelled("这一项目年产光伏组件1GW。") == [("项目年产光伏组件", 1, "GW")]
    assert labelled("这8个项目总投资56亿元。") == [("总投资", 56, "亿元")]


def test_a_later_end_stated_before_the_earlier_one_it_grew_from_is_one_change():
    found = extract_metrics("2017年，园区实现主营业务收入452亿元，由上年的约411亿元增长10%。", article_year=2017)
    assert [(m.label, m.value_from, m.value, m.kind) for m in found][:1] == [("主营业务收入", 411, 452, "change")]
    assert [m.value for m in found] == [452, 10]
    # a figure after 比上年 that is not followed by how it grew is no earlier end
    found = extract_metrics("全年营业收入120亿元，比上年的100亿元目标多出一截。", article_year=2023)
    assert [(m.value_from, m.value) for m in found][:1] == [(None, 120)]


def test_certified_firms_counted_as_still_valid_are_the_later_end_of_a_change():
    (found,) = extract_metrics("高新技术企业由2021年的6家增至有效期内55家。", article_year=2024)
    assert (found.label, found.value_from, found.value, found.kind) == ("高新技术企业", 6, 55, "change")


def test_a_project_built_in_another_district_and_the_city_s_plan_are_the_city_s():
    body = "去年1月，杉杉年产20万吨锂离子电池负极材料项目在彭山区动工。高新区项目一期完成70%。"
    assert [(m.value, m.scope) for m in extract_figures(body, article_year=2023)] == [
        (20, "city"), (70, "zone"),
    ]
    body = (
        "按照市委部署，全市今年启动工业园区三年提升行动：2025年园区规模以上工业总产值占全市的比重达到70%。"
        "高新区今年新开工项目25个。"
    )
    assert [(m.value, m.scope) for m in extract_figures(body, article_year=2025)] == [(70, "city"), (25, "zone")]


def test_pairs_are_counted_but_one_to_one_and_a_verb_are_not():
    assert labelled("今年以来，产业链新增支部结对24对、研发人员结对71对。") == [
        ("产业链新增支部结对", 24, "对"), ("研发人员结对", 71, "对"),
    ]
    assert labelled("开展1对1帮扶，党员骨干与企业对接。") == []


def test_figures_of_what_the_city_s_own_bodies_carry_out_are_the_city_s():
    body = "这项行动由市委组织部、市经信局和市国资委共同推动，参与签约的有4家国企和14家民企。高新区新建党支部3个。"
    assert [(m.value, m.scope) for m in extract_figures(body, article_year=2025)] == [
        (4, "city"), (14, "city"), (3, "zone"),
    ]


def test_the_set_a_zone_is_ranked_in_is_no_figure_of_it():
    assert labelled("园区在47个省级开发区中排名第一、在10个省级高新区中排名第一。") == []
    assert labelled("园区入驻企业115家，在自治区24家重点调控开发区中综合经济指标排第11位。") == [
        ("入驻企业", 115, "家"),
    ]
    assert [m.value for m in extract_metrics("在园区的30家企业中，有12家建立了党组织。", article_year=2023)] == [30, 12]


def test_social_and_two_new_organisations_are_the_nouns_counted():
    assert labelled("已将15家社会组织纳入管理范围。") == [("社会组织", 15, "家")]
    assert labelled("全区有120个两新组织建立了党组织。") == [("两新组织", 120, "个")]


def test_a_kind_of_park_after_a_measure_word_is_the_noun_counted():
    assert labelled("联盟由11家国家高新区联合发起。") == [("国家高新区", 11, "家")]


def test_the_zone_s_own_extent_is_labelled_its_area():
    (found,) = extract_metrics("同年，园区由设立时的1.39平方公里扩大到33.46平方公里。", article_year=2018)
    assert (found.label, found.value_from, found.value, found.kind) == ("园区面积", 1.39, 33.46, "change")


def test_a_change_is_one_fact_with_both_ends_named_by_what_comes_before_from():
    found = extract_metrics("园区非公企业党组织由2018年的96个增至目前的213个，覆盖企业520余家。", article_year=2023)
    assert [(m.label, m.value_from, m.value, m.unit, m.kind) for m in found] == [
        ("非公企业党组织", 96, 213, "个", "change"), ("覆盖企业", None, 520, "家", "actual"),
    ]
    assert found[0].normalized_from == 96 and found[0].raw == "非公企业党组织由2018年的96个增至目前的213个"
    m = one("联盟成员单位由去年成立时的15家发展到目前的42家。", year=2023)
    assert (m.label, m.value_from, m.value, m.kind) == ("联盟成员单位", 15, 42, "change")
    # a subject of its own after the figure that opens a sentence still keeps the change's first end
    m = one("产业链企业由最初的3家企业发展到56家。")
    assert (m.label, m.value_from, m.value) == ("产业链企业", 3, 56)
    m = one("高新技术企业数量从成立之初的3家增长到156家。")
    assert (m.label, m.value_from, m.value) == ("高新技术企业数量", 3, 156)
    # a rate, and an area whose later end is "more than"
    m = one("规模以上非公企业党组织覆盖率由78%提高到91%。")
    assert (m.value_from, m.value, m.unit, m.kind) == (78, 91, "%", "change")
    m = one("园区面积由1.1平方公里增至430多平方公里。")
    assert (m.value_from, m.value, m.qualifier) == (1.1, 430, "at_least")
    m = one("开发区面积由9.84平方公里扩展到90.34平方公里。")
    assert (m.value_from, m.value, m.kind) == (9.84, 90.34, "change")
    # the later end of a time of its own, a month or the start of a year
    m = one("生物谷集聚的药企从2023年7月的44家增加到今年初的49家。", year=2025)
    assert (m.value_from, m.value, m.kind) == (44, 49, "change")
    # a first end named only by its time takes the name of the clause before
    m = one("生物谷集聚的药企，从2023年7月的44家增加到今年初的49家。", year=2025)
    assert (m.label, m.value_from, m.value) == ("药企", 44, 49)
    # the later end after a comma, each end with its time
    m = one("全区生产总值由2017年首次跨过千亿元时的1088.9亿元，增至2020年的1745.7亿元。", year=2021)
    assert (m.label, m.value_from, m.value, m.kind) == ("生产总值", 1088.9, 1745.7, "change")


def test_a_change_whose_first_end_is_of_a_time_before_and_whose_ends_have_different_units():
    m = one("三年前组建时只有6名党员，如今党员队伍已扩大到21名。")
    assert (m.label, m.value_from, m.value, m.unit, m.kind) == ("党员", 6, 21, "名", "change")
    m = one("园区党建经费由8000万元增至1.2亿元。")
    assert (m.value_from, m.value, m.unit, m.normalized_from, m.normalized_value) == (0.8, 1.2, "亿元", 8e7, 1.2e8)


@pytest.mark.parametrize(
    "text, label, value",
    [
        # a rise stated alone is a count of the new ones, labelled with its verb
        ("今年园区新增链上企业党组织12家。", "新增链上企业党组织", 12),
        ("新吸纳8家企业党组织入盟，联盟成员单位增至31家。", "联盟成员单位", 31),
        # two figures in two clauses are two facts
        ("园区有党员300名，其中流动党员20名。", "其中流动党员", 20),
    ],
)
def test_a_rise_stated_alone_is_an_actual_figure(text, label, value):
    found = extract_metrics(text, article_year=2023)
    assert found[-1].kind == "actual" and found[-1].value_from is None
    assert (found[-1].label.endswith(label) or label.endswith(found[-1].label)) and found[-1].value == value


@pytest.mark.parametrize(
    "text, low, high, unit",
    [
        ("每人包联3至5家企业。", 3, 5, "家"),
        ("帮助链上企业对接银行授信3至5亿元。", 3, 5, "亿元"),
        ("帮助链上企业对接银行授信3亿元至5亿元。", 3, 5, "亿元"),
        ("重点打造2-3名稀土高层次人才。", 2, 3, "名"),
        ("可加工直径30毫米至1600毫米的全系列油缸。", 30, 1600, "毫米"),
    ],
)
def test_a_range_is_one_fact_with_both_ends(text, low, high, unit):
    m = one(text)
    assert (m.value, m.value_max, m.unit, m.kind, m.value_from) == (low, high, unit, "range", None)


@pytest.mark.parametrize(
    "text, value, year",
    [
        ("海口高新区力争新增非公企业党组织20个以上。", 20, None),
        ("今年计划再建驿站5个，实现重点商圈全覆盖。", 5, 2023),
        ("预计全年完成研发费用8.1亿元。", 8.1, None),
        ("高新区将精心培育不少于2个近邻党建示范社区。", 2, None),
        ("园区将继续深化“筑固工程”，今年新培育党建示范企业不少于5家。", 5, 2023),
        ("“今年我们的目标是翻一番，计划承接30万套订单。”车间主任说。", 30, 2023),
        # a year to reach after the article's year is the target year
        ("按照园区规划，到2025年，园区税收达到70亿元。", 70, 2025),
        ("杨凌示范区表示，明年力争培育党建引领产业发展示范村10个。", 10, 2024),
        ("明年将把“五联一抓”机制延伸到更多农业企业，培育示范村10个。", 10, 2024),
        ("今年的任务是新建党组织10个。", 10, 2023),
        ("园区拟定于年内建成红色驿站3个。", 3, None),  # 拟定于: scheduled, still a plan
    ],
)
def test_targets_and_plans(text, value, year):
    m = one(text, year=2023)
    assert (m.value, m.kind, m.year) == (value, "target", year)


@pytest.mark.parametrize(
    "text",
    [
        "到2024年底，基层党组织已增加到2577个。",  # a year to reach that is past in a 2025 article
        "园区将2024年确定为招商建设年，先后引进产业项目30余个。",  # 将 here is 把
        "园区将党建工作融入企业治理，建成党群服务站12个。",
        "园区把红色教育纳入党员年度学习计划，组织各类专题学习86场次。",  # a plan as a noun
        "下一步将继续推进，目前已建成驿站9个。",  # what is already done
        "帮助园区企业争取和兑现各级政策资金4000余万元。",  # 争取 is obtaining
        "园区入选国家千人计划专家6名。",  # 计划 naming a programme
        "园区企业累计承担国家级科技计划项目20余项。",  # 科技计划项目: projects of a programme
        "截至目前，已将63家企业纳入管理范围。",  # 已将: 把, done
        "两区当年争取到位各类资金3.31亿元。",  # 争取到位: obtained
        "园区将招商作为头号工程，最后完成了项目7个。",  # what the plan came to
        "园区拟定整改方案，2022年处置低效用地475.37亩。",  # 拟定: a plan drawn up, the land dealt with
        "园区企业入库“863”计划项目6项。",  # a programme named in quotes
        "园区企业获批国家科技支撑计划项目6项。",
    ],
)
def test_done_things_in_the_words_of_a_plan_are_actual(text):
    assert [m.kind for m in extract_metrics(text, article_year=2025)] == ["actual"]


def test_capacity_planned_or_expected_is_a_target_a_planned_area_is_not():
    found = extract_metrics("项目分两期建设，二期规划增设2万吨正极补锂剂产能。", article_year=2023)
    assert [m.kind for m in found] == ["target"]
    found = extract_metrics("园区有望实现年产值50亿元。", article_year=2023)
    assert [m.kind for m in found] == ["target"]
    found = extract_metrics("建园之初规划建设面积18平方公里。", article_year=2023)
    assert [m.kind for m in found] == ["actual"]


def test_the_share_of_a_year_s_plan_done_is_a_share():
    (found,) = extract_metrics("截至专访时，完成年度计划的87%。", article_year=2024)
    assert found.kind == "share"


def test_what_must_be_reached_by_the_page_s_own_year_is_a_target():
    found = extract_metrics("按照专项方案，到2023年，园区经济总量要突破3600亿元。", article_year=2023, article_month=6)
    assert [(m.label, m.value, m.kind) for m in found] == [("经济总量", 3600, "target")]
    assert [m.kind for m in extract_metrics("园区需要100名技术工人。", article_year=2023)] == ["actual"]


def test_a_planned_range_is_a_target_with_both_ends_and_only_the_figure_after_the_plan_is_one():
    found = extract_metrics("宁乡高新区表示，今年将继续深化“党建+产业链”模式，培育党建示范企业10至15家。", article_year=2023)
    assert [(m.value, m.value_max, m.kind) for m in found] == [(10, 15, "target")]
    found = extract_metrics("已竣工投产项目10个，预计2025年竣工17个。", article_year=2025)
    assert [(m.value, m.kind, m.year) for m in found] == [(10, "actual", None), (17, "target", 2025)]


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("2023年，园区实现营业收入3.5亿元，同比增长15%。", ["actual", "share"]),
        ("高新区生物医药产业产值占海口市的80.98%，占全省的77%。", ["share", "share"]),
        ("已累计培育国家级孵化器15个，占全省近8%。", ["actual", "share"]),
        ("来自“两企三新”领域的党组织和党员占比接近50%。", ["share"]),
        ("园区新增签约项目42个，完成全年任务的64.6%，超出序时进度14.6个百分点。", ["actual", "share", "share"]),
        ("产业园新增非公企业党组织5个，党组织覆盖率提高了20%。", ["actual", "share"]),
        # a cut of what the verb names
        ("共享设备服务企业46次，帮助企业降低检测成本约30%。", ["actual", "share"]),
        # a rate that is itself what is measured
        ("群众满意率达到98.6%，企业诉求办结率97.5%。", ["actual", "actual"]),
        # a planned growth is a plan
        ("今年园区预计将分别增长25%、20%。", ["target", "target"]),
    ],
)
def test_shares_and_growth_rates_of_another_indicator(text, kinds):
    assert [m.kind for m in extract_metrics(text, article_year=2023)] == kinds


@pytest.mark.parametrize(
    "text, year, period",
    [
        ("今年1至5月，贵阳高新区新引进产业项目到位资金69.1亿元。", 2023, "今年1至5月"),
        ("1至11月，高新区企业研发费用填报7.4亿元。", 2023, "1至11月"),
        ("上半年登记技术合同7.7亿元。", 2023, "上半年"),
        ("前三季度，园区完成固定资产投资39.4亿元。", 2023, "前三季度"),
        ("今年前5个月，长春高新区完成投资120.5亿元。", 2023, "今年前5个月"),
        ("近三年，园区链上企业党组织新增52个。", 2023, "近三年"),
        ("品牌推出以来，群工队伍累计收集办理群众诉求1.2万余件。", 2023, "累计"),
        ("2022年上半年，共开设培训班20个。", 2022, "2022年上半年"),
    ],
)
def test_periods_as_written(text, year, period):
    m = one(text, year=2023)
    assert (m.year, m.period) == (year, period)


def test_a_period_in_one_sentence_is_not_carried_over_a_sentence_with_its_own():
    found = extract_metrics("2025年1至9月，高新区实现地区生产总值115.5亿元；1至11月外贸进出口额约1.11亿美元。", article_year=2025)
    assert [m.period for m in found] == ["2025年1至9月", "1至11月"]


def test_running_totals_keep_their_own_clause():
    found = extract_metrics("累计收办企业诉求107项，办结率100%。", article_year=2023)
    assert [(m.period, m.year) for m in found] == [("累计", 2023), ("", None)]


def test_compound_count_units_and_more_after_ten_thousand():
    assert labelled("接待客商259批次，组织各类专题学习86场次。") == [
        ("接待客商", 259, "批次"), ("组织各类专题学习", 86, "场次"),
    ]
    found = one("科学城内集聚企业2.2万余家。")
    assert (found.value, found.unit, found.qualifier) == (2.2, "万家", "at_least")
    found = one("柳州高新区已是广西首个规模以上工业总产值突破千亿元的产业新城。")
    assert (found.value, found.unit, found.qualifier) == (1000, "亿元", "at_least")


def test_labels_for_participants_areas_and_bare_counts_of_how_many():
    assert labelled("去年共举办12期，吸引1800余人次参加。")[1] == ("参加人次", 1800, "人次")
    assert labelled("30年间，这片278平方公里的土地由池塘洼地蜕变为创新之城。") == [("面积", 278, "平方公里")]
    assert labelled("园区内的无人机综合考点，每年接待执照培训和考试的人数已突破5000人次。") == [
        ("每年接待执照培训和考试人数", 5000, "人次"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "“我们公司只有4名党员，过去过组织生活只能挤在会议室里。”一家芯片设计企业的党支部书记说。",
        "去年，这家企业的两名技术骨干结识了上游材料企业的工程师。",
        "贵州雅光电子科技股份有限公司的起步，就是三名党员撑起来的。",
        "运行三个月来，产业链党委以帮扶企业为抓手。",
        "对党员人数不足3名的企业以楼宇为单元组建联合党支部。",
        "2020年规模以上工业总产值首次突破3000亿元大关。",
        "“源动力”三个字各有所指。",
        "形成三位一体的活动体系。",
        "中心提供24小时服务。",
        "开发区搭起“1310”攻坚体系（即1条主线、3大目标、10大工程）。",
        "由市四家班子主要领导任指挥长。",
        "白马园区距中心城区4公里。",
        "园区距遵义南站约3公里、遵义高铁站约5公里，交通便利。",
        "园区党工委举办了为期2天的培训会。",
        "园区工业增速连续12个月居全市第一。",
    ],
)
def test_no_figure_of_the_zone(text):
    assert labelled(text) == []


def test_a_sum_naming_the_size_of_what_is_counted_is_no_figure_but_an_investment_is():
    text = "签下超1000万美元外资项目66个，其中超10亿元项目11个；新增20亿元企业、10亿元企业各1家。"
    assert [(value, unit) for _label, value, unit in labelled(text)] == [(66, "个"), (11, "个"), (1, "家")]
    assert labelled("园区投资10亿元项目开工3个。")[0][1:] == (10, "亿元")


def test_a_speakers_large_figure_is_kept():
    assert labelled("“今年我们的目标是翻一番，计划承接30万套订单。”企业负责人说。")[0][1:] == (30, "万套")


def test_a_figure_stated_again_later_is_kept_once_but_two_in_one_sentence_are_two():
    text = "园区组建3个产业链党建联盟。\n下一步，将推动3个产业链党建联盟常态化运转。"
    assert [m.value for m in extract_metrics(text, article_year=2023)] == [3]
    text = "机关党委下设党支部17个；经济组织党委下设企业党委2个、党支部17个。"
    assert [m.value for m in extract_metrics(text, article_year=2023)] == [17, 2, 17]


@pytest.mark.parametrize(
    "text, scope",
    [
        ("全市已建成各类红色驿站352个。", "city"),
        ("桂林高新区所在的七星区依托各级党群服务中心，在商圈和街区建成“暖新驿站”24个。", "city"),
        ("2024年，邳州实现地区生产总值1354.89亿元。", "city"),
        ("同期，璧山区全区规模以上工业总产值增长12.1%。", "city"),
        ("仙桃的非织造布企业一度每天提交医用防护服5万件。", "city"),
        ("宜宾常态化开展“组织找党员”活动，共找出党员618名。", "city"),
        ("南充建立市县两级两新工委工作规则，成立12个市级行业党委。", "city"),
        ("赣州素有“稀土王国”之称，全世界60%的黑钨蕴藏在这片土地上。", "city"),
        ("在浙江省第二批42个省级创建类特色小镇中，小镇排名第二。", "province"),
        ("9月27日，建筑面积2187平方米的溧阳城市党建馆正式开馆。", "city"),
        ("红军在江油的三个月里，近9000名江油子弟参加了红军。", "city"),  # the place's people, counted
        ("1921年成立的“中共洛阳组”只有3名党员。", "city"),
        ("同一年，全省国家高新区工业总产值超过3500亿元。", "province"),
        ("高新区所在的烟台市，去年上半年高新技术企业已达1120家。", "city"),
        ("开发区所在的晋江是县域经济的“领跑者”，地区生产总值已突破3000亿元。", "city"),
        ("荣昌区是民营经济大区，全区80%的税收来自民营经济。", "city"),
        ("按照永川区出台的行动方案，全区将构建2个主导产业。", "city"),
        # the size of the city's list the zone's places were chosen for; the city's figure compared with
        ("高新区的驿站入选全市首批100家市级“友好场景”名单。", "city"),
        ("高新区的增速比全市2019年9%的预期目标高出一大截。", "city"),
        # a company named after its province: the company's line, not the province acting
        ("园区里，湖南省澜科新创电子有限公司的车间里，4条生产线正在运转。", "zone"),
        # first in the city, of the province: a rank, not the city acting
        ("园区在全市率先组建国有专业招商公司，签约引进项目62个。", "zone"),
        # the counties and districts of a city, counted
        ("观摩团从13个县市区远道而来。", "city"),
        # what the city sets for all it has (a province's task for the zone is the zone's)
        ("市里给规上工业企业定的能耗目标是下降2%。", "city"),
        ("2020年省里下达的项目任务是3个。", "zone"),
        ("创业园是全国首批国家级科技企业孵化器，累计引进科技企业1800多家。", "zone"),
        ("去年，莱芜区工业总产值达到1307亿元。", "city"),
        ("2013年，通化市医药工业产值达到765.9亿元，同比增长37%。", "city"),
        ("郴州探索区域性党支部建设办法，全市已建立区域性龙头企业党组织224个。", "city"),
        # zones of a kind together (在全国各…示范区中) are not this zone acting
        ("长治市8个项目获得支持，在全国各产业转型升级示范区中排名第一，项目总投资6.5亿元。", "city"),
        # the city's parks counted together, and the zone among the parts a city governs
        ("2021年底，扬州市为全市10家开发园区明确了19个重点特色产业。", "city"),
        ("南昌市要求每个园区配备不少于2名正式人员。", "city"),
        ("大庆先有油田、后有城市，市域面积2.1万平方公里。", "city"),
        ("枣庄下辖五区一市和枣庄高新区，面积4564平方公里。", "city"),
        # the district's whole (全区) after 占 is the base of the share, not the zone acting
        ("鲤城区纺织鞋服产业有规上企业133家，占全区规上企业的61.2%，其中省级龙头企业3家。", "city"),
        # one of the place's set (…之一), and what the sentence says of that set after it
        ("这个项目是大冶市一次集中签约的28个项目之一，那次签约协议总投资42.88亿元。", "city"),
        # the zone as one of a list of places: a figure of them all
        ("会前，与会人员先后来到丰南区、路北区和高新区，实地观摩了4个“两企三新”A档党组织。", "city"),
        # the zone's own figures, with a city only as a base or a destination
        ("高新区生物医药产业产值占海口市的80.98%，占全省的77%。", "zone"),
        ("高新技术企业要占到全省总量的三分之一，园区至少拥有8家国家级研发机构。", "zone"),
        ("2023年大连高新区实现地区生产总值444.6亿元，增速高于全市1个百分点。", "zone"),
        ("招商人员赴上海、广州、深圳、北京等地拜访企业305家。", "zone"),
        ("常州国家高新区（新北区）组建产业链党委6个。", "zone"),
        ("其中，桂林高新区辖区已建成驿站9个。", "zone"),
        ("全区新建两新党组织27个。", "zone"),
        ("高新区下辖3个街道，面积98平方公里。", "zone"),
        # a province or city naming a kind of thing, not acting
        ("无锡高新区累计建设江苏省重点工业互联网平台12个。", "zone"),
        ("宝鸡高新区拥有陕西省秦创原“科学家+工程师”队伍6支。", "zone"),
        ("同年，高新区入选河南省瞪羚企业19家，占全省总量近五分之一；新增省级专精特新企业99家。", "zone"),
        ("松山湖是东莞的科技创新中心，已累计培育国家级孵化器15个，占全省近8%。", "zone"),
        ("高新区高新技术企业同比增长47.2%，占沈阳全市的30.6%；科技型中小企业达到1152家。", "zone"),
        # a city's name inside a longer place's (深圳湾) is no city
        ("园区配套建设了1300平方米的深圳湾创业广场党群服务中心。", "zone"),
    ],
)
def test_whose_figure(text, scope):
    figures = extract_figures(text, article_year=2023)
    assert figures and {f.scope for f in figures} == {scope}, [(f.label, f.scope) for f in figures]
    zone_only = extract_metrics(text, article_year=2023)
    assert (len(zone_only) == len(figures)) == (scope == "zone")


def test_the_district_a_zone_is_run_as_acts_as_the_zone_throughout_its_article():
    text = "无锡高新区（新吴区）推进两企三新党建。集成电路是新吴区的头号产业，集群规模达到1650亿元。七星区建成驿站24个。"
    assert [(f.value, f.scope) for f in extract_figures(text, article_year=2025)] == [(1650, "zone"), (24, "city")]


def test_a_paragraph_about_the_city_stays_the_citys_until_a_place_says_otherwise():
    text = (
        "2023年，全市地区生产总值增长6.7%。新能源电池产业产值突破600亿元。高新区新建党支部5个。\n"
        "园区新增党员30名。"
    )
    assert [(f.value, f.scope) for f in extract_figures(text, article_year=2024)] == [
        (6.7, "city"), (600, "city"), (5, "zone"), (30, "zone")
    ]
    # a named project of the zone's article turns back to the zone; the city's whole projects do not
    text = "当天全市集中开工12个项目，投资规模180.2亿元。邦盛项目总投资120亿元。全市项目总投资500亿元。"
    assert [(f.value, f.scope) for f in extract_figures(text, article_year=2024)] == [
        (12, "city"), (180.2, "city"), (120, "zone"), (500, "city")
    ]


def test_a_clause_after_a_semicolon_with_no_place_of_its_own_is_of_the_place_before():
    text = "全市已建立两新党组织908家，组织覆盖率达85.16%；三大产业链2021年实现总产值761亿元。高新区新建党支部5个。"
    assert [f.scope for f in extract_figures(text, article_year=2023)] == ["city", "city", "city", "zone"]
    text = "全市已建立两新党组织908家；高新区新建党支部5个；新增党员30名。"
    assert [f.scope for f in extract_figures(text, article_year=2023)] == ["city", "zone", "zone"]


def test_a_change_whose_first_end_is_described_takes_its_subject_from_the_clause_before():
    text = "综合体集聚和孵化的企业，由2021年两批入驻的40余家增至今年的50多家。"
    change = [m for m in extract_metrics(text, article_year=2024) if m.kind == "change"]
    assert [(m.value_from, m.value, m.label) for m in change] == [(40, 50, "企业")]


def test_of_which_counts_what_came_before_and_an_area_keeps_its_own_word():
    assert labelled("共收集建议156条，其中已有49条被企业采纳。") == [("收集建议", 156, "条"), ("收集建议", 49, "条")]
    assert labelled("项目占地1000亩。") == [("项目占地", 1000, "亩")]
    assert labelled("园区配套建设了1300平方米的党群服务中心。") == [("党群服务中心", 1300, "平方米")]
    assert labelled("在67.4平方公里的土地上。") == [("面积", 67.4, "平方公里")]
    assert labelled("党委把小区边上27亩闲置荒地改造成“众创农场”。") == [("闲置荒地", 27, "亩")]


def test_a_change_is_of_its_later_ends_time():
    found = extract_metrics("联盟成员单位由2021年的26家增至58家。2022年，园区企业26家，总产值为58亿元。", article_year=2024)
    assert [(m.value_from, m.value, m.year) for m in found] == [(26, 58, 2024), (None, 26, 2022), (None, 58, 2022)]
    found = extract_metrics("支部2016年成立时只有5名党员，如今已有80多名党员。", article_year=2024)
    assert [(m.value_from, m.value, m.kind) for m in found] == [(5, 80, "change")]
    found = extract_metrics("改革后，高新区内设机构和所属企业由52个压缩为13个。", article_year=2023)
    assert [(m.value_from, m.value, m.kind) for m in found] == [(52, 13, "change")]
    found = extract_metrics("华勤公司营收由2019年的105亿元增至2021年的475亿元。", article_year=2022)
    assert [(m.value_from, m.value, m.year, m.kind) for m in found] == [(105, 475, 2021, "change")]

def test_a_figure_of_now_and_a_plan_to_grow_it_are_two_figures():
    found = extract_metrics("企业目前有1500人的研发团队，计划将研发团队扩大到1万人以上。", article_year=2022)
    assert [(m.value_from, m.value, m.unit, m.kind) for m in found] == [(None, 1500, "人", "actual"), (None, 1, "万人", "target")]


def test_a_group_of_so_many_people_is_named_after_its_de_and_incidents_are_counted():
    assert labelled("企业目前有1500人的研发团队。") == [("研发团队", 1500, "人")]
    assert labelled("园区新建党支部5个的目标已完成。") == [("新建党支部", 5, "个")]
    assert labelled("53名指导员分片走访，收集化解企业和群众反映的事项93起。")[-1][1:] == (93, "起")
    assert labelled("党员和群众一起努力。") == []


def test_what_must_be_done_or_is_prepared_is_a_plan():
    found = extract_metrics("今年要推动17个机关党组织同“两新”党组织结对共建。", article_year=2019)
    assert [(m.value, m.kind) for m in found] == [(17, "target")]
    found = extract_metrics("我们准备组建5支志愿服务团队。", article_year=2019)
    assert [(m.value, m.kind) for m in found] == [(5, "target")]
    found = extract_metrics("主要推动企业12家上市。", article_year=2019)
    assert [(m.value, m.kind) for m in found] == [(12, "actual")]


def test_a_spelled_count_of_abstract_nouns_is_no_figure():
    assert labelled("园区选定新能源汽车及零部件、新型显示两个主攻方向。") == []
    assert labelled("这两件事力争三年见到重大进展。") == []
    assert labelled("园区确定3个重点方向。") == [("重点方向", 3, "个")]
    assert labelled("建成两个党建示范点。") == [("党建示范点", 2, "个")]


def test_a_figure_over_which_a_noun_is_counted_is_a_threshold():
    assert [m.value for m in extract_metrics("税收超过1亿元的企业有6家。", article_year=2024)] == [6]
    assert [m.value for m in extract_metrics("引进投资几十亿元乃至上百亿元的大项目16个。", article_year=2024)] == [16]


def test_a_growth_said_alone_is_the_growth_of_the_figure_just_named():
    assert labelled("2019年前三季度，全区企业总收入1885亿元，同比增长17%。") == [
        ("总收入", 1885, "亿元"), ("总收入同比增长", 17, "%")
    ]
    assert labelled("全区生产总值由2017年的1088.9亿元，增至2020年的1745.7亿元，“十三五”期间年均增长10.9%。") == [
        ("生产总值", 1745.7, "亿元"), ("生产总值年均增长", 10.9, "%")
    ]
    # a rate after a rate says nothing new of the first
    assert labelled("覆盖率达到95%，同比增长3%。") == [("覆盖率", 95, "%"), ("同比增长", 3, "%")]
    assert labelled("基地落户企业就已有150多家。") == [("基地落户企业", 150, "家")]


def test_a_round_hundred_or_thousand_before_yu_and_a_word_in_yuan_that_is_no_money():
    assert labelled("活动吸引千余名居民参加。") == [("居民", 1000, "名")]
    assert labelled("三元材料产能达到5万吨。") == [("三元材料产能", 5, "万吨")]


def test_a_province_s_or_a_city_s_article_keeps_its_figures_out_of_any_zone():
    from articles.ingest.metrics.scope import article_scope

    body = "全省有1.2万名党建工作指导员深入楼宇园区，设立党建工作联系点579个。\n新兴领域党员19.8万名。"
    scope = article_scope("辽宁", "新兴领域党建织密组织网络", [])
    assert scope == "province" and extract_metrics(body, article_year=2025, default_scope=scope) == []
    # the same text in a zone's article: 园区 is the zone
    assert [m.value for m in extract_metrics(body, article_year=2025)] == [579, 19.8]
    # a city's name alone over the title of an article naming no zone: the city's figures
    assert article_scope("德州", "49条产业链建起联合党委", []) == "city"
    assert article_scope("德州", "49条产业链建起联合党委", ["德州高新区"]) == "zone"
    assert article_scope("", "“景漂”流动党员支部从5人长到80多人", []) == "zone"
    # the city's name over an item its lead places in one of its districts: written about as a zone is
    lead = "6月30日，景德镇市珠山区“景漂”陶瓷流动党员党支部完成换届选举。"
    assert article_scope("景德镇", "“景漂”流动党员支部从5人长到80多人", [], lead=lead) == "zone"
    lead = "德州市实施“链长制”，全市49条产业链建起联合党委。"
    assert article_scope("德州", "49条产业链建起联合党委", [], lead=lead) == "city"
    assert article_scope("景德镇", "市委常委会部署新兴领域党建", [], lead="景德镇市区委书记会议召开。") == "city"


def test_a_sentence_about_the_whole_city_leads_its_paragraphs_figures():
    body = "在全市层面，徐州市组建产业安全发展联盟。当年共开展宣讲活动38场次。\n高新区新建党组织5个。"
    assert [(f.value, f.scope) for f in extract_figures(body, article_year=2023)] == [(38, "city"), (5, "zone")]
    # a place merely named leads nothing
    body = "景德镇市珠山区流动党员党支部完成换届选举。这个支部如今已有80名党员。"
    assert [(f.value, f.scope) for f in extract_figures(body, article_year=2023)] == [(80, "zone")]
    body = "这个小镇2017年进入全省第三批特色小镇创建名单。截至2021年，小镇累计投入78.4亿元。"
    assert [(f.value, f.scope) for f in extract_figures(body, article_year=2023)] == [(78.4, "zone")]


def test_figures_listed_after_fenbie_are_each_of_the_item_in_its_place():
    text = "今年浏阳高新区技工贸收入、规模工业总产值、财政总收入预计将分别增长25%、20%和18%。"
    assert labelled(text) == [("技工贸收入增长", 25, "%"), ("规模工业总产值增长", 20, "%"), ("财政总收入增长", 18, "%")]
    assert labelled("园区党组织和党员分别达到56个和860名。") == [("党组织", 56, "个"), ("党员", 860, "名")]
    # as many items as figures, or the labels stay as they were read
    assert [label for label, *_ in labelled("两家企业分别投资3亿元和5亿元。")] == ["企业", "投资", "投资"]
    # the list is the clause after 分别: a figure before it or after the clause is not of the list;
    # a growth said once (同比增长) is the growth of each, and 亩均 stays with what it is per
    text = "园区有企业500家，亩均税收、亩均产出分别同比增长35%和31.92%，能耗同比下降60%。"
    found = extract_metrics(text, article_year=2023)
    assert [(m.label, m.value, m.kind) for m in found[:3]] == [
        ("企业", 500, "actual"), ("亩均税收增长", 35, "share"), ("亩均产出增长", 31.92, "share"),
    ]
    assert found[3].kind == "share"
    # a head named once, after the last item, is every item's
    text = "高新区第二产业、第三产业增加值分别增长17.4%和14.1%。"
    assert labelled(text) == [("第二产业增加值增长", 17.4, "%"), ("第三产业增加值增长", 14.1, "%")]


def test_a_count_named_again_or_acted_on_is_not_stated_again():
    assert labelled("园区8个项目获得支持，这8个项目总投资6.5亿元。") == [("项目", 8, "个"), ("总投资", 6.5, "亿元")]
    assert labelled("下一步将把两个产业链党建联盟做实做细。") == []
    assert [m.value for m in extract_metrics("超过4000户的大型社区就有12个。", article_year=2024)] == [12]
    assert [m.value for m in extract_metrics("营业收入超过100亿元。", article_year=2024)] == [100]


def test_a_box_line_is_its_labels_figure_and_a_colon_elsewhere_is_no_figures_label():
    assert labelled("居民网格：216个") == [("居民网格", 216, "个")]
    assert labelled("占地面积：170亩\n建筑面积：20万平方米") == [("占地面积", 170, "亩"), ("建筑面积", 20, "万平方米")]
    # a box's figure first, what it is after a space; the period is no part of the label
    assert labelled("582家 规模以上工业企业\n12家 引入的境外世界500强企业") == [
        ("规模以上工业企业", 582, "家"), ("境外世界500强企业", 12, "家")
    ]
    assert labelled("373.92亿元 2023年1—9月地区生产总值，总量全市第一") == [("地区生产总值", 373.92, "亿元")]
    assert labelled("小区党组织覆盖率：97%") == [("小区党组织覆盖率", 97, "%")]
    assert labelled("会议于10：30开始，比分3：1。") == []
    assert labelled("他说：3个月内完成。") == []
    # a remark after the box's figure: the figure is still its label's
    assert labelled("高新技术企业：303家，占全省30%")[0] == ("高新技术企业", 303, "家")


def test_counts_of_years_and_stages_are_no_figures_and_a_lot_of_land_or_projects_is_counted_in_zong():
    assert extract_metrics("三十年里的五个年份，园区经历了三个阶段。", article_year=2021) == []
    found = extract_metrics("当天首批6宗配套项目现场签约。", article_year=2022)
    assert [(m.value, m.unit) for m in found] == [(6, "宗")]


def test_a_rank_gained_and_a_set_of_mechanisms_are_no_figures_and_what_must_stay_above_is_a_target():
    assert extract_metrics("在国家高新区综合评价中，园区的排名前进了8位。", article_year=2025) == []
    assert extract_metrics("双方将以五项联动机制为抓手，建立3项机制。", article_year=2025) == []
    found = extract_metrics("到2020年，企业净利润总额占营业总收入的比例要高于8%。", article_year=2014)
    assert [(m.value, m.kind) for m in found] == [(8, "target")]


def test_what_must_be_incubated_or_drawn_in_is_a_plan_and_a_growth_said_again_is_a_growth():
    found = extract_metrics("2026年区里要孵化科创企业50家以上，招引各类首店30家以上。", article_year=2026)
    assert [(m.value, m.kind) for m in found] == [(50, "target"), (30, "target")]
    found = extract_metrics("规上工业增加值年均增幅同样超过10%。", article_year=2021)
    assert [(m.value, m.kind) for m in found] == [(10, "share")]


def test_a_change_from_a_start_to_a_later_size_across_a_comma():
    found = extract_metrics("试点从中海财富中心等13幢楼宇起步，后来扩大到15幢。", article_year=2021)
    assert [(m.value_from, m.value, m.kind) for m in found] == [(13, 15, "change")]
    found = extract_metrics("园区有企业30家；服务对象增加到50家。", article_year=2021)
    assert [m.kind for m in found] == ["actual", "actual"]


def test_a_province_s_figure_after_the_zone_s_in_a_paragraph_does_not_lead_the_rest():
    text = (
        "2024年，东湖高新区地区生产总值突破3200亿元；湖北省就地科技成果转化率从37%提升至67%。"
        "按照今年的部署，光谷力争地区生产总值增长6.5%左右。"
    )
    assert [(f.value, f.scope) for f in extract_figures(text, article_year=2025)] == [
        (3200, "zone"), (67, "province"), (6.5, "zone")
    ]


def test_a_percentage_of_a_group_named_after_it_is_its_share_and_names_quoted_then_counted_are_no_figure():
    found = extract_metrics("全区80%以上的规上工业企业、80%以上的高新技术企业都是中小企业。", article_year=2021)
    assert [(m.label, m.value, m.kind) for m in found] == [
        ("规上工业企业占比", 80, "share"), ("高新技术企业占比", 80, "share")
    ]
    assert extract_metrics("实施“万亿制造”“万亿国资”“万亿商品”“万亿固投”四个万亿计划。", article_year=2021) == []
    # a place's name inside a quoted name acts for nobody
    text = "街道构建起“党建引领三元共治”管理体系，1个项目获评星级服务项目。"
    assert [f.scope for f in extract_figures(text, article_year=2025)] == ["zone"]


def test_a_clause_saying_only_when_and_how_much_takes_its_subject_from_the_clause_before():
    text = "那五年里，全区地区生产总值年均增长15.5%，2015年达到951亿元。"
    assert [(m.label, m.value) for m in extract_metrics(text, article_year=2016)] == [
        ("地区生产总值年均增长", 15.5), ("地区生产总值", 951)
    ]
    text = "新区地区生产总值接连跨过五个百亿台阶，2024年突破600亿元；规上工业总产值翻了近两番，突破1600亿元。"
    assert [(m.label, m.value) for m in extract_metrics(text, article_year=2024)] == [
        ("新区地区生产总值", 600), ("规上工业总产值", 1600)
    ]


def test_a_change_with_the_first_end_s_year_in_brackets_and_a_box_s_change_after_its_label():
    found = extract_metrics("平台累计汇聚的各类诉求：由42.3万件（2020年）增至200万件以上", article_year=2024)
    assert [(m.label, m.value_from, m.value, m.kind) for m in found] == [("各类诉求", 42.3, 200, "change")]


def test_energy_capacities_are_figures_unless_part_of_a_project_s_name():
    found = extract_metrics("赣锋新型动力电池项目设计产能15GWh，新签约欣旺达30GWh动力电池项目。", article_year=2022)
    assert [(m.value, m.unit) for m in found] == [(15, "GWh")]
    found = extract_metrics("光伏电站装机200兆瓦，中储国能100兆瓦空气储能项目开工。", article_year=2022)
    assert [(m.value, m.unit) for m in found] == [(200, "兆瓦")]


def test_points_said_once_after_two_figures_belong_to_both():
    text = "规上工业增加值增长12%，分别高出西安市、新区5个和9.6个百分点；零售额高出西安市11.3个百分点。"
    found = extract_figures(text, article_year=2020)
    assert [(f.value, f.unit, f.scope) for f in found][1:] == [
        (5, "个百分点", "zone"), (9.6, "个百分点", "zone"), (11.3, "个百分点", "zone")
    ]


def test_what_a_company_or_zone_hopes_to_reach_is_a_target_but_project_hope_is_no_plan():
    found = extract_metrics("小鹏汽车希望2至3年内引入上下游供应链项目80到100家。", article_year=2022)
    assert [(m.value, m.value_max, m.kind) for m in found] == [(80, 100, "target")]
    found = extract_metrics("企业为希望工程捐款50万元。", article_year=2022)
    assert [(m.value, m.kind) for m in found] == [(50, "actual")]


def test_a_percentage_of_nothing_named_that_says_what_part_it_is_is_a_share():
    found = extract_metrics("这支队伍以年轻人为主，超过50%是“85后”。", article_year=2024)
    assert [(m.label, m.value, m.kind) for m in found] == [("85后占比", 50, "share")]
    found = extract_metrics("满意率98%为全市第一。", article_year=2024)
    assert [(m.value, m.kind) for m in found] == [(98, "actual")]


def test_a_lead_repeating_the_body_in_its_paragraph_is_one_fact_and_so_is_a_change_stated_twice():
    text = "园区新建党群服务中心3个。记者了解到，园区新建党群服务中心3个，服务党员2000余人次。"
    assert [m.value for m in extract_metrics(text, article_year=2023)] == [3, 2000]
    text = "2022年，园区新建党支部3个。2023年，园区新建党支部3个。"
    assert [(m.value, m.year) for m in extract_metrics(text, article_year=2023)] == [(3, 2022), (3, 2023)]
    text = "产业链企业由最初的12家发展至如今56家。\n烟台高新区建立健全产业链党建联盟，产业链企业由最初12家发展至如今56家。"
    assert [(m.value_from, m.value) for m in extract_metrics(text, article_year=2023)] == [(12, 56)]


def test_a_time_to_reach_is_no_part_of_the_label():
    assert labelled("高新区计划到2025年培育上市企业10家以上。") == [("培育上市企业", 10, "家")]
    # nor a word of planning
    assert labelled("今年将推动链上企业党组织数量增加到25个以上。")[0][0] == "推动链上企业党组织数量"
    assert labelled("2025年1至9月，实现地区生产总值115.5亿元，全年预计达到178亿元。")[1][0] == "地区生产总值"


def test_no_article_of_the_seeds_or_the_corpus_states_one_figure_twice():
    """A lead repeating its body, or a change read as two figures, would give one figure twice."""
    from django.conf import settings

    from articles.ingest import evaluation
    from articles.ingest.pipeline import analyse_page, default_steps
    from articles.ingest.reader import read_pages
    from zones.reference import reference_zones

    base = settings.BASE_DIR
    steps = default_steps()
    zone_index = steps.make_zone_index(list(reference_zones()))
    pages = [*evaluation.corpus_pages(base / "articles" / "tests" / "corpus"), *sorted((base / "fixtures" / "seeds").iterdir())]
    assert len(pages) >= 35
    twice = []
    for path in pages:
        for page in read_pages(path):
            for item in analyse_page(page, zone_index=zone_index, steps=steps).articles:
                figures = [(m.label, m.value, m.unit, m.value_from, m.value_max, m.year) for m in item.metrics]
                twice += [(path.name, figure) for figure in set(figures) if figures.count(figure) > 1]
    assert twice == []


@pytest.mark.parametrize(
    "sentence, month, year",
    [
        ("1至11月，园区新增规上企业120家。", 1, 2025),  # a January page looks back on last year
        ("1至11月，园区新增规上企业120家。", 12, 2026),
        ("前三季度，园区签约项目36个。", 2, 2025),
        ("前三季度，园区签约项目36个。", 10, 2026),
        ("上半年，园区新建党群服务站8个。", 3, 2025),
        ("上半年，园区新建党群服务站8个。", 7, 2026),
        ("下半年，园区计划新建党群服务站8个。", 7, 2026),  # said in the year: what is to come
        ("今年1至11月，园区新增规上企业120家。", 1, 2026),  # the year written wins
    ],
)
def test_a_period_not_yet_over_on_the_page_date_is_the_year_before(sentence, month, year):
    [fact] = extract_metrics(sentence, article_year=2026, article_month=month)
    assert fact.year == year


def test_a_sentence_seen_from_a_place_gives_its_parks_and_whole_to_that_place():
    def scopes(text):
        return [(f.value, f.scope) for f in extract_figures(text, article_year=2025)]

    assert scopes("从沙县区看，今年1至8月，全区规模以上工业产值增长6.2%，一般公共预算总收入10.72亿元。") == [
        (6.2, "city"), (10.72, "city")
    ]
    # the view holds over the clause after its ；
    text = "从全省看，各类产业园区共有非公企业9537家；园区组建的非公企业党组织1793个，覆盖率为33.2%。"
    assert [scope for _v, scope in scopes(text)] == ["province"] * 3
    # the zone named in such a sentence still acts, and a sentence seen from nowhere is the zone's
    assert scopes("从全省看，高新区营业收入增速居第一，达到15%。") == [(15, "zone")]
    assert scopes("从源头看，园区组建党组织12个。") == [(12, "zone")]


def test_labels_and_kinds_of_unseen_sentences():
    # the people counted went somewhere: the words before say who they are
    assert labelled("园区吸引高校毕业生1.2万人来此就业创业。") == [("吸引高校毕业生", 1.2, "万人")]
    # a quoted name counted after it is closed; the genre's people are one word
    assert labelled("在商圈和街区建成“暖新驿站”24个。") == [("在商圈和街区建成“暖新驿站”", 24, "个")]
    assert labelled("244名快递员、外卖骑手成为社区平安巡查员。") == [("快递员", 244, "名")]
    # things counted at least so many; a size qualifying a noun stays no figure
    assert labelled("可提供1500个以上就业岗位。") == [("就业岗位", 1500, "个")]
    assert labelled("园区共有10亿元以上项目12个。")[0][1:] == (12, "个")
    # a programme named 计划 is no plan; the verb is
    assert [f.kind for f in extract_metrics("园区拥有国家海智计划工作基地等国家级平台4个。", article_year=2024)] == ["actual"]
    assert [f.kind for f in extract_metrics("园区计划新建基地5个。", article_year=2024)] == ["target"]


def test_a_district_a_zone_s_article_opens_on_acts_as_the_zone():
    from articles.ingest.metrics.scope import heading_districts

    body = "近年来，七星区以“党建+服务”推动基层治理，在商圈和街区建成“暖新驿站”24个。"
    places = heading_districts("", "七星区：24个“暖新驿站”让新就业群体有了歇脚地")
    assert places == {"七星区"}
    assert [f.value for f in extract_metrics(body, article_year=2024, zone_places=places)] == [24]
    # without the heading the district is a place of its own
    assert extract_metrics(body, article_year=2024) == []
    assert heading_districts("", "一张关爱网罩住“城市摆渡人”") == frozenset()


def test_a_county_an_article_opens_on_is_its_whole_county():
    from articles.ingest.metrics.scope import heading_districts

    body = "长沙县把新就业群体纳入行业党委管理，全县行业党委7个，建成“红色之家”17处。"
    places = heading_districts("", "长沙县：一张关爱网罩住“城市摆渡人”")
    assert [f.value for f in extract_metrics(body, article_year=2025, zone_places=places)] == [7, 17]
    assert extract_metrics(body, article_year=2025) == []  # without the heading, the county is a place of its own


def test_zones_counted_together_the_whole_contributed_to_and_a_city_behind_its_project_are_no_zone_s():
    def scopes(text):
        return [(f.value, f.scope) for f in extract_figures(text, article_year=2025)]

    assert [s for _v, s in scopes("全区共有高新区13家，其中国家级3家、自治区级10家。")] == ["province"] * 3
    assert [s for _v, s in scopes("联盟由福州、泉州等7家国家级高新区和4家省级高新区共同发起。")] == ["province"] * 2
    # a zone's own things counted after its name stay its own
    assert scopes("高新区3家企业入选，拥有孵化器12家，其中国家级3家。") == [(3, "zone"), (12, "zone"), (3, "zone")]
    # 对全区…的贡献率: the whole contributed to does not act; the zone working on its whole does
    assert scopes("全市研发经费投入53.2亿元，对全区研发投入增长的贡献率为48.9%。") == [(53.2, "city"), (48.9, "city")]
    assert scopes("高新区对全市经济增长的贡献率为30%。") == [(30, "zone")]
    assert scopes("推出产业链党建计划，对全区13条产业链进行党建工作覆盖。") == [(13, "zone")]
    # the whole city behind a project: the paragraph's figures are the city's
    text = "如今，安顺正举全市之力建设航空产业城。按照规划，到2035年航空产业城总产值要达到1000亿元。"
    assert scopes(text) == [(1000, "city")]


def test_a_percentage_of_a_group_said_by_where_the_part_comes_from_or_listed_with_another():
    assert labelled("全球特高压直流输电工程中，50%的换流阀、75%的控制系统出自许继。") == [
        ("换流阀占比", 50, "%"), ("控制系统占比", 75, "%")
    ]
    assert labelled("全世界60%的黑钨、70%的中重稀土蕴藏在这里。") == [("黑钨占比", 60, "%"), ("中重稀土占比", 70, "%")]
    # a growth reaching its goal is no group's share
    assert labelled("园区实现营业收入增长15%的目标。")[0][0] != "目标占比"


def test_the_goal_a_figure_is_and_a_formula_s_count():
    assert [f.kind for f in extract_metrics("围绕年内开通3公里示范段的目标，两个支部结对联建。", article_year=2024)][0] == "target"
    assert [f.kind for f in extract_metrics("园区建成3公里的示范道路。", article_year=2024)] == ["actual"]
    # 两个“相结合”: the count of a formula, not a figure; a count of quoted places still is one
    assert labelled("园区坚持两个“相结合”，建成5个“红色驿站”。") == [("红色驿站", 5, "个")]


def test_a_zone_s_own_parks_a_kind_of_firm_and_a_name_read_digit_by_digit():
    text = "吉安高新区规划总面积100平方公里，下辖敦厚园区和凤凰园区，落户企业300多家，上市及拟上市企业30余家。"
    assert [(f.value, f.kind, f.scope) for f in extract_figures(text, article_year=2021)] == [
        (100, "actual", "zone"), (300, "actual", "zone"), (30, "actual", "zone")
    ]
    assert labelled("由七一八所研制的制氢装备落地园区。") == []


def test_a_box_headed_by_the_city_and_a_box_figure_s_label_after_it_are_the_city_s():
    body = "联盟吸收园区企业党组织16家。\n1000多家 全市集聚的电子信息企业\n4000亿元 力争到2025年营业收入突破"
    scopes = [(f.value, f.scope) for f in extract_figures(body, article_year=2023, headings=[(1, "数说·吉安电子信息产业")])]
    assert scopes == [(16, "zone"), (1000, "city"), (4000, "city")]
    # the same box under the zone's own label: its figures are the zone's, but for the one its label gives the city
    scopes = [(f.value, f.scope) for f in extract_figures(body, article_year=2023, headings=[(1, "数说三明高新区")])]
    assert scopes == [(16, "zone"), (1000, "city"), (4000, "zone")]


def test_an_article_naming_no_zone_whose_title_says_the_city_it_happened_in_is_the_city_s():
    from articles.ingest.metrics.scope import article_scope

    assert article_scope("", "电子电路企业在吉安“牵手”", []) == "city"
    # a title opening on a city and its quoted programme: the city's; a district's is written about as a zone is
    assert article_scope("", "玉林“十园千企”党建工程为园区聚能", []) == "city"
    # a province and a city over an item naming no park or district: the city's
    assert article_scope("江苏常州", "创新平台有了党建“联盟”", []) == "city"
    assert article_scope("福建晋江", "晋江经济开发区“红色勤务员”迭代到3.0版", []) == "zone"
    assert article_scope("浙江舟山", "普陀区组建船舶海工产业链党委", []) == "zone"
    # a title opening on the whole city or province: their report
    assert article_scope("", "全市党员总数达33.81万名", []) == "city"
    assert article_scope("", "全省新兴领域党员19.8万名", []) == "province"
    assert article_scope("", "长清区“四链”发力抓新兴领域党建", []) == "zone"
    assert article_scope("", "正威铜基新材料产业园在娄星开工", []) == "zone"  # a park's
    assert article_scope("", "电子电路企业在吉安“牵手”", ["吉安高新区"]) == "zone"


def test_a_plan_raised_is_a_change_and_a_while_is_no_count():
    facts = extract_metrics("投资额由原先计划的30亿元追加到125亿元。", article_year=2024)
    assert [(f.value_from, f.value, f.kind) for f in facts] == [(30, 125, "change")]
    assert labelled("这个项目从开工到投产只用了4个多月。") == []


def test_a_figure_named_again_takes_no_label_of_its_own():
    assert labelled("到2022年，这一数字已接近千家。") == [("", 1000, "家")]
    assert labelled("西安高新区的生产总值已在2017年突破千亿元。")[0][0] != "在"


def test_a_breakdown_paragraph_stays_its_place_s_and_a_change_named_by_the_clause_before():
    body = "2019年1至7月，淮北市战略性新兴产业产值同比增长20.2%。\n分产业看，生物产业增长32.1%；高新区同比增长23.4%。"
    assert [(f.value, f.scope) for f in extract_figures(body, article_year=2019)] == [
        (20.2, "city"), (32.1, "city"), (23.4, "zone")
    ]
    facts = extract_metrics("企业有59家，它们的产值占规上工业产值的比重，由2016年的3.26%提升到19.48%。", article_year=2019)
    assert [(f.label, f.value_from, f.value) for f in facts][-1] == ("比重", 3.26, 19.48)


def test_a_box_s_lines_after_one_naming_the_city_are_the_city_s():
    body = "高新区组织思想大讨论2次。\n606个 全市两新组织党组织\n453家 符合标准的非公企业党组织\n98% 社会组织党组织覆盖率"
    assert [(f.value, f.scope) for f in extract_figures(body, article_year=2021)] == [
        (2, "zone"), (606, "city"), (453, "city"), (98, "city")
    ]


def test_a_section_heading_naming_a_park_does_not_make_a_city_s_article_the_zone_s():
    body = "今年已建成党群服务站120个。"
    figures = extract_figures(body, article_year=2024, default_scope="city", headings=[(0, "深入楼宇园区")])
    assert [(f.value, f.scope) for f in figures] == [(120, "city")]


def test_a_figure_named_again_takes_the_label_of_the_thing_counted_before():
    text = "2021年7月，坪山聚集的生物医药企业为700余家；到2022年7月，这一数字已接近千家。"
    assert [(f.label, f.value) for f in extract_metrics(text, article_year=2022)] == [
        ("生物医药企业", 700), ("生物医药企业", 1000)
    ]


def test_two_headings_over_one_paragraph_are_read_in_their_order():
    # One names the city, the other nobody: whose the figures under them are follows the last.
    body = "高新区新建党组织12个。"
    found = extract_metrics(body, article_year=2023, headings=[(0, "全市参照"), (0, "■ 数据")])
    assert [(m.value, m.scope) for m in found] == [(12, "zone")]


def test_a_report_naming_no_zone_that_speaks_for_its_city_from_its_first_sentence_is_the_city_s():
    from articles.ingest.metrics.scope import article_scope

    lead = "本报讯 记者从市社会组织党委获悉，我市推动社会组织党建由有形覆盖走向有效覆盖。"
    assert article_scope("", "社会组织党建实现应建尽建", [], lead=lead) == "city"
    # a park's report comparing itself with the city stays its own
    assert article_scope("", "园区建成党群服务中心", [], lead="园区建成全市首个楼宇党群服务中心。") == "zone"


def test_a_box_s_figure_takes_its_kind_from_its_label_under_it():
    # 预计 and 占…比重 stand after the figure on a box's line: its label, read as what precedes it.
    assert [m.kind for m in extract_metrics("70亿元 预计2025年实现税收", article_year=2023)] == ["target"]
    assert [m.kind for m in extract_metrics("42.2% 园区生产总值占全市比重", article_year=2023)] == ["share"]
    (change,) = extract_metrics("由1269.8亿元增至2000亿元 预计2022—2025年规模工业总产值", article_year=2023)
    assert (change.value_from, change.value, change.kind) == (1269.8, 2000, "target")
    assert "规模工业总产值" in change.label
    assert [m.kind for m in extract_metrics("582家 规模以上工业企业", article_year=2023)] == ["actual"]
