"""The zone directory's FilterSet, and the zone and province filters every list reuses."""
import django_filters
from django import forms
from django_filters import fields

from core.widgets import QuickSelect

from .models import Zone
from .reference import provinces


def province_choices():
    return [(p["name"], p["name"]) for p in provinces()]


class ProvinceFilter(django_filters.ChoiceFilter):
    """A province by its full name (安徽省), one of the reference list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", province_choices)
        kwargs.setdefault("label", "省份")
        kwargs.setdefault("empty_label", "全部省份")
        kwargs.setdefault("widget", QuickSelect)
        super().__init__(*args, **kwargs)


class _ZoneOptions(fields.ModelChoiceIterator):
    """The zone filter's options as (slug, name) read in one query: no Zone built
    for each of the ~180 options of every list page."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.queryset.values_list("slug", "name")


class _ZoneChoiceField(fields.ModelChoiceField):
    iterator = _ZoneOptions


class ZoneSlugFilter(django_filters.ModelChoiceFilter):
    """A zone by its slug (``?zone=huaibei``), as in its page address."""

    field_class = _ZoneChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("queryset", Zone.objects.order_by("province", "name"))
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("label", "高新区")
        kwargs.setdefault("empty_label", "全部高新区")
        kwargs.setdefault("widget", QuickSelect)
        super().__init__(*args, **kwargs)


class ZoneFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label="名称", max_length=64)
    province = ProvinceFilter(field_name="province")
    level = django_filters.ChoiceFilter(
        choices=Zone.Level.choices, label="级别", empty_label="全部级别"
    )
    has_articles = django_filters.BooleanFilter(
        method="filter_has_articles",
        label="有无文章",
        widget=forms.Select(choices=[("", "不限"), ("true", "有文章"), ("false", "暂无文章")]),
    )

    sort = django_filters.ChoiceFilter(
        method="filter_sort",
        label="排序",
        choices=[("articles", "按文章数")],
        empty_label="按省份",
    )

    class Meta:
        model = Zone
        fields = ["q", "province", "level", "has_articles", "sort"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["q"].widget.attrs.update(type="search", placeholder="名称、全称或别名")

    def filter_q(self, queryset, name, value):
        # Aliases live in a JSON list, which SQLite stores with escaped CJK:
        # match every spelling in Python over the (small) zone table.
        needle = value.casefold()
        matching = [
            zone.pk
            for zone in Zone.objects.only("pk", "name", "full_name", "aliases")
            if any(needle in spelling.casefold() for spelling in zone.all_names)
        ]
        return queryset.filter(pk__in=matching)

    def filter_has_articles(self, queryset, name, value):
        return queryset.filter(article_count__gt=0) if value else queryset.filter(article_count=0)

    def filter_sort(self, queryset, name, value):
        # Most articles first; the directory page lists them ranked instead of by province.
        return queryset.order_by("-article_count", "province", "name")
