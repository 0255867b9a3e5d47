import pytest

from articles.ingest.initiatives import categorize, extract_initiatives


def names(body):
    return [f.name for f in extract_initiatives(body)]


def test_quoted_programmes_with_their_generic_word():
    body = (
        "以全面实施“双创两提升”工程为主线。平顶山高新区以“党建+招商”模式实现签约落地亿元以上项目49个。"
        "沃太能源以“红聚沃太能动未来”党建品牌为引领。"
    )
    assert names(body) == ["双创两提升工程", "党建+招商模式", "红聚沃太能动未来党建品牌"]


def test_a_word_after_a_modifier_is_not_part_of_the_name():
    body = "构建院士工作站、工匠大师工作室等“一心二站三室”服务平台。实施“智汇高新”人才行动。"
    assert names(body) == ["一心二站三室", "智汇高新"]


def test_names_that_say_what_they_are_formulas_and_numbered_slogans():
    body = (
        "近日，南通高新区“红链帮帮团”成员向企业反馈成效。搭建“党建交流平台”，推动阵地共享。"
        "规划设计“1+2+N”的产业链党建发展新格局。充分认识开展“六找六强”工作的重要性。"
        "深化拓展党员到社区“双报到、双报告”工作。"
    )
    assert names(body) == ["红链帮帮团", "党建交流平台", "1+2+N", "六找六强", "双报到、双报告"]


def test_lists_sharing_one_programme_word():
    body = (
        "认真落实“民呼我为”“接诉即办”机制。制定“联席会议制”“企业轮值制”“清单服务制”3项运行机制。"
        "先后启动非公党建“强基培优”工程、“3+1”结对工程、“党旗领航、强企发展”等特色党建品牌。"
    )
    assert names(body) == [
        "民呼我为", "接诉即办机制", "联席会议制", "企业轮值制", "清单服务制",
        "强基培优工程", "3+1", "党旗领航、强企发展",
    ]


@pytest.mark.parametrize(
    "body",
    [
        "为“工业强市”战略实施注入源源不断的“高新动能”。",
        "“链主”企业牵头链上企业，攻克“卡脖子”难题，打造“引力场”，让“近者悦”“远者来”。",
        "要衷心拥护“两个确立”、忠诚践行“两个维护”。",
        "实现“六个一”目标，实行“一对一”结对帮扶，关键在“一把手”。",
        "咸宁高新区获评专精特新“小巨人”的8家企业。",
        "“党建工作与业务工作是分不开的。”清远高新区党工委副书记表示。",
        "制定《淮北高新区“找差距、改作风、强担当、争先进”专项行动方案》。",
        "沃太能源坚持“党建做实即生产力”理念。",
        "无锡物联网创新中心有限公司开发的“端-边-云协同纺纱工业互联网创新平台”入选。"
        "“端-边-云协同纺纱工业互联网创新平台”围绕传统纺纱行业痛点。",
        "推行“你点我送”，持续做好“党建+”引领。",
    ],
)
def test_ordinary_quoted_words_speech_and_products_are_not_initiatives(body):
    assert names(body) == []


def test_unquoted_alliances_and_service_centres_but_not_party_organisations():
    body = (
        "淮北高新区成立锂电产业链党建联盟。通过建立产业链党建联盟破解难题。"
        "成立重大产业项目服务攻坚党支部，整合20余名业务骨干。"
        "近日，召开创新广场楼宇党委第一次联席会议，楼宇党委成立。"
        "扬州市首家产业链党群服务中心扬州高新区产业链党群服务中心揭牌。"
        "聚石化学党支部以党建引领推动科技创新，机关党委开展活动。"
    )
    found = extract_initiatives(body)
    # party committees and branches are organisations, not programmes
    assert [f.name for f in found] == [
        "锂电产业链党建联盟", "锂电产业链党建联盟",
        "产业链党群服务中心", "产业链党群服务中心",
    ]
    for fact in found:
        assert body[fact.offset : fact.offset + len(fact.sentence)] == fact.sentence
        assert fact.name[:2] in fact.sentence or fact.name[-4:] in fact.sentence


def test_joint_meetings_party_federations_incubation_platforms_and_warm_new_stations_by_their_endings():
    body = (
        "中关村软件园党建工作联席会成立，中关村软件园党建管理孵化平台同时授牌。"
        "中关村科学城创新合伙人党建联合会吸纳会员110家。园区建成圆通速递暖新驿站。"
    )
    assert names(body) == [
        "中关村软件园党建工作联席会", "中关村软件园党建管理孵化平台", "中关村科学城创新合伙人党建联合会", "圆通速递暖新驿站",
    ]


def test_a_plus_formula_before_a_party_method_and_a_call_issued_are_programmes_slogans_and_layouts_are_not():
    assert names("园区党总支摸索出“融+”党建工作法。宜宾发布“流动党员召集令”。") == ["融+党建工作法", "流动党员召集令"]
    assert names("开展“人工智能+”行动，坚持“党建+”引领，服务“一带一路”，用“区中园”模式建设科创园。") == []
    assert names("园区健全产业链党建工作机制，以联瑞党支部的党建阵地为主阵地组建联盟。") == []


def test_a_name_after_its_kind_a_name_a_place_gives_a_team_and_a_research_centre():
    body = (
        "福建省首个人才一体化平台“科技红盟”同步启动，现场还组建了第一支“红色HR”队伍。"
        "社区管它叫“红色积分”。共建的“光谷党建研究中心”揭牌。物业把过道改成“红色客厅”。"
    )
    assert names(body) == ["科技红盟", "红色HR队伍", "红色积分", "光谷党建研究中心", "红色客厅"]
    assert names("他被大家称为“红色管家”。平台“数据中台”上线。") == []


def test_brands_listed_then_counted_as_a_set_are_each_a_programme_however_short():
    body = "大讲堂下面开出“大咖说”“高新荟”“智研库”几个子品牌，园区还打造“红色引擎”“红色赋能”两个品牌。"
    assert names(body) == ["大咖说", "高新荟", "智研库", "红色引擎", "红色赋能"]
    assert names("“大咖说”“高新荟”这些说法很流行。") == []


def test_a_party_building_document_named_in_its_book_title_is_one_other_documents_are_not():
    body = (
        "高新区印发《日照高新区“两新”组织评星定级方案》和《招商引资优惠政策清单》，"
        "并落实《成渝地区双城经济圈建设规划纲要》。"
    )
    assert names(body) == ["《日照高新区“两新”组织评星定级方案》"]


def test_a_pledge_a_zone_signs_is_a_party_building_document():
    body = "一份《荆州开发区党工委书记抓基层党建工作公开承诺书》挂在门户网站上，接受企业和群众监督。"
    assert names(body) == ["《荆州开发区党工委书记抓基层党建工作公开承诺书》"]


def test_programmes_launched_or_taken_on_and_brands_named_as_such():
    body = (
        "7月1日，浦口经济开发区“产业红盟”启动。现场发布“经融助企”“浦法惠企”“警园护企”3个红盟品牌。"
        "园区创出“党旗映车间”这一市级党建品牌。各级党组织书记层层包联“书记项目”。"
        "开发区联合34家上下游企业成立石化产业链党建联席会议。出租屋门口挂出“红色出租屋”的牌子。"
        "园区成立了60个“红色技术攻关小组”，推进“红色工地”创建。紫贞街道以党建“五级联动”推动商圈治理。"
        "园区党委摸索出“五联”党建工作法：党委每名党员联系一到两家企业。联盟以“红色领航”为主打开展活动。"
        "联盟又推出“枫樱惠”党建惠企系列活动。"
    )
    assert names(body) == [
        "产业红盟", "经融助企", "浦法惠企", "警园护企", "党旗映车间", "书记项目", "石化产业链党建联席会议", "红色出租屋",
        "红色技术攻关小组", "红色工地", "五级联动", "五联党建工作法", "红色领航", "枫樱惠党建惠企系列活动",
    ]


def test_a_party_branch_unveiled_is_an_organisation_and_a_meeting_held_is_no_institution():
    body = (
        "街道为“易即达净月No.1美团骑手党支部”揭牌。园区建立联席会议制度，定期会商会办难题。"
        # what a phrase is likened to, or where people go, names no programme
        "把党建当作链上企业结成命运共同体的纽带。挑选优秀的党外中青年干部到基地蹲点锻炼。"
        # an honour a place holds
        "何山烈士陵园在2022年获评苏州市党史教育基地。"
    )
    assert names(body) == []


def test_each_mention_is_a_fact_with_its_own_sentence():
    body = "组建“红链帮帮团”。\n此外，“红链帮帮团”成员走访企业30余家。"
    found = extract_initiatives(body)
    assert [(f.name, f.offset) for f in found] == [("红链帮帮团", 0), ("红链帮帮团", 11)]
    assert found[1].sentence == "此外，“红链帮帮团”成员走访企业30余家。"


def test_other_zone_programmes():
    body = "宜兴高新区打造“陶都红链”党建品牌，推出“企业吹哨、部门报到”机制，成立新能源产业链党建联盟。"
    assert names(body) == ["陶都红链党建品牌", "企业吹哨、部门报到机制", "新能源产业链党建联盟"]


@pytest.mark.parametrize(
    "name, sentence, category",
    [
        ("锂电产业链党建联盟", "", "industry_chain"),
        ("党建+招商模式", "", "investment"),
        ("智汇高新", "实施“智汇高新”人才行动。", "talent"),
        ("接诉即办机制", "", "business_env"),
        ("双报到、双报告", "深化拓展党员到社区“双报到、双报告”工作。", "governance"),
        ("楼宇党委", "", "non_public"),
        ("你点我送", "中山火炬高新区党校推行“你点我送”教学模式。", "education"),
        ("重大产业项目服务攻坚党支部", "", "project"),
        ("红聚沃太能动未来党建品牌", "", "brand"),
        ("坐庄机制", "轮流主持开展联盟内活动。", "other"),
    ],
)
def test_categories(name, sentence, category):
    assert categorize(name, sentence) == category


def test_a_mechanism_spelled_out_in_its_steps_then_named():
    assert names("建立“市委书记点题、两新工委领题、园区党工委答题”的推进机制。") == [
        "市委书记点题、两新工委领题、园区党工委答题"
    ]
    assert names("形成“压实责任—过程推进—量化考核—反馈整改”的工作闭环。") == ["压实责任—过程推进—量化考核—反馈整改"]


def test_a_three_character_mechanism_named_by_who_leads_it():
    assert names("高新区推行“链长制”招商，落实“三长制”。") == ["链长制", "三长制"]
    assert names("星级不是“终身制”，每年复评一次。") == []


def test_short_quoted_names_keep_the_words_that_say_what_they_are():
    body = (
        "中山火炬高新区党校按照“六有”镇街党校建设标准，推动基层党员全员轮训。"
        "清远高新区探索设立“两新”组织党建基金。2021年7月，清远高新区“两新”组织党工委成立。"
        "万盛社区依托集电港商务楼宇成立“集电港”综合党委。"
        "构建“一站式”操作指引体系。"
        "内江高新区打造“同心”统战品牌。"
    )
    # “两新”组织党工委 and “集电港”综合党委 are organisations; united-front work is the party's
    assert names(body) == ["六有镇街党校建设标准", "两新组织党建基金", "同心统战品牌"]


def test_joint_meeting_institutions_and_reforms_led_by_party_building_without_quotes():
    body = (
        "建立党建联盟联席会议制度，确保每季度召开一次联席会议。"
        "清远高新区创新性地建立机关党委与“两新”组织党委党建工作联席会议制度。"
        "会议听取乐山高新区开展深化党建引领心连心接诉即办改革工作情况。"
    )
    assert names(body) == ["党建联盟联席会议制度", "党建工作联席会议制度", "心连心接诉即办改革"]


def test_formulas_of_words_periodic_routines_and_what_party_building_leads():
    body = (
        "平顶山高新区以“链长+专班”为指挥部。听取新城建设局“每月一题”课题开展情况。"
        "以场景化实践导向推进党建引领“三链融合”。以“集中培训+业务交流”的方式打开思路。"
        "“学+用”结合，促进成果转化。"
    )
    assert names(body) == ["链长+专班", "每月一题", "三链融合"]


@pytest.mark.parametrize(
    "body",
    [
        # a nationwide formula the zone repeats
        "有力推动三大重点产业发展和“双招双引”工作的提升。",
        # an attitude, not a programme
        "建立“问题导向”调度机制，累计召开攻坚调度会30余次。",
        # a goal the zone focuses on
        "平顶山高新区将聚焦“四高四争先”，持续推动“三链融合”。",
        # a company's development model, the company named by its short name
        "沃太能源有限公司（以下简称“沃太能源”）党支部书记介绍道。"
        "沃太能源坚持创新，构建“战略共融、人才共育、技术共攻”发展模式。",
        # a commendation every zone holds, and a zone's top priority
        "7月1日，郑州高新区召开大会表彰“两优一先”。",
        "近年来，高新区把招商引资作为“一号工程”。",
        # the theme of a talk
        "支部以“新质生产力下的党建”为题组织活动。",
        # a province's strategy
        "产品入选了湖南省实施“三高四新”战略重大项目。",
        # a title people hold
        "园区先后引进院士、长江学者、“万人计划”专家等30余人。",
        # one of a set, and how the chains are laid out
        "这是惠州全市党建的“三大品牌”之一。",
        "现在按“十链一组一室”来布局，产业链由8条增加到10条。",
    ],
)
def test_national_formulas_attitudes_goals_and_company_models_are_not_initiatives(body):
    assert names(body) == []


def test_a_rank_given_to_a_programme_is_not_one():
    assert names("园区把“党建+招商”行动作为“书记工程”来抓。") == ["党建+招商行动"]
    assert names("园区推行“书记工程”，每名书记领办一个项目。") == ["书记工程"]


def test_a_shorter_later_mention_of_an_alliance_is_the_same_initiative():
    body = (
        "今年以来，株洲高新区轨道交通装备产业链党建联盟组织16家中小企业组团参加海外展会。"
        "下一步，产业链党建联盟将吸纳更多配套企业。"
    )
    assert names(body) == ["轨道交通装备产业链党建联盟", "轨道交通装备产业链党建联盟"]


def test_category_comes_from_the_clause_naming_the_programme_not_the_whole_sentence():
    sentence = "围绕营商环境优化，开展“五拼五比”活动比项目建设进度。"
    assert categorize("五拼五比活动", sentence) == "project"
    clause = "长春中路街道万盛社区依托集电港商务楼宇成立“集电港”综合党委。"
    assert categorize("集电港综合党委", clause) == "non_public"


# --- what the genre names: quoted programmes run by the zone, unquoted institutions and places ----------


@pytest.mark.parametrize(
    "body, expected",
    [
        # a programme word after the quote, the verbs among them only at a boundary
        ("中心将推行“订单式”服务，由企业党组织提出需求。", ["订单式服务"]),
        ("驿站还设置了“微心愿”墙，新就业群体可以写下困难。", ["微心愿墙"]),
        ("组织企业党支部开展“青年党员进车间”活动，由青年党员带着问题清单。", ["青年党员进车间活动"]),
        # a word after a modifier is not part of the name
        ("开设“绿创咖啡”众创空间和“职工加油站”园区课堂。", ["绿创咖啡众创空间", "职工加油站"]),
        ("秀洲高新区全面推行“党建+”工作理念，把党建工作融入产业发展。", ["党建+工作理念"]),
        ("打造自贡高新区华商商圈“壹公里”红色文化走廊。", ["壹公里红色文化走廊"]),
        # a verb of running a programme and a party-building, numbered or parallel name
        ("内江高新区在园区推行“红色物业”，由物业企业党支部牵头。", ["红色物业"]),
        ("园区向企业派出“红色店小二”。", ["红色店小二"]),
        ("怀化高新区党工委确定“书记项目”14个。", ["书记项目"]),
        ("提升“两个覆盖”质效。", ["两个覆盖"]),
        ("项目建设上，高新区坚持“周调度、旬会商、月督查”。", ["周调度、旬会商、月督查"]),
        ("党建指导员实行“一月一走访、一季一报告”。", ["一月一走访、一季一报告"]),
        # names that say what they are
        ("形成覆盖全区的“10分钟服务圈”。", ["10分钟服务圈"]),
        ("泰盈科技的“青春党建”、泰开变压器的“铁军党建”各有特色。", ["青春党建", "铁军党建"]),
        ("快递小哥在“暖心补给站”歇脚，党员志愿者轮流值守。", []),  # no party in the name
        ("快递小哥在“红色补给站”歇脚。", ["红色补给站"]),
        # building a party-building name is running it; building a goal is not
        ("园区实施“红色链条”建设，由链主企业党支部牵头。", ["红色链条"]),
        ("加快“智慧园区”建设。", []),
        ("推行容缺后补“2.5项”审批制度。", []),  # a count in quotes names nothing
        # a number in quotes with the kind of programme it names
        ("仲恺高新区探索出“134”治理模式。", ["134治理模式"]),
        # a company's party-building station is party work, not its product
        ("兴齐眼药股份有限公司的“红色驿站”向集群所有党员开放。", ["红色驿站"]),
        # the zone's layout
        ("今年高新区将持续做强“一谷七园”。", []),
        ("社区党委开设“流动课堂”和“头雁课堂”。", ["流动课堂", "头雁课堂"]),
        ("高新区把“一月一课一片一实践”主题党日作为固定载体。", ["一月一课一片一实践主题党日"]),
        # a year of a campaign
        ("园区接续巩固“项目建设攻坚年”的成果。", ["项目建设攻坚年"]),
        # a quoted name's own words after it are no second programme
        ("党工委把“新火燎园”园区党建提质工程作为重点项目。", ["新火燎园"]),
        # a brand's two-part name, a comma inside its quotes
        ("中心党委打响“问题帮办，助企发展”品牌。", ["问题帮办，助企发展品牌"]),
        ("他说“我们要干，不要等”。", []),
    ],
)
def test_quoted_programmes_of_the_genre(body, expected):
    assert names(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "以党建的“红色引擎”为园区发展增添动力。",
        "为企业转型升级装上了“红色引擎”。",
        "“链上有组织”服务覆盖链上企业86家。",
        "放大“两高融合”效应，抓住“三铁交会”机遇。",
        "构筑“一区、一港、一谷、一廊”的招才引智格局。",
        "形成以“一车一人一芯”特色产业集群为主的产业体系。",
        "不断推进高新区“两区三高地”建设。",
        "全面布局“智能制造+数字化+5G”运营体系。",
        "参加2024全国“人工智能+”行动。",
        "从“红色体系”“红色队伍”“红色阵地”“红色物业”“红色服务”五个维度接受评审。",
        "公司党委一直把“围绕发展抓党建、抓好党建促发展”作为工作主线。",
        "探索“党建引领、行业领跑、产业链接、互促共进”的发展路径。",
        "提供“一站式”服务，让企业少跑腿。",
        # how a zone's industries or spaces are laid out, and a title awarded
        "围绕“1+4”重点产业布局招商。",
        "区镇对照“一核三园二中心”的规划布局组建联盟。",
        "新材料是高新区“一主一特”中的主导产业。",
        "向有制企业“双强六好”党组织授牌。",
        "构建起“5+1”循环经济产业体系。",
    ],
)
def test_metaphors_effects_formulas_of_business_and_illustrations_are_not_programmes(body):
    assert names(body) == []


def test_one_quoted_name_with_two_programme_words_is_one_initiative():
    body = "张江集团发布“源动力”党建品牌。“源动力”品牌下设两大经典品牌。深入推进“党建样板间”示范创建，培育“党建样板间”。"
    assert list(dict.fromkeys(names(body))) == ["源动力党建品牌", "党建样板间示范创建"]


@pytest.mark.parametrize(
    "body, expected",
    [
        ("高新区推行党建指导员包联企业机制，选派党员干部。", ["党建指导员包联企业机制"]),
        ("建立重点项目党员联系人制度。", ["重点项目党员联系人制度"]),
        ("园区推行质量党员责任制。", ["质量党员责任制"]),
        ("福州高新区把近邻党建百日攻坚行动作为全年党建工作的先手棋。", ["近邻党建百日攻坚行动"]),
        ("自2020年起共同发起成立成渝地区双城经济圈国家高新区党建联盟。", ["成渝地区双城经济圈国家高新区党建联盟"]),
        ("设有两新组织党建指导站、党员志愿服务站和职工书屋。", ["两新组织党建指导站"]),
        ("以区党员政治生活馆为中心，建设近邻议事厅、近邻调解室。", ["区党员政治生活馆", "近邻议事厅", "近邻调解室"]),
        ("益阳高新区在企业集中区域设立党建指导站5个。", ["党建指导站"]),
        ("衡阳高新区党群活动服务中心揭牌启用。", ["党群活动服务中心"]),
        ("通过建立健全产业链党建联盟破解难题。", ["产业链党建联盟"]),
        # 非公, which the tagger reads as an adverb, is a word of the name
        ("园区建起全市第一家非公党建工作指导站。", ["非公党建工作指导站"]),
        # a way of managing named by whom it manages; the bare practice is no name
        ("园区推行楼宇党建网格化管理，社区也实行网格化管理。", ["楼宇党建网格化管理"]),
        ("园区与周边单位组建科学城党建联合体。", ["科学城党建联合体"]),
        ("在天安智谷科技产业园，高新区党群服务中心是企业党员常来的地方。", ["高新区党群服务中心"]),
        # a school, a reading room, an alliance, an incubator of party building; an industry's alliance is none
        ("中心设有红领学院和红盟书吧，企业组建地理信息小镇红色联盟。", ["红领学院", "红盟书吧", "地理信息小镇红色联盟"]),
        ("高新区建成企业党建孵化服务中心，又牵头成立锂电产业联盟。", ["企业党建孵化服务中心"]),
        ("由链主企业党组织担任联盟理事长单位。", []),
        ("把力量集中投向新能源汽车产业链党建联盟。", ["新能源汽车产业链党建联盟"]),
    ],
)
def test_unquoted_institutions_and_places_of_party_building(body, expected):
    assert names(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "建立长效机制，完善工作制度，搭建服务平台。",
        "深化招商体制机制改革，组建招商专班。",
        "洋泾塘一带涉及苏站路东延工程。",
        "他是一家汽车发电机制造商的负责人。",
        "依托各级党群服务中心和社区党群服务中心开展活动。",
        "建好用好党建阵地，打造红色阵地。",
        "与职业院校党组织共建实训基地。",
        "成立生物医药产业链党委，按照园区片区设立联合党支部，组建商会党委和行业协会党支部。",
        "党员突击队在生产一线攻坚。",
        "联合体成员单位携手形成园区发展的命运共同体。",
        "标准化、规范化建设党建活动阵地42个。",
        "协调解决了流动党员管理难、小区党建阵地空间不足等问题。",
        "街道依托已有党建场所建起党群服务中心和党员教育基地。",
        "山西智创城7号党群驿站向企业党员敞开大门。",
        "推动党建引领基层治理，引导居民参与小区治理。",
        "会上，全市21个获评2024年河北省两新组织党建示范点的基层党组织接受授牌。",
    ],
)
def test_generic_names_other_works_and_party_organisations_are_not_initiatives(body):
    assert names(body) == []


def test_halls_of_party_education_each_named_and_documents_of_the_party_s_own_bodies():
    assert names("依托安徽明德孵化器非公党建展馆和小岗盼盼党性教育馆开展党性教育。") == [
        "安徽明德孵化器非公党建展馆", "小岗盼盼党性教育馆"
    ]
    assert names("参观了园区规划展馆。") == []
    assert names("会议审议通过《中共佛山市南海区三龙湾科技城中央科创区联合委员会“1+6”运行机制》。") == [
        "《中共佛山市南海区三龙湾科技城中央科创区联合委员会“1+6”运行机制》"
    ]
    # the party's committee issuing policy on something else
    assert names("区委印发《中共广州市黄埔区委关于推进珠江沿岸高质量发展的实施意见》。") == []


def test_an_alliance_named_with_its_whole_industry_and_activity_centres_of_party_building():
    assert names("园区在这条链上组建了“红心谷”生物医药产业链党建联盟。") == ["红心谷生物医药产业链党建联盟"]
    assert names("联盟在园区建起党建联盟活动中心，企业还依托党群活动中心开展学习。") == ["党建联盟活动中心", "党群活动中心"]
    assert names("社区活动中心和青少年活动中心对外开放。") == []


def test_homes_lessons_and_training_classes_named_in_quotes_but_not_national_platforms_or_organisations():
    assert names("设立“红色驿站”15个和“司机之家”1个，线上“微党课”已推出50余期。") == ["红色驿站", "司机之家", "微党课"]
    assert names("开发区常态化举办“头雁、强雁、群雁”系列培训班。") == ["头雁、强雁、群雁"]
    assert names("相关经验在“学习强国”平台推广，街道建成5个示范性党群服务站。") == []
    assert names("园区成立了“青年创业之家”党委。") == []


def test_a_title_opening_on_a_programme_s_name_names_it_at_its_first_sentence():
    from articles.ingest.initiatives import extract_initiatives

    body = "光谷公共服务中心有一处露天平台。6月30日，“光谷红厅”正式剪彩，当天就承办了主题党日活动。"
    facts = extract_initiatives(body, title="“光谷红厅”：露天平台变身党员之家")
    assert [(f.name, f.sentence) for f in facts] == [("光谷红厅", "6月30日，“光谷红厅”正式剪彩，当天就承办了主题党日活动。")]
    assert extract_initiatives(body, title="“青创党委”：让年轻骨干挑大梁") == []
    assert extract_initiatives(body) == []


def test_a_quoted_name_the_work_is_carried_by():
    assert names("党工委以“三个强化”为抓手推动党的组织向企业一线延伸。") == ["三个强化"]
    assert names("园区以“亩均论英雄”为抓手推进改革。") == []  # no party work, no number
    assert names("园区通过“四个强化”让高质量党建和高质量发展互相促进。") == ["四个强化"]
    assert names("园区通过“亩均论英雄”改革提高效益。") == []


def test_a_party_named_place_set_up_with_ban_qi_is_a_programme():
    assert names("社区广场上办起“红色影院”，每月放映一场。") == ["红色影院"]


def test_a_quoted_lecture_series_is_a_programme_by_its_name():
    assert names("面向创新创业的青年，高新区开设“青创学堂”，请企业家担任导师。") == ["青创学堂"]
    assert names("每个季度，高新区还举办一期“青才讲坛”，请青年人才围坐交流。") == ["青才讲坛"]


def test_a_title_people_were_chosen_for_is_no_programme():
    assert names("社区按照流程评出了首批“党员示范岗”5人。") == []
    assert names("社区设立“党员示范岗”，亮身份、作表率。") == ["党员示范岗"]


def test_a_party_named_body_set_up_or_formed_is_a_programme():
    assert names("开发区联合高校成立“红色智库”，组建“红色招商专班”赴长三角驻点招商。") == ["红色智库", "红色招商专班"]
    assert names("企业成立“青年突击”党支部。") == []


def test_a_quoted_name_over_a_place_reservoir_forum_or_complex_of_party_building():
    body = (
        "街道在商务楼宇里打造“邻聚里”党群共享阵地5处。"
        "园区把40名党员骨干选进“红色工匠”储备库。"
        "开发区还建成“链心汇”党群服务综合体。"
        "联盟当天举办“红链同行”智汇论坛。"
        "村口挂着“党员实践教育基地”的牌子。"
    )
    assert names(body) == [
        "邻聚里党群共享阵地", "红色工匠储备库", "链心汇党群服务综合体", "红链同行", "党员实践教育基地",
    ]


@pytest.mark.parametrize(
    "body",
    [
        "园区引进了全省首个“低空飞行测试基地”。",  # no party building in the name
        "园区先后入选首批“城市矿产”示范基地。",  # a title the zone holds
        "景瑞社区进入了全市首批“红枫映初心”先锋阵地。",
        "全区共建成坚强堡垒“模范”支部示范点3个。",  # counted: a rating
        "市里提出培育“三个基地”。",
    ],
)
def test_a_quoted_place_without_party_building_or_held_as_a_title_is_not_a_programme(body):
    assert names(body) == []


def test_a_recurring_activity_named_by_its_kind_and_warming_the_new_employed_as_party_work():
    body = (
        "税务局党委在企业读书吧办了一场“向新而进”主题沙龙。"
        "科技产业局把党史学习教育同“我为群众办实事”实践活动结合起来。"
        "县里随后推出“工会暖新餐”，为骑手提供专属优惠。"
        "20余家媒体的记者参加了“新时代新征程新伟业”集中采访活动。"  # a one-off event
    )
    assert names(body) == ["向新而进", "我为群众办实事", "工会暖新餐"]


def test_a_mechanism_of_joint_building_is_party_work():
    assert names("联盟将以党建共建活动为抓手，探索建立健全大联建机制。") == ["大联建机制"]
    assert names("园区将探索建立健全大招商机制。") == []


def test_party_building_built_together_is_part_of_the_name():
    assert names("今年的重头戏是城市党建共建工程。") == ["城市党建共建工程"]
    assert names("园区与周边社区共建工程项目。") == []


def test_joining_an_alliance_is_no_part_of_its_name():
    assert names("书记发出倡议，邀请全市创新平台党组织加入联盟。") == []
    assert names("园区企业加入产业链党建联盟。") == ["产业链党建联盟"]


def test_party_building_brands_counted_then_listed_are_each_a_brand_a_firm_s_too():
    body = "园区共有非公企业党建品牌17个，鸿叶集团“红色竹迹”、艾可蓝“与艾同行、守护蓝天”是其中的代表。"
    assert names(body) == ["红色竹迹", "与艾同行、守护蓝天"]
    body = "园区已培育出17个非公企业党建品牌：鸿叶集团的“红色竹迹”、艾可蓝的“与艾同行、守护蓝天”。"
    assert names(body) == ["红色竹迹", "与艾同行、守护蓝天"]
