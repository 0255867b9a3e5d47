"""Zones shared by the view and API tests; a test module may define its own to override them."""
import pytest

from articles.search.dictionary import reset_dictionary
from articles.tests.factories import make_zone


@pytest.fixture
def huaibei():
    return make_zone("淮北高新区", slug="huaibei", province="安徽省", city="淮北市")


@pytest.fixture
def yantai():
    return make_zone("烟台高新区", slug="yantai", province="山东省", city="烟台市")


@pytest.fixture
def clean_dictionary():
    """Segment with the test's own names: ingests elsewhere in the run teach the process-wide dictionary theirs."""
    reset_dictionary()
    yield
    reset_dictionary()
