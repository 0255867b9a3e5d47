import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import facets
from core.facets import FacetSpec
from zones.models import Zone

pytestmark = pytest.mark.django_db


def make(name, province, level, year):
    return Zone.objects.create(name=name, slug=f"z{Zone.objects.count()}", province=province,
                               city="某市", level=level, approval_year=year)


def counted(queryset, *specs):
    result, approximate = facets.count(queryset, specs)
    return {spec.param: [(row[spec.field], n) for row, n in rows] for spec, rows in result}, approximate


def test_counts_order_by_count_then_value_and_by_a_named_column():
    make("甲高新区", "浙江省", "national", 2010)
    make("乙高新区", "安徽省", "national", 2012)
    make("丙高新区", "安徽省", "provincial", 2012)
    make("丁高新区", "江苏省", "provincial", None)
    by_count = FacetSpec("province", "省份", "province")
    newest = FacetSpec("year", "年份", "approval_year", order=("-approval_year",))
    got, approximate = counted(Zone.objects.all(), by_count, newest)
    # Ties in count fall back to the value's order; a row without the value is not counted.
    assert got["province"] == [("安徽省", 2), ("江苏省", 1), ("浙江省", 1)]
    assert got["year"] == [(2012, 2), (2010, 1)]
    assert not approximate


def test_all_facets_cost_one_query(monkeypatch):
    for n in range(5):
        make(f"测{n}高新区", "安徽省" if n % 2 else "江苏省", "national", 2000 + n)
    specs = [FacetSpec("province", "省份", "province"), FacetSpec("level", "级别", "level"),
             FacetSpec("year", "年份", "approval_year", order=("-approval_year",), limit=2)]
    with CaptureQueriesContext(connection) as queries:
        got, _ = counted(Zone.objects.order_by("-approval_year"), *specs)
    assert len(queries) == 1
    assert got["year"] == [(2004, 1), (2003, 1)]  # the limit keeps the first two
    monkeypatch.setattr(facets, "FACET_ROWS", 3)
    got, approximate = counted(Zone.objects.order_by("-approval_year"), *specs)
    assert approximate and got["level"] == [("national", 3)]  # the first three rows only


def test_an_empty_list_has_no_options():
    got, approximate = counted(Zone.objects.all(), FacetSpec("province", "省份", "province"))
    assert got == {"province": []} and not approximate


def test_a_many_valued_facet_asks_whether_the_list_is_longer_only_when_its_length_is_unknown(monkeypatch):
    from django.contrib.auth.models import Group, User

    editors, readers = Group.objects.create(name="编辑"), Group.objects.create(name="读者")
    for n, groups in enumerate(([editors], [editors, readers], [readers])):
        User.objects.create(username=f"user{n}").groups.set(groups)
    spec = FacetSpec("group", "组", "groups__name")
    for length, queries_expected in ((None, 2), (3, 1)):
        with CaptureQueriesContext(connection) as queries:
            result, approximate = facets.count(User.objects.order_by("pk"), [spec], length)
        assert len(queries) == queries_expected and not approximate
        assert [(row["groups__name"], n) for row, n in result[0][1]] == [("编辑", 2), ("读者", 2)]
    monkeypatch.setattr(facets, "FACET_ROWS", 2)
    assert facets.count(User.objects.order_by("pk"), [spec], 3)[1]


def test_a_list_counted_whole_is_read_without_its_order():
    # A search's list is ordered by its ranking; counting all of its rows needs none of it.
    for n in range(4):
        make(f"序{n}高新区", "安徽省" if n % 2 else "江苏省", "national", 2000 + n)
    spec = FacetSpec("province", "省份", "province")
    ordered = Zone.objects.order_by("-approval_year")
    for length, sorted_expected in ((4, False), (None, True)):
        with CaptureQueriesContext(connection) as queries:
            result, approximate = facets.count(ordered, [spec], length)
        assert ("ORDER BY" in queries[-1]["sql"]) == sorted_expected
        assert [(row["province"], n) for row, n in result[0][1]] == [("安徽省", 2), ("江苏省", 2)]
        assert not approximate
