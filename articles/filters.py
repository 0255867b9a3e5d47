"""One FilterSet per list, shared by the HTML page, the JSON API and the CSV export."""
import django_filters
from django import forms
from django.db.models import F, Q

from core.widgets import QuickSelect
from zones.filters import ProvinceFilter, ZoneSlugFilter

from . import selectors
from .models import Article, Indicator, Initiative, InitiativeType, Metric
from .search import engine
from .search.expressions import ListItemContains
from .search.segment import fold

TEXT_MAX = 100


def words_in(value, fields, lists=()):
    """Every word of ``value`` in one of ``fields`` or an item of the JSON ``lists``; input folded."""
    condition = Q()
    for word in fold(value).split():
        in_any = Q()
        for name in fields:
            in_any |= Q(**{f"{name}__icontains": word})
        for name in lists:
            in_any |= Q(ListItemContains(name, word))
        condition &= in_any
    return condition


class ArticleFilterForm(forms.Form):
    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "结束日期早于开始日期")
        return data


class ArticleFilterSet(django_filters.FilterSet):
    # ``sort`` values -> the engine's orders; without a query "relevance" means newest first.
    ORDERS = {"relevance": engine.RELEVANCE, "-date": engine.NEWEST, "date": engine.OLDEST}
    OLDEST = (F("date").asc(nulls_last=True), F("year").asc(nulls_last=True), "source_id", "position")

    q = django_filters.CharFilter(method="filter_q", label="全文")
    # Field search (the advanced form): each optional, every one given must match.
    title = django_filters.CharFilter(method="filter_title", label="标题", max_length=TEXT_MAX)
    author = django_filters.CharFilter(method="filter_author", label="作者", max_length=32)
    page_name = django_filters.CharFilter(method="filter_page_name", label="版名", max_length=64)
    zone = ZoneSlugFilter(field_name="zones")
    province = ProvinceFilter(field_name="zone__province")
    year = django_filters.NumberFilter(field_name="year", label="年份", min_value=1949, max_value=2100)
    kind = django_filters.ChoiceFilter(
        choices=Article.Kind.choices, label="体裁", empty_label="全部体裁"
    )
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte", label="出版日期自")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte", label="至")
    sort = django_filters.ChoiceFilter(
        method="sort_by",
        label="排序",
        # Default: by relevance when there is a query, else newest first.
        empty_label="默认",
        choices=[("relevance", "相关度"), ("-date", "出版日期从新到旧"), ("date", "出版日期从旧到新")],
    )

    class Meta:
        model = Article
        form = ArticleFilterForm
        fields = [
            "q", "title", "author", "page_name", "zone", "province", "year", "kind",
            "date_from", "date_to", "sort",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.search_result = None
        self.form.fields["year"].widget = forms.NumberInput(attrs={"min": 1949, "max": 2100})
        self.form.fields["q"].widget.attrs.update(type="search")
        for name in ("date_from", "date_to"):
            self.form.fields[name].widget = forms.DateInput(attrs={"type": "date"})

    def filter_queryset(self, queryset):
        # The search ranks a bounded set of matches among the articles it is
        # given, so the other filters narrow the list before it, not after;
        # the order is the search's, or the list's when there is no query.
        data = dict(self.form.cleaned_data)
        query = data.pop("q", None)
        order = self.ORDERS.get(data.pop("sort", None) or "relevance")
        for name, value in data.items():
            queryset = self.filters[name].filter(queryset, value)
        if (query or "").strip():
            self.search_result = selectors.search_articles(queryset, query, order=order)
            return self.search_result.queryset
        return queryset.order_by(*self.OLDEST) if order == engine.OLDEST else queryset

    def filter_q(self, queryset, name, value):
        # Searched in filter_queryset, after the other filters, in the order asked for.
        return queryset

    def sort_by(self, queryset, name, value):
        return queryset  # applied in filter_queryset

    def filter_title(self, queryset, name, value):
        return queryset.filter(words_in(value, ("title", "kicker", "subtitle")))

    def filter_author(self, queryset, name, value):
        for word in fold(value).split():
            queryset = queryset.filter(ListItemContains("authors", word))
        return queryset

    def filter_page_name(self, queryset, name, value):
        return queryset.filter(words_in(value, ("source__page_name",)))


class InitiativeFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label="关键词", max_length=TEXT_MAX)
    province = ProvinceFilter(field_name="zone__province")
    zone = ZoneSlugFilter(field_name="zone")
    category = django_filters.ChoiceFilter(
        choices=Initiative.Category.choices, label="类别", empty_label="全部类别"
    )
    type = django_filters.ModelChoiceFilter(
        field_name="type",
        to_field_name="slug",
        queryset=InitiativeType.objects.all(),
        label="类型",
        empty_label="全部类型",
    )

    class Meta:
        model = Initiative
        fields = ["q", "province", "zone", "category", "type"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["q"].widget.attrs.update(type="search", placeholder="名称或原文")

    def filter_q(self, queryset, name, value):
        # first_sentence: annotated by the list (selectors.initiative_list).
        return queryset.filter(words_in(value, ("name", "first_sentence", "description")))


class InitiativeTypeFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label="关键词", max_length=TEXT_MAX)
    category = django_filters.ChoiceFilter(
        choices=Initiative.Category.choices, label="类别", empty_label="全部类别"
    )

    class Meta:
        model = InitiativeType
        fields = ["q", "category"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["q"].widget.attrs.update(type="search", placeholder="名称或说明")

    def filter_q(self, queryset, name, value):
        return queryset.filter(words_in(value, ("name", "description")))


class MetricFilterSet(django_filters.FilterSet):
    SORTS = {
        "value": ("value",),
        "-value": ("-value",),
        "normalized": (F("normalized_value").asc(nulls_last=True),),
        "-normalized": (F("normalized_value").desc(nulls_last=True),),
    }

    q = django_filters.CharFilter(method="filter_q", label="关键词", max_length=TEXT_MAX)
    province = ProvinceFilter(field_name="zone__province")
    zone = ZoneSlugFilter(field_name="zone")
    # Choices (indicators grouped by dimension, with their counts) are set per request.
    indicator = django_filters.ChoiceFilter(
        method="filter_indicator", label="指标", empty_label="全部指标", widget=QuickSelect
    )
    label = django_filters.CharFilter(field_name="label", label="原文指标", max_length=64)
    unit = django_filters.CharFilter(field_name="unit", label="单位", max_length=16)
    year = django_filters.NumberFilter(field_name="year", label="年份", min_value=1949, max_value=2100)
    qualifier = django_filters.ChoiceFilter(
        choices=Metric.Qualifier.choices, label="限定", empty_label="全部"
    )
    kind = django_filters.ChoiceFilter(
        choices=Metric.Kind.choices, label="数值类型", empty_label="全部类型"
    )
    sort = django_filters.ChoiceFilter(
        method="sort_by",
        label="排序",
        empty_label="按指标分组",
        choices=[
            ("-normalized", "折算值从大到小"),
            ("normalized", "折算值从小到大"),
            ("-value", "原数值从大到小"),
            ("value", "原数值从小到大"),
        ],
    )

    class Meta:
        model = Metric
        fields = ["q", "province", "zone", "indicator", "label", "unit", "year", "kind", "qualifier", "sort"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read once: the select's counts and the list's stored length (MetricList.stored_tally) both need it.
        self.archive = selectors.archive_counts()
        self.indicator_groups, self.indicator_keys = selectors.indicator_choices(self.archive)
        self.form.fields["indicator"].choices = self.indicator_groups
        self.form.fields["year"].widget = forms.NumberInput(attrs={"min": 1949, "max": 2100})
        self.form.fields["q"].widget.attrs.update(type="search", placeholder="指标或原文")

    def filter_q(self, queryset, name, value):
        return queryset.filter(words_in(value, ("label", "raw", "sentence")))

    def filter_indicator(self, queryset, name, value):
        # The indicator's key as a literal value (not a join on its slug, nor a subquery whose
        # value the planner cannot see): the database plans with that indicator's own
        # statistics and reads its figures from the indexes that begin with it.
        return queryset.filter(indicator=self.indicator_keys[value])

    def sort_by(self, queryset, name, value):
        return queryset.order_by(*self.SORTS[value], "pk")


class IndicatorFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label="关键词", max_length=TEXT_MAX)
    dimension = django_filters.ChoiceFilter(
        choices=Indicator.Dimension.choices, label="量纲", empty_label="全部量纲"
    )

    class Meta:
        model = Indicator
        fields = ["q", "dimension"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["q"].widget.attrs.update(type="search", placeholder="名称、同义词或说明")

    def filter_q(self, queryset, name, value):
        return queryset.filter(words_in(value, ("name", "description"), lists=("synonyms",)))
