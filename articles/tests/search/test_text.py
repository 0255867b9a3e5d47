"""Segmentation, query parsing and snippets, on sentences taken from real pages."""
import pytest

from articles.search import refresh_dictionary, segment_for_index, snippet
from articles.search.query import MAX_QUERY_CHARS, parse_query
from articles.search.segment import fold, query_units
from articles.tests.factories import make_initiative

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clean_dictionary")]


PAGE_SENTENCE = (
    "今年4月，淮北高新区党工委以组织链串起产业链，由国轩锂电、理士新能源等14家锂电产业链上企业"
    "先行联合成立锂电产业链党建联盟。"
)


def test_domain_terms_stay_whole_in_the_index():
    tokens = segment_for_index(PAGE_SENTENCE).split()
    for term in ("淮北高新区", "党建联盟", "锂电", "产业链"):
        assert term in tokens


def test_a_programme_name_the_page_wrote_with_quotes_inside_is_indexed_whole():
    # From the 清远 page: the stored initiative is 两新组织党委.
    make_initiative("两新组织党委")
    refresh_dictionary()
    tokens = segment_for_index("建立机关党委与“两新”组织党委党建工作联席会议制度。").split()
    assert "两新组织党委" in tokens
    assert parse_query("两新组织党委").units[0][0] == ["两新组织党委"]


def test_punctuation_ends_a_run_of_single_characters_in_queries_as_in_the_index():
    # From the 随州 page: “双报到、双报告”.
    units = [alternatives[0] for alternatives in parse_query("双报到、双报告").units]
    index = segment_for_index("深化拓展党员到社区“双报到、双报告”工作").split()
    assert ["到双"] not in units
    assert all(token in index for unit in units for token in unit)


def segment_query(text):
    """The tokens a query is searched by: the first alternative of each unit."""
    return [token for unit in query_units(fold(text)) for token in unit[0]]


def test_index_holds_sub_words_so_a_short_word_finds_a_longer_one():
    tokens = segment_for_index("锂电产业链党建").split()
    assert {"锂电", "产业链", "产业"} <= set(tokens)


def test_unknown_names_are_indexed_as_character_pairs():
    # 肖干 is in no dictionary: the pair is what a query for the name looks up.
    assert "肖干" in segment_for_index("■ 首席记者 肖干 通讯员 周建军").split()
    assert segment_query("肖干") == ["肖干"]


def test_query_and_index_agree_on_the_same_words():
    indexed = set(segment_for_index(PAGE_SENTENCE).split())
    for query in ("淮北高新区", "国轩锂电", "党建联盟", "锂电产业链"):
        assert set(segment_query(query)) <= indexed, query


def test_traditional_and_full_width_queries_are_folded():
    assert fold("兩新組織") == "两新组织"
    assert fold("ＡＢＣ１２３") == "abc123"
    assert segment_query("國軒鋰電") == segment_query("国轩锂电")


def test_punctuation_and_operators_are_not_words():
    assert segment_query('NEAR( * " ) OR AND - ^') == ["near", "or", "and"]
    assert segment_query("😀🎉") == []


def test_query_language():
    parsed = parse_query('锂电 "锂电产业链党建联盟" -烟台')
    assert parsed.units == [[["锂电"]]]
    assert [p.text for p in parsed.phrases] == ["锂电产业链党建联盟"]
    assert len(parsed.phrases[0].units) > 1
    assert parsed.excluded == [[[["烟台"]]]]
    assert parsed.highlight == ["锂电", "锂电产业链党建联盟"]


def test_a_word_the_index_holds_in_parts_is_marked_whole_never_by_single_characters():
    # From the 保定 brief: 新业态工会 is cut into 新 / 业态 / 工会.
    parsed = parse_query("新业态工会")
    assert len(parsed.units) == 3 and parsed.split_words == ["新业态工会"]
    assert parsed.highlight == ["新业态工会", "业态", "工会"]
    assert parse_query("锂电 党建联盟").split_words == []


def test_a_one_word_phrase_is_just_a_word():
    assert parse_query('"锂电"').units == [[["锂电"]]]


def test_hyphen_inside_a_word_is_not_an_exclusion():
    assert parse_query("党建-招商").excluded == []


def test_chinese_quotes_make_a_phrase():
    parsed = parse_query("“找差距、改作风”")
    assert [p.text for p in parsed.phrases] == ["找差距、改作风"]


def test_overlong_query_is_cut_with_a_notice():
    parsed = parse_query("党建" * 3000)
    assert len(parsed.text) == MAX_QUERY_CHARS
    assert parsed.notices


def test_snippet_marks_words_in_the_best_window():
    body = "开头的话。" * 40 + PAGE_SENTENCE + "结尾的话。" * 40
    html = snippet(body, ["锂电", "党建联盟"], width=80)
    assert "<mark>锂电</mark>" in html and "<mark>党建联盟</mark>" in html
    assert html.startswith("…") and html.endswith("…")


def test_snippet_escapes_page_text():
    html = snippet("<script>alert(1)</script> 党建 & 发展", ["党建"])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html and "<mark>党建</mark>" in html and "&amp;" in html


def test_snippet_offsets_survive_letters_whose_lowercase_is_longer():
    # "İ".lower() is two characters: marks must still land on the word.
    assert str(snippet("İZMİR代表团考察党建工作", ["党建", "zm"])) == "İ<mark>ZM</mark>İR代表团考察<mark>党建</mark>工作"


def test_snippet_marks_a_name_the_page_wrote_with_quotes_inside():
    html = str(snippet("建立机关党委与“两新”组织党委党建工作联席会议制度。", ["两新组织党委"]))
    assert "<mark>“两新”组织党委</mark>" in html


def test_snippet_merges_overlapping_words():
    assert str(snippet("国轩锂电", ["国轩", "轩锂", "锂电"])) == "<mark>国轩锂电</mark>"


def test_a_zone_alias_added_after_a_search_is_known_to_the_next_one():
    from articles.models import Initiative
    from articles.search.entities import named_entities
    from articles.tests.factories import make_zone
    from zones.models import Zone

    def entities(text):
        return named_entities(text, zones=Zone.objects.all(), initiatives=Initiative.objects)

    zone = make_zone("株洲高新区", slug="zhuzhou")
    assert entities("株洲高新区").zone == zone
    assert entities("动力谷").zone is None
    zone.aliases = ["动力谷"]
    zone.save()
    assert entities("动力谷").zone == zone


def test_names_an_ingest_adds_are_segmented_whole_without_rereading_the_database(django_assert_num_queries):
    from articles.search.dictionary import add_terms

    refresh_dictionary()
    assert "红帆领航驿站" not in segment_for_index("红帆领航驿站").split()
    with django_assert_num_queries(0):
        assert add_terms(["红帆领航驿站"]) == 1
        assert add_terms(["红帆领航驿站"]) == 0
    assert "红帆领航驿站" in segment_for_index("园区建成红帆领航驿站。").split()


def test_a_query_naming_an_initiative_offers_it_only_while_an_article_naming_it_is_public():
    from articles.models import Article, Initiative
    from articles.search.entities import named_entities
    from articles.tests.factories import make_article, make_initiative
    from zones.models import Zone

    def offered(text):
        return named_entities(text, zones=Zone.objects.all(), initiatives=Initiative.objects).initiative

    article = make_article(body="园区成立红帆领航驿站。")
    initiative = make_initiative("红帆领航驿站", article=article)
    assert offered("红帆领航驿站") == initiative
    Article.objects.filter(pk=article.pk).update(hidden=True)
    assert offered("红帆领航驿站") is None
    assert offered("红帆领航") is None  # a name is offered when the query is the whole of it
