"""One FilterSet per list, shared by the HTML page, the JSON API and the CSV export."""
import django_filters
from django import forms

from zones.models import Zone

from .models import Article


class ArticleFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label="关键词")
    zone = django_filters.ModelChoiceFilter(
        field_name="zones", queryset=Zone.objects.all(), to_field_name="slug", label="高新区"
    )
    province = django_filters.CharFilter(field_name="zone__province", label="省份")
    year = django_filters.NumberFilter(field_name="year", label="年份", min_value=1949, max_value=2100)
    kind = django_filters.ChoiceFilter(choices=Article.Kind.choices, label="体裁")

    class Meta:
        model = Article
        fields = ["q", "zone", "province", "year", "kind"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.search_result = None
        self.form.fields["year"].widget = forms.NumberInput(attrs={"min": 1949, "max": 2100})

    def filter_q(self, queryset, name, value):
        self.search_result = queryset.search(value)
        return self.search_result.queryset
