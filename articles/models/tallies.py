"""The stored counts the public pages read instead of counting the archive."""
from django.db import models


class Tally(models.Model):
    """A count of public rows the pages show, kept by articles/tallies.py.

    One row for the whole archive, and one per zone, indicator, initiative type
    and initiative category: the home page, the zone directory and the
    vocabulary lists read these few rows instead of counting the archive.
    """

    class Kind(models.TextChoices):
        ARCHIVE = "archive", "全库"
        ZONE = "zone", "高新区"
        INDICATOR = "indicator", "指标"
        TYPE = "type", "举措类型"
        CATEGORY = "category", "举措类别"

    kind = models.CharField(max_length=16, choices=Kind.choices)
    ref = models.PositiveIntegerField(null=True, blank=True, help_text="高新区、指标或举措类型的编号")
    key = models.CharField(max_length=24, blank=True, help_text="举措类别")
    articles = models.PositiveIntegerField(default=0)
    initiatives = models.PositiveIntegerField(default=0)
    metrics = models.PositiveIntegerField(default=0)
    zones = models.PositiveIntegerField(default=0)
    # Of an indicator's figures, those a chart compares (Metric.MEASURED_KINDS).
    measured = models.PositiveIntegerField(default=0)
    # On the archive row: a write since the last count; the pages count for themselves meanwhile.
    stale = models.BooleanField(default=False)

    class Meta:
        verbose_name = "计数"
        verbose_name_plural = "计数"
        constraints = [models.UniqueConstraint(fields=["kind", "ref", "key"], name="tally_unique_subject")]
        indexes = [models.Index(fields=["kind", "ref"], name="tally_kind_ref_idx")]

    def __str__(self):
        return f"{self.kind}:{self.ref or self.key}"
