"""What every curated ModelAdmin shares: recording curated fields, tombstones, flags, counts."""
import json

from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.views.main import ORDER_VAR, SEARCH_VAR, ChangeList
from django.db import models, transaction
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html, format_html_join

from articles import curation, tallies
from articles.search.expressions import IdIn, IdPosition
from core.text import has_case

from .display import current_value, field_label, long_text, same
from .fields import LinesListField, MultilineTextField


def _counted(model, fk, counted):
    """``model``'s rows grouped by ``fk``, each group's ``counted`` (distinct unless the id) as ``n``."""
    return model._default_manager.order_by().values(fk).annotate(n=Count(counted, distinct=counted != "pk"))


def _related_counts(related_counts):
    """{annotation: correlated count} for RelatedCountsMixin.related_counts."""
    return {
        name: Coalesce(
            Subquery(
                _counted(model, fk, counted).filter(**{fk: OuterRef("pk")}).values("n"),
                output_field=IntegerField(),
            ),
            Value(0),
        )
        for name, (model, fk, counted) in related_counts.items()
    }


class CountedChangeList(ChangeList):
    """A changelist that reads a page's rows, and their joins and counts, only for that page.

    A page past the first is read in two steps: the ids in the list's order and
    offset, then those rows with the tables they join (the figure list's zone,
    article, page and indicator). In one query, PostgreSQL joined every row the
    offset skips: page 8,000 of 840,000 figures took 2.2 s.

    The count columns (RelatedCountsMixin) are annotated in the list's query only
    when the curator sorts by one of them; otherwise they are read for the rows
    shown, one grouped query per column.
    """

    def get_queryset(self, request, exclude_parameters=None):
        counts = getattr(self.model_admin, "related_counts", {})
        ordering = self.get_ordering(request, self.root_queryset)
        self.counts_sorted = any(str(field).lstrip("-") in counts for field in ordering)
        if self.counts_sorted:
            self.root_queryset = self.root_queryset.annotate(**_related_counts(counts))
        return super().get_queryset(request, exclude_parameters)

    def get_results(self, request):
        super().get_results(request)
        page = self.result_list
        if isinstance(page, QuerySet) and page.query.low_mark:
            ids = list(page.values_list("pk", flat=True))
            # Still a queryset, in the page's order: the list's editable rows are a formset over it.
            self.result_list = self.queryset.filter(IdIn(ids)).annotate(page_order=IdPosition(ids)).order_by("page_order")
        counts = getattr(self.model_admin, "related_counts", {})
        if self.counts_sorted or not counts:
            return
        rows = list(self.result_list)  # a list, the counts set on its rows: no counted list is editable
        ids = [row.pk for row in rows]
        for name, (model, fk, counted) in counts.items():
            found = dict(_counted(model, fk, counted).filter(**{f"{fk}__in": ids}).values_list(fk, "n"))
            for row in rows:
                setattr(row, name, found.get(row.pk, 0))
        self.result_list = rows


class RankedChangeList(CountedChangeList):
    """Keeps the search rank as the first ordering unless the curator sorts by a column,
    and leaves out of the list's rows the columns no list shows (``list_deferred``)."""

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        # An article's text is most of its row: sorted along with a deep page's offset, it made
        # PostgreSQL sort every article whole.
        return queryset.defer(*getattr(self.model_admin, "list_deferred", ()))

    def get_ordering(self, request, queryset):
        ordering = super().get_ordering(request, queryset)
        if "search_order" in queryset.query.annotations and not self.params.get(ORDER_VAR):
            return ["search_order", *[o for o in ordering if o != "search_order"]]
        return ordering


class FirstRowsFormSet(BaseInlineFormSet):
    """An inline's first ``limit`` rows, in its order; ``total`` says how many there are.

    The rows are chosen by id, not sliced, so the formset saves them as any other.
    """

    limit = 25
    all_rows_url = ""  # where every row is listed, if anywhere

    def get_queryset(self):
        if not hasattr(self, "_first_rows"):
            rows = super().get_queryset()
            ids = list(rows.values_list("pk", flat=True)[: self.limit + 1])
            self._total = len(ids) if len(ids) <= self.limit else rows.count()
            self._first_rows = rows.filter(pk__in=ids[: self.limit])
        return self._first_rows

    @property
    def total(self):
        self.get_queryset()
        return self._total


class FirstRowsInline:
    """A tabular inline that lists an object's first rows (``FirstRowsFormSet.limit``) and, below them,
    how many there are and where all are listed (``all_rows_url``).

    An article of a statistics bulletin states a hundred figures, a common programme is named in
    thousands of articles: every row a form of its own, such a change page took seconds to build.
    """

    formset = FirstRowsFormSet
    template = "admin/articles/first_rows_tabular.html"

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.all_rows_url = self.all_rows_url(obj) if obj is not None else ""
        return formset

    def all_rows_url(self, obj):
        """Where every row of ``obj`` is listed, or "" (nowhere but here)."""
        return ""


def search_fields_for(fields, request):
    """The admin's ``search_fields`` as a search for what ``request`` typed reads them: a plain
    ``contains`` (no UPPER() of every row on PostgreSQL) where it has no case (``core.text.has_case``).

    Typed in a list's search box (``q``) or in an autocomplete of another form (``term``).
    """
    if has_case(request.GET.get(SEARCH_VAR) or request.GET.get("term") or ""):
        return fields
    return tuple(name if name[:1] in "^=@" else f"{name}__contains" for name in fields)


class ArchiveListMixin:
    """How every admin list reads a table of hundreds of thousands of rows."""

    # The filters' per-option counts ("显示计数") count every option over the whole table: 8.9 s
    # for the initiative list at 100,000 articles. The list's own count and the stored tallies remain.
    show_facets = admin.ShowFacets.NEVER
    # Beside a filtered list's count, Django counts the whole table again ("总共 …") at every load,
    # filtered or not: 51 ms for the figure list on PostgreSQL at 840,000 figures. A link shows all instead.
    show_full_result_count = False

    def get_changelist(self, request, **kwargs):
        return CountedChangeList

    def get_search_fields(self, request):
        return search_fields_for(super().get_search_fields(request), request)


class ViewOnlyMixin(ArchiveListMixin):
    """Rows the ingest writes and curators only read (pages, mentions, runs, deletion records)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class RelatedCountsMixin:
    """Changelist columns counting related rows, sortable.

    ``related_counts`` maps the attribute (``n_articles``, ``n_initiatives``, ``n_metrics``)
    to ``(model, field pointing at this row, field counted distinctly)``; list the
    matching ``*_count`` columns in ``list_display``.  The rows shown are counted
    in one query per column after the page is read (CountedChangeList); sorted by
    a count, each row's is a correlated subquery over its own relations (joining
    two relations and counting distinct values multiplied every row by every
    other before counting).
    """

    related_counts = {}

    @admin.display(description="文章", ordering="n_articles")
    def article_count(self, obj):
        return obj.n_articles

    @admin.display(description="举措", ordering="n_initiatives")
    def initiative_count(self, obj):
        return obj.n_initiatives

    @admin.display(description="指标", ordering="n_metrics")
    def metric_count(self, obj):
        return obj.n_metrics


class CuratedFieldsAdmin(ArchiveListMixin, admin.ModelAdmin):
    """Remembers every field a curator changes and tombstones what a curator deletes."""

    formfield_overrides = {
        models.TextField: {"form_class": MultilineTextField},
        models.JSONField: {"form_class": LinesListField},
        models.URLField: {"assume_scheme": "https"},
    }

    # A curator's save recounts, when it commits, only the zones the row counts in before and after
    # (curation.counted_zones): at 100,000 articles a whole recount takes 8-16 s of the request.
    def save_model(self, request, obj, form, change):
        form.counted_zones = curation.counted_zones(obj, self.zones_edited(form))
        with tallies.confined(form.counted_zones):
            form.curated_added = self.save_curated(obj, form)

    def save_curated(self, obj, form):
        """Save ``obj`` with the form's changes, recorded as curated; the names newly recorded."""
        added = curation.record_curated_fields(obj, form.changed_data)
        obj.save()
        return added

    def zones_edited(self, form):
        """Zones the form gives the row besides its own ``zone`` (an article's ``zones``)."""
        return ()

    def save_related(self, request, form, formsets, change):
        # The inlines and many-to-many fields saved after the row: within the same zones.
        with tallies.confined(getattr(form, "counted_zones", None)):
            super().save_related(request, form, formsets, change)

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
        with transaction.atomic(), tallies.confined(curation.counted_zones(obj)):
            curation.tombstone(obj)
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic(), tallies.confined(curation.deleted_zones(queryset)):
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
