"""导入版面: curators upload page files, see what they would give, then store them as one run.

1. The form (``upload/``) takes several files and the curator's paper, date,
   page, page name and link (``given.clean_given``, as the command's options).
   Files arrive through ``LimitedUploadHandler``: one over the largest page a
   reader accepts is dropped as it streams in, an upload over
   ``INGEST_UPLOAD_MAX_BYTES`` is stopped.
2. The files are kept in a private folder, ``MEDIA_ROOT/uploads/<token>/``
   (random token, owner-only permissions, only its uploader may open it), read
   by the readers (format by content, size limits) and analysed by
   ``pipeline.analyse_page`` -- nothing is written to the database. A refused
   file is deleted at once. The preview (``upload/<token>/``) shows what each
   page would give and what to check: no zone found, a likely duplicate of a
   stored article, low OCR quality, no date.
3. Confirm stores the accepted files as one ingest run
   (``articles.ingest.run.IngestJob``, the command's own loop: originals kept,
   the run record lists the files); Cancel stores nothing. Either way the
   folder is deleted; folders left behind are swept after ``STALE_SECONDS``.
"""
import datetime
import json
import os
import re
import secrets
import shutil
import time
from pathlib import Path

from django import forms
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
from django.core.files.uploadhandler import FileUploadHandler, SkipFile, StopUpload
from django.core.validators import URLValidator
from django.db import DatabaseError
from django.http.multipartparser import MultiPartParserError
from django.http.request import UnreadablePostError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from articles import identity
from articles.ingest import duplicates
from articles.ingest.given import GIVEN_FIELDS, apply_given, clean_given
from articles.ingest.readers import limits
from articles.models import Article, Source

UPLOADS = "uploads"
TOKEN = re.compile(r"^[A-Za-z0-9_-]{22}$")
CONFIRMING = ".confirming"  # a folder being stored is renamed so a second click finds nothing
STALE_SECONDS = 24 * 3600
LOCK_WAIT = 5.0  # seconds a confirm waits for another ingest before saying so
LOW_OCR_QUALITY = 0.6
MAX_NAME_CHARS = 150
META = "upload.json"


def upload_limit():
    """Bytes one upload may carry in all (INGEST_UPLOAD_MAX_BYTES, default 200 MB)."""
    return int(getattr(settings, "INGEST_UPLOAD_MAX_BYTES", 200 * limits.MB))


# --------------------------------------------------------------------- receiving


class LimitedUploadHandler(FileUploadHandler):
    """Drops a file larger than any reader accepts as it arrives; stops an upload over the total.

    First in ``request.upload_handlers``: a dropped file never reaches the disk
    whole, and its name is kept in ``too_large`` for the preview to report.
    """

    def __init__(self, request=None):
        super().__init__(request)
        self.per_file = limits.max_file_bytes()
        self.total_limit = upload_limit()
        self.total = self.received = 0
        self.too_large = []
        self.stopped = False

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        self.total += len(raw_data)
        if self.total > self.total_limit:
            self.stopped = True
            raise StopUpload(connection_reset=False)
        if self.received > self.per_file:
            self.too_large.append(self.file_name or "")
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler makes the file


# --------------------------------------------------------------------- the form


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files; each one is judged later by the readers, by content, not here."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if self.required and not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return files


class UploadForm(forms.Form):
    paper = forms.CharField(
        label="报纸/网站", required=False, max_length=64, help_text="如 中国高新技术产业导报"
    )
    date = forms.CharField(
        label="出版日期", required=False, max_length=32,
        widget=forms.DateInput(attrs={"type": "date"}), help_text="不填则按版面自身所印的日期",
    )
    page = forms.CharField(label="版次", required=False, max_length=16, help_text="如 A7、3")
    page_name = forms.CharField(label="版名", required=False, max_length=64, help_text="如 党建在高新")
    url = forms.CharField(
        label="原文链接", required=False, max_length=500, help_text="http:// 或 https:// 开头"
    )
    files = MultipleFileField(
        label="版面文件", required=False,
        help_text="可一次选择多个文件：文本（.txt）、网页（.html）、PDF、Word（.docx）、图片（扫描件）。",
    )

    fieldsets = [
        ("出处（填写后覆盖文件与版面自身所写，适用于本次上传的每个文件）",
         {"fields": ["paper", "date", "page", "page_name", "url"]}),
        ("文件", {"fields": ["files"]}),
    ]

    def __init__(self, *args, too_large=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large = list(too_large)
        self.fields["files"].widget.attrs["accept"] = ",".join(sorted(_accepted_suffixes()))

    def clean_url(self):
        url = self.cleaned_data["url"].strip()
        if url:
            try:
                URLValidator(schemes=["http", "https"])(url)
            except forms.ValidationError:
                raise forms.ValidationError("请填写 http:// 或 https:// 开头的完整链接。") from None
        return url

    def clean(self):
        data = super().clean()
        try:
            self.given = clean_given(data, "出版日期：")
        except ValueError as exc:
            self.add_error("date", str(exc))
        if not data.get("files") and not self.too_large and "files" not in self.errors:
            self.add_error("files", "请选择至少一个文件。")
        return data

    def given_text(self):
        """The given fields as JSON-able text (the date as YYYY-MM-DD)."""
        return {name: value.isoformat() if isinstance(value, datetime.date) else value
                for name, value in self.given.items()}


def _accepted_suffixes():
    from articles.ingest.readers import PAGE_SUFFIXES

    return PAGE_SUFFIXES


# --------------------------------------------------------------------- the folder


def uploads_root():
    return Path(settings.MEDIA_ROOT) / UPLOADS


def safe_name(name, number):
    """A file name fit to keep and to name a source: no folders, controls or shell-hostile characters."""
    name = Path(str(name).replace("\\", "/")).name
    name = "".join(ch if ch.isprintable() and ch not in '<>:"/|?*' else "_" for ch in name)
    name = name.strip().lstrip(".")
    if not name:
        name = f"upload-{number}"
    if len(name) > MAX_NAME_CHARS:
        stem, suffix = os.path.splitext(name)
        suffix = suffix[:12]
        name = stem[: MAX_NAME_CHARS - len(suffix)] + suffix
    return name


def sweep_stale(now=None):
    """Delete upload folders older than STALE_SECONDS (previews never confirmed nor cancelled)."""
    root = uploads_root()
    if not root.is_dir():
        return 0
    now = now or time.time()
    removed = 0
    for folder in root.iterdir():
        token = folder.name.removesuffix(CONFIRMING)
        if not TOKEN.match(token) or not folder.is_dir():
            continue
        try:
            age = now - folder.stat().st_mtime
        except FileNotFoundError:
            continue
        if age > STALE_SECONDS:
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed


class Upload:
    """One upload's private folder: its files under ``files/``, what it is in ``upload.json``."""

    def __init__(self, token, folder, meta):
        self.token, self.folder, self.meta = token, folder, meta

    @property
    def files_dir(self):
        return self.folder / "files"

    @classmethod
    def create(cls, *, user, given, files, too_large=()):
        """Keep ``files`` in a new folder; names repeated within the upload or too large are refused."""
        root = uploads_root()
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        token = secrets.token_urlsafe(16)
        folder = root / token
        folder.mkdir(mode=0o700)
        (folder / "files").mkdir(mode=0o700)
        entries, taken = [], set()
        for number, uploaded in enumerate(files, start=1):
            name = safe_name(uploaded.name, number)
            entry = {"name": name, "size": uploaded.size, "refused": "", "pages": []}
            if name.lower() in taken:
                entry["refused"] = f"{name}: 本次上传中已有同名文件，未接收 (same name twice in one upload)"
            else:
                taken.add(name.lower())
                fd = os.open(folder / "files" / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as out:
                    for chunk in uploaded.chunks():
                        out.write(chunk)
            entries.append(entry)
        limit = limits.human(limits.max_file_bytes())
        for number, name in enumerate(too_large, start=len(entries) + 1):
            name = safe_name(name, number)
            entries.append({
                "name": name, "size": None, "pages": [],
                "refused": f"{name}: 文件过大，未接收 (file too large: over the {limit} limit, INGEST_MAX_FILE_BYTES)",
            })
        meta = {
            "user": user.pk, "username": user.get_username(), "created": timezone.now().isoformat(),
            "given": given, "files": entries,
        }
        upload = cls(token, folder, meta)
        upload.save()
        return upload

    @classmethod
    def open(cls, token, user):
        """The upload ``token`` of ``user``, or None (unknown, swept, being stored, another's)."""
        if not TOKEN.match(token or ""):
            return None
        folder = uploads_root() / token
        try:
            meta = json.loads((folder / META).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if meta.get("user") != user.pk:
            return None
        return cls(token, folder, meta)

    def save(self):
        temporary = self.folder / f"{META}.tmp"
        temporary.write_text(json.dumps(self.meta, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, self.folder / META)

    @property
    def given(self):
        return clean_given(self.meta.get("given") or {})

    @property
    def accepted(self):
        return [entry for entry in self.meta["files"] if not entry["refused"]]

    def claim(self):
        """Rename the folder so no second confirm takes it; False when it is gone already."""
        claimed = self.folder.with_name(self.token + CONFIRMING)
        try:
            os.rename(self.folder, claimed)
        except OSError:
            return False
        self.folder = claimed
        return True

    def release(self):
        """Give a claimed folder back (the ingest could not start)."""
        original = self.folder.with_name(self.token)
        os.rename(self.folder, original)
        self.folder = original

    def discard(self):
        shutil.rmtree(self.folder, ignore_errors=True)

    # ------------------------------------------------------------ the preview

    def analyse(self):
        """Read and analyse every file, writing nothing to the database; refused files are deleted."""
        from articles.ingest.pipeline import analyse_page, default_steps
        from articles.ingest.readers import PageError, read_pages
        from articles.vocabulary import snapshot

        steps = default_steps()
        vocabulary = snapshot()  # the preview shows the indicators and types the import will store
        zone_index = preview_zone_index(steps)
        given = self.given
        for entry in self.meta["files"]:
            if entry["refused"]:
                continue
            file_path = self.files_dir / entry["name"]
            try:
                pages = read_pages(file_path)
                entry["pages"] = [
                    preview_page(analyse_page(
                        apply_given(page, given), zone_index=zone_index, steps=steps, vocabulary=vocabulary
                    ))
                    for page in pages
                ]
            except PageError as exc:
                entry["refused"] = str(exc)
            except Exception as exc:  # noqa: BLE001 - a hostile file must not cost the others
                entry["refused"] = f"{entry['name']}: 无法读取 ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})"
            if entry["refused"]:
                entry["pages"] = []
                file_path.unlink(missing_ok=True)
        self.save()


def preview_zone_index(steps):
    """The linker's index as the ingest will have it; from the reference list while the table is empty."""
    from articles.ingest.pipeline import load_zone_index
    from zones.models import Zone
    from zones.reference import reference_zones

    if Zone.objects.exists():
        return load_zone_index(steps)
    return steps.make_zone_index(reference_zones())  # the ingest loads this list first


def _likely_duplicate(source_name, block):
    """(article, verdict) of a stored article of another page that ``block`` repeats, as upsert judges it."""
    title_key = identity.text_key(block.title)
    if len(title_key) < 6:
        return None, "different"
    candidates = (
        Article.objects.filter(title_key=title_key).exclude(source__name=source_name)
        .only("pk", "title", "body").order_by("pk")[:5]
    )
    return duplicates.closest(candidates, block.body)


KIND_LABELS = dict(Article.Kind.choices)


def preview_page(result):
    """What storing the analysed page ``result`` would give, as JSON-able data, with what to check."""
    page = result.page
    source_name = identity.source_name(page.name)
    place = Source(paper=page.paper or "", date=page.date, page=page.page or "",
                   page_name=page.page_name or "").citation_place
    warnings = []
    twin = (
        Source.objects.filter(content_hash=page.content_hash).exclude(name=source_name)
        .values_list("name", flat=True).first()
    )
    if twin:
        warnings.append(f"与已导入的 {twin} 内容相同，导入时将跳过")
    existing = Source.objects.filter(name=source_name).values_list("pk", flat=True).first()
    if existing and not twin:
        warnings.append(f"已有同名来源版面 {source_name}，导入将更新它（人工修订的内容保持不变）")
    if page.date is None:
        warnings.append("出版日期未知：版面上没有印日期，上传时也未填写（可取消后填写重传，或导入后在来源版面中补上）")
    if page.ocr_quality is not None and page.ocr_quality < LOW_OCR_QUALITY:
        warnings.append(f"文字识别质量低（{page.ocr_quality:.2f}），请核对原文")
    if page.removed_controls:
        warnings.append(f"已去除 {page.removed_controls} 个控制字符")
    if not result.articles:
        warnings.append("没有拆分出文章")
    articles = []
    for item in result.articles:
        block = item.block
        notes = []
        zones = [mention.name for mention in item.zones]
        if not zones:
            notes.append("未识别到高新区")
        elif not item.zones[0].known:
            notes.append(f"将新建高新区 {zones[0]}")
        duplicate, verdict = _likely_duplicate(source_name, block)
        if page.date:
            date = f"{page.date.year}年{page.date.month}月{page.date.day}日"
        elif item.year:
            date = f"{item.year}年（据正文）"
        else:
            date = ""
        articles.append({
            "position": block.position + 1,
            "title": block.title,
            "kind": KIND_LABELS.get(block.kind, block.kind),
            "zones": zones,
            "authors": list(block.authors),
            "date": date,
            "initiatives": len(item.initiatives),
            "metrics": len(item.metrics),
            "notes": notes,
            "duplicate": {"id": duplicate.pk, "title": duplicate.title, "verdict": verdict}
            if duplicate else None,
        })
    return {
        "name": page.name,
        "format": page.format,
        "place": place,
        "url": page.url or "",
        "warnings": warnings,
        "articles": articles,
    }


# --------------------------------------------------------------------- the views


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


__all__ = ["LimitedUploadHandler", "SourceUploadMixin", "Upload", "UploadForm"]
