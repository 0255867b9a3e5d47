"""Initiatives, metrics and initiative mentions: the facts curators check, fix, hide and merge."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.text import Truncator

from articles import curation
from articles.models import Initiative, InitiativeMention, Metric, MetricMention

from .actions import merge_action
from .articles import InitiativeMentionOfInitiativeInline
from .display import IndexedValuesFilter, admin_link, highlight, metric_needles, province_filter
from .mixins import CurationAdmin, FirstRowsInline, RelatedCountsMixin, ViewOnlyMixin


@admin.register(Initiative)
class InitiativeAdmin(RelatedCountsMixin, CurationAdmin):
    list_display = (
        "name",
        "zone",
        "province",
        "category",
        "type",
        "mention_count",
        "verified",
        "hidden",
    )
    list_select_related = ("zone", "type")
    list_filter = (
        "category",
        "type",
        "verified",
        "hidden",
        ("created_at", admin.DateFieldListFilter),
        province_filter("zone"),
        "zone",
    )
    search_fields = ("name", "zone__name", "description")
    autocomplete_fields = ("zone", "type")
    ordering = ("-pk",)
    actions = [*CurationAdmin.actions, "merge"]
    readonly_fields = (
        "key",
        "first_article",
        "sentence_marked",
        "curated_display",
        "ingest_comparison",
        "created_at",
        "updated_at",
    )
    fieldsets = (
        (None, {"fields": ("name", "zone", "category", "type", "description")}),
        ("审核", {"fields": ("verified", "hidden", "curated_display")}),
        ("出处", {"fields": ("first_article", "sentence_marked", "key")}),
        ("导入结果", {"classes": ("collapse",), "fields": ("ingest_comparison",)}),
        ("记录", {"fields": ("created_at", "updated_at")}),
    )
    inlines = (InitiativeMentionOfInitiativeInline,)

    related_counts = {"n_mentions": (InitiativeMention, "initiative", "pk")}

    @admin.display(description="省份", ordering="zone__province")
    def province(self, obj):
        return obj.zone.province if obj.zone else "—"

    @admin.display(description="出处句数", ordering="n_mentions")
    def mention_count(self, obj):
        return obj.n_mentions

    @admin.display(description="首次出现文章")
    def first_article(self, obj):
        first = self._first_mention(obj)
        return admin_link(first.article) if first else "—"

    @admin.display(description="出处句子")
    def sentence_marked(self, obj):
        first = self._first_mention(obj)
        return highlight(first.sentence if first else "", [obj.name])

    @staticmethod
    def _first_mention(obj):
        # Read for the one initiative of the form: annotated on the list's query, it was computed
        # for every initiative an offset skips (1.7 s for page 3,000 on PostgreSQL).
        if not hasattr(obj, "_first_mention"):
            obj._first_mention = (
                obj.mentions.select_related("article").only("sentence", "article__title")
                .order_by("article_id", "offset").first()
            ) if obj.pk else None
        return obj._first_mention

    @admin.action(description="合并所选举措…", permissions=["change", "delete"])
    def merge(self, request, queryset):
        def preview(objs):
            rows = curation.initiative_merge_preview(objs)
            rows.sort(key=lambda r: (-r["mentions"], r["initiative"].pk))
            return [
                {
                    "obj": r["initiative"],
                    "cells": [
                        r["initiative"].zone or "—",
                        r["initiative"].get_category_display(),
                        r["mentions"],
                        r["articles"],
                    ],
                }
                for r in rows
            ]

        return merge_action(
            self,
            request,
            queryset.select_related("zone"),
            what="党建举措",
            columns=["高新区", "类别", "出处句", "涉及文章"],
            preview=preview,
            merge=curation.merge_initiatives,
            describe=lambda r: f"移动出处句 {r.moved['mentions']} 条。",
        )


class MetricMentionInline(FirstRowsInline, admin.TabularInline):
    """Every statement of the figure, read-only: the ingest keeps them in step with the articles."""

    model = MetricMention
    verbose_name = "出处"
    verbose_name_plural = "出处（陈述此数据的文章句子）"
    fields = ("article", "raw", "sentence", "offset")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")


@admin.register(Metric)
class MetricAdmin(CurationAdmin):
    list_display = (
        "raw",
        "label",
        "indicator",
        "kind",
        "normalized",
        "year",
        "zone",
        "article_link",
        "verified",
        "hidden",
    )
    list_display_links = ("raw",)
    list_editable = ("label", "verified", "hidden")
    # Each row is a form of three fields: a hundred took 200 ms to render, however small the archive.
    list_per_page = 50
    list_select_related = ("zone", "article", "indicator")
    list_filter = (
        "verified",
        "hidden",
        "indicator",
        "kind",
        "qualifier",
        ("unit", IndexedValuesFilter),
        ("year", IndexedValuesFilter),
        ("created_at", admin.DateFieldListFilter),
        province_filter("zone"),
        "zone",
    )
    search_fields = ("label", "raw", "sentence", "zone__name", "article__title")
    autocomplete_fields = ("zone", "article")
    ordering = ("-pk",)
    readonly_fields = (
        "key",
        "sentence_marked",
        "source_link",
        "offset",
        "curated_display",
        "ingest_comparison",
        "created_at",
        "updated_at",
    )
    fieldsets = (
        (None, {"fields": ("label", "indicator", "kind", "raw", "zone", "year", "period")}),
        ("数值", {"fields": ("value", "value_from", "value_max", "unit", "qualifier")}),
        ("折算", {"fields": ("normalized_value", "normalized_from", "normalized_max", "normalized_unit")}),
        ("审核", {"fields": ("verified", "hidden", "curated_display")}),
        ("出处", {"fields": ("article", "source_link", "sentence_marked", "offset", "key")}),
        ("导入结果", {"classes": ("collapse",), "fields": ("ingest_comparison",)}),
        ("记录", {"fields": ("created_at", "updated_at")}),
    )
    inlines = (MetricMentionInline,)

    def get_queryset(self, request):
        # A select_related here replaces list_select_related in the changelist.
        return super().get_queryset(request).select_related("zone", "article__source", "indicator")

    @admin.display(description="折算值", ordering="normalized_value")
    def normalized(self, obj):
        if obj.normalized_value is None:
            return "—"
        number = f"{obj.normalized_value:,.2f}".rstrip("0").rstrip(".")
        return f"{number} {obj.normalized_unit}"

    @admin.display(description="文章", ordering="article__title")
    def article_link(self, obj):
        return admin_link(obj.article, Truncator(obj.article.title).chars(24))

    @admin.display(description="来源版面")
    def source_link(self, obj):
        return format_html(
            "{} · 第 {} 篇", admin_link(obj.article.source), obj.article.position + 1
        )

    @admin.display(description="出处句子")
    def sentence_marked(self, obj):
        return highlight(obj.sentence, metric_needles(obj))




@admin.register(InitiativeMention)
class InitiativeMentionAdmin(ViewOnlyMixin, admin.ModelAdmin):
    list_display = ("initiative", "article", "sentence_marked", "offset")
    list_select_related = ("initiative", "article")
    search_fields = ("initiative__name", "sentence", "article__title")
    fields = ("initiative", "article", "sentence_marked", "offset")
    readonly_fields = fields

    # Deleting stays allowed: deleting an article or initiative cascades to its mentions.

    @admin.display(description="句子")
    def sentence_marked(self, obj):
        return highlight(obj.sentence, [obj.initiative.name])


