from articles.ingest.zone_linker import CAPTIONED_BODY_MAX, ZoneIndex, link_zones

ZONES = [
    {"name": "淮北高新区", "full_name": "淮北高新技术产业开发区", "aliases": ["淮北国家高新区"],
     "province": "安徽省", "city": "淮北市"},
    {"name": "杭州高新区", "full_name": "杭州高新技术产业开发区", "aliases": ["杭州高新区（滨江）"],
     "province": "浙江省", "city": "杭州市"},
    {"name": "乌鲁木齐高新区", "full_name": "乌鲁木齐高新技术产业开发区", "aliases": [],
     "province": "新疆维吾尔自治区", "city": "乌鲁木齐市"},
    {"name": "厦门火炬高新区", "full_name": "厦门火炬高技术产业开发区", "aliases": ["厦门高新区"],
     "province": "福建省", "city": "厦门市"},
    {"name": "包头稀土高新区", "full_name": "包头稀土高新技术产业开发区", "aliases": ["稀土高新区"],
     "province": "内蒙古自治区", "city": "包头市"},
    {"name": "松山湖高新区", "full_name": "东莞松山湖高新技术产业开发区", "aliases": ["东莞松山湖高新区"],
     "province": "广东省", "city": "东莞市"},
    {"name": "南通高新区", "full_name": "南通高新技术产业开发区", "aliases": [],
     "province": "江苏省", "city": "南通市"},
]
CITIES = {"淮北": "安徽省", "淮北市": "安徽省", "宜兴": "江苏省", "宜兴市": "江苏省",
          "南京": "江苏省", "南京市": "江苏省", "丹阳": "江苏省", "丹阳市": "江苏省",
          "东莞": "广东省", "东莞市": "广东省", "烟台": "山东省", "烟台市": "山东省"}


def index():
    return ZoneIndex(ZONES, province_for_city=lambda city: CITIES.get(city, ""))


def names(text):
    return [(m.name, m.surface, m.count) for m in index().find(text)]


def test_reference_names_full_names_and_aliases_link_to_the_canonical_zone():
    text = "淮北高新技术产业开发区发布措施。淮北国家高新区党工委召开会议。淮北高新区成立联盟。"
    assert names(text) == [("淮北高新区", "淮北高新技术产业开发区", 3)]
    zone = index().find(text)[0]
    assert (zone.known, zone.province, zone.city) == (True, "安徽省", "淮北市")


def test_full_name_of_a_torch_zone_and_names_kept_whole():
    assert names("厦门火炬高技术产业开发区与包头稀土高新区合作。") == [
        ("厦门火炬高新区", "厦门火炬高技术产业开发区", 1),
        ("包头稀土高新区", "包头稀土高新区", 1),
    ]


def test_district_in_brackets_stays_with_the_zone():
    text = "由杭州高新区(滨江)党委宣传部主办，杭州高新区（滨江）承办。乌鲁木齐高新区(新市区)持续加强党建。"
    assert names(text) == [
        ("杭州高新区", "杭州高新区(滨江)", 2),
        ("乌鲁木齐高新区", "乌鲁木齐高新区(新市区)", 1),
    ]


def test_district_bracket_broken_by_a_line_is_still_the_zone():
    assert names("4月15日，由杭州高新区\n(滨江)党委宣传部主办。")[0][:2] == ("杭州高新区", "杭州高新区(滨江)")


def test_a_bracketed_note_is_not_a_district():
    assert names("南通高新区(以下简称园区)")[0][1] == "南通高新区"


def test_unknown_zone_in_a_known_city_is_returned_unknown_with_province():
    found = index().find("2023年，宜兴市高新区新增企业45家；南京江宁高新区、丹阳高新技术产业开发区同步推进。宜兴高新区还将…")
    assert [(m.name, m.known, m.city, m.province, m.count) for m in found] == [
        ("宜兴高新区", False, "宜兴市", "江苏省", 2),
        ("江宁高新区", False, "南京市", "江苏省", 1),  # the district names the zone
        ("丹阳高新区", False, "丹阳市", "江苏省", 1),
    ]


COUNTIES = {**CITIES, "浦口": "江苏省", "浦口区": "江苏省", "自贡": "四川省", "自贡市": "四川省",
            "沿滩": "四川省", "沿滩区": "四川省", "建湖": "江苏省", "建湖县": "江苏省",
            "沅江": "湖南省", "沅江市": "湖南省", "湖南": "", "合肥": "安徽省", "合肥市": "安徽省"}


def county_index():
    return ZoneIndex(ZONES, province_for_city=lambda city: COUNTIES.get(city, ""))


def test_zones_named_after_counties_and_districts_drop_the_city_before_them():
    found = county_index().find(
        "南京浦口高新区、自贡市沿滩高新技术产业园区、建湖高新区和湖南沅江高新区，还有南京徐庄高新区。"
    )
    assert [(m.name, m.city, m.province) for m in found] == [
        ("浦口高新区", "南京市", "江苏省"),
        ("沿滩高新区", "自贡市", "四川省"),
        ("建湖高新区", "建湖县", "江苏省"),
        ("沅江高新区", "沅江市", "湖南省"),
        ("徐庄高新区", "南京市", "江苏省"),  # a proper name between the city and 高新区
    ]
    # two characters that are no word of the dictionary name a place too (新|站); a verb does not
    assert [(m.name, m.city) for m in county_index().find("合肥新站高新区组建高教党建联盟。")] == [
        ("新站高新区", "合肥市"),
    ]
    assert county_index().find("南京市支持高新区发展。") == []


def test_a_county_named_as_its_city_keeps_its_county_in_the_zone_s_name():
    cities = {**CITIES, "邵阳": "湖南省", "邵阳市": "湖南省", "邵阳县": "湖南省"}
    idx = ZoneIndex(ZONES, province_for_city=lambda city: cities.get(city, ""))
    assert [(m.name, m.known) for m in idx.find("邵阳县高新区召开党建大会。")] == [("邵阳县高新区", False)]
    assert [m.name for m in idx.find("宜兴市高新区召开党建大会。")] == ["宜兴高新区"]


def test_a_zone_named_after_a_district_of_its_province_is_also_printed_without_the_district():
    zones = [*ZONES, {"name": "萧山临江高新区", "full_name": "萧山临江高新技术产业开发区",
                      "aliases": ["杭州萧山临江高新区"], "province": "浙江省", "city": "杭州市"}]
    cities = {**CITIES, "萧山": "浙江省", "萧山区": "浙江省", "临江": "吉林省", "临江市": "吉林省",
              "吉林": "吉林省", "白山": "吉林省"}
    idx = ZoneIndex(zones, province_for_city=lambda city: cities.get(city, ""))
    found = idx.find("钱塘区的临江国家高新区里，临江高新区党工委牵头。")
    assert [(m.name, m.count, m.province) for m in found] == [("萧山临江高新区", 2, "浙江省")]
    # Beside a city of another province it is that city's own: not the Zhejiang zone.
    assert [m.name for m in idx.find("吉林临江高新区")] == ["临江高新区"]


def test_a_city_supporting_its_zone_creates_no_zone():
    assert county_index().find("南京市支持高新区建设，宜兴市推动高新区发展。") == []


def test_generic_and_false_zones_are_not_zones():
    text = (
        "这是国家高新区党建工作的一道课题，在国家高新区综合评价中再跃进8位。全市高新区开展“百名博士进高新”活动，"
        "高新科技园联合工会揭牌，大赛在松湖华科产业园举办。图片来源：松山湖科学城。烟台和某某高新区"
    )
    assert names(text) == []


def test_an_unknown_place_is_not_a_zone():
    assert names("火星高新区举办活动。") == []


def test_bare_references_count_for_the_article_zone():
    body = (
        "淮北高新区召开会议。高新区党工委要求，全区上下真正来一次思想大解放。"
        "园区新增签约项目42个。该高新区已录入工会组织364个。淮北高新区管委会出台措施。"
        "平顶山高新区尼龙新材料产业园区负责人介绍。"
    )
    zones = link_zones("", "", body, index())
    assert [(m.name, m.count) for m in zones] == [("淮北高新区", 2 + 4)]


def test_title_and_kicker_zone_comes_first_even_if_others_are_more_frequent():
    body = "南通高新区与淮北高新区合作。南通高新区企业。南通高新区党工委。"
    zones = link_zones("厚植产业发展“红色沃土”", "淮北高新区凝聚更强向心力——", body, index())
    assert [(m.name, m.in_title) for m in zones] == [("淮北高新区", True), ("南通高新区", False)]
    assert zones[0].count == 2  # once in the kicker, once in the body


def test_without_a_title_zone_the_most_mentioned_zone_is_primary():
    body = "厦门高新区企业上榜。南通高新区企业。南通高新区党工委。"
    assert [m.name for m in link_zones("4企入选创新案例", "", body, index())] == ["南通高新区", "厦门火炬高新区"]


def test_no_zone_named_means_no_zone():
    assert link_zones("党建引领开新局", "", "高新区召开会议。全区上下。", index()) == []


def test_index_accepts_model_like_objects():
    class Zone:
        name, full_name, aliases, province, city = "保定高新区", "保定高新技术产业开发区", [], "河北省", "保定市"

    found = ZoneIndex([Zone()], province_for_city=lambda city: "").find("保定高新技术产业开发区工会")
    assert [(m.name, m.province) for m in found] == [("保定高新区", "河北省")]


def test_photo_news_named_only_in_its_credit_links_to_that_zone():
    body = "近日，2024东莞市职业技能大赛无人机操作技术项目竞赛在松湖华科产业园举办。"
    found = link_zones("职业技能大赛举办", "", body, index(), captions=["图片来源:松山湖科学城"])
    assert [(m.name, m.province) for m in found] == [("松山湖高新区", "广东省")]


def test_a_report_naming_no_zone_does_not_take_the_zone_of_a_caption_below_it():
    # The page's last caption lands under its last brief: the photo of another article.
    body = (
        "8月31日，观摩推进会的与会人员来到宜城，走进精细化工园区，看化工新材产业链党建怎么做。"
        "宜城市委两新工委依托园区开展产业链党建试点，链上建立企业党组织15个，覆盖企业23家、党员574人。"
        "联合党委牵头协调职能部门上门开展政策咨询30多次，帮企业解决用工等问题40多项。"
        "链上企业党组织书记由中层以上管理人员担任的比例达80%，党建和生产经营拧成一股绳。"
        "化工新材是宜城的传统主导产业，链上企业的党员在技术攻关和安全生产中走在前面。"
    )
    assert len(body) >= CAPTIONED_BODY_MAX
    assert link_zones("", "", body, index(), captions=["松山湖高新区一角"]) == []


def test_an_interview_s_subtitle_names_the_zone_its_answers_call_高新区():
    body = "记者：高新区的产业链是怎么布局的？\n负责人：我们率先把联合党委建在产业链上。"
    found = link_zones("把党委建在链上", "", body, index(), subtitle="——访松山湖高新区党工委主要负责人")
    assert [m.name for m in found] == ["松山湖高新区"]


def test_a_city_hosting_a_single_zone_links_when_the_text_speaks_of_its_zone():
    found = link_zones("技能大赛", "", "近日，东莞市举办职业技能大赛，园区企业派出30名选手。", index())
    assert [m.name for m in found] == ["松山湖高新区"]


def test_a_city_named_like_its_zone_names_it_only_beside_its_zone_word():
    # 乌鲁木齐 is the place part of 乌鲁木齐高新区, but it is the city first: a district's branch under it
    body = "乌鲁木齐市天山区流动党员党支部完成换届，党员由5名增加到80多名。"
    assert link_zones("流动党员支部壮大", "乌鲁木齐", body, index()) == []
    body = "乌鲁木齐市今年在园区企业中新建党支部12个。"
    assert [m.name for m in link_zones("企业党组织扩面", "", body, index())] == ["乌鲁木齐高新区"]


def test_the_municipal_zone_of_a_text_naming_one_city_is_that_city_s():
    cities = {**CITIES, "佳木斯": "黑龙江省", "佳木斯市": "黑龙江省", "哈尔滨": "黑龙江省", "哈尔滨市": "黑龙江省"}
    idx = ZoneIndex(ZONES, province_for_city=lambda city: cities.get(city, ""))
    body = "【佳木斯】光伏组件项目开工。佳木斯市委副书记、市高新区党工委书记宣布项目开工。"
    (zone,) = link_zones("", "", body, idx)
    assert (zone.name, zone.known, zone.province) == ("佳木斯高新区", False, "黑龙江省")
    # one city in the table's: its zone
    assert [m.name for m in link_zones("", "", "淮北市委常委、市高新区党工委书记出席。", idx)] == ["淮北高新区"]
    # two cities: whose 市高新区 is not said
    assert link_zones("", "", "哈尔滨市和佳木斯市的干部交流，市高新区负责人介绍经验。", idx) == []


def test_a_zone_outside_the_table_named_by_a_place_of_its_own_is_not_its_city_s_zone():
    cities = {**CITIES, "盐城": "江苏省", "盐城市": "江苏省"}
    zones = [*ZONES, {"name": "盐城高新区", "full_name": "盐城高新技术产业开发区", "aliases": [],
                      "province": "江苏省", "city": "盐城市"}]
    idx = ZoneIndex(zones, province_for_city=lambda city: cities.get(city, ""))
    body = "这是盐南高新区机器人产业链党委成立后的第三年。盐城市出台机器人产业发展方案，园区企业增至57家。"
    (zone,) = link_zones("西伏河畔“智链红”", "", body, idx)
    assert (zone.name, zone.known, zone.city) == ("盐南高新区", False, "盐城市")
    # without a city named, nothing says whose zone it is
    assert link_zones("西伏河畔“智链红”", "", "这是盐南高新区机器人产业链党委成立后的第三年。", idx) == []


def test_a_city_s_own_work_is_no_zone_s():
    body = "东莞市实施“红链赋能”工程，全市已在16条产业链上建起联合党委。"
    assert link_zones("产业链建起联合党委", "东莞", body, index()) == []
    body = "东莞市南城区推动党员干部下沉一线，全区74个村庄完成绿化美化。"
    assert link_zones("“红色物业”激活基层治理", "东莞", body, index()) == []


def test_a_city_a_figure_is_measured_against_is_not_the_article_s_city():
    body = "泾河新城地区生产总值增长10.8%，比东莞市高5.6个百分点，高出东莞市11.3个百分点。"
    assert link_zones("新城一年", "", body, index()) == []


def test_a_city_placing_a_district_or_in_an_officials_title_is_not_the_article_s_city():
    body = "走进东莞市南城区的一家家具企业，东莞市委常委、南城区委书记介绍了产业链党委的做法。"
    assert link_zones("产业链党委推着企业转型", "", body, index()) == []
    found = link_zones("技能大赛", "", "东莞市南城区、东莞市总工会联合举办大赛，园区企业参赛。", index())
    assert [m.name for m in found] == ["松山湖高新区"]


def test_a_branch_named_after_a_zone_in_a_city_of_another_province_is_not_that_zone():
    zones = ZONES + [{"name": "中关村", "full_name": "中关村科技园区", "aliases": [], "province": "北京市", "city": "北京市"}]
    cities = {**CITIES, "南阳": "河南省", "海淀": "北京市", "北京": "北京市"}
    idx = ZoneIndex(zones, province_for_city=lambda city: cities.get(city, ""))
    assert idx.find("企业扎堆在中关村南阳科技产业园，南阳中关村信息谷也在这里。") == []
    assert [m.name for m in idx.find("中关村海淀园和北京中关村")] == ["中关村"]


def test_a_province_s_or_a_city_s_own_article_names_no_zone_by_its_photo_or_city():
    body = "全省新兴领域党建工作持续推进，设立党建工作联系点579个。"
    assert link_zones("新兴领域党建织密组织网络", "辽宁", body, index(), captions=["南通高新区一角"]) == []
    assert link_zones("东莞：盯紧两个“500亿元”", "", "东莞市今年产业产值要达到500亿元。", index()) == []


def test_a_zone_named_in_the_text_wins_over_the_fallbacks():
    found = link_zones("技能大赛", "", "南通高新区举办大赛。", index(), captions=["图片来源:东莞市"])
    assert [m.name for m in found] == ["南通高新区"]


def test_a_two_character_place_names_its_zone_only_before_a_science_city():
    zones = ZONES + [{"name": "张江高新区", "full_name": "上海张江高新技术产业开发区", "aliases": [],
                      "province": "上海市", "city": "上海市"}]
    idx = ZoneIndex(zones, province_for_city=lambda city: CITIES.get(city, ""))
    assert [m.name for m in link_zones("科学城党建的“组织底座”", "", "张江科学城区域化党建促进会成立。", idx)] == ["张江高新区"]
    assert link_zones("党建品牌发布", "", "张江集团发布党建品牌。", idx) == []


def test_a_city_and_district_alias_also_links_the_district_form():
    zones = ZONES + [{"name": "嘉兴高新区", "full_name": "嘉兴高新技术产业开发区", "aliases": ["嘉兴秀洲高新区"],
                      "province": "浙江省", "city": "嘉兴市"}]
    idx = ZoneIndex(zones, province_for_city=lambda city: CITIES.get(city, ""))
    assert [(m.name, m.count) for m in idx.find("秀洲国家高新区党工委推行党建+。秀洲高新区将以此为契机。")] == [
        ("嘉兴高新区", 2)
    ]
    # 厦门火炬高新区 and 威海火炬高新区 would both give 火炬高新区: neither does.
    both = ZONES + [{"name": "威海火炬高新区", "full_name": "", "aliases": [], "province": "山东省", "city": "威海市"}]
    assert ZoneIndex(both, province_for_city=lambda city: "").find("火炬高新区举办活动。") == []



def test_a_form_several_zones_share_names_the_one_whose_city_the_page_names():
    zones = ZONES + [
        {"name": "威海火炬高新区", "full_name": "", "aliases": [], "province": "山东省", "city": "威海市"},
        {"name": "中山火炬高新区", "full_name": "", "aliases": ["中山火炬开发区"], "province": "广东省", "city": "中山市"},
    ]
    idx = ZoneIndex(zones, province_for_city=lambda city: "")
    body = "火炬开发区党工委在全区开展创建活动。健康基地是火炬高新区的龙头平台。"
    assert [m.name for m in link_zones("党建联建系牢红色纽带", "", body, idx, paper="中山日报")] == ["中山火炬高新区"]
    assert [m.name for m in link_zones("党建联建系牢红色纽带", "", "中山全市" + body, idx)] == ["中山火炬高新区"]
    # no city, or the city of no such zone: no zone
    assert link_zones("党建联建系牢红色纽带", "", body, idx) == []
    assert link_zones("党建联建系牢红色纽带", "", body, idx, paper="淮北日报") == []


def test_a_zones_own_bulletin_names_its_articles_zone_when_the_title_does_not():
    body = "科技园把服务企业作为抓党建的落脚点，客户包括厦门高新区的企业。"
    zones = link_zones("甘当入园企业“服务员”", "", body, index(), paper="淮北高新区党建工作简报")
    assert [m.name for m in zones] == ["淮北高新区", "厦门火炬高新区"]
    zones = link_zones("南通高新区企业上榜", "", body, index(), paper="淮北高新区党建工作简报")
    assert [m.name for m in zones][:1] == ["南通高新区"]
    assert [m.name for m in link_zones("甘当入园企业“服务员”", "", body, index())] == ["厦门火炬高新区"]
    # an item on another kind of park (他山之石: 新绛经开区以…) is not the bulletin's zone's
    body = "新绛经济技术开发区组建4个链主企业党组织，下设43个链上企业党小组。"
    assert link_zones("新绛经开区以“三三”机制争创“五面红旗”", "", body, index(), paper="淮北高新区党建工作简报") == []


def test_an_item_under_another_kind_of_park_is_not_its_city_s_zone():
    body = "东莞市的化工企业把党组织建到产业链上，帮村里的豆制品找到销路。园区还组织企业参与。"
    assert link_zones("产业链党建帮村里豆制品找到“铁饭碗”", "东莞港经济开发区", body, index()) == []
    assert [m.name for m in link_zones("豆制品找到销路", "", body, index())] == ["松山湖高新区"]


def test_an_item_under_a_district_s_name_is_not_its_city_s_zone():
    body = "淮北市的电子企业组建产业链党建联盟，园区企业党支部“抱团”服务。"
    assert [m.name for m in link_zones("把党支部建在产业链上", "", body, index())] == ["淮北高新区"]
    assert link_zones("把党支部建在产业链上", "淮北相山", body, index()) == []
    assert link_zones("把党支部建在产业链上", "相山区", body, index()) == []
    assert link_zones("线路板企业的党员先锋岗", "淮北凤凰工业园区", body, index()) == []
    assert link_zones("淮北经开区：园区党建为民营企业“添柴加火”", "", body, index()) == []


def test_a_city_placing_another_park_is_not_the_article_s_city():
    body = "淮北市凤凰经济开发区把党组织建到煤化工产业链上，园区企业党支部增至17个。"
    assert link_zones("把党组织建到产业链上", "", body, index()) == []


def test_a_city_s_own_paper_means_its_own_zone_by_a_bare_gaoxinqu():
    cities = {**CITIES, "海安": "江苏省", "海安市": "江苏省", "南通": "江苏省", "南通市": "江苏省"}
    idx = ZoneIndex(ZONES, province_for_city=lambda city: cities.get(city, ""))
    body = "去年，高新区新签约项目42个，在南通市省级以上开发园区考核中位列第二。"
    # a county-level city's paper: the zone named after it, not its prefecture's (南通)
    (zone,) = link_zones("五个关键词读懂主阵地", "", body, idx, paper="海安日报")
    assert (zone.name, zone.known, zone.city, zone.province) == ("海安高新区", False, "海安市", "江苏省")
    # a city with one zone in the table: that zone
    assert [m.name for m in link_zones("五个关键词读懂主阵地", "", body, idx, paper="南通日报")] == ["南通高新区"]
    # a title saying 高新区 is no other kind of park (新区) naming the article's
    (zone,) = link_zones("要在高新区跑出实效", "主功能区一把手谈下半年", body, idx, paper="海安日报")
    assert zone.name == "海安高新区"
    # 园区 alone is any park of the city: no zone of the paper's
    assert link_zones("五个关键词读懂主阵地", "", "园区新签约项目42个。", idx, paper="海安日报") == []


def test_an_item_under_a_districts_name_on_another_park_is_not_its_citys_zone():
    body = "走进淮北矿业集团的车间，党员工程师正在检查设备质量。濉溪县是淮北经济开发区所在地，近年来成立行业党委。"
    assert link_zones("“四力驱动”为园区聚人心", "濉溪", body, index()) == []
    # without the district over it, the city hosting one zone still names that zone
    assert [m.name for m in link_zones("“四力驱动”为园区聚人心", "", body, index())] == ["淮北高新区"]
