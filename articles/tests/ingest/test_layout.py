"""Page layout: articles found on a page, with their kicker, title, byline, body and captions.

Rules are tested on literal snippets of real pages, then on the seed pages, then on
pages of other layouts in tests/pages/ that the rules were not written against.
"""
from pathlib import Path

import pytest

from articles.ingest.layout import derive_title, line_shape, parse_byline, split_page
from articles.ingest.reader import read_page

PAGES = Path(__file__).resolve().parents[1] / "pages"
SEEDS = Path(__file__).resolve().parents[3] / "fixtures" / "seeds"


def page(*lines):
    return "\n".join(lines)


def seed(prefix):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return split_page(read_page(path).text)


def summary(blocks):
    return [(b.kind, b.kicker, b.title, b.authors) for b in blocks]


# --- line shapes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, shape",
    [
        ("■ 首席记者 肖干 通讯员 周建军", "byline"),
        ("► 张熙哲", "byline"),
        ("▶ 本报记者 刘琴", "byline"),
        ("——淮北高新区党建赋能高质量发展纪实", "subtitle"),
        ("烟台高新区凝聚更强向心力——", "kicker"),
        ("厦门火炬高新区:", "kicker"),
        ("乌鲁木齐高新区(新市区)夯基础优服务强示范——", "kicker"),
        ("党建引领开新局 “找改强争”创一流", "headline"),
        ("中山火炬高新区党校", "headline"),
        ("推进“两个覆盖”", "headline"),
        ("王宏伟 孙达", "names"),
        ("张国贞", "names"),
        ("图片来源:松山湖科学城", "credit"),
        ("图片来源：…", "credit"),
        ("平顶山高新区供图", "credit"),
        ("图为活动现场举行“滨滨有理”基层特色理论宣讲队授旗仪式。", "caption"),
        ("本报讯 近日,乐山高新区召开深化党建引领心连心接诉即办改革工作", "brief"),
        ("淮北高新区成立锂电产业链党建联盟。", "text"),
        ("4月15日,由杭州高新区", "text"),  # a line cut mid-name, not a headline
        ("截至目前，咸宁高新区获评专精", "text"),
        ("“清远高新区机关党委各党支部可以结合工作职责，联合企业在高新区范", "text"),  # open quote
        ("完善人才政策体系。烟台高新区", "text"),
        ("链上 党建 聚合力", "headline"),  # a heading in OCR spacing, not three names
        ("（李敏 王涛）", "names"),
        ("（记者 许晴）", "names"),
        ("企业党员技术骨干在生产线上开展攻关。 孙立新 摄", "caption"),
        ("记者 李娜 实习生 赵宇", "byline"),
    ],
)
def test_line_shape(line, shape):
    assert line_shape(line) == shape


def test_a_sentence_opening_with_the_word_reporter_is_not_a_byline():
    assert line_shape("记者从合肥高新区获悉，今年以来园区新增党组织12个") != "byline"
    assert line_shape("记者 从合肥高新区获悉，今年以来园区新增党组织12个") != "byline"


@pytest.mark.parametrize(
    "byline, names",
    [
        ("■ 首席记者 肖干 通讯员 周建军", ["肖干", "周建军"]),
        ("► 张熙哲", ["张熙哲"]),
        ("▶ 本报记者 刘琴", ["刘琴"]),
        ("▶ 本报记者刘琴 通讯员张伟", ["刘琴", "张伟"]),
        ("王宏伟 孙达", ["王宏伟", "孙达"]),
        ("代可友 赵祎诺", ["代可友", "赵祎诺"]),
        ("记者 周明 通讯员 彭丽", ["周明", "彭丽"]),
        ("■ 记者 依明江·亚森", ["依明江·亚森"]),
        ("记者 李娜 实习生 赵宇", ["李娜", "赵宇"]),
        ("文/图 孙立新", ["孙立新"]),
        ("本报记者 陈晓 周婷 通讯员 方明", ["陈晓", "周婷", "方明"]),
        ("► 本报记者 韩 冰", ["韩冰"]),  # OCR spacing inside a name
        ("（记者 许晴）", ["许晴"]),
        ("■ 本报记者 张三/文 李四/图", ["张三", "李四"]),
        ("本报特约记者 陈岩", ["陈岩"]),
        ("融媒体记者 李想", ["李想"]),
        ("记者 张敏 报道", ["张敏"]),
    ],
)
def test_byline_names_are_bare_personal_names(byline, names):
    assert parse_byline(byline) == names


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "近日,乐山高新区召开深化党建引领心连心接诉即办改革工作2025年第三季度书记点评会。会议听取…",
            "乐山高新区召开深化党建引领心连心接诉即办改革工作2025年第三季度书记点评会",
        ),
        ("今年以来,江阴高新区党工委深入落实“一线冲锋奋斗建功”行动,以党员干部先锋攻坚为抓手", "江阴高新区党工委深入落实“一线冲锋奋斗建功”行动"),
        ("4月15日,第135届中国进出口商品交易会(广交会)举行,苏州高新区精心组织了22家企业参展", "第135届中国进出口商品交易会(广交会)举行"),
        # a date of last year, then the circumstances: neither is the title
        (
            "去年11月17日，在工业和信息化部规划司和省科技厅的支持指导下，福建省国家高新区高质量发展联盟在福州成立。",
            "福建省国家高新区高质量发展联盟在福州成立",
        ),
        ("2月4日下午，漳州高新区党工委书记带队走访慰问困难党员。", "漳州高新区党工委书记带队走访慰问困难党员"),
    ],
)
def test_a_title_is_derived_from_the_first_clause(text, title):
    assert derive_title(text) == title


def test_a_derived_title_is_never_longer_than_forty_characters():
    text = "近日，2024东莞市职业技能大赛无人机操作技术项目竞赛暨世界青年技能日宣传活动在松湖华科产业园举办。"
    title = derive_title(text)
    assert 8 <= len(title) <= 40
    assert title.startswith("2024东莞市职业技能大赛")


# --- snippets of real pages -------------------------------------------------------------------


def test_feature_header_title_subtitle_byline_and_captions_above_the_title():
    text = page(
        "", "", "",
        "7月25日,淮北高新区召开“找差距、改作风、强担当、争先进”专项行动动员部署会。",
        "", "", "",
        "淮北高新区成立锂电产业链党建联盟。",
        "",
        "党建引领开新局 “找改强争”创一流",
        "",
        "——淮北高新区党建赋能高质量发展纪实",
        "",
        "■ 首席记者 肖干 通讯员 周建军",
        "",
        "近年来,在市委的坚强领导下,淮北高新区党工委深入贯彻落实新时代党的建设总要求。",
        "",
        "党建联盟凝聚力 共建共享促发展",
        "",
        "近日,南京中比新材料基地项目签约落户淮北高新区。项目总投资50亿元。",
    )
    (block,) = split_page(text)
    assert block.kind == "feature"
    assert block.title == "党建引领开新局 “找改强争”创一流"
    assert block.subtitle == "——淮北高新区党建赋能高质量发展纪实"
    assert block.byline == "■ 首席记者 肖干 通讯员 周建军"
    assert block.authors == ["肖干", "周建军"]
    assert block.headings == ["党建联盟凝聚力 共建共享促发展"]
    assert block.heading_positions == [1]  # after the opening paragraph
    assert block.captions == [
        "7月25日,淮北高新区召开“找差距、改作风、强担当、争先进”专项行动动员部署会。",
        "淮北高新区成立锂电产业链党建联盟。",
    ]
    assert len(block.paragraphs) == 2
    assert block.original.startswith("7月25日,淮北高新区召开")


def test_a_paragraph_interrupted_by_captions_is_joined_again():
    text = page(
        "党建强则事业强,党建兴则事业兴。淮北高新区构建院士工作站、博士后科研工作站,人才成长培训室、技术创新实验室、工匠",
        "", "", "",
        "组织党员干部参加无偿献血活动。",
        "", "", "",
        "中意胶带扎实开展党支部学习活动。",
        "",
        "大师工作室等“一心二站三室”服务平台。以党建为核心,统领科技和人才工作。",
    )
    (block,) = split_page(text)
    assert block.paragraphs == [
        "党建强则事业强,党建兴则事业兴。淮北高新区构建院士工作站、博士后科研工作站,人才成长培训室、技术创新实验室、"
        "工匠大师工作室等“一心二站三室”服务平台。以党建为核心,统领科技和人才工作。"
    ]
    assert block.captions == ["组织党员干部参加无偿献血活动。", "中意胶带扎实开展党支部学习活动。"]


def test_a_caption_run_after_a_broken_line_and_the_text_resuming_after_it():
    text = page(
        "平顶山高新区皇台产业园区开展党建“三联建”活动,引导企业走进实验室了解新技术、新工艺,与平顶山学院尧山实验室",
        "", "", "",
        "平顶山高新区皇台产业园区工作人员走访企业。",
        "",
        "平顶山高新区创新创业服务园区“牵线搭桥”帮助企业聘请外国专家,解决技术难题。",
        "",
        "开展“党建引领创新赋能企业动力”联学共建活动,服务企业实施技改项目,助力企业将实验室成果转为生产实践。",
    )
    (block,) = split_page(text)
    assert len(block.captions) == 2
    assert block.paragraphs[0].endswith("与平顶山学院尧山实验室开展“党建引领创新赋能企业动力”联学共建活动,服务企业实施技改项目,助力企业将实验室成果转为生产实践。")


def test_numbers_split_across_lines_are_rejoined():
    text = page(
        "紧盯中勤科技、华润金蟾等重点企业,深入摸排企业技术合同,上半年登记技术合同7.7",
        "",
        "亿元，科技成果登记237项。",
        "",
        "平顶山高新区深化产业延链补链强链,加快推进昊顺电气装备智造产业园、神马年产2万",
        "",
        "套智能流体机械成套设备等项目等产业链重点项目建设。",
    )
    (block,) = split_page(text)
    assert "上半年登记技术合同7.7亿元，科技成果登记237项。" in block.paragraphs[0]
    assert "神马年产2万套智能流体机械成套设备" in block.paragraphs[1]


def test_sentences_broken_across_columns_are_rejoined_into_paragraphs():
    text = page(
        "2021年,淮北高新区共为园区46家规模以上企业提供人才需求,招引各类人才3861人;2022年上半年,成功举办",
        "首届高新区焊工、钳工、电工热门技能中级培训课程,共开设培训班20个。",
        "平顶山高新区以“链长+专班”为指挥部。",
        "…采取分类分层分区和单建联建统建相结合的办法，推进“两个",
        "覆盖”工作。",
    )
    (block,) = split_page(text)
    assert block.paragraphs == [
        "2021年,淮北高新区共为园区46家规模以上企业提供人才需求,招引各类人才3861人;2022年上半年,成功举办"
        "首届高新区焊工、钳工、电工热门技能中级培训课程,共开设培训班20个。",
        "平顶山高新区以“链长+专班”为指挥部。",
        "…采取分类分层分区和单建联建统建相结合的办法，推进“两个覆盖”工作。",
    ]


def test_column_header_kicker_title_and_names_byline():
    text = page(
        "", "",
        "党建在高新",
        "",
        "烟台高新区凝聚更强向心力——",
        "",
        "打造“1+2+N”产业链党建新格局",
        "",
        "王宏伟 孙达",
        "",
        "建立健全产业链党建联盟,产业链企业由最初的12家发展至如今56家。",
    )
    (block,) = split_page(text)
    assert block.column == "党建在高新"
    assert block.kicker == "烟台高新区凝聚更强向心力"
    assert block.title == "打造“1+2+N”产业链党建新格局"
    assert block.authors == ["王宏伟", "孙达"]
    assert block.kind == "feature"


def test_a_marked_label_naming_nobody_is_the_column_not_a_byline_or_an_article():
    text = page(
        "■ 党建简讯",
        "", "",
        "长春高新区：",
        "",
        "孵化园区的“红色孵化器”",
        "",
        "本报讯 园区联合党支部与五家单位党委开展共建。",
        "",
        "■ 本报记者 李默",
    )
    (block,) = split_page(text)
    assert (block.column, block.kicker, block.title) == ("党建简讯", "长春高新区", "孵化园区的“红色孵化器”")
    assert block.authors == ["李默"]


def test_a_section_of_briefs_labelled_down_the_page_is_a_column_not_a_kicker():
    text = page(
        "高新区党建工作再上台阶",
        "",
        "■ 本报记者 李默",
        "",
        "高新区党工委召开全体党员大会。",
        "", "",
        "■ 高新区党建简讯",
        "", "",
        "长春净月高新区：",
        "",
        "骑手有了自己的党支部",
        "",
        "本报讯 净月高新区博硕街道为骑手党支部揭牌。",
    )
    lead, brief = split_page(text)
    assert (brief.kicker, brief.title) == ("长春净月高新区", "骑手有了自己的党支部")
    assert lead.paragraphs == ["高新区党工委召开全体党员大会。"]


def test_a_topic_over_the_first_title_is_its_kicker_when_the_folio_named_the_page():
    text = page(
        "楼宇党建",
        "",
        "金鸡湖畔的写字楼里有了“先锋楼长”",
        "",
        "■ 本报记者 韩 露",
        "",
        "站在金鸡湖西岸望去，一幢幢写字楼沿湖排开。",
    )
    (block,) = split_page(text, page_name="党建在高新")
    assert (block.column, block.kicker) == ("", "楼宇党建")
    # the page's own name again, or no name from the folio: the column
    assert split_page(text.replace("楼宇党建", "党建在高新", 1), page_name="党建在高新")[0].column == "党建在高新"
    assert split_page(text)[0].column == "楼宇党建"


def test_a_place_over_the_first_title_is_its_kicker_not_the_pages_column():
    text = page(
        "江苏无锡",
        "",
        "无锡高新区成立“两企三新”党委",
        "",
        "■ 本报记者 顾言",
        "",
        "无锡高新区近日成立“两企三新”党委，统筹五类组织党建工作。",
    )
    (block,) = split_page(text)
    assert (block.column, block.kicker, block.title) == ("", "江苏无锡", "无锡高新区成立“两企三新”党委")


def test_a_zone_over_the_first_title_is_its_kicker_not_the_pages_column():
    text = page(
        "南阳高新区",
        "",
        "智慧岛上，“红色物业”当起",
        "园区“大管家”",
        "",
        "■本报记者 常 鸣",
        "",
        "在南阳高新区，创新企业最扎堆的地方是智慧岛。",
    )
    (block,) = split_page(text)
    assert (block.column, block.kicker, block.title) == ("", "南阳高新区", "智慧岛上，“红色物业”当起园区“大管家”")


def test_a_title_the_column_broke_inside_a_word_is_one_title_not_kicker_and_title():
    text = page(
        "苏州高新区打造产业链党建联",
        "",
        "盟新高地",
        "",
        "本报讯 近日，苏州高新区成立光伏产业党建联盟，推动创新链与产业链深度融合。",
        "",
        "张明",
    )
    (block,) = split_page(text)
    assert (block.kicker, block.title) == ("", "苏州高新区打造产业链党建联盟新高地")


def test_briefs_with_kickers_and_trailing_authors_on_their_own_line_or_glued():
    text = page(
        "中山火炬高新区党校",
        "",
        "四个结合“贴地行走”赋能高质量发展",
        "",
        "本报讯 近年来，中山火炬高新区党校按照“六有”镇街党校建设标准，充分发挥党员干部教育培训主阵地作用。",
        "",
        "李慧",
        "",
        "厦门火炬高新区:",
        "",
        "4企入选全国“人工智能”创新案例",
        "",
        "本报讯 近日2024全国“人工智能+”行动创新案例百强榜单发布,厦门火炬高新区4家企业榜上有名。",
        "",
        "近年来,厦门火炬高新区加大政策支持力度,助力企业抢占人工智能新赛道,加快形成新质生产力。林露虹",
        "",
        "通化医药高新区",
        "",
        "让党旗在项目建设一线高高飘扬",
        "",
        "本报讯 今年以来，通化医药高新区党工委持续夯实党建基础、群众基础。",
        "",
        "朱传刚 樊勇",
    )
    assert summary(split_page(text)) == [
        ("brief", "中山火炬高新区党校", "四个结合“贴地行走”赋能高质量发展", ["李慧"]),
        ("brief", "厦门火炬高新区", "4企入选全国“人工智能”创新案例", ["林露虹"]),
        ("brief", "通化医药高新区", "让党旗在项目建设一线高高飘扬", ["朱传刚", "樊勇"]),
    ]
    blocks = split_page(text)
    assert blocks[1].paragraphs[-1].endswith("加快形成新质生产力。")
    assert blocks[0].paragraphs[0].startswith("近年来")  # the 本报讯 marker is not body text


def test_a_sentence_ending_in_a_place_name_is_not_taken_for_an_author():
    text = page(
        "本报讯 近日,烟台高新区召开党建工作会议。会议要求各单位完善人才政策体系。烟台高新区",
        "",
        "在烟台市率先出台青年人3年免房租住房保障政策。",
    )
    (block,) = split_page(text)
    assert block.authors == []
    assert block.paragraphs[-1].endswith("烟台高新区在烟台市率先出台青年人3年免房租住房保障政策。")


def test_a_photo_item_after_a_feature_is_its_own_article_and_its_credit_stays_with_it():
    text = page(
        "清远高新区“红色”动能澎湃奔涌",
        "",
        "▶ 本报记者 叶伟",
        "",
        "党建做实了就是生产力，做强了就是竞争力，做细了就是凝聚力。",
        "", "", "",
        "图片来源:松山湖科学城",
        "",
        "近日，2024东莞市职业技能大赛无人机操作技术项目竞赛在松湖华科产业园举办。共有60余名选手参赛。",
        "",
        "包头稀土高新区十大人才创新项目提升人才“稀”引力",
        "",
        "本报讯 今年以来，包头稀土高新区坚持创新引领。",
    )
    blocks = split_page(text)
    assert [b.kind for b in blocks] == ["feature", "photo", "brief"]
    photo = blocks[1]
    assert photo.captions == ["图片来源:松山湖科学城"]
    assert photo.title == "2024东莞市职业技能大赛无人机操作技术项目竞赛在松湖华科产业园举办"
    assert photo.paragraphs[0].startswith("近日，2024东莞市")
    assert blocks[0].captions == []


def test_a_credit_inside_a_feature_stays_a_caption_of_the_feature():
    text = page(
        "平顶山高新区“党建三链”激活发展新动能",
        "",
        "► 张熙哲",
        "",
        "为实现产业链招商精准对接,平顶山高新区以“党建+招商”双轮驱动。",
        "", "", "",
        "平顶山高新区供图",
        "",
        "今年以来,在“企业大走访,产业大招商”活动中签约引进了优质产业项目6个,总投资额15.9亿元。",
        "",
        "平顶山高新区以“链长+专班”为指挥部,推动企业实现党建强、发展强。",
    )
    (block,) = split_page(text)
    assert block.captions == ["平顶山高新区供图"]
    assert len(block.paragraphs) == 3


def test_a_photo_item_after_a_closed_brief_with_its_caption_and_credit_after_it():
    text = page(
        "本报讯 近日,陕西省科技厅公布2024年度入选名单,宝鸡高新区两支队伍入选。为产业创新发展提供强有力的支撑。高欣",
        "",
        "4月15日,由杭州高新区",
        "",
        "(滨江)党委宣传部主办的青年宣讲活动在北航杭州研究院举行。",
        "",
        "图为活动现场举行“滨滨有理”基层特色理论宣讲队授旗仪式。",
        "", "", "",
        "图片来源:杭州高新区(滨江)",
    )
    brief, photo = split_page(text)
    assert brief.authors == ["高欣"]
    assert photo.kind == "photo"
    assert photo.paragraphs == ["4月15日,由杭州高新区(滨江)党委宣传部主办的青年宣讲活动在北航杭州研究院举行。"]
    assert photo.captions == ["图为活动现场举行“滨滨有理”基层特色理论宣讲队授旗仪式。", "图片来源:杭州高新区(滨江)"]
    assert photo.title.startswith("由杭州高新区(滨江)党委宣传部")


def test_a_reporters_photo_credit_with_its_mark_set_close_is_no_author_of_the_brief_before():
    text = page(
        "    本报讯 （通讯员 朱 漾）今年初，惠山街道举办党建联建活动。",
        "", "", "",
        "图为快递物流业党群服务中心内，快递员在休息区充电、阅读。",
        "                                                  本报记者 韩 梧摄",
    )
    blocks = split_page(text)
    assert [author for block in blocks for author in block.authors] == ["朱漾"]


def test_ocr_spaced_briefs_without_a_title_line_and_vertical_residue_around_them():
    text = page(
        "南通高新区推出一系列党建 举措,为产业发展提供了\"红色沃 土\"。",
        "",
        "本报讯 近日,乐山高新区召开深化 党建引领心连心接诉即办改革工作2025 年第三季度书记点评会。",
        "",
        "会议要求,乐山高新区要提高政治 站位,确保改革工作有序推进。 宋腾",
        "",
        "本报讯 今年以来,江阴高新区党工委 深入落实\"一线冲锋奋斗建功\"行动。",
        "",
        "加 江阴高新区充分发挥党员先锋模范作 速 用,推行\"一项目 一专班\"挂钩联系制度,清晰标注",
        "",
        "江 助阴 高 新",
        "",
        "各环节办理流程、注意事项及服务指南。",
        "",
        "Щ 高 新 区即",
        "",
        "接",
        "",
        "意",
        "",
        "97.7%",
    )
    feature, leshan, jiangyin = split_page(text)
    assert leshan.kind == "brief"
    assert leshan.title == "乐山高新区召开深化党建引领心连心接诉即办改革工作2025年第三季度书记点评会"
    assert leshan.authors == ["宋腾"]
    assert leshan.paragraphs[0].startswith("近日,乐山高新区召开深化党建引领心连心接诉即办改革工作2025年第三季度")
    assert jiangyin.title == "江阴高新区党工委深入落实“一线冲锋奋斗建功”行动"
    assert jiangyin.paragraphs[-1] == (
        "江阴高新区充分发挥党员先锋模范作用,推行“一项目一专班”挂钩联系制度,清晰标注各环节办理流程、注意事项及服务指南。"
    )
    assert "97.7%" not in jiangyin.body


def test_captions_never_become_articles_and_trailing_captions_stay_with_the_article():
    text = page(
        "随州高新区以高质量党建促高质量发展",
        "",
        "► 钟克波",
        "",
        "服务发展齐心协力。随州高新区开展联合督查56次。",
        "", "", "",
        "召开智慧党建培训会。",
        "", "", "",
        "开展主题党日活。",
    )
    (block,) = split_page(text)
    assert block.captions == ["召开智慧党建培训会。", "开展主题党日活。"]


def test_authors_in_brackets_after_the_last_sentence_or_on_their_own_line():
    text = page(
        "本报讯 今年以来，昆明高新区在生物医药产业集聚区成立产业链党委。上半年实现产值185亿元，同比增长9.6%。（杨帆）",
        "",
        "绵阳高新区:",
        "",
        "“科技城党建联盟”凝聚创新合力",
        "",
        "本报讯 近日，绵阳高新区组织辖区23家科技企业党组织成立“科技城党建联盟”。",
        "",
        "（李敏 王涛）",
    )
    first, second = split_page(text)
    assert first.authors == ["杨帆"]
    assert first.body.endswith("同比增长9.6%。")
    assert (second.kicker, second.authors) == ("绵阳高新区", ["李敏", "王涛"])
    assert second.body.endswith("成立“科技城党建联盟”。")


def test_a_number_broken_around_captions_is_not_taken_for_a_caption():
    text = page(
        "西安高新区光子产业链党委今年上半年促成企业合作项目43个,带动链上企业营收同比增长12",
        "", "", "",
        "光子产业链党委召开季度联席会议。",
        "", "", "",
        ".6%。",
        "",
        "在党建引领下,西安高新区已累计培育国家级专精特新“小巨人”企业67家。",
    )
    (block,) = split_page(text)
    assert block.captions == ["光子产业链党委召开季度联席会议。"]
    assert block.paragraphs[0].endswith("同比增长12.6%。")


def test_the_editors_line_and_the_dateline_are_no_article_text():
    text = page(
        "2024年6月17日 星期一",
        "",
        "长春高新区推行“党员干部包保企业”制度",
        "",
        "本报讯 380名党员干部包保企业1200户，累计帮助企业解决问题460个。",
        "",
        "责任编辑：林晓  美术编辑：王静",
    )
    (block,) = split_page(text)
    assert block.title == "长春高新区推行“党员干部包保企业”制度"
    assert block.body == "380名党员干部包保企业1200户，累计帮助企业解决问题460个。"


def test_a_feature_byline_in_brackets_after_its_last_sentence():
    text = page(
        "党建引领产业链 创新链深度融合",
        "",
        "本报记者 张敏",
        "",
        "近年来，合肥高新区坚持党建引领，今年上半年新增高新技术企业120家。",
        "",
        "让党员成为攻坚主力",
        "",
        "合肥高新区组建党员突击队32支。（本报记者 张敏）",
        "",
        "服务企业有温度",
        "",
        "——株洲高新区“红色管家”工作小记",
        "",
        "株洲高新区组建“红色管家”团队，今年以来服务企业800余家次。",
    )
    first, second = split_page(text)
    assert first.authors == ["张敏"]
    assert first.body.endswith("合肥高新区组建党员突击队32支。")
    assert (second.title, second.subtitle) == ("服务企业有温度", "——株洲高新区“红色管家”工作小记")


def test_untitled_briefs_opened_by_the_paper_s_marker_or_a_place_in_brackets_are_articles_of_their_own():
    text = page(
        "肇庆高新区：",
        "",
        "产业城奔着“智车新城”去",
        "",
        "    本报讯 2022年12月，肇庆高新区启动建设大旺新能源智能汽车产业城。",
        "                                                  （通讯员 黎 嘉）",
        "",
        "    本报讯（记者 甘 霖 通讯员 柯 钰）在2024年国家高新区综合评价中，大冶湖高新区的排名前进了8位。",
        "",
        "    【钱塘】临江高新区所在的临江街道，是钱塘区管辖面积最大的街道。",
        "                                                  （通讯员 沈 昀）",
        "",
        "    【滨州】本报讯（通讯员 孟 晖）11月14日，滨州高新区党工委召开委员（扩大）会议。",
    )
    zhaoqing, dayehu, linjiang, binzhou = split_page(text)
    # the place, then the paper's marker with its byline
    assert (binzhou.authors, binzhou.paragraphs) == (["孟晖"], ["11月14日，滨州高新区党工委召开委员（扩大）会议。"])
    assert zhaoqing.title == "产业城奔着“智车新城”去" and zhaoqing.authors == ["黎嘉"]
    assert (dayehu.title_printed, dayehu.authors) == (False, ["甘霖", "柯钰"])
    assert dayehu.paragraphs[0].startswith("在2024年")
    assert linjiang.title_printed is False and linjiang.authors == ["沈昀"]
    assert linjiang.paragraphs[0].startswith("临江高新区所在")
    # A bracketed topic is no place: it opens no brief.
    assert line_shape("【党建引领】园区成立联合党委。") == "text"
    assert line_shape("【钱塘】临江高新区成立联合党委。") == "brief"
    # an OCR line broken before its full stop still opens the brief
    assert line_shape("【西宁】青海高新区的前身，是2002年4月经青海省政") == "brief"


def test_a_brief_with_its_byline_inline_before_the_word_report():
    (block,) = split_page("本报讯 记者 李想 报道：近日，宁波高新区举办党建论坛，150余名企业党组织书记参加。")
    assert block.authors == ["李想"]
    assert block.paragraphs == ["近日，宁波高新区举办党建论坛，150余名企业党组织书记参加。"]
    assert block.title == "宁波高新区举办党建论坛"


def test_a_marker_with_nothing_after_it_is_no_article():
    assert split_page("本报讯\n\n\n") == []
    assert [b.title for b in split_page("党建引领开新局\n\n■ 记者 肖干\n\n本报讯")] == ["党建引领开新局"]


def test_empty_and_blank_pages_have_no_articles():
    assert split_page("") == []
    assert split_page("\n\n  \n") == []


# --- the seed pages -----------------------------------------------------------------------


def test_seed_000_is_one_long_feature():
    (block,) = seed("000")
    assert (block.kind, block.kicker, block.title, block.subtitle, block.authors) == (
        "feature", "", "党建引领开新局 “找改强争”创一流", "——淮北高新区党建赋能高质量发展纪实", ["肖干", "周建军"],
    )
    assert len(block.captions) >= 8
    assert not any(c in p for c in block.captions for p in block.paragraphs)


def test_seed_001_has_two_features():
    assert summary(seed("001")) == [
        ("feature", "", "平顶山高新区“党建三链”激活发展新动能", ["张熙哲"]),
        ("feature", "", "随州高新区以高质量党建促高质量发展", ["钟克波"]),
    ]


def test_seed_002_has_a_feature_and_two_untitled_briefs():
    blocks = seed("002")
    assert [(b.kind, b.authors) for b in blocks] == [("feature", ["刘琴"]), ("brief", ["宋腾"]), ("brief", [])]
    assert blocks[0].title == "南通高新区厚植产业发展“红色沃土”"
    assert blocks[1].title.startswith("乐山高新区")
    assert blocks[2].title.startswith("江阴高新区")
    # the vertical banner left nothing behind
    assert all(len(p) > 20 for b in blocks for p in b.paragraphs)


def test_seed_003_has_a_feature_a_photo_item_and_briefs():
    assert summary(seed("003")) == [
        ("feature", "", "清远高新区“红色”动能澎湃奔涌", ["叶伟"]),
        ("photo", "", "2024东莞市职业技能大赛无人机操作技术项目竞赛暨世界青年技能日宣传活动", []),
        ("brief", "", "包头稀土高新区十大人才创新项目提升人才“稀”引力", ["张国贞"]),
        ("brief", "", "扬州高新区首家产业链党群服务中心揭牌", []),
        ("brief", "中山火炬高新区党校", "四个结合“贴地行走”赋能高质量发展", ["李慧"]),
        ("brief", "通化医药高新区", "让党旗在项目建设一线高高飘扬", ["朱传刚", "樊勇"]),
        ("brief", "", "无锡高新区入选江苏省行业级工业互联网平台", ["溪浩"]),
        ("brief", "", "咸宁高新区一批企业上榜国家级“小巨人”“绿色工厂”", ["黄行"]),
    ]
    blocks = seed("003")
    assert blocks[0].column == "党建在高新"
    assert blocks[1].captions == ["图片来源:松山湖科学城"]
    assert blocks[3].captions == ["图片来源:扬州高新区"]


def test_seed_004_has_a_feature_two_photo_items_and_briefs():
    blocks = seed("004")
    hangzhou = blocks[5]
    assert summary(blocks[:5] + blocks[6:]) == [
        ("feature", "烟台高新区凝聚更强向心力", "打造“1+2+N”产业链党建新格局", ["王宏伟", "孙达"]),
        ("photo", "", "第135届中国进出口商品交易会(广交会)举行", []),
        ("brief", "厦门火炬高新区", "4企入选全国“人工智能”创新案例", ["林露虹"]),
        ("brief", "保定高新区", "两家新业态工会同日揭牌成立", ["代可友", "赵祎诺"]),
        ("brief", "宝鸡高新区", "省市秦创原“科学家+工程师”队伍共15支", ["高欣"]),
        ("brief", "乌鲁木齐高新区(新市区)夯基础优服务强示范", "强化楼宇党建 激活“红色引擎”", ["于秀"]),
    ]
    assert (hangzhou.kind, hangzhou.authors) == ("photo", [])
    assert hangzhou.title.startswith("由杭州高新区(滨江)党委宣传部主办")
    assert hangzhou.paragraphs[0].startswith("4月15日,由杭州高新区(滨江)党委宣传部主办")
    assert hangzhou.captions[-1] == "图片来源:杭州高新区(滨江)"
    assert len(hangzhou.title) <= 40


def test_positions_are_page_order():
    blocks = seed("003")
    assert [b.position for b in blocks] == list(range(len(blocks)))


# --- pages of other layouts ------------------------------------------------------------------


def own(name):
    return split_page(read_page(PAGES / name).text)


def test_own_feature_with_column_kicker_subtitle_headings_and_captions():
    (block,) = own("chengdu_feature.txt")
    assert block.column == "高新视点"
    assert block.kicker == "成都高新区以“链上党建”赋能产业建圈强链"
    assert block.title == "“蓉芯”红链激活发展新引擎"
    assert block.subtitle == "——成都高新区产业链党建工作纪实"
    assert block.authors == ["王晓东", "李佳"]
    assert block.headings == ["建强链上组织 凝聚发展合力", "做优服务链条 护航企业成长"]
    assert block.captions == [
        "成都高新区电子信息产业链党委召开联席会议。",
        "链上企业党员开展技术攻关。",
        "“红色驿站”为新就业群体提供暖心服务。",
        "成都高新区供图",
    ]
    assert "覆盖企业1200余家，其中规模以上企业党组织覆盖率达95%以上。" in block.body
    assert "合同金额达12.6亿元。" in block.body
    assert len(block.paragraphs) == 5


def test_own_page_of_briefs_with_full_width_text_and_a_photo_item():
    blocks = own("hefei_briefs.txt")
    assert summary(blocks) == [
        ("brief", "合肥高新区", "“红芯驿站”打通服务企业“最后一公里”", ["陈静", "刘洋"]),
        ("brief", "", "长沙高新区获评湖南省级党建示范园区", []),
        ("brief", "", "株洲高新区党建联盟助力中小企业“抱团出海”", ["周明", "彭丽"]),
        ("photo", "", "西安高新区举办“丝路硬科技”党建联盟成立大会", []),
        ("brief", "洛阳高新区", "“党建+招商”跑出项目落地加速度", ["孙伟"]),
    ]
    assert "提供政策咨询、党员教育、矛盾调解等12项服务。" in blocks[0].body
    assert "今年1-5月，联盟企业实现出口额18.6亿元，同比增长23%。" in blocks[2].body
    assert blocks[2].byline == "记者 周明 通讯员 彭丽"
    assert blocks[1].captions == ["图片来源：长沙高新区"]
    assert blocks[4].body.endswith("跑出了项目落地“加速度”。")


def test_own_traditional_page_in_gb18030_is_simplified_and_the_original_kept():
    blocks = own("xian_traditional_gb18030.txt")
    assert summary(blocks) == [
        ("feature", "", "西安高新区党建引领产业链协同发展", ["赵丽", "张强"]),
        ("brief", "", "株洲高新区“红色物业”提升社区治理效能", ["刘芳"]),
    ]
    feature = blocks[0]
    assert feature.column == "党建在高新"
    assert feature.headings == ["党建联盟串起产业链", "人才服务筑牢发展根基"]
    assert "带动产业链上下游企业新增产值56亿元。" in feature.body
    assert "黨建引領產業鏈協同發展" in feature.original
    assert "本報訊" in blocks[1].original


def test_own_ocr_spaced_page_with_bom_split_numbers_and_residue():
    feature, brief = own("wuhan_ocr_bom.txt")
    assert feature.title == "武汉东湖高新区“党建+人才”赋能产业升级"
    assert feature.authors == ["罗敏"]
    assert feature.headings == ["人才引育强根基"]
    assert "其中博士及以上高层次人才860人;新增“3551光谷人才计划”入选者45名,带动企业新增研发投入32.5亿元。" in feature.body
    assert "党建引领" not in "".join(feature.headings)
    assert all(len(p) > 20 for p in feature.paragraphs)
    assert brief.kind == "brief"
    assert brief.title == "东湖高新区举办“光谷人才周”活动"
    assert brief.authors == ["黄磊"]
    assert brief.body.endswith("总投资约15亿元。")


def test_a_speakers_name_cut_at_the_line_end_continues_on_the_next_line():
    text = page(
        "“党建做实了就是生产力,做强了就是竞争力,做细了就是凝聚力,党建是推动企业发展的关键力量。”东方蓝天钛金科技有限公司党委副书记田文",
        "",
        "广表示,作为航空航天产业链链主企业,钛金科技以高质量党建引领高质量发展。",
        "",
        "他表示,下一步将继续深化产业链党建。",
    )
    (block,) = split_page(text)
    assert block.paragraphs[0].endswith("党委副书记田文广表示,作为航空航天产业链链主企业,钛金科技以高质量党建引领高质量发展。")
    assert block.paragraphs[1] == "他表示,下一步将继续深化产业链党建。"


def test_a_headline_opening_on_a_place_and_a_colon_is_no_continuation_of_the_line_over_it():
    # 党建 / 成都 make 建成 across the break: still a kicker over a title of its own.
    text = page(
        "两新组织党建",
        "",
        "成都高新区：楼宇里建起“红色议事厅”",
        "",
        "本报讯 近日，成都高新区在商务楼宇设立议事厅，企业党员轮流值守。",
    )
    (block,) = split_page(text, page_name="党建在高新")
    assert (block.kicker, block.title) == ("两新组织党建", "成都高新区：楼宇里建起“红色议事厅”")


def test_a_meeting_s_full_name_over_its_byline_is_the_title_however_long():
    title = "泸县高新区召开党工委（扩大）会议暨2025年度党组织书记抓基层党建工作述职评议会议"
    text = page(title, "", "■ 本报记者 李 岚", "", "1月16日，泸县高新区召开党工委（扩大）会议，各党组织书记逐一述职。")
    (block,) = split_page(text)
    assert block.title == title and block.body.startswith("1月16日")


def test_a_line_longer_than_any_headline_is_no_title_even_over_a_byline():
    line = "泸县高新区召开党工委会议暨党组织书记抓基层党建工作述职评议会议并部署园区企业党建联建共建和人才服务以及新就业群体关爱服务等重点工作事项"
    text = page(line, "", "■ 本报记者 李 岚", "", "1月16日，泸县高新区召开党工委会议，各党组织书记逐一述职。")
    assert all(block.title != line for block in split_page(text))


def test_two_phrases_of_figures_under_a_title_are_its_subtitle():
    text = page(
        "宝鸡高新区交出2023年“创新答卷”",
        "",
        "高企总数达612家  占全市41%",
        "",
        "■ 本报记者 罗 嘉",
        "",
        "1月20日，宝鸡高新区召开会议回顾2023年工作。",
    )
    (block,) = split_page(text, page_name="党建在高新")
    assert (block.kicker, block.title, block.subtitle) == ("", "宝鸡高新区交出2023年“创新答卷”", "高企总数达612家 占全市41%")


def test_a_zone_s_name_over_two_phrases_of_figures_is_their_kicker():
    text = page(
        "阜新高新区",
        "",
        "服务进企业  招商到位资金增长12.9%",
        "",
        "本报讯 阜新高新区组织党员干部走访企业，帮助解决用工难题。",
    )
    (block,) = split_page(text, page_name="党建在高新")
    assert (block.kicker, block.title) == ("阜新高新区", "服务进企业 招商到位资金增长12.9%")


def test_a_remark_signed_with_a_pen_name_in_brackets_has_it_as_its_author():
    remark = page(
        "短评",
        "",
        "联盟的分量在“清单”上",
        "",
        "    党建联盟把十二家园区拉到一起，拿出了一份能落地的项目清单。",
        "                                              （渝 言）",
    )
    report = page("宝鸡高新区组建党建联盟", "", "■ 本报记者 李 岚", "", "    宝鸡高新区近日组建党建联盟。", "", "")
    block = split_page(report + remark, page_name="党建在高新")[-1]
    assert (block.title, block.authors) == ("联盟的分量在“清单”上", ["渝言"])
    assert "渝言" not in block.body
    # a report's last line in brackets without a surname is no signature
    block = split_page(page("宝鸡高新区组建党建联盟", "", "    宝鸡高新区近日组建党建联盟。", "（渝 言）"))[0]
    assert block.authors == []
