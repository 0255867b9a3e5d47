"""The form renderer writes Django's field, label, input and select templates to the character."""
import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.http import QueryDict
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from core.renderers import FormRenderer
from core.widgets import QuickSelect

CHOICES = [("", "不限"), ("a&b", "甲 <乙>"), ("2", 2)]
GROUPED = [("", "全部"), ("金额", [("money", "总投资（3）"), ("x\"y", "引号")]), ("人员", [("people", "人才")])]


class EveryWidget(forms.Form):
    text = forms.CharField(label="名称", help_text="支持<b>多个</b>词", max_length=20)
    optional = forms.CharField(label=gettext_lazy("Name"), required=False)
    number = forms.IntegerField(label="年份", min_value=1949, widget=forms.NumberInput(attrs={"max": 2100}))
    date = forms.DateField(label="起始日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    email = forms.EmailField(label="邮箱", required=False)
    url = forms.URLField(label="网址?", required=False, assume_scheme="https")
    secret = forms.CharField(label="口令", required=False, widget=forms.PasswordInput)
    hidden = forms.CharField(required=False, widget=forms.HiddenInput)
    flag = forms.BooleanField(label="只看已核实", required=False)
    search = forms.CharField(
        label="检索", required=False, widget=forms.TextInput(attrs={"type": "search", "placeholder": "词 \"引\""})
    )
    nolabel = forms.CharField(label="", required=False)
    kind = forms.ChoiceField(label="类型", choices=CHOICES, required=False)
    grouped = forms.ChoiceField(label="指标", choices=GROUPED, required=False)
    many = forms.MultipleChoiceField(label="多选", choices=CHOICES[1:], required=False)
    quick = forms.ChoiceField(label="高新区", choices=CHOICES, required=False, widget=QuickSelect)
    radio = forms.ChoiceField(label="单选", choices=CHOICES[1:], required=False, widget=forms.RadioSelect)
    initial = forms.CharField(label="原值", required=False, show_hidden_initial=True, initial="旧")


BOUND = [
    None,
    {},
    {"text": 'x"<y>&', "number": "abc", "date": "2023-13-45", "email": "not-an-email", "kind": "a&b",
     "grouped": 'x"y', "many": ["a&b", "2"], "flag": "on", "hidden": mark_safe("<i>"), "url": "ftp://x",
     "search": "党建 联盟", "radio": "2", "quick": "2", "initial": "新"},
    {"number": "1900", "kind": "nope", "grouped": "people", "text": "a" * 30},
]


def rendered(renderer, data, auto_id="id_%s", label_suffix=None):
    form = EveryWidget(data, renderer=renderer, auto_id=auto_id, label_suffix=label_suffix)
    if data is not None:
        form.is_valid()
    return [str(field.as_field_group()) for field in form] + [str(field) for field in form] + [
        str(field.label_tag()) for field in form
    ]


@pytest.mark.parametrize("data", BOUND)
@pytest.mark.parametrize("auto_id", ["id_%s", False])
@pytest.mark.parametrize("label_suffix", [None, ""])
def test_every_field_renders_as_djangos_own_templates_render_it(data, auto_id, label_suffix):
    ours = rendered(FormRenderer(), data, auto_id, label_suffix)
    django = rendered(DjangoTemplates(), data, auto_id, label_suffix)
    assert ours == django
    # The cases are real ones: errors, help, escaping and groups were all drawn.
    if data and "search" in data:
        page = "".join(ours)
        assert "errorlist" in page and "&lt;y&gt;" in page and "<optgroup" in page


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "q=党建&year=2023&sort=-date&kind=news", "year=abc&date_from=x&sort=<b>"])
def test_every_filter_form_of_the_site_renders_as_before(query):
    from articles import filters as article_filters
    from zones import filters as zone_filters

    for filterset_class in (
        article_filters.ArticleFilterSet, article_filters.InitiativeFilterSet,
        article_filters.InitiativeTypeFilterSet, article_filters.MetricFilterSet,
        article_filters.IndicatorFilterSet, zone_filters.ZoneFilterSet,
    ):
        pages = []
        for renderer in (FormRenderer(), DjangoTemplates()):
            filterset = filterset_class(QueryDict(query))
            filterset.form.renderer = renderer
            filterset.is_valid()
            pages.append([str(field.as_field_group()) for field in filterset.form])
        assert pages[0] == pages[1], filterset_class.__name__
    # And it is the one the site's forms use.
    assert isinstance(get_default_renderer(), FormRenderer)
