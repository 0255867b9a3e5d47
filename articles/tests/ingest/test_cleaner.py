"""OCR cleaning, each rule on literal snippets of newspaper pages."""
import pytest

from articles.ingest.cleaner import (
    ends_sentence,
    fold_width,
    is_vertical_residue,
    join_broken,
    pair_quotes,
    remove_cjk_spaces,
    strip_interleaved_chars,
    strip_pinyin_glosses,
    tidy_heading_spaces,
    to_simplified,
    unframe,
    vertical_residue_flags,
)

# --- width -------------------------------------------------------------------------


def test_full_width_digits_letters_and_percent_fold_to_ascii():
    assert fold_width("同比增长８０％，ＡＩ算法，ｐａｃｋ储能") == "同比增长80%，AI算法，pack储能"


def test_ideographic_space_becomes_a_space():
    assert fold_width("王宏伟\u3000孙达") == "王宏伟 孙达"


def test_chinese_punctuation_is_kept():
    text = "近年来，清远高新区（广东）坚持“党建引领”、服务企业：真好！是吗？完成。"
    assert fold_width(text) == text


# --- spaces in body text ----------------------------------------------------------------


@pytest.mark.parametrize(
    "line, expected",
    [
        ("园区产 业发展", "园区产业发展"),
        ("国家高 新区", "国家高新区"),
        (
            "如何将党建工作与园区产 业发展同步推进?这是国家高 新区党建工作的一道重要课题。",
            "如何将党建工作与园区产业发展同步推进?这是国家高新区党建工作的一道重要课题。",
        ),
        ("企业有党员近20 名,大部分是核心骨干", "企业有党员近20名,大部分是核心骨干"),
        ("满意率达 97.7%,收到群众电话表扬13件", "满意率达97.7%,收到群众电话表扬13件"),
        ("2025 年第三季度书记点评会", "2025年第三季度书记点评会"),
        ("江苏 濠汉信息技术有限公司(以下 简称“濠汉信息”)", "江苏濠汉信息技术有限公司(以下简称“濠汉信息”)"),
        ("“党建红”为“产业红”注入 强劲动能。", "“党建红”为“产业红”注入强劲动能。"),
    ],
)
def test_ocr_spaces_between_chinese_characters_are_removed(line, expected):
    assert remove_cjk_spaces(line) == expected


def test_a_space_before_a_latin_word_is_kept():
    line = "充分认识开展“六找六强”工作的重要性 and 紧迫感"
    assert remove_cjk_spaces(line) == line


def test_spaces_between_latin_words_are_kept():
    line = "基于AIGC技术的 Smart City 平台"
    assert remove_cjk_spaces(line) == line


# --- spaces in headings -----------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "党建引领开新局 “找改强争”创一流",
        "党建联盟凝聚力 共建共享促发展",
        "强化楼宇党建 激活“红色引擎”",
        "创新“一心二站三室” 持续优化营商环境",
        "党建+创新链 筑实验室到车间“红色桥梁”",
    ],
)
def test_a_headline_keeps_the_space_between_its_two_halves(heading):
    assert tidy_heading_spaces(heading) == heading


@pytest.mark.parametrize(
    "heading, expected",
    [
        ("园区产 业发展", "园区产业发展"),
        ("国家高 新区党建工作", "国家高新区党建工作"),
        ("召开2025 年第三季度点评会", "召开2025年第三季度点评会"),
        ("乐 山 高 新 区 接诉即办", "乐山高新区 接诉即办"),
        ("强化楼宇党建  激活“红色引擎”", "强化楼宇党建 激活“红色引擎”"),
    ],
)
def test_a_heading_loses_spaces_that_cut_words(heading, expected):
    assert tidy_heading_spaces(heading) == expected


# --- quotes -------------------------------------------------------------------------------


def test_straight_quotes_around_chinese_words_are_paired():
    assert pair_quotes('坚持"党建链"赋能"发展链",创新') == "坚持“党建链”赋能“发展链”,创新"
    assert pair_quotes("组建7个'星火攻坚组',攻克'卡脖子'难题") == "组建7个‘星火攻坚组’,攻克‘卡脖子’难题"


def test_unpaired_straight_quotes_are_left_alone():
    text = '南通高新区"红链帮帮团'
    assert pair_quotes(text) == text


# --- traditional characters ----------------------------------------------------------------


def test_traditional_characters_become_simplified():
    assert to_simplified("臺灣黨建引領產業鏈，開發區") == "台湾党建引领产业链，开发区"


def test_simplified_text_is_unchanged():
    text = "淮北高新区党工委以组织链串起产业链，搭建“1+X+N”的开放式组织体系。"
    assert to_simplified(text) == text


# --- broken lines -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, ends",
    [
        ("科技成果登记237项。", True),
        ("真好!”", True),
        ("在生产第一线,“红色”服务队甘当“发展护航员”……", True),
        ("这是国家高新区党建工作的一道重要课题？", True),
        ("上半年登记技术合同7.7", False),
        ("神马年产2万", False),
        ("与平顶山学院尧山实验室", False),
        ("推进“两个", False),
        ("让党旗飘扬在“红色引擎”", False),
    ],
)
def test_ends_sentence(line, ends):
    assert ends_sentence(line) is ends


def test_a_number_split_across_columns_is_rejoined():
    assert join_broken("上半年登记技术合同7.7", "亿元，科技成果登记237项。") == "上半年登记技术合同7.7亿元，科技成果登记237项。"
    assert join_broken("加快推进神马年产2万", "套智能流体机械成套设备") == "加快推进神马年产2万套智能流体机械成套设备"


def test_latin_words_split_across_columns_keep_a_space():
    assert join_broken("基于人工智能 Smart", "City 平台") == "基于人工智能 Smart City 平台"


# --- vertical headline residue -------------------------------------------------------------------


def residue(lines):
    """The lines of a page taken for vertical headline residue."""
    return [line for line, flag in zip(lines, vertical_residue_flags(lines)) if flag]


@pytest.mark.parametrize("line", ["力", "驶", "江 助阴 高 新", "Щ 高 新 区即"])
def test_vertical_residue_lines_are_recognised(line):
    assert is_vertical_residue(line)


@pytest.mark.parametrize("line", ["朱传刚 樊勇", "王宏伟 孙达", "张国贞", "党建在高新", "97.7%", "持续擦亮党建品牌"])
def test_short_real_lines_are_not_residue(line):
    assert not is_vertical_residue(line)


def test_one_character_per_line_banner_is_dropped():
    lines = [
        "“红链帮帮团”成员向企 业梳理反馈助企服务的成效。",
        "",
        "力",
        "",
        "重",
        "",
        "项",
        "",
        "目",
        "",
        "党旗飘扬在产业链,党员 奋战在最前线。",
    ]
    assert residue(lines) == ["力", "重", "项", "目"]


def test_a_banner_ending_in_a_figure_is_dropped_with_the_figure():
    lines = ["园区持续贡献先锋力量。", "", "Щ 高 新 区即", "", "接", "", "诉", "", "意", "", "97.7%"]
    assert residue(lines) == ["Щ 高 新 区即", "接", "诉", "意", "97.7%"]


def test_a_figure_line_away_from_any_banner_is_kept():
    lines = ["上半年登记技术合同", "", "7.7", "", "亿元，科技成果登记237项。"]
    assert residue(lines) == []


def test_banner_characters_interleaved_into_a_text_line_are_removed():
    line = "加 江阴高新区充分发挥党员先锋模范作 速 用,推行“管委会领导统筹协调+相关部门 道 重点负责+党员干部跟踪服务”"
    assert (
        remove_cjk_spaces(strip_interleaved_chars(line))
        == "江阴高新区充分发挥党员先锋模范作用,推行“管委会领导统筹协调+相关部门重点负责+党员干部跟踪服务”"
    )


def test_a_normal_ocr_spaced_line_is_not_touched_by_the_interleave_rule():
    line = "近年来,南通高新区始终坚 持“党建链”赋能“发展链”,创新 构建“组织建在产业上”的 融合生态"
    assert strip_interleaved_chars(line) == line


# --- pages of other layouts ----------------------------------------------------------------


def test_a_space_after_a_plus_between_chinese_words_is_ocr_noise():
    assert remove_cjk_spaces("推动“党建+ 招商”“党建 +人才”融合") == "推动“党建+招商”“党建+人才”融合"


def test_lone_words_in_a_line_spaced_every_few_characters_are_not_banner_characters():
    line = "园区党工委 推 行 \"党员服务专员\"制度, 组建服务专班 24个, 累计为企业解决 用工、融资等问题 518个,"
    assert strip_interleaved_chars(line) == line


def test_a_lone_character_between_lines_of_text_is_the_end_of_a_broken_word():
    lines = ["本报讯 近日,西安高新", "", "区", "", "召开非公企业党建工作推进会。"]
    assert residue(lines) == []


def test_corner_quotes_of_traditional_pages_become_curly_quotes():
    assert to_simplified("深入實施「黨建強鏈」工程") == "深入实施“党建强链”工程"


def test_a_long_line_of_spaced_characters_with_punctuation_or_digits_is_text_not_residue():
    assert not is_vertical_residue("实 现 地 区 生 产 总 值 4 4 4 . 6 亿 元 ， 同")
    assert not is_vertical_residue("月 2 9 日 ， 总 书 记 在 这 里 提 出 高 新 区")
    assert is_vertical_residue("江 助阴 高 新")


def test_a_run_of_spaced_characters_inside_a_text_line_is_not_a_banner():
    line = "德阳高新区把党建阵地和孵化载体合在一起，打造“红色共创空间”，为 入 驻 的 初 创 企 业 提 供"
    assert strip_interleaved_chars(line) == line


# --- pinyin glosses ------------------------------------------------------------------


def test_pinyin_glosses_of_a_web_page_are_removed():
    assert strip_pinyin_glosses("宜都高新區(qū)：黨(dǎng)建引領(lǐng)園區(qū)") == "宜都高新區：黨建引領園區"
    assert strip_pinyin_glosses("杭州高新区(滨江)党委") == "杭州高新区(滨江)党委"
    assert strip_pinyin_glosses("园区(AI)应用") == "园区(AI)应用"


def test_a_number_spaced_digit_by_digit_is_rejoined():
    assert remove_cjk_spaces("实现地区生产总值4 4 4 . 6亿元，同比增长") == "实现地区生产总值444.6亿元，同比增长"


# --- boxes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, expected",
    [
        ("│   582家        规模以上工业企业     │", "582家        规模以上工业企业"),
        ("┌──────── 数说火炬高新区 ────────┐", "数说火炬高新区"),
        ("│                                  │", ""),
        ("会上——各方代表围绕合作交换意见", "会上——各方代表围绕合作交换意见"),
    ],
)
def test_a_box_line_loses_its_frame_and_keeps_its_inner_spaces(line, expected):
    assert unframe(line) == expected
