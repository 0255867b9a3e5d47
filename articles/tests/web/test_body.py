from articles.body import locate, paragraphs, sentence_bounds, with_headings

BODY = (
    "近日，南京中比新材料基地项目签约落户淮北高新区。项目总投资50亿元，建设年产10万吨锂电负极生产基地。\n"
    "\n"
    "“各级党组织要把党的政治建设放在首位。”近年来，淮北高新区党工委深入贯彻落实新时代党的建设总要求。"
)


def texts(result):
    return [[s.text for s in sentences] for sentences in result]


def test_sentences_end_at_chinese_stops_and_a_quotation_stays_with_what_follows_it():
    # The page splits sentences as the ingest does, so a fact's sentence is one sentence here.
    result, _ = paragraphs(BODY)
    assert texts(result) == [
        ["近日，南京中比新材料基地项目签约落户淮北高新区。", "项目总投资50亿元，建设年产10万吨锂电负极生产基地。"],
        ["“各级党组织要把党的政治建设放在首位。”近年来，淮北高新区党工委深入贯彻落实新时代党的建设总要求。"],
    ]


def test_sentence_anchors_are_their_offsets_in_the_body():
    result, _ = paragraphs(BODY)
    for sentences in result:
        for sentence in sentences:
            assert BODY[sentence.start:].startswith(sentence.text)
            assert sentence.anchor == f"s{sentence.start}"


def test_a_fact_is_attached_to_the_sentence_it_quotes():
    sentence = "项目总投资50亿元，建设年产10万吨锂电负极生产基地。"
    result, placed = paragraphs(BODY, [("m7", sentence, BODY.index(sentence))])
    assert placed == {"m7"}
    assert result[0][1].targets == ["m7"]
    assert result[0][0].targets == []


def test_a_wrong_offset_falls_back_to_finding_the_sentence():
    sentence = "项目总投资50亿元，建设年产10万吨锂电负极生产基地。"
    result, placed = paragraphs(BODY, [("m7", sentence, 0)])
    assert placed == {"m7"} and result[0][1].targets == ["m7"]


def test_a_fact_quoting_two_of_our_sentences_merges_them_into_one_highlight():
    quoted = "签约落户淮北高新区。项目总投资50亿元"
    result, placed = paragraphs(BODY, [("m1", quoted, 0)])
    assert placed == {"m1"}
    assert len(result[0]) == 1
    assert result[0][0].targets == ["m1"]


def test_several_facts_on_one_sentence_all_get_their_target():
    sentence = "项目总投资50亿元，建设年产10万吨锂电负极生产基地。"
    result, placed = paragraphs(BODY, [("m1", sentence, 0), ("im2", "建设年产10万吨锂电负极生产基地", 0)])
    assert placed == {"m1", "im2"}
    assert result[0][1].targets == ["m1", "im2"]


def test_a_sentence_not_in_the_body_is_not_placed():
    _, placed = paragraphs(BODY, [("m1", "完全不同的一句话。", 0), ("m2", "", 0)])
    assert placed == set()


def test_text_without_a_final_stop_keeps_its_last_sentence():
    assert sentence_bounds("第一句。第二句没有句号") == [4, 11]
    assert locate("甲。乙。", "乙。", 99) == 2


def test_headings_pair_with_the_paragraph_after_them():
    paras = [["第一段"], ["第二段"], ["第三段"]]
    blocks = with_headings(paras, [{"before": 1, "text": "小标题甲"}, {"before": 9, "text": "小标题乙"}])
    assert [b["headings"] for b in blocks] == [[], ["小标题甲"], ["小标题乙"]]
    assert with_headings(paras, None)[0] == {"headings": [], "sentences": ["第一段"]}
