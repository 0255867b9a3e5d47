"""Is an article one already stored from another page: the first candidate the same, else the first maybe."""
from types import SimpleNamespace

from articles.ingest.duplicates import closest

STORY = (
    "今年以来，合肥高新区在量子信息产业链上建立“红链驿站”，把党组织建在产业链上，服务覆盖链上企业86家。"
    "据介绍，驿站由园区党工委牵头，联合科研院所和龙头企业党组织，定期开展技术攻关和人才交流活动。"
)
LONGER = STORY + "截至目前，驿站累计解决企业难题120余项，促成校企合作项目35个，培养党员技术骨干40余名。"
OTHER = "株洲高新区轨道交通装备产业链党建联盟组织16家中小企业组团参加海外展会，帮助企业对接订单。"


def stored(body):
    return SimpleNamespace(body=body)


def test_a_web_copy_with_other_punctuation_spacing_and_a_source_line_is_the_same_article():
    copy = "来源：中国高新网\n" + STORY.replace("，", ", ").replace("“", '"').replace("”", '"')
    story = stored(STORY)
    assert closest([story], copy) == (story, "same")


def test_a_version_with_a_long_added_passage_is_only_maybe_the_same():
    story = stored(STORY)
    assert closest([story], LONGER) == (story, "maybe")


def test_another_article_under_the_same_title_is_different():
    assert closest([stored(OTHER)], STORY) == (None, "different")
    assert closest([stored("")], STORY) == (None, "different")
    assert closest([], STORY) == (None, "different")


def test_the_same_article_wins_over_an_earlier_maybe_and_the_first_maybe_over_later_ones():
    maybe, same = stored(LONGER), stored(STORY)
    assert closest([stored(OTHER), maybe, same], STORY) == (same, "same")
    first, second = stored(STORY), stored(STORY + "另一段补充的文字，说明驿站下一步的工作安排和计划。")
    assert closest([stored(OTHER), first, second], LONGER) == (first, "maybe")
