"""Search columns segmented ahead (in an analysis worker) and taken by the writer only while still right."""
import pytest

from articles.models import Article
from articles.search.indexing import Segmented, search_fields_for, source_values
from articles.search.dictionary import add_terms, dictionary_mark, extra_terms, refresh_dictionary

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clean_dictionary")]

PROGRAMME = "锂电产业链党建联盟"
OTHER = "红色引擎工程"


def article(title="淮北高新区成立锂电产业链党建联盟", body=f"园区十四家企业组建{PROGRAMME}，实施{OTHER}。"):
    return Article(title=title, body=body, kicker="", subtitle="", authors=["肖干"], captions=[],
                   headings=[{"before": 0, "text": "党建联盟凝聚力"}])


def segmented_ahead(names):
    """What a worker hands the writer: the article segmented with the page's own new ``names``."""
    refresh_dictionary(force=True)
    ahead = Segmented(dictionary_mark())
    with extra_terms(names) as added:
        ahead.extra = added
        ahead.add(*source_values(article()))
    return ahead


def test_the_writer_takes_what_it_would_have_segmented_itself():
    ahead = segmented_ahead([PROGRAMME])
    add_terms([PROGRAMME])  # the writer stores the page's programme
    fields = ahead.get(article())
    assert fields == search_fields_for(*source_values(article()))
    assert PROGRAMME in fields["search_body"].split()


def test_a_name_another_page_added_meanwhile_has_the_writer_segment_again():
    ahead = segmented_ahead([PROGRAMME])
    add_terms([PROGRAMME, OTHER])  # OTHER: stored by a page the worker did not see
    assert ahead.get(article()) is None
    assert OTHER in search_fields_for(*source_values(article()))["search_body"].split()


def test_a_name_the_writer_did_not_store_has_the_writer_segment_again():
    ahead = segmented_ahead([PROGRAMME, OTHER])
    add_terms([PROGRAMME])  # OTHER was a deleted programme: not stored, not a word
    assert ahead.get(article()) is None


def test_a_curated_text_is_segmented_again():
    ahead = segmented_ahead([PROGRAMME])
    add_terms([PROGRAMME])
    assert ahead.get(article(title="锂电产业链党建联盟：链上十四家企业")) is None


def test_the_page_names_are_gone_from_the_dictionary_after_the_page():
    segmented_ahead([OTHER])
    assert OTHER not in search_fields_for(*source_values(article()))["search_body"].split()
