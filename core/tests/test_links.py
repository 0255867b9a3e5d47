"""An object's link is what reverse() gives, under any script prefix."""
import pytest
from django.urls import clear_script_prefix, reverse, set_script_prefix

from core import links
from core.links import link

VIEWS = [
    ("articles:detail", 42), ("articles:initiative", 7), ("articles:indicator", "total-investment"),
    ("articles:initiative_type", "chain-alliance"), ("zones:detail", "huaibei"), ("zones:province", "anhui"),
]


@pytest.fixture(autouse=True)
def paths_reversed_afresh():
    # Each view's path is reversed once per process: under the prefix the test sets.
    links._path.cache_clear()
    yield
    links._path.cache_clear()


@pytest.mark.parametrize("prefix", ["/", "/kb/"])
def test_every_one_argument_link_is_what_reverse_gives(prefix):
    set_script_prefix(prefix)
    try:
        for viewname, key in VIEWS:
            assert link(viewname, key) == reverse(viewname, args=[key])
        assert link("articles:detail", 1234567890) == reverse("articles:detail", args=[1234567890])
    finally:
        clear_script_prefix()


def test_a_path_first_reversed_under_a_prefix_serves_every_prefix():
    set_script_prefix("/kb/")
    try:
        assert link("zones:detail", "huaibei") == "/kb/zones/huaibei/"
    finally:
        clear_script_prefix()
    assert link("zones:detail", "huaibei") == "/zones/huaibei/"
