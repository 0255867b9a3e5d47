"""The fast <select> of the filter forms writes what Django's own Select writes."""
from html.parser import HTMLParser

from django import forms

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
