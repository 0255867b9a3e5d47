from articles.ingest.duplicates import MAYBE, SAME, similarity, verdict

STORY = (
    "今年以来，合肥高新区在量子信息产业链上建立“红链驿站”，把党组织建在产业链上，服务覆盖链上企业86家。"
    "据介绍，驿站由园区党工委牵头，联合科研院所和龙头企业党组织，定期开展技术攻关和人才交流活动。"
)


def test_a_web_copy_with_other_punctuation_spacing_and_a_source_line_is_the_same_article():
    copy = "来源：中国高新网\n" + STORY.replace("，", ", ").replace("“", '"').replace("”", '"')
    assert similarity(STORY, copy) >= SAME
    assert verdict(STORY, copy) == "same"


def test_a_version_with_a_long_added_passage_is_only_maybe_the_same():
    longer = STORY + "截至目前，驿站累计解决企业难题120余项，促成校企合作项目35个，培养党员技术骨干40余名。"
    assert MAYBE <= similarity(STORY, longer) < SAME
    assert verdict(STORY, longer) == "maybe"


def test_another_article_under_the_same_title_is_different():
    other = "株洲高新区轨道交通装备产业链党建联盟组织16家中小企业组团参加海外展会，帮助企业对接订单。"
    assert verdict(STORY, other) == "different"
    assert verdict("", STORY) == "different"
