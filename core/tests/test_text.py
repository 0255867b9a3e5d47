from core.text import has_case, split_sentences


def texts(body):
    return [s for _, s in split_sentences(body)]


def assert_offsets(body):
    for offset, sentence in split_sentences(body):
        assert body[offset : offset + len(sentence)] == sentence


def test_splits_at_chinese_end_marks_and_keeps_offsets():
    body = (
        "今年上半年，园区新增签约项目42个，完成全年任务的64.6%。"
        "满意率达97.7%！收到群众电话表扬13件；收到企业送锦旗表扬3件？"
    )
    assert texts(body) == [
        "今年上半年，园区新增签约项目42个，完成全年任务的64.6%。",
        "满意率达97.7%！",
        "收到群众电话表扬13件；",
        "收到企业送锦旗表扬3件？",
    ]
    assert_offsets(body)


def test_decimal_points_never_end_a_sentence():
    body = "上半年登记技术合同7.7亿元,科技成果登记237项。工会会员3.74万人。"
    assert texts(body) == ["上半年登记技术合同7.7亿元,科技成果登记237项。", "工会会员3.74万人。"]


def test_each_line_is_its_own_sentence_and_blank_lines_are_dropped():
    body = "南通高新区厚植产业发展\n\n  近日，乐山高新区召开书记点评会。\n会议听取情况报告"
    assert texts(body) == ["南通高新区厚植产业发展", "近日，乐山高新区召开书记点评会。", "会议听取情况报告"]
    assert_offsets(body)


def test_quoted_speech_with_inner_full_stops_stays_one_unit_with_its_attribution():
    body = (
        "“通过驻外招商党员带队深入走访。我们第一时间锁定了落户需求。”"
        "平顶山高新区尼龙新材料产业园区相关负责人介绍。近年来，园区签约项目49个。"
    )
    assert texts(body) == [
        "“通过驻外招商党员带队深入走访。我们第一时间锁定了落户需求。”"
        "平顶山高新区尼龙新材料产业园区相关负责人介绍。",
        "近年来，园区签约项目49个。",
    ]


def test_ascii_quotes_from_ocr_are_paired_too():
    body = '"我们将不断夯实组织根基。走出一条特色之路。"濠汉信息相关负责人说。企业有党员近20名。'
    assert texts(body) == [
        '"我们将不断夯实组织根基。走出一条特色之路。"濠汉信息相关负责人说。',
        "企业有党员近20名。",
    ]
    assert_offsets(body)


def test_closing_quote_after_the_end_mark_stays_with_the_sentence():
    # An unbalanced OCR quote: the closer still belongs to the sentence before it.
    body = "坚持全面从严治党。”下一步，将持续推进。）另起一句！"
    assert texts(body) == ["坚持全面从严治党。”", "下一步，将持续推进。）", "另起一句！"]


def test_unbalanced_quote_is_contained_by_the_line_break():
    body = "开展“六找六强工作。要提高站位。\n保定高新区已录入工会组织364个。会员3.74万人。"
    assert texts(body)[1:] == ["保定高新区已录入工会组织364个。", "会员3.74万人。"]
    assert_offsets(body)


def test_traditional_full_width_free_other_zone_sentence():
    body = "2023年，宜兴高新区新增高新技术企业45家；研发投入增长12.5%。 "
    assert split_sentences(body) == [
        (0, "2023年，宜兴高新区新增高新技术企业45家；"),
        (23, "研发投入增长12.5%。"),
    ]


def test_empty_body_has_no_sentences():
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []


def test_only_latin_letters_have_a_case_to_ignore():
    assert has_case("5G") and has_case("党建app")
    assert not has_case("党建引领") and not has_case("2024年") and not has_case("“双报到”")
