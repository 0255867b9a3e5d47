import pytest

from articles.models import Article
from articles.search.scoring import scores, unit_tokens
from articles.tests.factories import make_article

pytestmark = pytest.mark.django_db


def stored(title="", head="", body=""):
    """An article whose segmented columns are these tokens, as the index stores them."""
    article = make_article(title=title or "标题")
    Article.objects.filter(pk=article.pk).update(search_title=title, search_head=head, search_body=body)
    return article.pk


def test_a_token_counts_only_where_it_stands_whole():
    inside = stored(body="党建联盟 召开 会议")
    whole = stored(body="党建 联盟 召开 会议")
    got = scores(Article.objects.all(), [inside, whole], ["党建"])
    assert got[inside] == 0 and got[whole] > 0


def test_a_token_repeated_back_to_back_counts_once_per_pair_on_every_database():
    # Where the tokens are counted (by the server or here), the padded column is searched left to right.
    triple = stored(body="党建 党建 党建 会议")
    apart = stored(body="党建 会议 党建 部署")  # the same length in bytes, the token twice
    once = stored(body="党建 会议 部署 安排")
    got = scores(Article.objects.all(), [triple, apart, once], ["党建"])
    assert got[triple] == got[apart] > got[once]


def test_more_occurrences_and_the_title_count_more():
    once = stored(body="园区 党建 工作 会议 召开 部署")
    twice = stored(body="园区 党建 工作 党建 会议 部署")
    titled = stored(title="党建 工作", body="园区 工作 会议 召开 部署 安排")
    got = scores(Article.objects.all(), [once, twice, titled], ["党建"])
    assert got[titled] > got[twice] > got[once] > 0


def test_latin_and_chinese_tokens_are_counted_alike_in_a_mixed_column():
    # Lengths are read in bytes: a token's count must not depend on how many bytes its characters take.
    twice = stored(body="ai 党建 ai 会议")
    once = stored(body="ai 党建 会议 部署")
    none = stored(body="智能 党建 会议 部署")
    latin = scores(Article.objects.all(), [twice, once, none], ["ai"])
    assert latin[twice] > latin[once] > latin[none] == 0
    # Twice in a column of its own (scored alone: the column is its own average length),
    # a Chinese token scores what a Latin one does.
    latin_twice, chinese_twice = stored(body="ai ai 会议"), stored(body="党建 党建 会议")
    [latin_score] = scores(Article.objects.all(), [latin_twice], ["ai"]).values()
    [chinese_score] = scores(Article.objects.all(), [chinese_twice], ["党建"]).values()
    assert latin_score == chinese_score > 0


def test_the_tokens_of_a_query_are_its_units_alternatives_once_each():
    units = [[["党建"]], [["两新组织"], ["非公", "企业"]], [["党建"]]]
    assert unit_tokens(units) == ["党建", "两新组织", "非公", "企业"]
    assert scores(Article.objects.all(), [], ["党建"]) == {}


def test_a_full_title_tier_is_ordered_by_titles_and_a_partial_one_by_bodies_too(monkeypatch):
    from articles.search import engine
    from articles.tests.factories import index_for_search

    wordy = make_article(title="园区党建工作", body="党建引领发展。党建促进创新。党建服务企业。")
    plain = make_article(title="园区党建工作", body="园区召开会议。")
    index_for_search([wordy, plain])
    ranked = list(engine.search_articles(Article.objects.all(), "党建").queryset)
    assert ranked == [wordy, plain]  # the body's three 党建 count
    monkeypatch.setattr(engine, "RANK_LIMIT", 2)  # the two title matches fill the title tier
    ranked = list(engine.search_articles(Article.objects.all(), "党建").queryset)
    assert ranked == [plain, wordy]  # equal titles: the newest first
