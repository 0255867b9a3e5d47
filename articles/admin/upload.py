"""导入版面: curators upload page files, see what they would give, then store them as one run.

1. The form (``upload/``, upload_forms.py) takes several files and the curator's paper, date,
   page, page name and link (``given.clean_given``, as the command's options).
   Files arrive through ``LimitedUploadHandler``: one over the largest page a
   reader accepts is dropped as it streams in, an upload over
   ``INGEST_UPLOAD_MAX_BYTES`` is stopped.
2. The files are kept in a private folder (upload_folder.py), ``MEDIA_ROOT/uploads/<token>/``
   (random token, owner-only permissions, only its uploader may open it), read
   by the readers (format by content, size limits) and analysed by
   ``pipeline.analyse_page`` -- nothing is written to the database. A refused
   file is deleted at once. The preview (``upload/<token>/``, upload_preview.py) shows what each
   page would give and what to check: no zone found, a likely duplicate of a
   stored article, low OCR quality, no date.
3. Confirm stores the accepted files as one ingest run
   (``articles.ingest.run.IngestJob``, the command's own loop: originals kept,
   the run record lists the files); Cancel stores nothing. Either way the
   folder is deleted; folders left behind are swept after ``STALE_SECONDS``.

This module holds the pages (``SourceUploadMixin``, mixed into SourceAdmin)
and re-exports, in ``__all__``, the names other modules import from it.
"""
from django.conf import settings
from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.auth import get_permission_codename
from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.db import DatabaseError
from django.http.multipartparser import MultiPartParserError
from django.http.request import UnreadablePostError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from articles.ingest.given import GIVEN_FIELDS
from articles.ingest.readers import limits

from .upload_folder import STALE_SECONDS, Upload, safe_name, sweep_stale, uploads_root
from .upload_forms import LimitedUploadHandler, UploadForm, upload_limit
from .upload_preview import preview_page

LOCK_WAIT = 5.0  # seconds a confirm waits for another ingest before saying so


class SourceUploadMixin:
    """The 导入版面 pages of SourceAdmin (see the module's notes)."""

    upload_template = "admin/articles/source/upload.html"
    preview_template = "admin/articles/source/upload_preview.html"

    def has_upload_permission(self, request):
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.{get_permission_codename('add', opts)}")

    def get_upload_urls(self):
        return [
            path("upload/", self.admin_site.admin_view(self.upload_view),
                 name="articles_source_upload"),
            path("upload/<str:token>/", self.admin_site.admin_view(self.upload_preview_view),
                 name="articles_source_upload_preview"),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "has_upload_permission": self.has_upload_permission(request)}
        return super().changelist_view(request, extra_context)

    def _upload_context(self, request, title, **context):
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.opts,
            "app_label": self.opts.app_label,
            "has_view_permission": self.has_view_permission(request),
            **context,
        }

    def _upload_form_response(self, request, form, error=""):
        adminform = helpers.AdminForm(form, form.fieldsets, {}, model_admin=self)
        context = self._upload_context(
            request, "导入版面", form=form, adminform=adminform, error=error,
            max_file=limits.human(limits.max_file_bytes()), max_upload=limits.human(upload_limit()),
            max_files=settings.DATA_UPLOAD_MAX_NUMBER_FILES,
        )
        return TemplateResponse(request, self.upload_template, context)

    @method_decorator(csrf_exempt)  # checked below, once the limited upload handler is in place
    def upload_view(self, request):
        if not self.has_upload_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            sweep_stale()
            return self._upload_form_response(request, UploadForm())
        handler = LimitedUploadHandler(request)
        request.upload_handlers.insert(0, handler)
        try:
            request.POST, request.FILES  # noqa: B018 - parse now, through the handler's limits
        except (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent) as exc:
            # Nothing was kept: the form again, with why.
            return self._upload_form_response(request, UploadForm(), error=_too_much(exc))
        except (MultiPartParserError, UnreadablePostError):
            return self._upload_form_response(request, UploadForm(), error="上传没有完整收到，请重试。")
        return csrf_protect(self._receive_upload)(request, handler)

    def _receive_upload(self, request, handler):
        if handler.stopped:
            error = f"本次上传合计超过 {limits.human(handler.total_limit)}，没有接收。请分批上传。"
            kept = {name: request.POST.get(name, "") for name in GIVEN_FIELDS}  # sent before the files
            return self._upload_form_response(request, UploadForm(initial=kept), error=error)
        form = UploadForm(request.POST, request.FILES, too_large=handler.too_large)
        if not form.is_valid():
            return self._upload_form_response(request, form)
        sweep_stale()
        upload = Upload.create(
            user=request.user, given=form.given_text(), files=form.cleaned_data["files"],
            too_large=form.too_large,
        )
        try:
            upload.analyse()
        except BaseException:
            upload.discard()
            raise
        return redirect("admin:articles_source_upload_preview", token=upload.token)

    def upload_preview_view(self, request, token):
        if not self.has_upload_permission(request):
            raise PermissionDenied
        upload = Upload.open(token, request.user)
        if upload is None:
            messages.warning(request, "这次上传已确认、已取消或已过期，请重新上传。")
            return redirect("admin:articles_source_upload")
        if request.method == "POST":
            if "_confirm" in request.POST and upload.accepted:
                return self._confirm_upload(request, upload)
            upload.discard()
            messages.info(request, "已取消导入，没有写入任何内容，上传的文件已删除。")
            return self._after_upload(request)
        files = upload.meta["files"]
        given = upload.given
        context = self._upload_context(
            request, "导入版面：预览", upload=upload, files=files,
            given=[(UploadForm.base_fields[name].label, value) for name, value in given.items()],
            accepted=len(upload.accepted), refused=len(files) - len(upload.accepted),
            article_count=sum(len(p["articles"]) for f in files for p in f["pages"]),
            page_count=sum(len(f["pages"]) for f in files),
        )
        return TemplateResponse(request, self.preview_template, context)

    def _confirm_upload(self, request, upload):
        from articles.ingest.run import IngestBusy, IngestJob, database_problem

        given = upload.given
        if not upload.claim():
            messages.warning(request, "这次上传正在导入或已导入。")
            return self._after_upload(request)
        names = [entry["name"] for entry in upload.accepted]
        job = IngestJob(given=given)
        try:
            job.run(
                [str(upload.files_dir / name) for name in names], wait=LOCK_WAIT,
                recorded_paths=[f"后台上传（{upload.meta['username']}）：{name}" for name in names],
            )
        except IngestBusy:
            upload.release()
            messages.error(request, "另一个导入正在进行，请稍后再点“确认导入”。")
            return redirect("admin:articles_source_upload_preview", token=upload.token)
        except DatabaseError as exc:
            upload.release()
            messages.error(request, f"数据库无法写入，导入已停止（{database_problem(exc)}）。已写入的版面各自完整。")
            return redirect("admin:articles_source_upload_preview", token=upload.token)
        upload.discard()
        self._report_job(request, job)
        return self._after_upload(request, job.run_record)

    def _after_upload(self, request, run=None):
        """The run's record when the user may read it, else the source list, else the upload form."""
        if run is not None and request.user.has_perm("articles.view_ingestrun"):
            return redirect("admin:articles_ingestrun_change", run.pk)
        if self.has_view_permission(request):
            return redirect("admin:articles_source_changelist")
        return redirect("admin:articles_source_upload")

    def _report_job(self, request, job):
        articles = job.totals.articles
        summary = (
            f"已导入 {job.good_files} 个版面：文章新增 {articles.created}，更新 {articles.updated}，"
            f"未变 {articles.unchanged}；举措新增 {job.totals.initiatives.created}，"
            f"指标新增 {job.totals.metrics.created}。"
        )
        messages.success(request, summary)
        for entry in job.files:
            if entry["status"] == "duplicate":
                messages.warning(request, f"{entry['name']}：{entry['message']}")
        for error in job.errors:
            messages.error(request, error)


def _too_much(exc):
    if isinstance(exc, TooManyFilesSent):
        return f"一次最多上传 {settings.DATA_UPLOAD_MAX_NUMBER_FILES} 个文件，请分批上传。"
    return "上传的表单内容过多，没有接收。"


__all__ = [
    "STALE_SECONDS",
    "LimitedUploadHandler",
    "SourceUploadMixin",
    "Upload",
    "UploadForm",
    "preview_page",
    "safe_name",
    "sweep_stale",
    "upload_limit",
    "uploads_root",
]
