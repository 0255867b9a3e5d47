"""The curators' admin: find, check, fix, hide, merge — and keep it through re-ingests.

Every write goes through articles.curation so the next ingest sees what a
curator did (curated_fields, hidden, Tombstone, zone aliases).
"""
import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.views.main import ORDER_VAR, ChangeList
from django.db import models, transaction
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import escape, format_html, format_html_join
from django.utils.text import Truncator

from . import curation
from .models import Article, IngestRun, Initiative, InitiativeMention, Metric, Source, Tombstone
from .search import fill_search_fields
from .search.indexing import SOURCE_FIELDS

admin.site.site_header = "高新区党建知识库 · 管理"
admin.site.site_title = "知识库管理"
admin.site.index_title = "内容审核与修订"

# Full-text hits listed in the admin's search; exact title matches always come on top.
SEARCH_LIMIT = 200
# The article fields the full-text index is built from.
SEARCHED_FIELDS = set(SOURCE_FIELDS)


# --- display helpers -------------------------------------------------------------


def highlight(text, needles):
    """``text`` escaped, with the first needle found wrapped in <mark>."""
    text = text or ""
    for needle in needles:
        if not needle:
            continue
        at = text.find(needle)
        if at >= 0:
            return format_html(
                "{}<mark>{}</mark>{}", text[:at], needle, text[at + len(needle) :]
            )
    return escape(text)


def metric_needles(metric):
    """What to mark in a metric's sentence: the printed figure, else the bare number."""
    figure = metric.raw.removeprefix(metric.label) if metric.label else metric.raw
    return [metric.raw, figure, f"{metric.value:g}"]


def admin_link(obj, text=None):
    if obj is None:
        return "—"
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, text if text is not None else str(obj))


def field_label(model, name):
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:
        return name


def as_text(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "、".join(as_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def current_value(obj, name):
    """The value shown now, comparable with what the ingest stored under ``name``."""
    try:
        model_field = obj._meta.get_field(name)
    except Exception:
        return getattr(obj, name, None)
    if model_field.many_to_many:
        return sorted(str(o) for o in getattr(obj, name).all())
    if model_field.many_to_one:
        related = getattr(obj, name)
        return str(related) if related is not None else None
    return getattr(obj, name)


def same(produced, current):
    if isinstance(produced, list) and isinstance(current, list):
        return sorted(map(as_text, produced)) == sorted(map(as_text, current))
    if isinstance(produced, (int, float)) and isinstance(current, (int, float)):
        return float(produced) == float(current)
    return as_text(produced) == as_text(current)


def long_text(value, limit=160):
    text = as_text(value)
    if len(text) <= limit:
        return format_html("{}", text)
    return format_html(
        "<details><summary>{}</summary><div class='kb-long'>{}</div></details>",
        Truncator(text).chars(limit),
        text,
    )


def province_filter(zone_path):
    """A province filter listing only provinces that have rows here, in the usual order."""

    class ProvinceFilter(admin.SimpleListFilter):
        title = "省份"
        parameter_name = "province"
        lookup = f"{zone_path}__province"

        def lookups(self, request, model_admin):
            from zones.reference import province_order

            found = (
                model_admin.model._default_manager.exclude(**{self.lookup: ""})
                .filter(**{f"{self.lookup}__isnull": False})
                .order_by()
                .values_list(self.lookup, flat=True)
                .distinct()
            )
            order = province_order()
            return [(p, p) for p in sorted(found, key=lambda p: (order.get(p, len(order)), p))]

        def queryset(self, request, queryset):
            if self.value():
                return queryset.filter(**{self.lookup: self.value()})
            return queryset

    return ProvinceFilter


class MultilineTextField(forms.CharField):
    """Text as stored: browsers send textarea newlines as CRLF and the ingest stores LF.

    Without this, saving an untouched body would change it and mark it as curated.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("strip", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if isinstance(value, str) else value


class LinesListField(forms.CharField):
    """A list of names (authors, aliases, captions) edited one per line instead of as JSON.

    Blank lines and surrounding spaces are dropped; the stored list is compared as a
    list, so saving an untouched form changes nothing and marks nothing as curated.
    """

    widget = forms.Textarea(attrs={"rows": 4})

    def __init__(self, *, encoder=None, decoder=None, **kwargs):
        # The model's JSONField offers its encoder and decoder; a list of lines needs neither.
        kwargs.setdefault("strip", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return "\n".join(str(item) for item in value)
        return value

    def to_python(self, value):
        if isinstance(value, (list, tuple)):
            return list(value)
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        return list(initial or []) != self.to_python(data)


# --- shared behaviour ------------------------------------------------------------


class RankedChangeList(ChangeList):
    """Keeps the search rank as the first ordering unless the curator sorts by a column."""

    def get_ordering(self, request, queryset):
        ordering = super().get_ordering(request, queryset)
        if "search_order" in queryset.query.annotations and not self.params.get(ORDER_VAR):
            return ["search_order", *[o for o in ordering if o != "search_order"]]
        return ordering


class ViewOnlyMixin:
    """Rows the ingest writes and curators only read (pages, mentions, runs, deletion records)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class RelatedCountsMixin:
    """Changelist columns counting related rows, annotated in the changelist's one query and sortable.

    ``related_counts`` maps the annotation (``n_articles``, ``n_initiatives``, ``n_metrics``)
    to the relation it counts; list the matching ``*_count`` columns in ``list_display``.
    """

    related_counts = {}

    def get_queryset(self, request):
        counts = {name: Count(lookup, distinct=True) for name, lookup in self.related_counts.items()}
        return super().get_queryset(request).annotate(**counts)

    @admin.display(description="文章", ordering="n_articles")
    def article_count(self, obj):
        return obj.n_articles

    @admin.display(description="举措", ordering="n_initiatives")
    def initiative_count(self, obj):
        return obj.n_initiatives

    @admin.display(description="指标", ordering="n_metrics")
    def metric_count(self, obj):
        return obj.n_metrics


class CuratedFieldsAdmin(admin.ModelAdmin):
    """Remembers every field a curator changes and tombstones what a curator deletes."""

    formfield_overrides = {
        models.TextField: {"form_class": MultilineTextField},
        models.JSONField: {"form_class": LinesListField},
    }

    def save_model(self, request, obj, form, change):
        form.curated_added = curation.record_curated_fields(obj, form.changed_data)
        super().save_model(request, obj, form, change)

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        added = getattr(form, "curated_added", [])
        if not added:
            return message
        text = LogEntry(change_message=json.dumps(message)).get_change_message()
        names = "、".join(field_label(self.model, n) for n in added)
        return f"{text} 记为人工修订（重新导入不覆盖）：{names}。"

    def save_formset(self, request, form, formset, change):
        curated_model = "curated_fields" in {f.name for f in formset.model._meta.get_fields()}
        if not curated_model:
            return super().save_formset(request, form, formset, change)
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            curation.tombstone(obj)
            obj.delete()
        for inline_form in formset.forms:
            if inline_form.instance in instances:
                curation.record_curated_fields(inline_form.instance, inline_form.changed_data)
        for obj in instances:
            obj.save()
        formset.save_m2m()

    def delete_model(self, request, obj):
        with transaction.atomic():
            curation.tombstone(obj)
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                curation.tombstone(obj)
            super().delete_queryset(request, queryset)

    @admin.display(description="已人工修订字段")
    def curated_display(self, obj):
        if not obj.curated_fields:
            return "—（均为导入值）"
        return "、".join(field_label(self.model, n) for n in obj.curated_fields)


class CurationAdmin(CuratedFieldsAdmin):
    """Verified / hidden actions and the "what the ingest produced" panel."""

    actions = ["make_verified", "make_unverified", "make_hidden", "make_visible"]

    def _flag(self, request, changed, message, done):
        for obj in changed:
            self.log_change(request, obj, message)
        self.message_user(request, done.format(n=len(changed)), messages.SUCCESS)

    @admin.action(description="标记为已核实", permissions=["change"])
    def make_verified(self, request, queryset):
        changed = curation.mark_verified(items=queryset, verified=True)
        self._flag(request, changed, "标记为已核实。", "{n} 条已标记为已核实。")

    @admin.action(description="取消核实标记", permissions=["change"])
    def make_unverified(self, request, queryset):
        changed = curation.mark_verified(items=queryset, verified=False)
        self._flag(request, changed, "取消核实标记。", "{n} 条已取消核实标记。")

    @admin.action(description="隐藏（不在公开页面与接口中出现）", permissions=["change"])
    def make_hidden(self, request, queryset):
        changed = curation.set_hidden(items=queryset, hidden=True)
        self._flag(request, changed, "隐藏。", "{n} 条已隐藏，重新导入也不会恢复显示。")

    @admin.action(description="取消隐藏", permissions=["change"])
    def make_visible(self, request, queryset):
        changed = curation.set_hidden(items=queryset, hidden=False)
        self._flag(request, changed, "取消隐藏。", "{n} 条已恢复显示。")

    @admin.display(description="导入原始值与当前值")
    def ingest_comparison(self, obj):
        produced = obj.ingested_values or {}
        if not produced:
            return "—（没有导入记录，例如人工新建的条目）"
        rows = []
        for name, value in produced.items():
            now = current_value(obj, name)
            differs = not same(value, now)
            state = "已人工修订" if name in obj.curated_fields else ("不同" if differs else "")
            rows.append(
                (
                    "kb-differs" if differs else "",
                    field_label(self.model, name),
                    long_text(value),
                    long_text(now),
                    state,
                )
            )
        body = format_html_join(
            "",
            '<tr class="{}"><th>{}</th><td>{}</td><td>{}</td><td>{}</td></tr>',
            rows,
        )
        return format_html(
            '<table class="kb-diff"><thead><tr><th>字段</th><th>导入值</th>'
            "<th>当前值</th><th></th></tr></thead><tbody>{}</tbody></table>",
            body,
        )


def merge_action(modeladmin, request, queryset, *, what, columns, preview, merge, describe):
    """Two-step merge: a confirmation page listing what moves, then the atomic merge.

    ``preview(objs)`` gives the rows of the confirmation table, ``merge(survivor=…,
    others=…)`` does the work and ``describe(result)`` says what moved.
    """
    objs = list(queryset)
    if len(objs) < 2:
        modeladmin.message_user(request, f"请至少选择两个{what}再合并。", messages.WARNING)
        return None
    by_pk = {str(o.pk): o for o in objs}
    if request.POST.get("post") == "yes":
        survivor = by_pk.get(request.POST.get("survivor", ""))
        if survivor is None:
            modeladmin.message_user(request, f"请选择保留哪一个{what}。", messages.ERROR)
        else:
            others = [o for o in objs if o.pk != survivor.pk]
            names = "、".join(str(o) for o in others)
            with transaction.atomic():
                modeladmin.log_deletions(request, queryset.exclude(pk=survivor.pk))
                result = merge(survivor=survivor, others=others)
                modeladmin.log_change(
                    request, survivor, f"合并了 {names}：{describe(result)}"
                )
            modeladmin.message_user(
                request, f"已将 {names} 合并到 {survivor}：{describe(result)}", messages.SUCCESS
            )
            return None
    rows = preview(objs)
    opts = modeladmin.model._meta
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": f"合并{what}",
        "subtitle": None,
        "opts": opts,
        "what": what,
        "columns": columns,
        "rows": rows,
        "default_survivor": rows[0]["obj"].pk if rows else None,
        "action_name": request.POST.get("action", ""),
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        "media": modeladmin.media,
    }
    request.current_app = modeladmin.admin_site.name
    return TemplateResponse(request, "admin/merge_confirmation.html", context)


# --- inlines ---------------------------------------------------------------------


class MetricInline(admin.TabularInline):
    model = Metric
    fk_name = "article"
    extra = 0
    show_change_link = True
    fields = ("sentence_marked", "label", "value", "unit", "qualifier", "year", "verified", "hidden")
    readonly_fields = ("sentence_marked",)
    verbose_name_plural = "数据指标（删除的指标不会被重新导入）"

    def has_add_permission(self, request, obj=None):
        # Metrics come from a sentence of the body; a curator fixes them, not invents them.
        return False

    @admin.display(description="出处句子")
    def sentence_marked(self, obj):
        return highlight(obj.sentence, metric_needles(obj))


class InitiativeMentionInline(admin.TabularInline):
    model = InitiativeMention
    fk_name = "article"
    extra = 0
    fields = ("initiative_link", "sentence_marked", "offset")
    readonly_fields = fields
    verbose_name_plural = "提及的党建举措"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("initiative")

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # A mention is a fact of the text: hide or merge the initiative instead.
        return False

    @admin.display(description="举措")
    def initiative_link(self, obj):
        return admin_link(obj.initiative)

    @admin.display(description="句子")
    def sentence_marked(self, obj):
        return highlight(obj.sentence, [obj.initiative.name])


class InitiativeMentionOfInitiativeInline(InitiativeMentionInline):
    fk_name = "initiative"
    fields = ("article_link", "sentence_marked", "offset")
    readonly_fields = fields
    verbose_name_plural = "出处（提及此举措的文章句子）"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    @admin.display(description="文章")
    def article_link(self, obj):
        return admin_link(obj.article)


# --- model admins ----------------------------------------------------------------


@admin.register(Article)
class ArticleAdmin(RelatedCountsMixin, CurationAdmin):
    list_display = (
        "title",
        "zone",
        "province",
        "kind",
        "year",
        "source",
        "initiative_count",
        "metric_count",
        "verified",
        "hidden",
    )
    list_select_related = ("zone", "source")
    list_filter = (
        "verified",
        "hidden",
        "kind",
        "year",
        province_filter("zone"),
        ("zone", admin.RelatedOnlyFieldListFilter),
        "column",
    )
    search_fields = ("title",)  # replaced by full-text search in get_search_results
    search_help_text = "全文检索（标题、正文），标题完全一致的排在最前"
    autocomplete_fields = ("zone", "zones")
    date_hierarchy = "created_at"
    list_per_page = 50
    readonly_fields = (
        "key",
        "source_link",
        "position",
        "original_text_display",
        "curated_display",
        "ingest_comparison",
        "created_at",
        "updated_at",
    )
    fieldsets = (
        (None, {"fields": ("title", "kicker", "subtitle", "kind", "column", "year")}),
        ("作者", {"fields": ("byline", "authors")}),
        ("正文", {"fields": ("body", "captions")}),
        ("高新区", {"fields": ("zone", "zones")}),
        ("审核", {"fields": ("verified", "hidden", "curated_display")}),
        ("出处", {"fields": ("source_link", "position", "key", "original_text_display")}),
        ("导入结果", {"classes": ("collapse",), "fields": ("ingest_comparison",)}),
        ("记录", {"fields": ("created_at", "updated_at")}),
    )
    inlines = (InitiativeMentionInline, MetricInline)

    related_counts = {"n_initiatives": "initiative_mentions__initiative", "n_metrics": "metrics"}

    def get_changelist(self, request, **kwargs):
        return RankedChangeList

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        ranked = list(
            Article.objects.search(term).queryset.values_list("pk", flat=True)[:SEARCH_LIMIT]
        )
        order = Case(
            When(title=term, then=Value(0)),
            *[When(pk=pk, then=Value(i + 2)) for i, pk in enumerate(ranked)],
            When(title__icontains=term, then=Value(1)),
            default=Value(SEARCH_LIMIT + 2),
            output_field=IntegerField(),
        )
        found = queryset.filter(Q(pk__in=ranked) | Q(title__icontains=term))
        return found.annotate(search_order=order).order_by("search_order", "pk"), False

    def save_model(self, request, obj, form, change):
        if SEARCHED_FIELDS & set(form.changed_data):
            # Keep the full-text index in step with the curator's text, in the same save.
            fill_search_fields(obj)
        super().save_model(request, obj, form, change)

    @admin.display(description="省份", ordering="zone__province")
    def province(self, obj):
        return obj.zone.province if obj.zone else "—"


    @admin.display(description="来源版面")
    def source_link(self, obj):
        return admin_link(obj.source)

    @admin.display(description="原文（OCR）")
    def original_text_display(self, obj):
        return format_html('<pre class="kb-original">{}</pre>', obj.original_text or "—")


@admin.register(Initiative)
class InitiativeAdmin(CurationAdmin):
    list_display = (
        "name",
        "zone",
        "province",
        "category",
        "mention_count",
        "article",
        "verified",
        "hidden",
    )
    list_select_related = ("zone", "article")
    list_filter = (
        "category",
        "verified",
        "hidden",
        province_filter("zone"),
        ("zone", admin.RelatedOnlyFieldListFilter),
        "article__year",
    )
    search_fields = ("name", "zone__name", "description")
    autocomplete_fields = ("zone", "article")
    date_hierarchy = "created_at"
    actions = [*CurationAdmin.actions, "merge"]
    readonly_fields = (
        "key",
        "sentence_marked",
        "curated_display",
        "ingest_comparison",
        "created_at",
        "updated_at",
    )
    fieldsets = (
        (None, {"fields": ("name", "zone", "category", "description")}),
        ("审核", {"fields": ("verified", "hidden", "curated_display")}),
        ("出处", {"fields": ("article", "sentence_marked", "key")}),
        ("导入结果", {"classes": ("collapse",), "fields": ("ingest_comparison",)}),
        ("记录", {"fields": ("created_at", "updated_at")}),
    )
    inlines = (InitiativeMentionOfInitiativeInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_mentions=Count("mentions", distinct=True))

    @admin.display(description="省份", ordering="zone__province")
    def province(self, obj):
        return obj.zone.province if obj.zone else "—"

    @admin.display(description="出处句数", ordering="n_mentions")
    def mention_count(self, obj):
        return obj.n_mentions

    @admin.display(description="出处句子")
    def sentence_marked(self, obj):
        return highlight(obj.sentence, [obj.name])

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


@admin.register(Metric)
class MetricAdmin(CurationAdmin):
    list_display = (
        "raw",
        "label",
        "normalized",
        "year",
        "zone",
        "article_link",
        "verified",
        "hidden",
    )
    list_display_links = ("raw",)
    list_editable = ("label", "verified", "hidden")
    list_select_related = ("zone", "article")
    list_filter = (
        "verified",
        "hidden",
        "qualifier",
        "unit",
        "year",
        province_filter("zone"),
        ("zone", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = ("label", "raw", "sentence", "zone__name", "article__title")
    autocomplete_fields = ("zone", "article")
    date_hierarchy = "created_at"
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
        (None, {"fields": ("label", "raw", "zone", "year", "period")}),
        ("数值", {"fields": ("value", "value_max", "unit", "qualifier")}),
        ("折算", {"fields": ("normalized_value", "normalized_max", "normalized_unit")}),
        ("审核", {"fields": ("verified", "hidden", "curated_display")}),
        ("出处", {"fields": ("article", "source_link", "sentence_marked", "offset", "key")}),
        ("导入结果", {"classes": ("collapse",), "fields": ("ingest_comparison",)}),
        ("记录", {"fields": ("created_at", "updated_at")}),
    )

    def get_queryset(self, request):
        # A select_related here replaces list_select_related in the changelist.
        return super().get_queryset(request).select_related("zone", "article__source")

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


@admin.register(Source)
class SourceAdmin(ViewOnlyMixin, RelatedCountsMixin, admin.ModelAdmin):
    list_display = ("name", "column", "encoding", "article_count", "ingested_at")
    list_filter = ("column", "encoding")
    search_fields = ("name",)
    date_hierarchy = "ingested_at"
    fields = ("name", "column", "encoding", "content_hash", "ingested_at", "articles_list", "text")
    readonly_fields = fields

    related_counts = {"n_articles": "articles"}

    def has_delete_permission(self, request, obj=None):
        # Articles protect their page; delete the articles (tombstoned) instead.
        return False

    @admin.display(description="本版文章")
    def articles_list(self, obj):
        items = obj.articles.order_by("position")
        return format_html(
            "<ol>{}</ol>", format_html_join("", "<li>{}</li>", ((admin_link(a),) for a in items))
        )


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


COUNT_LABELS = {
    "articles": "文章",
    "initiatives": "举措",
    "metrics": "指标",
    "mentions": "出处句",
    "created": "新增",
    "updated": "更新",
    "unchanged": "未变",
    "skipped_curated": "保留人工修订",
    "skipped_deleted": "已删除不恢复",
    "stale": "不再出现但保留",
    "deleted": "不再出现已移除",
    "zones_created": "新增高新区",
}


def flat_counts(counts, prefix=""):
    for key, value in (counts or {}).items():
        label = f"{prefix}{COUNT_LABELS.get(key, key)}"
        if isinstance(value, dict):
            yield from flat_counts(value, f"{label} · ")
        else:
            yield label, value


@admin.register(IngestRun)
class IngestRunAdmin(ViewOnlyMixin, admin.ModelAdmin):
    list_display = ("started_at", "finished_at", "files_summary", "counts_summary", "error_count", "ok")
    list_filter = ("ok",)
    date_hierarchy = "started_at"
    fields = (
        "started_at",
        "finished_at",
        "ok",
        "paths_display",
        "counts_table",
        "files_table",
        "errors_display",
    )
    readonly_fields = fields

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="文件")
    def files_summary(self, obj):
        names = [f.get("name", "") if isinstance(f, dict) else str(f) for f in obj.files or []]
        shown = "、".join(names[:3])
        return f"{shown} 等 {len(names)} 个" if len(names) > 3 else (shown or "—")

    @admin.display(description="错误数")
    def error_count(self, obj):
        return len(obj.errors or [])

    @admin.display(description="计数")
    def counts_summary(self, obj):
        # Only what happened: a re-ingest of unchanged pages reads "文章 · 未变 12 …".
        shown = [f"{label} {value}" for label, value in flat_counts(obj.counts) if value]
        return "，".join(shown) or "—"

    @admin.display(description="输入路径")
    def paths_display(self, obj):
        return "、".join(map(str, obj.paths or [])) or "—"

    @admin.display(description="计数")
    def counts_table(self, obj):
        rows = list(flat_counts(obj.counts))
        if not rows:
            return "—"
        return format_html(
            '<table class="kb-diff"><tbody>{}</tbody></table>',
            format_html_join("", "<tr><th>{}</th><td>{}</td></tr>", rows),
        )

    @admin.display(description="文件")
    def files_table(self, obj):
        files = [f if isinstance(f, dict) else {"name": f} for f in obj.files or []]
        if not files:
            return "—"
        rows = (
            (f.get("name", ""), f.get("status", ""), f.get("message", "")) for f in files
        )
        return format_html(
            '<table class="kb-diff"><thead><tr><th>文件</th><th>状态</th><th>说明</th></tr>'
            "</thead><tbody>{}</tbody></table>",
            format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
        )

    @admin.display(description="错误")
    def errors_display(self, obj):
        if not obj.errors:
            return "—"
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((as_text(e),) for e in obj.errors))
        )


@admin.register(Tombstone)
class TombstoneAdmin(ViewOnlyMixin, admin.ModelAdmin):
    list_display = ("model", "key", "deleted_at")
    list_filter = ("model",)
    search_fields = ("key",)
    date_hierarchy = "deleted_at"
    readonly_fields = ("model", "key", "deleted_at")

