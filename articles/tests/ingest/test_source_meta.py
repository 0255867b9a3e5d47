"""Where a page comes from, read from its own lines: literal snippets as pages print them."""
import datetime

import pytest

from articles.ingest.readers.metadata import find_date, normalize_page, source_meta

D = datetime.date
BODY = "\n\n合肥高新区打造“红芯”党建品牌\n\n本报讯 近日，合肥高新区召开党建工作推进会。\n"


def test_a_folio_with_weekday_and_editors_gives_the_date():
    meta = source_meta("2023年6月12日 星期一 编辑：王芳 校对：李明" + BODY)
    assert meta.date == D(2023, 6, 12)
    assert meta.sources["date"] == "folio"


def test_a_bare_dateline():
    assert source_meta("2022年9月5日" + BODY).date == D(2022, 9, 5)


def test_full_width_digits_and_chinese_numerals():
    assert source_meta("２０２３年６月１２日　星期一" + BODY).date == D(2023, 6, 12)
    assert source_meta("二〇二三年六月十二日 星期一" + BODY).date == D(2023, 6, 12)
    assert source_meta("二〇二二年十二月三十一日" + BODY).date == D(2022, 12, 31)


def test_a_body_sentence_opening_with_a_date_is_no_folio():
    meta = source_meta("2022年9月5日，合肥高新区召开党建工作推进会，部署全年工作。\n\n正文。")
    assert meta.date is None


def test_an_impossible_date_is_ignored():
    assert source_meta("2023年2月30日 星期四" + BODY).date is None


def test_a_folio_at_the_foot_of_the_page():
    lines = "\n\n".join(f"第{i}段正文，合肥高新区党建工作扎实推进。" for i in range(40))
    meta = source_meta("标题\n\n" + lines + "\n\n2023年6月12日 星期一 A7 党建在高新 责任编辑：王芳")
    assert (meta.date, meta.page, meta.page_name) == (D(2023, 6, 12), "A7", "党建在高新")


def test_a_date_in_the_middle_of_a_long_page_is_not_looked_at():
    middle = "\n\n".join("正文，合肥高新区党建工作扎实推进。" for _ in range(20))
    meta = source_meta("标题\n\n" + middle + "\n\n2023年6月12日\n\n" + middle)
    assert meta.date is None


@pytest.mark.parametrize(
    "line, page, name",
    [
        ("A7", "A7", ""),
        ("A07版", "A7", ""),
        ("第3版", "3", ""),
        ("第03版", "3", ""),
        ("第A7版：党建在高新", "A7", "党建在高新"),
        ("A5 园区", "A5", "园区"),
        ("A5·园区", "A5", "园区"),
        ("党建在高新 A7", "A7", "党建在高新"),
    ],
)
def test_edition_lines(line, page, name):
    meta = source_meta(line + BODY)
    assert (meta.page, meta.page_name) == (page, name)
    assert meta.sources["page"] == "edition"


def test_a_masthead_gives_the_paper_and_an_edition_line_the_page():
    meta = source_meta("中国高新技术产业导报\n\n2022年9月5日\n\nA5 园区" + BODY)
    assert (meta.paper, meta.date, meta.page, meta.page_name) == ("中国高新技术产业导报", D(2022, 9, 5), "A5", "园区")
    assert meta.sources == {"paper": "masthead", "date": "folio", "page": "edition", "page_name": "edition"}


@pytest.mark.parametrize(
    "line",
    [
        "中国高新技术产业导报 2023年6月12日 星期一 第A7版：党建在高新",
        "2023年6月12日 星期一 中国高新技术产业导报 A7 党建在高新",
        "中国高新技术产业导报 | 2023年6月12日 | 第A07版 党建在高新",
    ],
)
def test_one_folio_line_with_everything(line):
    meta = source_meta(line + BODY)
    assert (meta.paper, meta.date, meta.page, meta.page_name) == ("中国高新技术产业导报", D(2023, 6, 12), "A7", "党建在高新")


def test_a_daily_masthead():
    meta = source_meta("科技日报 | 2023年6月12日 | 第03版" + BODY)
    assert (meta.paper, meta.page) == ("科技日报", "3")


def test_a_party_paper_s_masthead_and_a_long_page_name_beside_a_full_width_edition():
    meta = source_meta("中国组织人事报        2026年2月16日 星期一\n第3版  基层党建·开发区    责任编辑 杭 远" + BODY)
    assert (meta.paper, meta.page, meta.page_name) == ("中国组织人事报", "3", "基层党建·开发区")
    meta = source_meta("河源日报        2025年2月17日  星期一\n第７版  河源国家高新区专版    责任编辑 钟 岚" + BODY)
    assert (meta.paper, meta.page, meta.page_name) == ("河源日报", "7", "河源国家高新区专版")


def test_a_letter_spaced_masthead_over_its_latin_form_and_a_page_name_with_a_dot():
    meta = source_meta(
        "江 西 日 报\nJIANGXI DAILY\n\n2025年12月8日  星期一      第4版\n"
        "党建·园区          本版责任编辑 黄 璟   美术编辑 万 晴" + BODY
    )
    assert (meta.paper, meta.date, meta.page, meta.page_name) == (
        "江西日报", datetime.date(2025, 12, 8), "4", "党建·园区"
    )


def test_a_page_name_with_a_middle_dot_beside_the_edition():
    assert source_meta("岳阳日报\n2023年4月10日  星期一        第3版  县域·园区" + BODY).page_name == "县域·园区"
    assert source_meta("中国高新技术产业导报                   A5 园区·湖南" + BODY).page_name == "园区·湖南"


def test_a_bare_page_number_beside_the_editors_and_a_bulletin_named_with_brackets():
    meta = source_meta("湖南日报          2024年7月15日  星期一\n07  园区·党建       责任编辑  欧阳青   版式编辑  刘 畅" + BODY)
    assert (meta.paper, meta.page, meta.page_name) == ("湖南日报", "7", "园区·党建")
    meta = source_meta(
        "启东高新区（近海镇）党建工作信息\n\n第7期\n\n中共启东高新区（近海镇）工作委员会办公室　　2022年7月6日" + BODY
    )
    assert meta.paper.endswith("党建工作信息") and meta.paper.startswith("启东高新区")
    assert meta.date == datetime.date(2022, 7, 6)


def test_a_masthead_with_its_latin_form_on_the_same_line():
    meta = source_meta("河南日报                    HENAN DAILY\n2025年5月8日  星期四   第7版  市县新闻" + BODY)
    assert (meta.paper, meta.page, meta.page_name) == ("河南日报", "7", "市县新闻")


def test_a_folio_with_the_papers_latin_form_between_its_name_and_date():
    meta = source_meta("江門日報  JIANGMEN DAILY              2026年1月6日  星期二\nA04  高新·江海     責任編輯：梁 穎" + BODY)
    assert (meta.paper, meta.date, meta.page, meta.page_name) == ("江门日报", D(2026, 1, 6), "A4", "高新·江海")


def test_a_masthead_with_a_long_latin_form_beside_it():
    meta = source_meta("中国高新技术产业导报            CHINA HIGH-TECH INDUSTRY HERALD\n2024年12月16日  星期一" + BODY)
    assert (meta.paper, meta.date) == ("中国高新技术产业导报", D(2024, 12, 16))


def test_a_paper_named_inside_a_sentence_is_no_masthead():
    assert source_meta("据科技日报报道，合肥高新区召开党建工作会议。\n\n正文").paper == ""


def test_the_column_header_is_the_page_name():
    meta = source_meta("党建在高新" + BODY)
    assert (meta.page_name, meta.sources["page_name"]) == ("党建在高新", "column header")


def test_a_kicker_naming_a_zone_is_no_column_header():
    assert source_meta("洛阳高新区\n\n“党建＋招商”跑出项目落地加速度\n\n本报讯 今年以来……").page_name == ""


def test_a_short_first_line_over_a_sentence_is_no_column_header():
    assert source_meta("标题\n\n2022年9月5日，合肥高新区召开会议，部署工作。").page_name == ""


def test_a_web_publication_line():
    meta = source_meta("标题\n\n发布时间：2023-05-12 10:20 来源：中国高新网 作者：王芳 编辑：李明\n\n正文。", column_header=False)
    assert (meta.date, meta.paper, meta.author) == (D(2023, 5, 12), "中国高新网", "王芳")
    assert meta.sources["date"] == meta.sources["paper"] == "web"


def test_a_web_line_s_letter_spaced_author():
    meta = source_meta("标题\n\n来源：高新区党群工作部   作者：沈 楠   发布时间：2017-05-26 10:32\n\n正文。", column_header=False)
    assert (meta.author, meta.date) == ("沈 楠", datetime.date(2017, 5, 26))


def test_a_web_line_whose_source_is_the_site_itself_gives_no_paper():
    meta = source_meta("标题\n\n来源：本站  发布日期：2023年5月12日\n\n正文。", column_header=False)
    assert (meta.date, meta.paper) == (D(2023, 5, 12), "")


def test_the_site_that_published_a_web_page_wins_over_the_office_that_wrote_it():
    # named after the title, with the district it also is in brackets
    text = "“擎党旗·共创业”：创业园把党建写进孵化链条_苏州高新区（虎丘区）\n\n发布时间：2021-06-28 来源：苏州创业园党委\n\n正文。"
    assert source_meta(text, column_header=False).paper == "苏州高新区(虎丘区)"  # brackets folded, as every field
    # its name alone over its navigation bar
    text = (
        "重庆永川高新技术产业开发区管理委员会\n首页 | 走进高新 | 园区动态 | 政务公开 | 党建工作\n\n"
        "从1.39平方公里起步\n\n发布时间：2024-06-18 来源：永川高新区管委会办公室\n\n正文。"
    )
    assert source_meta(text, column_header=False).paper == "重庆永川高新技术产业开发区管理委员会"


def test_a_government_site_s_trail_from_its_name_and_a_document_s_dates():
    text = (
        "珠海高新区党群工作部2024年工作总结\n\n珠海高新区管委会门户网站 > 政务公开 > 规划计划 > 工作总结\n\n"
        "发布机构：珠海高新区党群工作部    成文日期：2025-01-10    发布日期：2025-01-13\n\n正文。"
    )
    meta = source_meta(text, column_header=False)
    # The site the trail starts from published the page, on its 发布日期 (the 成文日期 is the writing's).
    assert (meta.paper, meta.page_name, meta.date) == ("珠海高新区管委会", "工作总结", D(2025, 1, 13))


def test_a_trail_from_a_site_s_own_home_page_gives_the_section():
    text = "紫贞街道党建“五级联动”\n\n香港商报网首页 > 内地 > 园区观察\n\n正文。"
    assert source_meta(text, column_header=False).page_name == "园区观察"
    spaced = "宝鸡日报网  首页 > 园区 > 党建在园区\n\n紫贞街道党建“五级联动”\n\n正文。"
    assert source_meta(spaced, column_header=False).page_name == "党建在园区"


def test_a_bulletin_s_date_at_the_end_of_its_printer_s_line():
    text = (
        "济南高新区党建工作简报\n\n2021年第9期（总第57期）\n\n主办：中共济南高新区工委党群工作部\n"
        "编印：济南高新区党群工作部组织科                    2021年11月26日\n\n抓弱治软建堡垒\n\n正文。"
    )
    assert source_meta(text).date == D(2021, 11, 26)


def test_where_a_box_s_figures_came_from_is_no_paper():
    meta = source_meta("标题\n\n正文。\n\n（数据来源：海淀区委组织部、中关村街道及各年份公开报道）", column_header=False)
    assert meta.paper == ""


@pytest.mark.parametrize(
    "url, date, page",
    [
        ("http://paper.example.cn/html/2022-09/05/node_7.htm", D(2022, 9, 5), ""),  # node 7 is no page number
        ("http://paper.example.cn/html/2022-09/05/content_1234.htm", D(2022, 9, 5), ""),
        ("https://epaper.example.cn/2022/0905/A07/content_1.html", D(2022, 9, 5), "A7"),
        ("https://epaper.example.cn/pc/content/202209/05/content_123_A7.html", D(2022, 9, 5), "A7"),
        ("https://epaper.example.cn/gmrb/html/2022-09/05/nbs.D110000gmrb_01.htm", D(2022, 9, 5), "1"),
        ("http://paper.example.cn/rmrb/html/2022-09/05/nw.D110000renmrb_20220905_1-07.htm", D(2022, 9, 5), "7"),
        ("https://news.example.cn/a/20230512/123.html", D(2023, 5, 12), ""),
        ("https://news.example.cn/read?id=1&page=A3", None, "A3"),
    ],
)
def test_e_paper_urls(url, date, page):
    meta = source_meta("标题\n\n正文。", url=url)
    assert (meta.date, meta.page, meta.url) == (date, page, url)
    if date:
        assert meta.sources["date"] == "url"


def test_a_url_written_on_the_page():
    meta = source_meta("标题\n\n正文。\n\n原文链接：http://paper.example.cn/html/2022-09/05/node_7.htm")
    assert meta.url == "http://paper.example.cn/html/2022-09/05/node_7.htm"
    assert (meta.date, meta.sources["url"], meta.sources["date"]) == (D(2022, 9, 5), "text", "url")


def test_the_page_s_own_folio_wins_over_its_url():
    meta = source_meta("2023年6月12日 星期一" + BODY, url="https://e.example.cn/2022/0905/A07/x.html")
    assert (meta.date, meta.page) == (D(2023, 6, 12), "A7")


def test_helpers():
    assert normalize_page("A07") == "A7" and normalize_page("03") == "3" and normalize_page("b2") == "B2"
    assert find_date("发布于2023-05-12T10:20:00+08:00")[0] == D(2023, 5, 12)
    assert find_date("没有日期")[0] is None


def test_no_metadata_at_all():
    meta = source_meta("合肥高新区打造党建品牌\n\n本报讯 近日，合肥高新区召开党建工作推进会。")
    assert (meta.paper, meta.date, meta.page, meta.page_name, meta.url, meta.sources) == ("", None, "", "", "", {})


@pytest.mark.parametrize(
    "folio",
    [
        "A6 党建在高新                              中国高新技术产业导报",
        "A6            党建在高新            中国高新技术产业导报",
        "中国高新技术产业导报                                   A6 党建在高新",
        "中國高新技術產業導報                  A6 黨建在高新",
        "A6\n      党建在高新  ┃  中国高新技术产业导报",
        # a bare page number beside the paper's name, on either side
        "中国高新技术产业导报                        6 党建在高新",
        "6 党建在高新                        中国高新技术产业导报",
    ],
)
def test_an_e_paper_folio_spread_across_the_page_with_the_edition_on_either_side(folio):
    meta = source_meta("2024年4月29日 星期一   编辑：陈 雪   校对：黄 河\n" + folio + BODY)
    page = "A6" if "A6" in folio else "6"
    assert (meta.paper, meta.date, meta.page, meta.page_name) == ("中国高新技术产业导报", D(2024, 4, 29), page, "党建在高新")


def test_a_traditional_folio_is_read_and_given_in_simplified_characters():
    meta = source_meta("2021年5月17日  星期一   編輯：林 楠   校對：陳 婧\n中國高新技術產業導報" + BODY)
    assert (meta.paper, meta.date) == ("中国高新技术产业导报", D(2021, 5, 17))


def test_editors_whose_names_are_spaced_beside_the_edition():
    meta = source_meta("A7  党建在高新          责任编辑：钱 明   美编：周 岚" + BODY)
    assert (meta.page, meta.page_name) == ("A7", "党建在高新")


def test_a_spaced_editors_name_set_close_to_the_next_role():
    meta = source_meta("A6 ｜ 党建在高新 责任编辑：温 岚 美编：许 晨 校对：孔 宁" + BODY)
    assert (meta.page, meta.page_name) == ("A6", "党建在高新")
    meta = source_meta("第7版 党建在高新 责任编辑 程 岚 美编 孙 晓" + BODY)
    assert (meta.page, meta.page_name) == ("7", "党建在高新")


def test_editors_named_without_a_colon_beside_the_edition():
    meta = source_meta("第7版 党建在高新          责任编辑 程 岚   美编 孙 晓" + BODY)
    assert (meta.page, meta.page_name) == ("7", "党建在高新")


@pytest.mark.parametrize(
    "head",
    [
        "第6版\n党建在高新\n中国高新技术产业导报",
        "中国高新技术产业导报 2024年5月20日 星期一 第A6版\n党 建 在 高 新\n责任编辑：丁 洁",
        "2021年12月27日 星期一            第6版\n党建在高新          责任编辑 钱 程  美编 任 远",
    ],
)
def test_a_page_name_on_its_own_line_under_an_edition_that_prints_none(head):
    meta = source_meta(head + BODY)
    assert (meta.page.lstrip("A"), meta.page_name) == ("6", "党建在高新")


def test_a_line_under_an_edition_that_names_its_page_is_not_taken_for_the_name():
    assert source_meta("A5 园区\n红色引擎" + BODY).page_name == "园区"


@pytest.mark.parametrize(
    "trail, section",
    [
        ("当前位置：首页 > 党建工作 > 党建动态 > 正文", "党建工作"),
        ("首页 > 新闻中心 > 园区动态 > 正文", "园区动态"),
        ("您當前的位置：首頁 > 黨建工作 > 正文", "党建工作"),
    ],
)
def test_a_web_page_s_trail_names_its_section(trail, section):
    meta = source_meta("合肥高新区党群服务中心揭牌\n" + trail + "\n发布时间：2023-05-12 来源：合肥高新区" + BODY,
                       column_header=False)
    assert (meta.page_name, meta.sources["page_name"]) == (section, "web")


def test_only_the_line_right_under_the_edition_can_name_the_page():
    # (a web page's first lines: no column header either)
    meta = source_meta("第6版\n2024年5月20日 星期一\n党建品牌巡礼" + BODY, column_header=False)
    assert (meta.page, meta.page_name) == ("6", "")


@pytest.mark.parametrize(
    "title, site",
    [
        ("株洲高新区：“跟党一起创业”陪企业从育种到壮苗-株洲高新技术产业开发区", "株洲高新技术产业开发区"),
        ("宜都高新區：黨建引領園區跨越發展_宜都高新區管委會", "宜都高新区管委会"),
        ("合肥高新区打造“红芯”党建品牌 | 中国高新网", "中国高新网"),
    ],
)
def test_a_saved_web_page_s_title_names_the_site_that_published_it(title, site):
    meta = source_meta(title + "\n首页 > 党建工作 > 正文\n发布时间：2024-01-05 来源：高新区党工委" + BODY,
                       column_header=False)
    assert (meta.paper, meta.sources["paper"]) == (site, "title")


def test_a_headline_with_a_dash_is_no_site():
    assert source_meta("把党组织建在产业链上——合肥高新区" + BODY).paper == ""


def test_a_zone_offices_bulletin_is_the_paper_and_its_issue_line_the_date():
    meta = source_meta("保定高新区党建工作简报\n第14期\n保定高新区党工委办公室编 2020年7月24日" + BODY)
    assert (meta.paper, meta.date) == ("保定高新区党建工作简报", D(2020, 7, 24))


def test_a_page_name_with_a_middle_dot():
    meta = source_meta("第7版 园区·党建   责任编辑：周 岚" + BODY)
    assert (meta.page, meta.page_name) == ("7", "园区·党建")


def test_a_page_name_opening_with_a_quoted_word():
    meta = source_meta(
        "鄂尔多斯日报                       2026年1月16日 星期五\n"
        "第6版  “十四五”答卷·园区篇        责任编辑：塔 娜   美编：高 原" + BODY
    )
    assert (meta.paper, meta.page, meta.page_name) == ("鄂尔多斯日报", "6", "“十四五”答卷·园区篇")


def test_a_masthead_beside_its_web_address_in_traditional_characters():
    meta = source_meta("香港商報                    www.hkcd.com\n2025年11月18日 星期二          A10  大灣區·廣東\n" + BODY)
    assert (meta.paper, meta.date, meta.page) == ("香港商报", D(2025, 11, 18), "A10")


def test_a_special_zone_s_paper():
    meta = source_meta("深圳特区报                            2024年8月12日 星期一\nA06  区域观察      责任编辑：许 晴" + BODY)
    assert (meta.paper, meta.page, meta.page_name) == ("深圳特区报", "A6", "区域观察")


def test_a_page_name_whose_middle_dot_is_spaced():
    meta = source_meta("泉州晚报                       2024年5月20日 星期一\n第5版  丰泽区 · 园区       责任编辑：林 岚   美编：周 丹" + BODY)
    assert (meta.paper, meta.page, meta.page_name) == ("泉州晚报", "5", "丰泽区 · 园区")


def test_a_day_beside_the_paper_s_name_is_no_page():
    meta = source_meta("中国高新技术产业导报          12 星期一" + BODY)
    assert (meta.paper, meta.page, meta.page_name) == ("中国高新技术产业导报", "", "")


def test_a_district_paper_named_with_bao_alone_on_its_folio():
    meta = source_meta("顺德报                                  2021年3月8日  星期一\n第3版  党建·两新" + BODY)
    assert (meta.paper, meta.date, meta.page) == ("顺德报", D(2021, 3, 8), "3")


@pytest.mark.parametrize("word", ["工作汇报", "统计公报", "项目申报"])
def test_a_word_ending_in_bao_beside_a_date_is_no_paper(word):
    meta = source_meta(f"{word}    2021年3月8日" + BODY)
    assert (meta.paper, meta.date) == ("", D(2021, 3, 8))
