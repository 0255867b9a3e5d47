"""Synonyms of the field's jargon: the file's groups, the query's OR-groups, the typed word first."""
import pytest

from articles.models import Article
from articles.search.query import name_words, parse_query
from articles.search.synonyms import parse_groups, synonym_table, synonyms_of
from articles.selectors import search_articles
from articles.tests.factories import index_for_search, make_article


def test_groups_are_read_one_per_line_with_comments_and_folding():
    groups = parse_groups([
        "# 注释行",
        "",
        "两新组织  非公企业和社会组织",
        "黨群服務中心 党群活动服务中心 党群服务中心",  # traditional folded, repeat dropped
        "孤词",  # a term alone is no group
    ])
    assert groups == [["两新组织", "非公企业和社会组织"], ["党群服务中心", "党群活动服务中心"]]


def test_a_term_in_two_groups_finds_both():
    table = synonym_table([["非公企业", "非公有制企业"], ["非公企业", "民营企业"]])
    assert table["非公企业"] == ["非公有制企业", "民营企业"]
    assert table["民营企业"] == ["非公企业"]


def test_the_fixture_holds_the_issues_examples():
    assert "非公企业和社会组织" in synonyms_of("两新组织")
    assert "两新组织" in synonyms_of("非公企业和社会组织")
    assert synonyms_of("党群服务中心") == ["党群活动服务中心"]
    assert synonyms_of("火星基地") == []


@pytest.mark.django_db
@pytest.mark.usefixtures("clean_dictionary")
def test_a_typed_word_becomes_an_or_group_unless_quoted():
    parsed = parse_query("两新组织")
    (unit,) = parsed.units
    assert unit[0] == ["两新组织"] and len(unit) > 1
    assert parsed.typed_terms == ["两新组织"]
    assert "非公企业和社会组织" in parsed.also_searched
    assert parse_query('"两新组织"').expanded == []
    assert parse_query("-两新组织").expanded == []


@pytest.mark.django_db
@pytest.mark.usefixtures("clean_dictionary")
def test_a_jargon_word_inside_a_longer_word_gets_its_synonyms_too():
    parsed = parse_query("两新组织党建")
    assert parsed.typed_terms == ["两新组织"]
    assert parsed.units[0][0] == ["两新组织"] and len(parsed.units[0]) > 1


def test_name_words_keep_typed_words_with_their_synonyms():
    assert name_words("党群服务中心 -锂电 新 “党建联盟”") == [
        ["党群服务中心", "党群活动服务中心"], ["党建联盟"],
    ]


@pytest.mark.django_db
@pytest.mark.usefixtures("clean_dictionary")
def test_the_typed_word_ranks_above_its_synonym_and_the_user_is_told():
    # The synonym sits in the title, the typed word only in the body: the typed word still wins.
    synonym = make_article(title="非公企业和社会组织党建工作推进会召开", body="会议部署非公企业和社会组织党建工作。")
    typed = make_article(title="园区召开工作会议", body="会议要求加强两新组织党建。")
    neither = make_article(title="园区召开招商会议", body="会议部署招商工作。")
    index_for_search([synonym, typed, neither])
    result = search_articles(Article.objects.all(), "两新组织")
    assert list(result.queryset) == [typed, synonym]
    assert "也搜索了：非公企业和社会组织" in result.notice
    assert "非公企业和社会组织" in result.terms
    exact = search_articles(Article.objects.all(), '"两新组织"')
    assert list(exact.queryset) == [typed] and "也搜索了" not in exact.notice


@pytest.mark.django_db
@pytest.mark.usefixtures("clean_dictionary")
def test_a_synonym_typed_finds_the_other_way_round():
    long_form = make_article(title="党群活动服务中心揭牌", body="园区党群活动服务中心正式揭牌。")
    short_form = make_article(title="园区新闻", body="党群服务中心开展志愿服务。")
    index_for_search([long_form, short_form])
    assert list(search_articles(Article.objects.all(), "党群服务中心").queryset) == [short_form, long_form]
    assert list(search_articles(Article.objects.all(), "党群活动服务中心").queryset) == [long_form, short_form]
