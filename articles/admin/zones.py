"""The zone admin: curated like articles' facts, and merged through the articles' curation service.

It lives with the articles' admin because merging zones moves articles,
initiatives and figures (``articles.curation.merge_zones``).
"""
from django.contrib import admin
from django.db.models import Q

from articles import curation
from articles.models import Article, Initiative, Metric
from zones.models import Zone

from .actions import merge_action
from .mixins import CuratedFieldsAdmin, RelatedCountsMixin


@admin.register(Zone)
class ZoneAdmin(RelatedCountsMixin, CuratedFieldsAdmin):
    list_display = (
        "name",
        "full_name",
        "province",
        "city",
        "level",
        "is_reference",
        "article_count",
        "initiative_count",
        "metric_count",
    )
    list_filter = ("province", "level", "is_reference")
    search_fields = ("name", "full_name", "city")
    search_help_text = "名称、全称、别名或城市"
    actions = ["merge"]
    readonly_fields = ("curated_display", "is_reference", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("name", "full_name", "aliases", "slug")}),
        ("所在地", {"fields": ("province", "city", "level", "approval_year")}),
        (None, {"fields": ("description",)}),
        ("审核", {"fields": ("curated_display", "is_reference", "created_at", "updated_at")}),
    )

    related_counts = {
        "n_articles": (Article, "zone", "pk"),
        "n_initiatives": (Initiative, "zone", "pk"),
        "n_metrics": (Metric, "zone", "pk"),
    }

    def save_model(self, request, obj, form, change):
        if change and "name" in form.changed_data:
            # Pages already ingested (and those to come) name the zone the old way.
            curation.keep_old_name(obj, form.initial.get("name", ""))
            form.changed_data.append("aliases")
        super().save_model(request, obj, form, change)

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        # Aliases live in a JSON list, which SQLite stores ASCII-escaped, so match them
        # in Python; the zone list is a few hundred rows.
        by_alias = [
            pk
            for pk, aliases in Zone.objects.values_list("pk", "aliases")
            if any(term in alias for alias in aliases or [])
        ]
        condition = (
            Q(name__icontains=term)
            | Q(full_name__icontains=term)
            | Q(city__icontains=term)
            | Q(pk__in=by_alias)
        )
        return queryset.filter(condition), False

    @admin.action(description="合并所选高新区…", permissions=["change", "delete"])
    def merge(self, request, queryset):
        def preview(zones):
            rows = curation.zone_merge_preview(zones)
            # Suggest keeping the reference zone with the most articles.
            rows.sort(key=lambda r: (not r["zone"].is_reference, -r["articles"], r["zone"].pk))
            return [
                {
                    "obj": r["zone"],
                    "cells": [
                        r["zone"].province or "—",
                        "是" if r["zone"].is_reference else "否",
                        r["articles"],
                        r["mentioned"],
                        r["initiatives"],
                        r["metrics"],
                        "、".join(r["names"]),
                    ],
                }
                for r in rows
            ]

        def describe(result):
            moved = result.moved
            return (
                f"主属文章 {moved['articles']} 篇，提及关系 {moved['mentioned_in']} 条，"
                f"举措 {moved['initiatives']} 个（与保留方同名而并入 {moved['initiatives_folded']} 个），"
                f"指标 {moved['metrics']} 条；新增别名 {'、'.join(result.aliases_added) or '无'}。"
            )

        return merge_action(
            self,
            request,
            queryset,
            what="高新区",
            columns=["省份", "参考名录", "主属文章", "被提及文章", "举措", "指标", "名称与别名"],
            preview=preview,
            merge=curation.merge_zones,
            describe=describe,
        )
