import pytest

from articles.search import dictionary

pytestmark = pytest.mark.usefixtures("clean_dictionary")

TEXT = "园区成立红帆驿站联盟，链上党建共同体吸纳企业二十家。"


def test_a_pages_own_names_leave_no_trace_after_it():
    dictionary.refresh_dictionary(force=True, names=["红帆驿站"])
    before = list(dictionary.current_dictionary().tokenizer.cut(TEXT, HMM=False))
    with dictionary.extra_terms(["红帆驿站联盟", "链上党建共同体"]) as added:
        during = list(dictionary.current_dictionary().tokenizer.cut(TEXT, HMM=False))
    assert added == {"红帆驿站联盟", "链上党建共同体"}
    assert "红帆驿站联盟" in during and "红帆驿站联盟" not in before
    state = dictionary.current_dictionary()
    assert list(state.tokenizer.cut(TEXT, HMM=False)) == before
    assert set(state.dynamic_terms) == {"红帆驿站"}
    assert all("红帆驿站联盟" not in terms for terms in state.domain_by_prefix.values())
