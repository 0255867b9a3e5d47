"""The lists read their first rows through an index in their own order, never a sort of the table.

At 100,000 articles a sort costs a second a page (the article list: 980 ms
without its index, 55 ms with it), so losing an index is a bug a user sees:
these plans are checked on each database as the migrations left it.
"""
import pytest
from django.db import connection, transaction

from articles.selectors.home import latest_articles
from articles.selectors.lists import NEWEST, article_list, initiative_list, metric_list
from articles.models import Article
from articles.tests.factories import make_zone

pytestmark = pytest.mark.django_db


def plan(queryset):
    """The database's plan for ``queryset``; on PostgreSQL with scans and sorts priced out,
    so that a small test table is planned as a large one would be."""
    if connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("SET LOCAL enable_incremental_sort = off")  # priced out like a full sort
            return queryset.explain()
    return queryset.explain()


def sorts(text):
    """Whether a plan sorts rows instead of reading them in order."""
    if connection.vendor == "postgresql":
        return any(line.strip().startswith(("Sort", "->  Sort", "Incremental Sort", "->  Incremental Sort"))
                   for line in text.splitlines())
    return "TEMP B-TREE FOR ORDER BY" in text or "TEMP B-TREE FOR RIGHT PART OF ORDER BY" in text


@pytest.mark.parametrize("name, queryset", [
    ("article list", lambda zone: article_list()[:20]),
    ("a deep page of the article list", lambda zone: article_list()[4000:4020]),
    ("the home page's newest", lambda zone: latest_articles()),
    ("a zone's newest", lambda zone: Article.objects.visible().filter(zone=zone).order_by(*NEWEST)[:20]),
    ("initiative list", lambda zone: initiative_list()[:20]),
    ("figure list", lambda zone: metric_list()[:20]),
])
def test_a_list_is_read_in_its_index_order(name, queryset):
    zone = make_zone("淮北高新区", province="安徽省", city="淮北市")
    text = plan(queryset(zone))
    assert not sorts(text), f"{name} sorts its rows:\n{text}"
