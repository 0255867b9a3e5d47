"""Receiving an upload (导入版面): the handler that bounds it as it streams in, and the form.

The whole flow is described in upload.py.
"""
import datetime

from django import forms
from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile, StopUpload
from django.core.validators import URLValidator

from articles.ingest.given import clean_given
from articles.ingest.readers import limits


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
