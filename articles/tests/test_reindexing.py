"""reindex: only what the dictionary's changes touch, and the same index as segmenting everything."""
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connections

from articles.curation import article_update
from articles.ingest.lock import ingest_lock
from articles.models import Article, Initiative, ReindexRecord
from articles.reindexing import plan_reindex
from articles.search import segment
from articles.search.dictionary import refresh_dictionary
from articles.search.indexing import SEARCH_FIELDS, search_fields_for, source_values
from articles.selectors import search_articles
from articles.tests.factories import index_for_search, make_article, make_initiative

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clean_dictionary")]

NAME = "红领巢工程"  # a programme name jieba cuts into pieces until it is a stored name


def reindex(**options):
    out = StringIO()
    call_command("reindex", stdout=out, workers=1, **options)
    return out.getvalue()


def columns():
    return {pk: values for pk, *values in Article.objects.values_list("pk", *SEARCH_FIELDS)}


def segmented_afresh():
    """Every article's columns as a full re-segmentation with today's names gives them."""
    refresh_dictionary(force=True)
    return {
        article.pk: [search_fields_for(*source_values(article))[name] for name in SEARCH_FIELDS]
        for article in Article.objects.all()
    }


@pytest.fixture
def indexed():
    """Two articles, one naming the programme, after a first (full) reindex."""
    holder = make_article(title="园区党建", body=f"园区启动{NAME}，服务企业党员。")
    other = make_article(title="园区新闻", body="园区召开经济工作会议。")
    index_for_search([holder, other])
    assert "no earlier reindex recorded" in reindex()
    return holder, other


def test_a_second_reindex_with_nothing_changed_segments_nothing(indexed):
    refresh_dictionary(force=True)
    assert plan_reindex().ids == []
    assert "Reindexed 0 articles" in reindex()


@pytest.mark.parametrize("workers", [1, 2])
def test_a_new_name_resegments_only_the_articles_holding_it(indexed, workers):
    holder, other = indexed
    make_initiative(name=NAME)
    refresh_dictionary(force=True)
    plan = plan_reindex(workers=workers)
    assert (plan.ids, plan.terms, plan.pending) == ([holder.pk], [NAME], 0)
    reindex()
    assert NAME in Article.objects.get(pk=holder.pk).search_body.split()
    assert columns() == segmented_afresh()
    assert list(search_articles(Article.objects.all(), NAME).queryset) == [holder]


def test_a_removed_name_resegments_the_articles_that_held_it(indexed):
    holder, _other = indexed
    initiative = make_initiative(name=NAME)
    reindex()
    assert NAME in Article.objects.get(pk=holder.pk).search_body.split()
    initiative.delete()
    refresh_dictionary(force=True)
    assert plan_reindex().ids == [holder.pk]
    reindex()
    assert NAME not in Article.objects.get(pk=holder.pk).search_body.split()
    assert columns() == segmented_afresh()


def test_an_article_written_since_is_segmented_again(indexed):
    other = Article.objects.get(pk=indexed[1].pk)  # as the admin reads it
    other.body = "园区召开经济工作会议，部署全年任务。"
    article_update(article=other, changed_fields=["body"])
    refresh_dictionary(force=True)
    assert plan_reindex().ids == [other.pk]
    reindex()
    assert not Article.objects.filter(index_pending=True).exists()
    assert plan_reindex().ids == []


def test_an_article_an_ingest_segmented_since_is_segmented_again(indexed):
    holder, _other = indexed
    Article.objects.filter(pk=holder.pk).update(title="园区党建工作会议")
    index_for_search([holder])  # the ingest's writer, after a page changed the article
    refresh_dictionary(force=True)
    assert plan_reindex().ids == [holder.pk]


def test_changed_rules_or_all_segment_every_article(indexed, monkeypatch):
    assert "2 articles: asked for every article" in reindex(everything=True)
    monkeypatch.setattr(segment, "SEGMENTATION_VERSION", segment.SEGMENTATION_VERSION + 1)
    assert "2 articles: the segmentation rules or static dictionary changed" in reindex()
    monkeypatch.undo()
    assert "2 articles: the segmentation rules or static dictionary changed" in reindex()
    assert "Reindexed 0 articles" in reindex()


def test_a_damaged_index_is_mended_by_all(indexed):
    holder, _other = indexed
    Article.objects.update(search_title="", search_head="", search_body="")
    reindex(everything=True)
    assert columns() == segmented_afresh()
    assert list(search_articles(Article.objects.all(), "启动").queryset) == [holder]


def test_a_dry_run_says_what_it_would_do_and_writes_nothing(indexed):
    make_initiative(name=NAME)
    before = columns()
    out = reindex(dry_run=True)
    assert "Would re-segment 1 articles: 0 written since the last reindex, 1 more holding one of 1 names" in out
    assert columns() == before
    assert ReindexRecord.objects.get().weights.get(NAME) is None
    assert Initiative.objects.filter(name=NAME).exists()


def test_a_running_ingest_makes_reindex_stop_with_a_message(indexed):
    make_initiative(name=NAME)
    other = connections.create_connection("default")  # another session holds the lock
    try:
        with ingest_lock(other, wait=0):
            with pytest.raises(CommandError, match="另一个导入正在进行"):
                reindex(wait=0.6)
    finally:
        other.close()
    assert NAME not in Article.objects.get(pk=indexed[0].pk).search_body.split()
