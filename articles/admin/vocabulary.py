"""The curated vocabularies: indicators and initiative types.

Loaded from fixtures/ by ``load_vocabulary`` (articles/vocabulary.py); a curator's
edit is recorded in ``curated_fields`` and kept through the next load. Deleting an
entry writes no tombstone: the next load brings back what its fixture lists.
"""
import re

from django import forms
from django.contrib import admin
from django.db import transaction
from django.db.models import Q

from articles.models import Indicator, Initiative, InitiativeType, Metric
from articles.search.expressions import ListItemContains

from .mixins import CuratedFieldsAdmin, RelatedCountsMixin


class VocabularyForm(forms.ModelForm):
    def clean_patterns(self):
        patterns = self.cleaned_data["patterns"]
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise forms.ValidationError(f"匹配规则不是有效的正则表达式：{pattern}（{exc}）") from exc
        return patterns


class VocabularyAdmin(RelatedCountsMixin, CuratedFieldsAdmin):
    form = VocabularyForm
    search_help_text = "名称、网址标识、同义词或说明"
    readonly_fields = ("curated_display",)

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        condition = (
            Q(name__icontains=term)
            | Q(slug__icontains=term)
            | Q(description__icontains=term)
            | Q(ListItemContains("synonyms", term))
        )
        return queryset.filter(condition), False

    def delete_model(self, request, obj):
        with transaction.atomic():
            obj.delete()

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            queryset.delete()


@admin.register(Indicator)
class IndicatorAdmin(VocabularyAdmin):
    list_display = ("name", "slug", "dimension", "units_display", "position", "metric_count")
    list_filter = ("dimension",)
    search_fields = ("name", "slug")
    ordering = ("position", "name")
    fieldsets = (
        (None, {"fields": ("name", "slug", "dimension", "units", "position")}),
        ("匹配", {"fields": ("synonyms", "patterns")}),
        (None, {"fields": ("description",)}),
        ("审核", {"fields": ("curated_display",)}),
    )
    related_counts = {"n_metrics": (Metric, "indicator", "pk")}

    @admin.display(description="可用单位")
    def units_display(self, obj):
        return "、".join(str(u) for u in obj.units or []) or "—（不限）"


@admin.register(InitiativeType)
class InitiativeTypeAdmin(VocabularyAdmin):
    list_display = ("name", "slug", "category", "position", "initiative_count")
    list_filter = ("category",)
    search_fields = ("name", "slug")
    ordering = ("position", "name")
    fieldsets = (
        (None, {"fields": ("name", "slug", "category", "position")}),
        ("匹配", {"fields": ("synonyms", "patterns")}),
        (None, {"fields": ("description",)}),
        ("审核", {"fields": ("curated_display",)}),
    )
    related_counts = {"n_initiatives": (Initiative, "type", "pk")}
