"""The fast <select> of the filter forms writes what Django's own Select writes, zones included."""
from html.parser import HTMLParser

import pytest
from django import forms

from articles.tests.factories import make_zone
from core.widgets import QuickSelect

CHOICES = [
    ("", "全部高新区"),
    ("huaibei", "淮北高新区"),
    ("安徽省", [("hefei", "合肥高新区"), ("x<y>", "名称含<b>标记</b>&符号")]),
]


class _Parsed(HTMLParser):
    def __init__(self):
        super().__init__()
        self.items = []

    def handle_starttag(self, tag, attrs):
        self.items.append((tag, sorted(attrs, key=lambda a: a[0])))

    def handle_endtag(self, tag):
        self.items.append(("/" + tag,))

    def handle_data(self, data):
        if data.strip():
            self.items.append(("text", data))


def squeeze(html):
    """Tags, attributes (in any order) and text: what a browser reads."""
    parser = _Parsed()
    parser.feed(str(html))
    return parser.items


def test_same_markup_as_djangos_select_with_groups_selection_and_escaping():
    for value in ("", "hefei", "x<y>", None, "unknown"):
        attrs = {"id": "id_zone", "aria-describedby": "zone-help"}
        ours = QuickSelect(choices=CHOICES, attrs={"class": "filter"}).render("zone", value, attrs=attrs)
        theirs = forms.Select(choices=CHOICES, attrs={"class": "filter"}).render("zone", value, attrs=attrs)
        assert squeeze(ours) == squeeze(theirs)
    html = str(QuickSelect(choices=CHOICES).render("zone", "x<y>"))
    assert '<option value="x&lt;y&gt;" selected>名称含&lt;b&gt;标记&lt;/b&gt;&amp;符号</option>' in html


@pytest.mark.django_db
def test_a_list_filtered_by_zone_shows_that_zone_chosen_among_every_zone(client):
    make_zone("淮北高新区", slug="huaibei", province="安徽省")
    make_zone("名称<b>", slug="odd", province="山东省")
    html = client.get("/articles/", {"zone": "huaibei"}).content.decode()
    select = html[html.index('<select name="zone"'):]
    select = select[:select.index("</select>")]
    assert '<option value="">全部高新区</option>' in select
    assert '<option value="huaibei" selected>淮北高新区</option>' in select
    assert '<option value="odd">名称&lt;b&gt;</option>' in select
    assert select.count(" selected") == 1
