import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from articles.search.results import RankedResults
from articles.tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_a_page_of_ranked_results_is_in_rank_order_and_read_unsorted():
    first, second, third = (make_article(title=f"文章{n}") for n in range(3))
    ranked = RankedResults(Article.objects.order_by("title"), [third.pk, first.pk, second.pk])
    with CaptureQueriesContext(connection) as queries:
        page = ranked[0:2]
    assert page == [third, first]
    assert len(queries) == 1 and "ORDER BY" not in queries[0]["sql"]
    assert len(ranked) == 3 and list(ranked) == [third, first, second]
