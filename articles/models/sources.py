"""The pages the ingest reads articles from."""
from django.db import models


class Source(models.Model):
    """One ingested page: a text file, a web copy, a Word file, a scan, or one page of a PDF.

    Its newspaper, date and page come, in order of trust, from the curator (the
    admin, command options, a manifest), the file's own metadata, the page's own
    lines (folio, masthead, web metadata lines) and an e-paper URL; ``meta_source``
    says where each was read. Fields in ``curated_fields`` are never overwritten.
    """

    name = models.CharField("文件名", max_length=255, unique=True)
    content_hash = models.CharField("内容哈希", max_length=64, db_index=True)
    file_hash = models.CharField("文件哈希", max_length=64, blank=True, db_index=True)
    format = models.CharField("格式", max_length=16, blank=True, default="text")
    column = models.CharField("栏目", max_length=64, blank=True, help_text="如 党建在高新")
    paper = models.CharField("报纸/网站", max_length=64, blank=True, help_text="如 中国高新技术产业导报")
    date = models.DateField("出版日期", null=True, blank=True, db_index=True)
    page = models.CharField("版次", max_length=16, blank=True, help_text="如 A7、3")
    page_name = models.CharField("版名", max_length=64, blank=True, help_text="如 党建在高新")
    url = models.URLField("原文链接", max_length=500, blank=True)
    meta_source = models.JSONField("元数据来源", default=dict, blank=True)
    ocr_quality = models.FloatField("识别质量", null=True, blank=True, help_text="OCR 平均置信度，0-1")
    original = models.FileField("原始文件", upload_to="sources/%Y/%m/", blank=True, max_length=300)
    text = models.TextField("原始文本", blank=True)
    encoding = models.CharField("编码", max_length=32, blank=True)
    curated_fields = models.JSONField("已人工修订字段", default=list, blank=True)
    # The reading rules it was analysed with (pipeline.INGEST_VERSION): an unchanged
    # page read by the same rules is not analysed again.
    analysed_with = models.CharField("分析版本", max_length=32, blank=True, editable=False)
    ingested_at = models.DateTimeField("导入时间", auto_now=True)

    class Meta:
        verbose_name = "来源版面"
        verbose_name_plural = "来源版面"
        ordering = ["name"]
        # The admin's filters list the distinct formats, papers and page names: read from these
        # indexes, not from the table's rows, each carrying its page's text.
        indexes = [
            models.Index(fields=["format"], name="source_format_idx"),
            models.Index(fields=["paper"], name="source_paper_idx"),
            models.Index(fields=["page_name"], name="source_page_name_idx"),
        ]

    def __str__(self):
        return self.name

    @property
    def citation_place(self):
        """``中国高新技术产业导报 2022年9月5日 A7版 · 党建在高新``, from what is known."""
        parts = []
        if self.paper:
            parts.append(self.paper)
        if self.date:
            parts.append(f"{self.date.year}年{self.date.month}月{self.date.day}日")
        if self.page:
            page = self.page
            parts.append(page if page.endswith("版") else f"{page}版" if not page.startswith("第") else page)
        text = " ".join(parts)
        if self.page_name:
            text = f"{text} · {self.page_name}" if text else self.page_name
        return text
