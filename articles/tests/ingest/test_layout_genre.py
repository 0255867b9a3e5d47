"""What the genre prints around and inside its articles, each rule on a literal snippet.

Page furniture (folios, editions, mastheads, rules, jump lines, the page's notes)
and a web page's chrome never become a title, kicker, heading, body or author;
captions with their credits stay captions; bylines are read in their many forms;
the lines of an e-paper's OCR, set tight and broken anywhere, stay text.
"""
import pytest

from articles.ingest.layout import furniture, split_page
from articles.ingest.layout.bylines import is_name, parse_byline, rejoin_spaced_names
from articles.ingest.layout.lines import line_shape, page_lines


def page(*lines):
    return "\n".join(lines)


def summary(blocks):
    return [(b.kicker, b.title, b.authors) for b in blocks]


# --- page furniture ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "2024年4月29日 星期一   责任编辑：吴 越   美编：邹 宁",
        "A6 党建在高新                           中国高新技术产业导报",
        "第7版 党建在高新                     责任编辑 程 岚   美编 孙 晓",
        "中国高新技术产业导报 2024年5月20日 星期一 第A7版",
        "党建·园区          责任编辑：张磊  版式：刘芳",
        "责任编辑 黄晓宁    美编 石磊    校对 周文",
        "A7 · 党建在高新",
        "中国高新技术产业导报",
        "第4版",
        "第A3版：高新党建",
        "2023-11-20",
        "党建在高新  ┃  中国高新技术产业导报",
        "中国高新技术产业导报                              7 党建在高新",
        # a masthead set letter-spaced, its Latin form, the page's own editor
        "江 西 日 报",
        "JIANGXI DAILY",
        "JIANGXI  DAILY",
        "A7  党 建 在 高 新          责任编辑：韩蕾   校对：方舟",
        "河南日报                                          HENAN DAILY",
        "党建·园区                         本版责任编辑 黄 璟   美术编辑 万 晴",
        # a special page's longer name beside its edition and editors
        "第７版  宝鸡国家高新区专版          责任编辑 钟 岚   美编 叶 舟   校对 黄 茵",
    ],
)
def test_folio_lines_are_furniture(line):
    assert furniture.is_folio(line)


@pytest.mark.parametrize(
    "line",
    [
        "2022年9月5日，合肥高新区召开党建工作推进会。",
        "党建在高新",
        "王宏伟 孙达",
        "5G基站建设提速",
        "中国高新技术产业导报记者走进园区，看到企业正在扩产。",
        "党 建 引 领 发 展",
        "CHINA 5G",
        # a headline beside a date is no page's name, however short
        "2024年5月20日 宝鸡高新区党工委召开全体党员大会部署全年工作",
    ],
)
def test_lines_of_articles_are_not_folio(line):
    assert not furniture.is_folio(line)


def test_furniture_rules_jump_lines_notes_and_the_page_name_never_reach_an_article():
    text = page(
        "中国高新技术产业导报",
        "第4版",
        "2022年9月19日 星期一",
        "党建在高新",
        "编辑：谭 敏　校对：宋 佳",
        "──────────────────",
        "",
        "海口高新区：党建引领打造医药产业高地",
        "",
        "（上接第一版）",
        "",
        "高新区推行党建指导员包联企业机制，从机关和国有平台公司选派党员干部担任党建指导员，"
        "既指导企业开展党建工作，也帮助企业对接审批、用工、融资等事项。（下转第3版）",
        "",
        "本版图片除署名外均为资料图片",
        "编者按：产业链党建是园区党建的一篇大文章。本期刊发两篇稿件，以飨读者。",
        "本版稿件除署名外由各高新区提供                     投稿邮箱：dangjian-zaigaoxin@example.com",
    )
    (block,) = split_page(text)
    assert (block.kicker, block.title) == ("", "海口高新区：党建引领打造医药产业高地")
    assert block.paragraphs == [
        "高新区推行党建指导员包联企业机制，从机关和国有平台公司选派党员干部担任党建指导员，"
        "既指导企业开展党建工作，也帮助企业对接审批、用工、融资等事项。"
    ]


def test_a_boxed_call_for_contributions_is_not_an_article():
    text = page(
        "济南高新区首个生物医药",
        "产业链党委运行见效",
        "",
        "本报讯 今年9月，济南高新区成立生物医药产业链党委。",
        "",
        "┌───────────────┐",
        "  “党建在高新”专栏征稿",
        "  本栏目欢迎各地高新区党工委来稿，稿件一经采用即付稿酬。",
        "└───────────────┘",
    )
    (block,) = split_page(text)
    assert block.title == "济南高新区首个生物医药产业链党委运行见效"
    assert block.body == "今年9月，济南高新区成立生物医药产业链党委。"


# --- web chrome -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "网站首页 | 走进高新 | 新闻中心 | 政务公开 | 投资高新 | 党建工作",
        "首页 > 党建工作 > 正文",
        "您當前的位置：首頁 > 黨建工作 > 正文",
        "宝鸡日报网  首页 > 园区 > 园区观察",  # the site's name set apart from its 首页
        "【打印本页】 【关闭窗口】    分享到： 微信 微博 QQ",
        "字号：【大】【中】【小】　　　【打印】【关闭】",
        "上一篇：高新区召开庆祝建党99周年暨“七一”表彰大会",
        "相关链接：中国共产党新闻网 | 湖南省人民政府 | 衡阳市人民政府",
        "湘ICP备12003456号  湘公网安备43040702000123号",
        "主办单位：唐山高新技术产业开发区管理委员会",
        "【责任编辑：孙倩】",
        "（责任编辑：张瑶）",
        "登录 | 注册",
        "首页    走进高新    政务公开    新闻中心    招商引资    专题专栏",
        "无障碍 | 长者模式 | 简体 | 繁體        2022年05月05日 星期四        登录 | 注册",
        "扫一扫在手机打开当前页",
        "打印本页  关闭窗口",
        "平江县人民政府  www.pingjiang.gov.cn",
        # a manuscript's fields and a document's number
        "电话：0731-2829XXXX  139XXXX6071",
        "字数：约1700字",
        "肥经开工〔2024〕3号",
        "（此件发至园区各非公企业党组织）",
        "（党委办公室 2025年1月10日印发，共印60份）",
    ],
)
def test_web_chrome_lines(line):
    assert furniture.is_web_chrome(line)


def test_a_paragraph_holding_a_chromes_words_is_text():
    line = "高新区开发“百姓微心愿”线上征集平台，群众扫一扫二维码就能提出诉求；平台按五大类制定心愿清单，逐项销号。"
    assert not furniture.is_web_chrome(line)
    # Short words set wide apart are a bar only from a site's home link on.
    assert not furniture.is_web_chrome("党员    团员    群众")


def test_a_web_copy_keeps_only_its_article_and_reads_its_authors_from_the_metadata_line():
    text = page(
        "衡阳高新区党群活动服务中心揭牌启用-衡阳高新技术产业开发区管理委员会",
        "",
        "网站首页 | 走进高新 | 新闻中心 | 政务公开 | 投资高新 | 党建工作 | 政民互动",
        "2020年7月3日 星期五        请输入关键字 [搜索]",
        "首页 > 党建工作 > 正文",
        "",
        "衡阳高新区党群活动服务中心揭牌启用",
        "",
        "发布时间：2020-07-03 10:15:26  来源：红网  作者：谢小青 李西 石珊  编辑：张天野  阅读：2317",
        "【字体：大 中 小】",
        "",
        "7月1日上午，衡阳高新区党群活动服务中心正式揭牌。",
        "",
        "【打印本页】 【关闭窗口】    分享到： 微信 微博 QQ",
        "",
        "上一篇：高新区召开庆祝建党99周年暨“七一”表彰大会",
        "",
        "相关新闻：",
        "· 高新区举办两新组织党组织书记示范培训班",
        "· 高新区机关党支部与企业党支部开展结对共建",
        "",
        "主办：衡阳高新技术产业开发区管理委员会  承办：衡阳高新区党政办公室",
        "湘ICP备12003456号  湘公网安备43040702000123号",
    )
    (block,) = split_page(text)
    assert summary([block]) == [("", "衡阳高新区党群活动服务中心揭牌启用", ["谢小青", "李西", "石珊"])]
    assert block.paragraphs == ["7月1日上午，衡阳高新区党群活动服务中心正式揭牌。"]


def test_a_web_copy_whose_bars_are_set_wide_apart_and_whose_title_names_its_section():
    text = page(
        "高新区召开党工委理论学习中心组学习研讨会_专题专栏_福州高新技术产业开发区管理委员会",
        "",
        "无障碍 | 长者模式 | 简体 | 繁體        2022年05月05日 星期四        登录 | 注册",
        "",
        "福州高新技术产业开发区管理委员会",
        "FUZHOU HI-TECH INDUSTRIAL DEVELOPMENT ZONE",
        "",
        "首页    走进高新    政务公开    新闻中心    招商引资    专题专栏",
        "",
        "您当前所在位置：首页 > 政务公开 > 专题专栏 > 正文",
        "",
        "高新区召开党工委理论学习中心组学习研讨会",
        "",
        "时间：2022-05-05 17:01    来源：高新区党群工作部    浏览次数：1127",
        "",
        "4月19日，高新区召开党工委理论学习中心组学习研讨会。",
    )
    (block,) = split_page(text)
    assert (block.kicker, block.title) == ("", "高新区召开党工委理论学习中心组学习研讨会")
    assert block.paragraphs == ["4月19日，高新区召开党工委理论学习中心组学习研讨会。"]


def test_a_related_list_under_its_own_heading_goes_with_its_heading():
    text = page(
        "高新区召开党建工作推进会",
        "",
        "本报讯 近日，高新区召开党建工作推进会。",
        "",
        "党建在高新·热点",
        "· 党建引领高新区高质量发展峰会举行",
        "· 产业链党建：把支部建在链上",
    )
    (block,) = split_page(text)
    assert block.body == "近日，高新区召开党建工作推进会。" and not block.headings


def test_a_web_title_loses_the_site_name_and_pinyin_glosses():
    assert furniture.strip_site_suffix("贵阳高新区以党建引领赋能园区经济高质量发展-中国高新网") == (
        "贵阳高新区以党建引领赋能园区经济高质量发展"
    )
    assert furniture.strip_site_suffix("以“党建+”拉动产业链 武进国家高新区打造高质量发展“聚能环”-武进国家高新区管…") == (
        "以“党建+”拉动产业链 武进国家高新区打造高质量发展“聚能环”"
    )
    assert furniture.strip_site_suffix("从300个到2577个-苏州工业园区党组织") == "从300个到2577个-苏州工业园区党组织"
    # the section and the site after the headline (…_党建工作_…开发区, …_凤阳经济开发区_凤阳县人民政府)
    assert furniture.strip_site_suffix("阿拉善高新区“三个强化”工作情况_党建工作_内蒙古阿拉善高新技术产业开发区") == (
        "阿拉善高新区“三个强化”工作情况"
    )
    assert furniture.strip_site_suffix("创业园把党建写进孵化链条_苏州高新区（虎丘区）") == "创业园把党建写进孵化链条"
    assert furniture.strip_site_suffix("“壹公里”红色文化走廊串起商圈党建_基层动态_四川组工网") == "“壹公里”红色文化走廊串起商圈党建"
    text = page(
        "宜都高新區(qū)：黨(dǎng)建引領(lǐng)園區(qū)跨越發(fā)展-宜都高新區管委會",
        "",
        "宜都高新區(qū)：黨(dǎng)建引領(lǐng)園區(qū)跨越發(fā)展",
        "",
        "——探尋宜都高新區快速成長背後的黨建密碼",
        "",
        "發佈時間：2023-06-16 09:32　來源：三峽日報　作者：向陽 李珂　編輯：覃婷　瀏覽次數：1286",
        "",
        "從一片江邊灘地起步，宜都高新區如今已成長為全省縣域園區的排頭兵。",
    )
    (block,) = split_page(text)
    assert (block.title, block.subtitle, block.authors) == (
        "宜都高新区：党建引领园区跨越发展", "——探寻宜都高新区快速成长背后的党建密码", ["向阳", "李珂"],
    )


def test_a_section_a_web_copy_prints_twice_is_kept_once():
    text = page(
        "南京浦口高新区：“1+1+n+x”融合党建为园区发展蓄势赋能",
        "",
        "2023-10-30 10:21:07  来源：浦口高新区  作者：王璐  责任编辑：孙倩  评论：0",
        "",
        "党建引领聚合力，融合发展促提升。",
        "",
        "“服务日”里解难题",
        "",
        "今年以来，浦口高新区党员干部走访企业和项目工地超过276家，目前已举办7场座谈会。",
        "",
        "“服务日”里解难题",
        "",
        "今年以来，浦口高新区党员干部走访企业和项目工地超过276家，目前已举办7场座谈会。",
        "",
        "梯度培育壮企业",
        "",
        "浦口高新区已培育国家级专精特新“小巨人”企业4家。",
    )
    (block,) = split_page(text)
    assert block.headings == ["“服务日”里解难题", "梯度培育壮企业"]
    assert len(block.paragraphs) == 3 and block.authors == ["王璐"]


def test_metadata_line_fields_and_a_credit_that_is_not_one():
    fields = furniture.web_meta_fields("■ 周洁 谭琳 来源：重庆高新区党群工作部 发布时间：2021-12-10 16:42")
    assert furniture.web_meta_authors(fields, lambda t: len(t) in (2, 3)) == ["周洁", "谭琳"]
    assert furniture.web_meta_fields("图片来源：杭州高新区(滨江)") == []
    assert furniture.web_meta_fields("来源：新华网") == []


# --- captions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, shape",
    [
        ("东台高新区青创党委党校开展企业党务骨干培训。 （东台高新区供图）", "caption"),
        ("苏州工业园区金鸡湖畔夜景。                          （资料图片）", "caption"),
        ("（资料图片）", "credit"),
        ("（本报资料图片）", "credit"),
        ("信阳高新区中心园区内，电子信息企业的厂房连成一片。  （本报资料图片）", "caption"),
        ("本报资料图片", "credit"),
        ("宁乡高新区一家储能材料企业的党员技术攻关队在研讨工艺改进方案。 宁乡高新区供图", "caption"),
        ("生命健康产业链党建工作座谈会现场。", "caption"),
        ("回眸", "kicker"),
        ("短评", "kicker"),
        ("本报扬州1月8日讯（记者 吴 越 通讯员 汤 宁）记者从高邮高新区获悉，", "brief"),
        ("本报记者 张伟", "byline"),
        ("眉山网讯（记者 邓雨桐）11月20日，位于眉山高新区的项目施工现场塔吊林立。", "brief"),
        ("优化营商环境·园区访谈", "headline"),  # a column's label set like a name with a dot
        ("古丽·买买提", "names"),
    ],
)
def test_line_shapes_of_the_genre(line, shape):
    assert line_shape(line) == shape


def test_captions_at_the_top_of_the_page_stay_captions_and_a_scene_between_blank_lines_too():
    text = page(
        "",
        "东台高新区青创党委党校开展企业党务骨干培训。 （东台高新区供图）",
        "",
        "",
        "党建品牌巡礼",
        "",
        "“智创先锋”领跑",
        "东台高新区锻造新质生产力",
        "",
        "■ 本报记者 沈 悦 通讯员 朱 琳",
        "",
        "江苏东台高新技术产业开发区把“智创先锋”作为园区党建品牌的核心。",
        "",
        "产业链党建座谈会暨“红链有约 服务赋能”专场沙龙现场",
        "",
        "党建搭台 链上企业抱团拓市场",
        "",
        "柳工常州机械有限公司是工程机械产业链党建联盟的链主企业。",
    )
    (block,) = split_page(text)
    assert summary([block]) == [("党建品牌巡礼", "“智创先锋”领跑东台高新区锻造新质生产力", ["沈悦", "朱琳"])]
    assert block.captions == [
        "东台高新区青创党委党校开展企业党务骨干培训。", "（东台高新区供图）",
        "产业链党建座谈会暨“红链有约服务赋能”专场沙龙现场",
    ]
    assert block.headings == ["党建搭台 链上企业抱团拓市场"]


def test_the_rest_of_a_sentence_after_a_credited_photo_is_text_not_a_caption():
    text = page(
        "“红色共创空间”里孵出科技企业",
        "",
        "本报讯 去年12月，在党建创新项目发布会上，德阳高新区",
        "",
        "",
        "",
        "德阳高新区“红色共创空间”内，党员联络员为初创企业讲解政策。 德阳高新区供图",
        "",
        "",
        "",
        "就“红色共创空间”的做法进行了分享。",
        "",
        "截至目前，“红色共创空间”已累计服务科技型企业近百家。",
    )
    (block,) = split_page(text)
    assert block.paragraphs[0] == "去年12月，在党建创新项目发布会上，德阳高新区就“红色共创空间”的做法进行了分享。"
    assert block.captions == ["德阳高新区“红色共创空间”内，党员联络员为初创企业讲解政策。", "德阳高新区供图"]


# --- headlines --------------------------------------------------------------------------


def test_two_headline_lines_set_together_are_one_title_and_a_line_set_apart_is_the_kicker():
    text = page(
        "高邮高新区通用机场项目建设现场。 本报记者 吴越 摄",
        "",
        "年终回眸",
        "",
        "高邮高新区：党工委挂帅",
        "项目攻坚跑出“加速度”",
        "",
        "本报讯 2025年，高邮高新区以项目攻坚为主线。",
    )
    (block,) = split_page(text)
    assert (block.kicker, block.title) == ("年终回眸", "高邮高新区：党工委挂帅项目攻坚跑出“加速度”")


def test_a_line_ending_as_a_kicker_stays_the_kicker_even_set_together():
    text = page(
        "仙桃高新区把党支部建在非织造布产业链上——",
        "一根“布链”上的红色动能",
        "",
        "■ 本报记者 胡琳",
        "",
        "在湖北仙桃，一块小小的无纺布撑起了一座城市的支柱产业。",
    )
    (block,) = split_page(text)
    assert (block.kicker, block.title) == ("仙桃高新区把党支部建在非织造布产业链上", "一根“布链”上的红色动能")


def test_two_phrases_set_apart_on_a_line_over_the_title_are_its_kicker():
    text = page(
        "           民企七千余户 从业人员四万多",
        "玉溪高新区：民营经济五年“长”出一个新园区",
        "",
        "■ 本报记者 段 茜",
        "",
        "    截至2025年4月底，园区登记的民营企业达7260户。",
    )
    (block,) = split_page(text)
    assert (block.kicker, block.title) == ("民企七千余户 从业人员四万多", "玉溪高新区：民营经济五年“长”出一个新园区")


@pytest.mark.parametrize(
    "label, kicker, title",
    [
        # a column's label over the item, then the item's own kicker
        ("案例回放", "莱芜高新区官厂村", "“出彩党建”牵手高校党委"),
        # a place over the item, then a title in two parts
        ("河南郑州", "河南郑州", "莱芜高新区官厂村：“出彩党建”牵手高校党委"),
    ],
)
def test_a_label_or_a_place_over_a_kicker_and_its_title(label, kicker, title):
    text = page(
        f"    {label}",
        "",
        "莱芜高新区官厂村：",
        "“出彩党建”牵手高校党委",
        "",
        "■ 本报记者 邢 朗",
        "",
        "    官厂村逐步形成了“出彩党建”村级党建品牌。",
    )
    (block,) = split_page(text)
    assert (block.kicker, block.title) == (kicker, title)


def test_column_labels_lead_into_their_items_and_a_commentary_keeps_its_bracketed_author():
    text = page(
        "中节能（嘉兴）环保产业园党群服务中心一角。 黄琴 摄",
        "",
        "楼宇党建",
        "",
        "一栋产业楼",
        "如何成了“双强”示范楼宇",
        "",
        "本报讯（通讯员 黄琴）日前，嘉兴市首批示范商务楼宇名单公布。",
        "",
        "",
        "回眸",
        "",
        "光伏小镇里的“党组织孵化中心”",
        "",
        "楼宇党建的“底子”，早在几年前就已打下。",
        "",
        "",
        "编后",
        "",
        "一幢楼宇能不能成为“双强”示范，看的是服务。这样的思路值得借鉴。（沈嘉言）",
    )
    blocks = split_page(text)
    assert summary(blocks) == [
        ("楼宇党建", "一栋产业楼如何成了“双强”示范楼宇", ["黄琴"]),
        ("回眸", "光伏小镇里的“党组织孵化中心”", []),
        ("", "编后", ["沈嘉言"]),
    ]
    assert blocks[2].body.endswith("值得借鉴。")


# --- bylines ----------------------------------------------------------------------------


def test_a_dateline_opens_a_brief_and_its_spaced_names_survive():
    text = page(
        "潍坊高新区8处场所入选",
        "首批市级“友好场景”",
        "",
        "本报扬州1月8日讯（记者 吴 越 通讯员 汤 宁）记者从高邮高新区获悉，2025年，这家省级高新区在党工委统筹下，以项目攻坚为主线、以招商改革为突破，主要经济指标保持平稳增长。",
    )
    (block,) = split_page(text)
    assert block.authors == ["吴越", "汤宁"]
    assert block.body.startswith("记者从高邮高新区获悉")


def test_a_brief_byline_whose_bracket_the_column_broke():
    text = page(
        "济宁高新区安全装备产业园",
        "非公企业党组织“扩面提质”",
        "",
        "本报讯（见习记者 王学城 ",
        "",
        "通讯员 古玚 李希香）今年5月",
        "以来，产业园集中推进非公企业党组织组建。",
    )
    (block,) = split_page(text)
    assert block.authors == ["王学城", "古玚", "李希香"]
    assert block.body == "今年5月以来，产业园集中推进非公企业党组织组建。"


def test_trailing_bylines_with_roles_need_no_known_surname_and_a_reporter_line_opening_the_text():
    text = page(
        "昌吉高新区：",
        "",
        "两条产业链党委让链上企业抱团发展",
        "",
        "本报讯 在昌吉高新区，两条主导产业链都有了自己的红色链长。",
        "",
        "（通讯员 努尔兰 记者 马骏）",
        "",
        "张家港高新区“两高融合”",
        "锚定创建国家高新区",
        "",
        "记者 杨 帆 报道  放大“两高融合”效应，全力创建国家高新区——这是今年以来张家港高新区反复强调的三句话，高新区党工委把作风落到项目和人才一线。",
    )
    first, second = split_page(text)
    assert first.authors == ["努尔兰", "马骏"]
    assert (second.title, second.authors) == ("张家港高新区“两高融合”锚定创建国家高新区", ["杨帆"])
    assert second.body.startswith("放大“两高融合”效应")


def test_spaced_names_are_rejoined_by_length_and_surname():
    assert rejoin_spaced_names(["王", "思", "远"]) == ["王思远"]
    assert rejoin_spaced_names(["韩", "冰"]) == ["韩冰"]
    assert rejoin_spaced_names(["王", "涛", "李", "敏"]) == ["王涛", "李敏"]
    assert parse_byline("文/图 本报记者 罗 娟 通讯员 王 思 远") == ["罗娟", "王思远"]


# --- OCR of an e-paper -------------------------------------------------------------------


def test_tight_lines_broken_anywhere_stay_the_text_of_their_article():
    text = page(
        "大连高新区“又高又新”",
        "交出年度答卷",
        "",
        "本报讯（记者 孙 涛）2023年是总书记视察",
        "大连高新区10周年。十年后，交出了一份亮眼",
        "的年度答卷。",
        "据统计，2023年大连高新区",
        "实 现 地 区 生 产 总 值 4 4 4 . 6 亿 元 ， 同",
        "比增长7%，增速高于全市1",
        "个百分点；一般公共预算收",
        "入42.4亿元。",
        "大连高新区辖区面积153",
        "平方公里，下辖3个街道。",
    )
    (block,) = split_page(text)
    assert block.authors == ["孙涛"] and not block.headings
    assert "据统计，2023年大连高新区实现地区生产总值444.6亿元，同比增长7%" in block.body
    assert block.body.endswith("大连高新区辖区面积153平方公里，下辖3个街道。")


def test_headings_of_a_dated_feature_set_like_its_paragraphs_stay_headings():
    text = page(
        "高邮高新区：党工委挂帅",
        "",
        "本报扬州1月8日讯（记者 吴越）记者从高邮高新区获悉，主要经济指标保持平稳增长。",
        "",
        "招商改革：从“跑项目”到“专业化”",
        "",
        "高新区深化招商体制机制的市场化改革。",
        "",
        "项目推进：“周调度、旬会商、月督查”",
        "",
        "项目建设上，高新区实行专班推进。",
        "",
        "",
        "潍坊高新区8处场所入选",
        "首批市级“友好场景”",
        "",
        "本报讯 2025年6月，潍坊市印发建设指引。",
    )
    first, second = split_page(text)
    assert first.headings == ["招商改革：从“跑项目”到“专业化”", "项目推进：“周调度、旬会商、月督查”"]
    assert second.title == "潍坊高新区8处场所入选首批市级“友好场景”"


def test_a_byline_is_followed_by_its_text_not_by_a_new_article():
    lines = page(
        "“青创党委”：让年轻骨干在企业挑大梁",
        "",
        "文/图 本报记者 沈 悦",
        "",
        "迈盛智能科技公司的青创人才刘",
        "伟，带领团队建起号称亚洲",
        "",
        "规模最大的智能开模中心。",
    )
    (block,) = split_page(lines)
    assert block.paragraphs == ["迈盛智能科技公司的青创人才刘伟，带领团队建起号称亚洲规模最大的智能开模中心。"]
    assert not block.headings


def test_page_lines_drop_furniture_without_touching_text():
    lines = page_lines(page("A6 党建在高新 中国高新技术产业导报", "", "本版编辑说明了工作要求，", "并作了部署。"))
    assert [line.text for line in lines] == ["本版编辑说明了工作要求，", "并作了部署。"]


def test_a_line_above_a_heading_set_like_the_articles_others_is_a_caption_not_a_kicker():
    text = page(
        "服务中心建强“四个平台”",
        "",
        "高新区打造党员职工服务中心，着力建设“四个平台”。",
        "",
        "政治引领平台：把思想统起来",
        "",
        "中心先后开展专题宣讲38次。",
        "",
        "园区企业党员在服务中心参加专题宣讲",
        "",
        "企业服务平台：让环境优起来",
        "",
        "中心选聘2名专职党建指导员，指导8家企业成立党组织。",
    )
    (block,) = split_page(text)
    assert block.headings == ["政治引领平台：把思想统起来", "企业服务平台：让环境优起来"]
    assert block.captions == ["园区企业党员在服务中心参加专题宣讲"]
    assert block.paragraphs[-1] == "中心选聘2名专职党建指导员，指导8家企业成立党组织。"


def test_a_box_of_figures_goes_on_with_its_article_one_statement_a_line():
    text = page(
        "党组织扎进小区楼栋",
        "",
        "本报讯 安康高新区推行“分片治理”改革，每个片区都成立党总支。",
        "", "",
        "■ 数据",
        "超大型社区：4个",
        "治理片区党总支：18个",
        "小区党组织覆盖率：97%",
        "", "",
        "短评",
        "",
        "分片，分的是责任",
        "",
        "把“分片治理”做实，关键在于让每个片区党总支转起来。（林 岚）",
    )
    news, comment = split_page(text)
    assert news.headings == ["■ 数据"]
    assert news.paragraphs[-3:] == ["超大型社区：4个", "治理片区党总支：18个", "小区党组织覆盖率：97%"]
    assert news.authors == []
    assert (comment.kicker, comment.title, comment.authors) == ("短评", "分片，分的是责任", ["林岚"])


def test_a_box_drawn_in_frame_characters_keeps_each_figure_with_the_label_after_it():
    text = page(
        "健康基地再出发",
        "",
        "本报讯 中山火炬高新区的健康基地进入扩区提质的新阶段。",
        "", "",
        "┌──────── 数说火炬高新区（2023年） ────────┐",
        "│                                  │",
        "│   373.92亿元   2023年1—9月地区生产总值 │",
        "│   582家        规模以上工业企业       │",
        "│   2家          300亿级以上企业        │",
        "└──────────────────────────────────┘",
    )
    (news,) = split_page(text)
    assert news.headings == ["数说火炬高新区（2023年）"]
    assert news.paragraphs[-3:] == ["373.92亿元 2023年1—9月地区生产总值", "582家 规模以上工业企业", "2家 300亿级以上企业"]


def test_a_bulletin_s_issue_printer_and_trail_are_no_headline():
    text = page(
        "济南高新区党建工作简报",
        "",
        "2021年第9期（总第57期）",
        "",
        "主办：中共济南高新区工委党群工作部",
        "编印：济南高新区党群工作部组织科                    2021年11月26日",
        "",
        "",
        "抓弱治软建堡垒  村居融合聚人心",
        "——济南高新区大抓基层推进村改居融合发展的做法",
        "",
        "    济南高新区坚持大抓基层的鲜明导向，把加强村（社区）党组织建设放在突出位置。",
    )
    (block,) = split_page(text)
    assert (block.kicker, block.title) == ("", "抓弱治软建堡垒 村居融合聚人心")


def test_a_government_site_s_trail_from_its_name_is_no_title():
    text = page(
        "珠海高新区党群工作部2024年工作总结",
        "",
        "珠海高新区管委会门户网站 > 政务公开 > 规划计划 > 工作总结",
        "",
        "    2024年，党群工作部坚持把党的建设贯穿高新区发展的全过程。",
    )
    (block,) = split_page(text)
    assert (block.kicker, block.title) == ("", "珠海高新区党群工作部2024年工作总结")
    text = page("紫贞街道党建“五级联动”激活商圈", "", "香港商报网首页 > 内地 > 园区观察", "", "    紫贞街道推进商圈党建。")
    (block,) = split_page(text)
    assert (block.kicker, block.title) == ("", "紫贞街道党建“五级联动”激活商圈")


def test_a_bracketed_section_label_heads_a_section_of_its_article_not_the_next_article():
    text = page(
        "宁波高新区召开争先进位推进会",
        "党工委书记讲话要点：做深做实两篇文章",
        "",
        "■ 记者 王 越",
        "",
        "    日前，宁波高新区召开争先进位推进会，党工委书记作讲话。",
        "",
        "【成绩】去年交出一份稳中有进的答卷",
        "",
        "    2023年，核心区实现地区生产总值391亿元。",
        "",
        "【目标】力争进入全国高新区第一方阵前列",
        "",
        "    今年，高新区力争地区生产总值增长8%。",
    )
    (block,) = split_page(text)
    assert block.headings == ["【成绩】去年交出一份稳中有进的答卷", "【目标】力争进入全国高新区第一方阵前列"]


def test_a_box_s_change_over_its_label_is_one_line_keeping_the_space_before_its_label():
    text = page(
        "工业总产值冲刺两千亿",
        "",
        "    本报讯 宜都高新区发展势头强劲。",
        "",
        "┌──────── 数 说 ────────┐",
        "│   由1269.8亿元增至2000亿元      │",
        "│   预计2022—2025年规模工业总产值 │",
        "└───────────────────────┘",
    )
    (block,) = split_page(text)
    assert block.paragraphs[-1] == "由1269.8亿元增至2000亿元 预计2022—2025年规模工业总产值"


def test_a_box_line_with_a_range_is_a_statement_of_its_own():
    text = page(
        "打印机产业链上的党建",
        "",
        "    本报讯 园区党委把党组织建在产业链上。",
        "",
        "● 联合党支部：1个",
        "● 每名党委党员联系企业：1至2家",
        "",
        "",
        "建园同步建党委",
        "",
        "    产业园建园伊始就成立了园区党委。",
    )
    (block,) = split_page(text)
    assert "● 每名党委党员联系企业：1至2家" in block.paragraphs


def test_a_box_line_with_a_short_label_is_not_taken_for_a_lone_figure_over_the_next_line():
    text = page(
        "链上党建",
        "",
        "本报讯 园区产业链联合党委把链上企业的党组织串了起来。",
        "", "",
        "┌──────── 数 说 ────────┐",
        "│  166名  党员               │",
        "│  17家   其中规上企业       │",
        "└───────────────────────┘",
    )
    (block,) = split_page(text)
    assert block.paragraphs[-2:] == ["166名 党员", "17家 其中规上企业"]


def test_figures_set_apart_by_slashes_over_as_many_labels_each_keep_their_label():
    text = page(
        "项目建设提速",
        "",
        "本报讯 遵义高新区项目建设提速。",
        "", "",
        "┌──────── 数 说 ────────┐",
        "│   246个 / 63个             │",
        "│   建成项目 / 在建项目      │",
        "└───────────────────────┘",
    )
    (block,) = split_page(text)
    assert block.paragraphs[-1] == "建成项目：246个，在建项目：63个"


def test_figures_set_apart_by_slashes_over_one_label_or_labels_with_their_year_each_take_it():
    text = page(
        "园区产业链再延伸",
        "",
        "本报讯 攸县高新区产业链再延伸。",
        "", "",
        "┌──────── 数说攸县高新区 ────────┐",
        "│   42家 / 16家                      │",
        "│   “一主一特”产业链上企业           │",
        "│                                    │",
        "│   9个 / 8亿元                      │",
        "│   新引进科创类项目 / 签约金额（2022年）  │",
        "└────────────────────────────────────┘",
    )
    (block,) = split_page(text)
    assert block.paragraphs[-2:] == [
        "“一主一特”产业链上企业：42家，“一主一特”产业链上企业：16家",
        "新引进科创类项目（2022年）：9个，签约金额（2022年）：8亿元",
    ]


def test_a_boxed_change_drawn_with_an_arrow_reads_as_the_change_it_states():
    text = page(
        "园区规上企业五年增百家",
        "",
        "本报讯 五年来，滨开区规上工业企业数量稳步增长。",
        "", "",
        "┌──────── 数说滨开区 ────────┐",
        "│   287家→385家    规上工业企业     │",
        "│   12个 → 8个    审批环节           │",
        "└────────────────────────────┘",
    )
    (block,) = split_page(text)
    assert block.paragraphs[-2:] == ["规上工业企业：由287家增至385家", "审批环节：由12个降至8个"]


def test_a_box_that_sets_each_label_over_its_figure_keeps_them_together_one_statement_a_line():
    text = page(
        "太原高新区：三十年里的五个年份",
        "",
        "本报讯 1991年7月，太原高新技术产业开发区挂牌。",
        "", "",
        "┌──────── 数说学府产业园区（2017年） ────────┐",
        "│                                  │",
        "│   入区企业                       │",
        "│   3700余家                       │",
        "│                                  │",
        "│   高新技术企业                   │",
        "│   303家，占全省30%               │",
        "│                                  │",
        "│   电子信息企业                   │",
        "│   813家                          │",
        "└──────────────────────────────────┘",
    )
    (news,) = split_page(text)
    assert news.paragraphs[-3:] == ["入区企业：3700余家", "高新技术企业：303家，占全省30%", "电子信息企业：813家"]


def test_a_box_of_figures_over_their_labels_with_blank_rows_between_keeps_each_pair():
    text = page(
        "一条“红链”织密上下游",
        "",
        "本报讯 泉州高新区鲤城园区把党组织建到纺织面料产业链上。",
        "", "",
        "┌──────── 数说鲤城高新区 ────────┐",
        "│                                │",
        "│   5.5712平方公里               │",
        "│   核准面积                     │",
        "│                                │",
        "│   4家                          │",
        "│   上市挂牌企业                 │",
        "│                                │",
        "│   17家                         │",
        "│   上市挂牌后备企业             │",
        "└────────────────────────────────┘",
    )
    (news,) = split_page(text)
    assert news.paragraphs[-3:] == ["5.5712平方公里 核准面积", "4家 上市挂牌企业", "17家 上市挂牌后备企业"]


def test_long_labels_over_their_figures_each_pair_between_blank_lines_are_one_statement_each():
    text = page(
        "从“派联络员”到“结联盟”",
        "",
        "本报记者 冉 枫",
        "",
        "海淀的“两新”党建办法一茬茬更新。",
        "",
        "2002年6月底在海淀经营的非公企业",
        "7085个",
        "",
        "2019年12月25日成立的独角兽企业党建联盟，首批会员企业",
        "43家",
        "",
        "这是全国第一个独角兽企业党建联盟。",
    )
    (news,) = split_page(text)
    assert news.paragraphs[1:] == [
        "2002年6月底在海淀经营的非公企业：7085个",
        "2019年12月25日成立的独角兽企业党建联盟，首批会员企业：43家",
        "这是全国第一个独角兽企业党建联盟。",
    ]


def test_a_box_s_round_figures_and_changes_under_their_labels_are_statements_of_their_own():
    text = page(
        "一张平台接住200万件诉求",
        "",
        "文/记者 罗 晴",
        "",
        "区里把几年来的数字排在一起。",
        "",
        "平台累计汇聚的各类诉求",
        "由42.3万件（2020年）增至200万件以上",
        "",
        "平台每天智能发现的城市管理事件",
        "超百起",
        "",
        "评价满意率",
        "99.53%",
    )
    (news,) = split_page(text)
    assert news.paragraphs[1:] == [
        "平台累计汇聚的各类诉求：由42.3万件（2020年）增至200万件以上",
        "平台每天智能发现的城市管理事件：超百起",
        "评价满意率：99.53%",
    ]


def test_a_box_s_listed_items_and_a_marked_reporter_s_note_go_on_with_the_article():
    text = page(
        "一组数字看“红色慧湖”",
        "",
        "本报记者 季 澜",
        "",
        "科创区以“红色慧湖”党建品牌为统领。",
        "",
        "■ 慧湖书院（2021年10月启用）",
        "",
        "总面积",
        "650平方米",
        "",
        "同步入驻",
        "独墅湖青年党建活动基地",
        "慧湖国际桥·留学生之家",
        "",
        "■ 记者手记",
        "",
        "    论坛、书院、留学生之家，是科创区服务人才的“软环境”。",
    )
    (news,) = split_page(text)
    assert news.authors == ["季澜"]  # 记者手记 names no reporter
    assert news.paragraphs[-3:] == [
        "同步入驻独墅湖青年党建活动基地慧湖国际桥·留学生之家",
        "■ 记者手记",
        "论坛、书院、留学生之家，是科创区服务人才的“软环境”。",
    ]


def test_a_bulletin_with_its_issuing_office_and_distribution_is_one_article():
    text = page(
        "启东高新区（近海镇）党建工作信息",
        "",
        "第7期",
        "",
        "中共启东高新区（近海镇）工作委员会办公室　　　　2022年7月6日",
        "", "",
        "党建联盟串起“红色辐射圈”",
        "——启东高新区（近海镇）推进非公企业党建的做法",
        "",
        "2020年7月1日，启东高新区（近海镇）非公企业“党建联盟”正式成立。",
        "",
        "报：市委组织部、市委两新工委",
        "送：区镇党工委班子成员",
        "发：各非公企业党组织、各联盟牵头企业",
    )
    (bulletin,) = split_page(text)
    assert (bulletin.kicker, bulletin.title) == ("", "党建联盟串起“红色辐射圈”")
    assert bulletin.paragraphs == ["2020年7月1日，启东高新区（近海镇）非公企业“党建联盟”正式成立。"]


def test_a_speech_s_date_speaker_and_salutation_belong_to_its_one_article():
    text = page(
        "西渡高新技术产业开发区",
        "",
        "首页 | 园区概况 | 新闻动态 | 党建工作",
        "",
        "以“比学评促”推动机关支部分类提升",
        "——在机关党支部现场评议会上的讲话（摘要）",
        "",
        "（2024年6月28日）",
        "",
        "西渡高新区工委负责同志",
        "",
        "同志们：",
        "",
        "今天，高新区9个机关党支部的党员聚在一起，对各个支部的工作做一次集中评议。",
        "",
        "一、为什么要“比”、要“评”",
        "",
        "机关党建如果只在自己的圈子里打转，很难发现问题。",
    )
    (speech,) = split_page(text)
    assert (speech.kicker, speech.title) == ("", "以“比学评促”推动机关支部分类提升")
    assert speech.headings == ["一、为什么要“比”、要“评”"]
    assert speech.paragraphs[0].startswith("同志们：今天")


def test_an_editors_bracketed_note_and_a_sentence_ending_in_a_colon_are_no_headlines():
    text = page(
        "重庆荣昌高新区：从一头猪长出来的国家高新区",
        "",
        "【本文综合媒体报道整理，标题为编者所加】",
        "",
        "提起重庆荣昌，很多人先想到的是荣昌猪。",
        "",
        "荣昌高新区管委会早在2016年披露过园区2015年的主要数据，可以看出升级之前的家底：",
        "",
        "入驻企业：331家",
    )
    (block,) = split_page(text)
    assert (block.kicker, block.title) == ("", "重庆荣昌高新区：从一头猪长出来的国家高新区")
    assert block.paragraphs[-1] == "入驻企业：331家"


def test_a_figure_on_its_own_line_goes_with_the_label_under_it_and_box_parts_stay_apart():
    text = page(
        "“星骑士”的这一年",
        "",
        "本报讯 园区新就业群体党建工作一年来成效明显。",
        "",
        "推荐参加省新就业群体党组织书记示范培训班的党员站长：3名",
        "",
        "■ 关爱服务",
        "",
        "65场",
        "职业技能培训，累计覆盖943人次",
        "",
        "16519人次",
        "线上专题教育专栏参学量",
    )
    (block,) = split_page(text)
    assert block.paragraphs[-4:] == [
        "推荐参加省新就业群体党组织书记示范培训班的党员站长：3名",
        "■ 关爱服务",
        "65场 职业技能培训，累计覆盖943人次",
        "16519人次 线上专题教育专栏参学量",
    ]


def test_a_manuscripts_and_a_bulletins_own_fields_are_no_articles():
    manuscript = page(
        "稿件：“党建在高新”栏目来稿（通讯）",
        "作者：彭思远（通讯员）",
        "单位：郴州高新区两新组织党委",
        "",
        "一个支部带活一片创业园",
        "",
        "——郴州高新区以“龙头带建”破解小微企业党员管理难题",
        "",
        "走进郴州高新区大学生创业园，一间间办公室里多是刚起步的小团队。",
    )
    (block,) = split_page(manuscript)
    assert (block.title, block.authors) == ("一个支部带活一片创业园", ["彭思远"])
    bulletin = page(
        "保定高新区党建工作简报",
        "第14期",
        "保定高新区党工委办公室编 2020年7月24日",
        "",
        "甘当入园企业“服务员”",
        "",
        "开园以来，科技园党组织把服务企业作为抓党建的落脚点。",
        "",
        "报送：市委组织部",
        "抄送：高新区党工委、管委会领导班子成员",
        "本期编辑：郑晓彤 （共印30份）",
    )
    (block,) = split_page(bulletin)
    assert (block.kicker, block.title, block.paragraphs) == (
        "", "甘当入园企业“服务员”", ["开园以来，科技园党组织把服务企业作为抓党建的落脚点。"]
    )


def test_a_photo_items_credit_closes_its_text():
    text = page(
        "■ 图片新闻",
        "", "",
        "长城汽车泰州基地产能持续释放",
        "",
        "    10月24日，泰州医药高新区长城汽车生产基地总装车间里，工人正在调试下线新车。这个基地从开工到投产"
        "只用了330多天，已带动20余个核心配套项目落户，整车累计产量突破65万辆，配套企业的党组织也跟着项目"
        "一起建了起来。（本报记者 顾 阳 摄）",
        "", "",
        "八平方公里上的总部集群",
        "",
        "    从河西滩涂上起步的高新区，辖区只有8.32平方公里。",
    )
    first, second = split_page(text)
    # The credit ends the item: its photographer is its author, and the next line is the next item's title.
    assert first.paragraphs[0].endswith("一起建了起来。") and first.authors == ["顾阳"]
    assert "八平方公里上的总部集群" not in first.paragraphs[0] and second.title == "八平方公里上的总部集群"


def test_a_web_metadata_lines_spaced_author_is_one_name():
    fields = furniture.web_meta_fields("来源：随州日报　发布时间：2026-01-05 09:12　作者：龚 岚")
    assert furniture.web_meta_authors(fields, is_name) == ["龚岚"]
    fields = furniture.web_meta_fields("发布时间：2020-07-03 10:15:26  来源：红网  作者：谢小青 李西 石珊")
    assert furniture.web_meta_authors(fields, is_name) == ["谢小青", "李西", "石珊"]


def test_a_box_labelled_in_its_frame_goes_on_with_its_article():
    text = page(
        "高新区五年党建盘点",
        "",
        "■ 本报记者 白 雪",
        "",
        "    高新区党员由333名增至364名，党支部由17个增至27个。",
        "",
        "┌──────── 全市·全区参照 ────────┐",
        "│ ●2024年，全市R&D经费投入53.2亿元，投入强度0.91%， │",
        "│ ●2024年，全市实施市级科技计划项目150项          │",
        "└────────────────────────────────┘",
    )
    (block,) = split_page(text)
    assert block.authors == ["白雪"]
    assert block.headings == ["全市·全区参照"]
    assert "全市实施市级科技计划项目150项" in block.body


def test_a_headline_broken_at_its_comma_under_a_kicker_is_one_title():
    text = page(
        "贵阳高新区以人才集聚培育创新动能——",
        "",
        "一通电话，",
        "把创业梦留在了高新区",
        "",
        "■ 本报记者 罗 静",
        "",
        "    读研二那年，他拨通了创业园的电话，第二天就去面谈，",
        "公司随后落户在了高新区。",
    )
    (block,) = split_page(text)
    assert (block.kicker, block.title) == ("贵阳高新区以人才集聚培育创新动能", "一通电话，把创业梦留在了高新区")


def test_an_advertisement_and_the_paper_s_imprint_are_no_articles():
    text = page(
        "党建联盟串起产业链",
        "",
        "    本报讯 高新区4家党建联盟把链上企业的党组织串了起来。",
        "",
        "┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄",
        "   冬季暖心购 · 多彩贵州消费季       活动时间：12月12日—12月31日",
        "   详情请咨询各参与商户                                      （广告）",
        "",
        "──────────────────────────────",
        "本报地址：济南市泺源大街6号   广告许可证：鲁工商广字第",
        "0001号   零售价：1.50元      刊例咨询 0531-85193",
    )
    (block,) = split_page(text)
    assert block.title == "党建联盟串起产业链"
    assert not any("广告" in p or "零售价" in p for p in block.paragraphs)


def test_a_city_over_a_headline_is_the_next_item_s_kicker_not_the_last_one_s_author():
    text = page(
        "国企搭台 村居集体经济有了“新伙伴”",
        "",
        "    本报讯（记者 武 霖）日前，菏泽高新区举行村集体经济发展合作协议签约仪式。",
        "",
        "",
        "德州",
        "",
        "49条产业链建起联合党委",
        "",
        "    本报德州讯（记者 刘 朴）德州市实施“红链赋能”工程，把党组织建到关键产业链上。",
    )
    first, second = split_page(text)
    assert first.authors == ["武霖"]
    assert (second.kicker, second.title, second.authors) == ("德州", "49条产业链建起联合党委", ["刘朴"])


def test_a_numbered_item_s_line_runs_on_into_the_next():
    text = page(
        "园区党建八件事",
        "",
        "■ 本报记者 白 雪",
        "",
        "　　3. 机关党员下沉一线。机关党委严格落实“三双”工作机",
        "制，推动机关党员到企业和项目一线服务。",
        "",
        "　　4. 联盟活动帮企业解难题。经济组织党委整合资源，",
        "帮企业解决难题。",
    )
    (block,) = split_page(text)
    assert len(block.paragraphs) == 2
    assert "“三双”工作机制，推动" in block.paragraphs[0]


def test_a_place_in_brackets_over_each_item_is_its_kicker_under_the_briefs_label():
    text = page(
        "香港商報                    www.hkcd.com",
        "2025年11月18日 星期二          A10  大灣區·廣東",
        "",
        "灣區園區快訊",
        "",
        "【汕頭】",
        "汕頭高新區黨委會議部署規劃編制",
        "    本報訊（記者 鄭 嵐）10月23日，汕頭高新區召開黨委會議。",
        "",
        "【佛山】",
        "核心園區獅山鎮規上工業總產值達4690億元",
        "    佛山國家高新區的核心園區獅山鎮，與高新區管委會實行“園鎮融合”發展。",
    )
    first, second = split_page(text)
    assert (first.column, first.kicker, first.title) == ("湾区园区快讯", "汕头", "汕头高新区党委会议部署规划编制")
    assert (second.kicker, second.title) == ("佛山", "核心园区狮山镇规上工业总产值达4690亿元")


def test_a_web_report_s_title_its_two_site_names_meta_line_and_first_section():
    text = page(
        "凤阳经济开发区党工委2022年度党建工作报告（摘要）_凤阳经济开发区_凤阳县人民政府",
        "",
        "您当前的位置：首页 > 凤阳经济开发区 > 党建工作 > 正文",
        "",
        "凤阳经济开发区党工委2022年度党建工作报告（摘要）",
        "",
        "信息来源：凤阳经济开发区党群工作部   发布时间：2023-02-10 16:25   浏览次数：347",
        "",
        "",
        "    一、2022年工作回顾",
        "",
        "    过去一年，开发区党工委紧紧围绕“夯实基础、强化保障、服务发展”的工作理念抓党建。",
    )
    (block,) = split_page(text)
    assert (block.kicker, block.title, block.authors) == ("", "凤阳经济开发区党工委2022年度党建工作报告（摘要）", [])
    assert block.headings == ["一、2022年工作回顾"]


def test_an_advertisement_s_hotline_is_no_article():
    text = page(
        "工地上的支部“手拉手”",
        "",
        "    本报讯 科学城两个项目工地的党支部结对共建。",
        "",
        "────────────────────────────",
        "高企认定·知识产权·科技项目申报 一站式服务  咨询热线：010-68XXXX21",
        "",
        "",
        "★诚招代理 高原特色保健品 全国招商热线 0971-XXXXXXX★",
        "",
        "",
        "★ 订阅《中国高新技术产业导报》 全国各地邮局均可订阅 ★",
        "",
        "",
        "★ 欢迎各国家高新区党群部门投稿 ★",
        "",
        "",
        "一条产业链上的三级党组织",
        "",
        "    本报讯 阜康市成立产业链综合党委，搭起三级组织体系。",
    )
    first, second = split_page(text)
    assert not any("热线" in p or "订阅" in p or "投稿" in p for p in first.paragraphs)
    assert (second.kicker, second.title) == ("", "一条产业链上的三级党组织")


def test_the_publisher_s_line_and_a_table_s_data_source_at_the_foot_are_no_article():
    text = page(
        "产业链党建联盟在东港镇成立",
        "",
        "    本报讯 新材料产业链党建工作协调委员会日前在东港镇成立。",
        "",
        "──────────────────────────────",
        "新华日报社出版  地址：南京市中山东路  广告热线：025-XXXX6666",
    )
    (block,) = split_page(text + "\n\n数据来源：江阴高新区管委会\n")
    assert not any("出版" in p or "热线" in p or "来源" in p for p in block.paragraphs)


def test_titled_photo_items_each_an_article_with_its_caption_as_text():
    text = page(
        "■ 图片新闻",
        "", "",
        "光氢储充电站在共青城投用",
        "",
        "    近日，共青城高新区光氢储产业园内的示范充电站落成投用。（记者 潘 越 摄）",
        "", "",
        "电子电路企业在吉安“牵手”",
        "",
        "    7月28日，电子电路产业发展大会在吉安开幕，271家企业签约合作项目174个。当地正招引上下游配套企业。"
        "（通讯员 郭 敏 摄）",
        "", "",
        "正威铜基新材料产业园在娄星开工",
        "",
        "    7月10日，正威铜基新材料产业园项目开工建设，项目总投资110亿元。（记者 石 磊 摄）",
    )
    blocks = split_page(text)
    assert [(b.title, b.authors) for b in blocks] == [
        ("光氢储充电站在共青城投用", ["潘越"]),
        ("电子电路企业在吉安“牵手”", ["郭敏"]),
        ("正威铜基新材料产业园在娄星开工", ["石磊"]),
    ]
    assert blocks[2].paragraphs == ["7月10日，正威铜基新材料产业园项目开工建设，项目总投资110亿元。"]


def test_a_box_of_labels_and_figures_set_in_spaces_about_another_zone_is_an_article_of_its_own():
    text = page(
        "南宁经开区：园区党建为民营企业“添柴加火”",
        "",
        "■ 本报记者 覃 岚",
        "",
        "    本报讯 南宁经开区把党建工作延伸到民营企业，党组织覆盖率提升到90%。",
        "",
        "┌────────────────────────────────────────┐",
        "│  【数说】  数说铜仁高新区2021                        │",
        "│                                                        │",
        "│  ● 规模以上工业总产值          61.05亿元              │",
        "│      完成全年目标任务的135.67%，同比增长86.98%         │",
        "│  ● 新开工项目 33个    新投产项目 18个                  │",
        "│  ● 税收收入 5570.5万元，同比增长21.3%                  │",
        "└────────────────────────────────────────┘",
    )
    lead, box = split_page(text)
    assert lead.title == "南宁经开区：园区党建为民营企业“添柴加火”" and "61.05" not in lead.body
    assert box.title == "数说铜仁高新区2021"
    assert box.paragraphs[0] == "规模以上工业总产值：61.05亿元"
    assert "新开工项目：33个，新投产项目：18个" in box.paragraphs
    assert "税收收入：5570.5万元，同比增长21.3%" in box.paragraphs


def test_a_page_s_banner_note_spaced_byline_and_reporter_s_notes():
    text = page(
        "深圳特区报                                        2024年8月12日 星期一",
        "A06  区域观察                              责任编辑：许 晴",
        "",
        "━━━━━━━━━━━━━━━━━━━━━━━━━━━━━",
        "  党建品牌巡礼",
        "━━━━━━━━━━━━━━━━━━━━━━━━━━━━━",
        "",
        "    编者按  一个好的党建品牌，往往从一间屋子起步。",
        "",
        "",
        "把党旗插在生物医药“创新链”上",
        "",
        "■ 记者 卢 晗",
        "",
        "    从坪山大道拐进生物医药产业园区，研发楼里企业比邻而居。",
        "",
        "",
        "记者手记",
        "",
        "    把党组织建在这条链上，难处在于链上的企业大小不一。",
    )
    (block,) = split_page(text)
    assert (block.column, block.title, block.authors) == ("党建品牌巡礼", "把党旗插在生物医药“创新链”上", ["卢晗"])
    assert block.headings == ["记者手记"] and not any("编者按" in p for p in block.paragraphs)


def test_a_titled_photo_item_credited_to_its_supplier_has_its_caption_as_text_and_no_author():
    text = page(
        "■ 图片新闻",
        "", "",
        "青创人才参加主题党日活动",
        "",
        "    近日，东台高新区青创党群服务中心举办主题党日活动。（东台高新区供图）",
        "", "",
        "正威铜基新材料产业园开工",
        "",
        "    7月10日，正威铜基新材料产业园项目开工建设，项目总投资110亿元。（记者 石 磊 摄）",
    )
    first, second = split_page(text)
    assert (first.paragraphs, first.authors) == (["近日，东台高新区青创党群服务中心举办主题党日活动。"], [])
    assert second.authors == ["石磊"]


@pytest.mark.parametrize("site", ["中国医药城", "泰州市人民政府"])
def test_a_web_title_goes_when_the_headline_below_repeats_it_on_two_lines(site):
    # 中国医药城 says nothing of a site: the headline printed below tells that the line is the page's title.
    text = page(
        f"医药高新区部署追赶跨越 三年挺进第一方阵 - {site}",
        "",
        "首页 | 园区概况 | 新闻中心 | 党建工作",
        "",
        "医药高新区部署追赶跨越",
        "三年挺进第一方阵",
        "",
        "    5月12日，医药高新区召开动员会，部署三年追赶跨越行动。",
    )
    (block,) = split_page(text)
    assert block.kicker == "" and block.title.replace(" ", "") == "医药高新区部署追赶跨越三年挺进第一方阵"


def test_a_briefs_label_between_two_items_is_neither_the_first_s_author_nor_the_second_s_kicker():
    blocks = split_page(page(
        "华罗庚高新区：党建指导员跑进企业",
        "",
        "    本报讯（通讯员 金 言）高新区党工委向企业下派党建指导员，定点联系、上门指导企业组建党组织。",
        "    高新区还组织机关党员走进企业，面对面收集企业在人才引进和融资方面的难题。",
        "",
        "",
        "■ 简讯",
        "",
        "新站高新区组建高教基地党建联盟",
        "",
        "    本报讯（通讯员 黎 明）新站高新区在全省率先组建高教基地党建联盟，区内19家职业院校加入。",
    ))
    assert summary(blocks) == [
        ("", "华罗庚高新区：党建指导员跑进企业", ["金言"]),
        ("", "新站高新区组建高教基地党建联盟", ["黎明"]),
    ]


def test_a_bulletin_s_items_set_apart_as_its_first_title_is_are_items_its_contents_no_text():
    blocks = split_page(page(
        "高新区党建工作简报",
        "",
        "2024年第3期（总第27期）",
        "",
        "【本期要目】",
        "◎高新区召开党建工作会议",
        "◎“三化三制”改革为园区松绑",
        "",
        "",
        "高新区召开党建工作会议",
        "",
        "    3月5日，高新区召开党建工作会议，部署今年基层党建重点任务。",
        "    会议要求，党员干部要紧盯年度目标，把任务落到项目上。",
        "",
        "",
        "“三化三制”改革为园区松绑",
        "",
        "    近年来，高新区推进“三化三制”改革，社会事务交由街道承担。",
        "    高新区推行全员聘任制和绩效工资制，岗位能上能下。",
        "",
        "",
        "书记谈以改革激发发展动力",
        "",
        "    编者按：本期摘编党工委书记接受专访的部分内容，供各党组织学习参考。",
        "",
        "    党工委书记说，今年园区实施重点项目40个，已开工项目40个。",
        "    他说，园区将以项目建设检验党建成效。",
    ))
    assert [(b.kicker, b.title) for b in blocks] == [
        ("", "高新区召开党建工作会议"), ("", "“三化三制”改革为园区松绑"), ("", "书记谈以改革激发发展动力"),
    ]


def test_a_numbered_section_set_apart_as_the_title_is_stays_a_heading():
    blocks = split_page(page(
        "高新区2022年党建工作总结",
        "",
        "",
        "一、2022年工作回顾",
        "",
        "    一年来，高新区党工委坚持党建引领，全年走访企业360次。",
        "    非公企业党组织覆盖率达到95%，新建党支部6个。",
        "",
        "",
        "二、2023年工作打算",
        "",
        "    2023年，高新区将力争单独组建非公企业党支部6个以上。",
    ))
    assert [(b.title, b.headings) for b in blocks] == [
        ("高新区2022年党建工作总结", ["一、2022年工作回顾", "二、2023年工作打算"]),
    ]


def test_a_site_s_own_dateline_gives_the_item_its_reporter():
    blocks = split_page(page(
        "胜华新材料项目一期完成70%",
        "",
        "眉山网讯（记者 邓雨桐）11月20日，位于眉山高新区的胜华新材料项目施工现场塔吊林立。",
        "项目一期建成后，将形成年产3万吨硅碳负极材料的产能。",
    ))
    assert [(b.title, b.authors, b.body[:5]) for b in blocks] == [("胜华新材料项目一期完成70%", ["邓雨桐"], "11月20")]
