"""What the ingest and the curators leave for the record: ingest runs, deleted keys, the last reindex."""
from django.db import models


class IngestRun(models.Model):
    """One run of the ingest command, for the curators' record."""

    started_at = models.DateTimeField("开始时间", auto_now_add=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)
    paths = models.JSONField("输入路径", default=list)
    files = models.JSONField("处理文件", default=list, help_text="[{name, status, message}]")
    counts = models.JSONField(
        "计数", default=dict, help_text="created / updated / unchanged / skipped_curated …"
    )
    errors = models.JSONField("错误", default=list)
    interrupted = models.BooleanField(
        "已中断", default=False, help_text="进程在完成前被终止；已写入的版面各自完整，重新运行即可补齐"
    )

    class Meta:
        verbose_name = "导入记录"
        verbose_name_plural = "导入记录"
        ordering = ["-started_at"]

    def __str__(self):
        return f"导入 {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def ok(self):
        """Finished, and every file went in."""
        return self.finished_at is not None and not self.errors and not self.interrupted


class Tombstone(models.Model):
    """A row a curator deleted; the ingest never recreates an item whose key is here.

    Keys are those of ``articles.identity``.
    """

    class Kind(models.TextChoices):
        ARTICLE = "article", "文章"
        INITIATIVE = "initiative", "党建举措"
        METRIC = "metric", "数据指标"
        ZONE = "zone", "高新区"

    model = models.CharField("类型", max_length=32, choices=Kind.choices)
    key = models.CharField("稳定标识", max_length=160)
    deleted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "已删除条目"
        verbose_name_plural = "已删除条目"
        constraints = [
            models.UniqueConstraint(fields=["model", "key"], name="tombstone_unique_key")
        ]

    def __str__(self):
        return f"{self.model}:{self.key}"


class ReindexRecord(models.Model):
    """The dictionary the last ``reindex`` segmented with (one row): what the next one compares with."""

    finished_at = models.DateTimeField("完成时间")
    digest = models.CharField(
        "分词规则", max_length=64, help_text="segment.fingerprint(): the rules and the static dictionary"
    )
    weights = models.JSONField("动态词条", default=dict, help_text="{term: frequency}")
    articles = models.PositiveIntegerField("重新分词文章数", default=0)

    class Meta:
        verbose_name = "索引重建记录"
        verbose_name_plural = "索引重建记录"

    def __str__(self):
        return f"重建索引 {self.finished_at:%Y-%m-%d %H:%M}"
