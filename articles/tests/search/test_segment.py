"""segment: which texts a reindex must segment again for changed names; where domain terms are found."""
from types import SimpleNamespace

import pytest

from articles.search import segment

TEXTS = {
    "plain": "园区启动红领巢工程，服务企业党员。",
    "quoted": "园区成立“两新”组织党委，覆盖企业120家。",
    "traditional": "園區啟動紅領巢工程。",
    "short": "宁波市召开会议。",
    "none": "园区召开经济工作会议。",
}


@pytest.mark.parametrize("filler", [0, segment.FEW_TERMS + 50], ids=["few terms", "many terms"])
def test_a_text_holds_a_term_as_the_index_sees_it_however_many_terms_are_looked_for(filler):
    # Names found in no text make the many-terms case take the keyed lookup.
    terms = ["红领巢工程", "两新组织党委", "宁波"] + [f"无此名称{n}号工程" for n in range(filler)]
    holds = segment.term_matcher(terms)
    assert {name for name, text in TEXTS.items() if holds(text)} == {"plain", "quoted", "traditional", "short"}
    assert not segment.term_matcher(terms[3:])(TEXTS["plain"])
    assert not segment.term_matcher([])(TEXTS["plain"])


def test_terms_starting_at_one_place_are_found_in_one_order_however_the_dictionary_learned_them():
    """The static terms' list follows a set's order, which differs from process to process: the
    tokens stored for a text must not depend on the process that segmented it."""
    orders = (
        ["中关村", "中关村科技园区", "中关村科技园"],
        ["中关村科技园区", "中关村科技园", "中关村"],
        ["中关村科技园", "中关村", "中关村科技园区"],
    )
    found = [
        segment._domain_occurrences("中关村科技园区管委会", SimpleNamespace(domain_by_prefix={"中关": order, "园区": ["园区"]}))
        for order in orders
    ]
    assert found[0] == found[1] == found[2] == [(0, "中关村"), (0, "中关村科技园"), (0, "中关村科技园区"), (5, "园区")]
