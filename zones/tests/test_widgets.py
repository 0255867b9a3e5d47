"""The fast <select> of the filter forms writes what Django's own Select writes, zones included."""
import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from articles.tests.factories import make_zone
from core.widgets import QuickSelect

CHOICES = [
    ("", "全部高新区"),
    ("huaibei", "淮北高新区"),
    ("安徽省", [("hefei", "合肥高新区"), ("x<y>", "名称含<b>标记</b>&符号")]),
]


def test_same_markup_as_djangos_select_with_groups_selection_and_escaping():
    for value in ("", "hefei", "x<y>", None, "unknown", 7):
        attrs = {"id": "id_zone", "aria-describedby": "zone-help"}
        ours = QuickSelect(choices=CHOICES + [(7, 7)], attrs={"class": "filter"}).render("zone", value, attrs=attrs)
        theirs = forms.Select(choices=CHOICES + [(7, 7)], attrs={"class": "filter"}).render(
            "zone", value, attrs=attrs, renderer=DjangoTemplates()
        )
        assert str(ours) == str(theirs)  # to the character, through Django's own templates
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
