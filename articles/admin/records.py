"""What the ingest leaves behind for the record: source pages, ingest runs, deletions."""

from pathlib import Path

from django.contrib import admin
from django.http import FileResponse, Http404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from articles import curation
from articles.models import Article, IngestRun, Source, Tombstone

from .display import IndexedValuesFilter, admin_link, as_text
from .mixins import CuratedFieldsAdmin, RelatedCountsMixin, ViewOnlyMixin
from .upload import SourceUploadMixin


@admin.register(Source)
class SourceAdmin(SourceUploadMixin, RelatedCountsMixin, CuratedFieldsAdmin):
    """Pages as ingested; a curator fixes their newspaper, date, page and link here."""

    list_display = ("name", "paper", "date", "page", "page_name", "format", "article_count", "ingested_at")
    list_filter = (
        ("format", IndexedValuesFilter), ("paper", IndexedValuesFilter), ("page_name", IndexedValuesFilter),
    )
    search_fields = ("name", "paper", "page_name")
    date_hierarchy = "date"
    fieldsets = (
        ("出处", {"fields": ("paper", "date", "page", "page_name", "url")}),
        ("文件", {"fields": ("name", "format", "original_link", "encoding", "ocr_quality",
                           "meta_source", "content_hash", "ingested_at", "curated_display")}),
        ("本版", {"fields": ("articles_list", "text")}),
    )
    readonly_fields = (
        "name", "format", "original_link", "encoding", "ocr_quality", "meta_source",
        "content_hash", "ingested_at", "curated_display", "articles_list", "text",
    )

    related_counts = {"n_articles": (Article, "source", "pk")}

    def has_add_permission(self, request):
        return False  # pages arrive through the ingest (or the upload page)

    def has_delete_permission(self, request, obj=None):
        # Articles protect their page; delete the articles (tombstoned) instead.
        return False

    def save_curated(self, obj, form):
        return curation.source_update(source=obj, changed_fields=form.changed_data)

    def get_urls(self):
        return [
            path("<int:pk>/original/", self.admin_site.admin_view(self.original_view),
                 name="articles_source_original"),
            *self.get_upload_urls(),  # 导入版面 (upload.py)
            *super().get_urls(),
        ]

    def original_view(self, request, pk):
        """The original file, for curators who may see sources."""
        source = Source.objects.filter(pk=pk).only("original", "name").first()
        if source is None or not self.has_view_permission(request, source) or not source.original:
            raise Http404("没有原始文件")
        try:
            handle = source.original.open("rb")
        except FileNotFoundError:
            raise Http404("原始文件已不在存储中") from None
        filename = source.name.split("#")[0] or Path(source.original.name).name
        return FileResponse(handle, as_attachment=True, filename=filename)

    @admin.display(description="原始文件")
    def original_link(self, obj):
        if not obj.original:
            return "—"
        url = reverse("admin:articles_source_original", args=[obj.pk])
        return format_html('<a href="{}">下载</a>', url)

    @admin.display(description="本版文章")
    def articles_list(self, obj):
        items = obj.articles.order_by("position")
        return format_html(
            "<ol>{}</ol>", format_html_join("", "<li>{}</li>", ((admin_link(a),) for a in items))
        )




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
    "merged": "与其他来源合并",
    "zones_created": "新增高新区",
}


def flat_counts(counts, prefix=""):
    for key, value in (counts or {}).items():
        label = f"{prefix}{COUNT_LABELS.get(key, key)}"
        if isinstance(value, dict):
            yield from flat_counts(value, f"{label} · ")
        else:
            yield label, value


# A run over a whole archive records a line for each of its tens of thousands of files: its
# page lists this many, those not stored first, and says how many there are.
RUN_LINES_SHOWN = 500


def _first_lines(lines, what):
    """(the first RUN_LINES_SHOWN of ``lines``, a note saying how many there are when not all are shown)."""
    if len(lines) <= RUN_LINES_SHOWN:
        return lines, ""
    return lines[:RUN_LINES_SHOWN], f"共 {len(lines)} 个{what}，列出前 {RUN_LINES_SHOWN} 个。"


@admin.register(IngestRun)
class IngestRunAdmin(ViewOnlyMixin, admin.ModelAdmin):
    list_display = (
        "started_at", "finished_at", "files_summary", "counts_summary", "error_count", "ok_display",
        "interrupted",
    )
    list_filter = ("interrupted",)
    date_hierarchy = "started_at"
    fields = (
        "started_at",
        "finished_at",
        "ok_display",
        "interrupted",
        "paths_display",
        "counts_table",
        "files_table",
        "errors_display",
    )
    readonly_fields = fields

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="成功", boolean=True)
    def ok_display(self, obj):
        return obj.ok

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
        # Those not stored as they are first (refused, skipped as copies), in the run's order.
        files.sort(key=lambda f: f.get("status") in ("ok", "unchanged"))
        shown, note = _first_lines(files, "文件")
        rows = ((f.get("name", ""), f.get("status", ""), f.get("message", "")) for f in shown)
        return format_html(
            '{}<table class="kb-diff"><thead><tr><th>文件</th><th>状态</th><th>说明</th></tr>'
            "</thead><tbody>{}</tbody></table>",
            note,
            format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
        )

    @admin.display(description="错误")
    def errors_display(self, obj):
        if not obj.errors:
            return "—"
        shown, note = _first_lines(list(obj.errors), "错误")
        return format_html(
            "{}<ul>{}</ul>", note, format_html_join("", "<li>{}</li>", ((as_text(e),) for e in shown))
        )


@admin.register(Tombstone)
class TombstoneAdmin(ViewOnlyMixin, admin.ModelAdmin):
    list_display = ("model", "key", "deleted_at")
    list_filter = ("model",)
    search_fields = ("key",)
    date_hierarchy = "deleted_at"
    readonly_fields = ("model", "key", "deleted_at")
