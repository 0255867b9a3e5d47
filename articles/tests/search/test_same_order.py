"""The same query lists the same articles in the same order on SQLite and PostgreSQL.

``same_order.json`` holds every article each query of the relevance set, a few
common words, and each zone name and alias list on the relevance corpus, in order. The suite runs on
both databases and each run compares its lists with that one file, so a ranking
that differs between the databases fails on one of them. A change of ranking that
is meant fails on both: write the file again from one run
(``SAME_ORDER_WRITE=1``) and read the difference before committing it.
"""
import json
import os
from pathlib import Path

import pytest

from articles.models import Article
from articles.selectors import search_articles

from .test_relevance import CASES, ZONES
from .test_relevance import corpus  # noqa: F401  (the relevance corpus, a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clean_dictionary")]

ORDERS = Path(__file__).with_name("same_order.json")
# Words most of the corpus holds: long lists, whose order is the ranking's alone.
COMMON = ["党建", "党员", "产业链", "企业", "高新区", "服务", "创新", "党建 企业", "产业 联盟"]
QUERIES = [query for query, _first in CASES] + COMMON + [
    name for zone_name, _province, aliases in ZONES.values() for name in (zone_name, *aliases)
]


def test_every_query_lists_the_same_articles_in_the_same_order_on_both_databases(corpus):  # noqa: F811
    listed = {
        query: [corpus[pk] for pk in search_articles(Article.objects.visible(), query).queryset.values_list("pk", flat=True)]
        for query in QUERIES
    }
    if os.environ.get("SAME_ORDER_WRITE") == "1":
        ORDERS.write_text(json.dumps(listed, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(ORDERS.read_text(encoding="utf-8"))
    assert set(expected) == set(QUERIES)
    differing = {query: (listed[query], expected[query]) for query in QUERIES if listed[query] != expected[query]}
    assert differing == {}, json.dumps(differing, ensure_ascii=False)
