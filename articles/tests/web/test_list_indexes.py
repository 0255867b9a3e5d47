"""The lists read their first rows through an index in their own order, never a sort of the table.

At 100,000 articles a sort costs a second a page (the article list: 980 ms
without its index, 55 ms with it), so losing an index is a bug a user sees:
these plans are checked on each database as the migrations left it.
"""
import pytest
from django.db import connection
from django.db.models import F

from articles.selectors.home import latest_articles
from articles.selectors.lists import NEWEST, article_list, initiative_list, metric_list
from articles.models import Article, Metric, Source
from articles.tests.factories import make_zone
from articles.tests.plans import plan

pytestmark = pytest.mark.django_db


def sorts(text):
    """Whether a plan sorts rows instead of reading them in order."""
    if connection.vendor == "postgresql":
        return any(line.strip().startswith(("Sort", "->  Sort", "Incremental Sort", "->  Incremental Sort"))
                   for line in text.splitlines())
    return "TEMP B-TREE FOR ORDER BY" in text or "TEMP B-TREE FOR RIGHT PART OF ORDER BY" in text


def unclassified(zone):
    return zone.metrics.visible().filter(indicator__isnull=True).order_by(F("year").desc(nulls_last=True), "-pk")[:50]


@pytest.mark.parametrize("name, queryset", [
    ("article list", lambda zone: article_list()[:20]),
    ("a deep page of the article list", lambda zone: article_list()[4000:4020]),
    ("the home page's newest", lambda zone: latest_articles()),
    ("a zone's newest", lambda zone: Article.objects.visible().filter(zone=zone).order_by(*NEWEST)[:20]),
    ("initiative list", lambda zone: initiative_list()[:20]),
    ("figure list", lambda zone: metric_list()[:20]),
    ("a zone's initiatives by category",
     lambda zone: zone.initiatives.visible().order_by("category", "name", "pk")[:60]),
    ("a zone's unclassified figures", lambda zone: unclassified(zone)),
])
def test_a_list_is_read_in_its_index_order(name, queryset):
    zone = make_zone("淮北高新区", province="安徽省", city="淮北市")
    text = plan(queryset(zone))
    assert not sorts(text), f"{name} sorts its rows:\n{text}"


def test_a_zones_unclassified_figures_are_read_in_order_with_a_large_archives_statistics():
    """SQLite plans with the statistics ANALYZE stored: at 100,000 articles they said a zone and an
    indicator are about a hundred figures, NULL included, and the zone's thousands of unclassified
    figures were read through that index and sorted (migration 0037)."""
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL estimates NULL apart")
    zone = make_zone("淮北高新区", province="安徽省", city="淮北市")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # makes sqlite_stat1
        cursor.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'articles_metric'")
        # As ANALYZE left them at 100,000 articles: rows, then rows per value of each leading column.
        for index, stat in [
            ("articles_metric_article_id_39e34234", "842658 9"),
            ("articles_metric_indicator_id_3e08eb79", "842658 20553"),
            ("articles_metric_kind_41e9676f", "842658 168532"),
            ("articles_metric_year_cc785045", "842658 64820"),
            ("articles_metric_zone_id_29bed284", "842658 4761"),
            ("metric_comparison_idx", "842658 20553 12964 74 13 13 8 8 1"),
            ("metric_indicator_idx", "842658 20553 17929 2508"),
            ("metric_indicator_list_idx", "842658 20553 5170 30 8 1 1"),
            ("metric_indicator_year_idx", "842658 20553 2847"),
            ("metric_list_idx", "842658 5170 30 8 1 1"),
            ("metric_unclassified_idx", "357246 2019 156 1"),
            ("metric_unit_idx", "842658 31210"),
            ("metric_zone_indicator_idx", "842658 4761 117 102 66 29 8 1 1"),
            ("metric_zone_label_idx", "842658 4761 30"),
            ("sqlite_autoindex_articles_metric_1", "842658 1"),
        ]:
            cursor.execute("INSERT INTO sqlite_stat1 VALUES ('articles_metric', %s, %s)", [index, stat])
        cursor.execute("ANALYZE sqlite_schema")  # the planner reads them again
    text = plan(unclassified(zone))
    assert not sorts(text) and "metric_unclassified_idx" in text, text


@pytest.mark.parametrize("model, field, after, index", [
    (Article, "column", "", "article_column_idx"),
    (Article, "year", 0, "articles_article_year_40ab84bd"),
    (Metric, "unit", "", "metric_unit_idx"),
    (Metric, "year", 0, "articles_metric_year_cc785045"),
    (Source, "format", "", "source_format_idx"),
    (Source, "paper", "", "source_paper_idx"),
    (Source, "page_name", "", "source_page_name_idx"),
])
def test_the_admins_filters_find_each_value_through_an_index(model, field, after, index):
    # The admin lists a filter's values on every page of its list, a probe each for the next
    # value (display.IndexedValuesFilter): without the index, each probe read the table.
    probe = model.objects.filter(**{f"{field}__gt": after}).order_by(field).values(field)[:1]
    text = plan(probe)
    assert index in text and not sorts(text), f"{model.__name__}.{field} is read without its index:\n{text}"
