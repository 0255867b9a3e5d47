"""The stored counts, latest figures and initiative rankings the public pages read instead of
counting or ranking the archive."""
from django.db import models


class Tally(models.Model):
    """A count of public rows the pages show, kept by articles/tallies.py.

    One row for the whole archive, and one per zone, indicator, initiative type
    and initiative category: the home page, the zone directory and the
    vocabulary lists read these few rows instead of counting the archive.  A
    zone's page reads its own rows: one per year (``key``: the year, "" for
    undated; ``articles``, ``metrics`` and ``mentioning``) and one per initiative category
    and type (``key``: ``tallies.category_type_key``; ``initiatives``), which a comparison reads too.  A province's page reads its row
    (``key``: the province): the public articles naming one of its zones.
    """

    class Kind(models.TextChoices):
        ARCHIVE = "archive", "全库"
        ZONE = "zone", "高新区"
        INDICATOR = "indicator", "指标"
        TYPE = "type", "举措类型"
        CATEGORY = "category", "举措类别"
        ZONE_YEAR = "zone_year", "高新区年度"
        ZONE_CATEGORY = "zone_category", "高新区举措类别"
        PROVINCE = "province", "省份"

    kind = models.CharField(max_length=16, choices=Kind.choices)
    ref = models.PositiveIntegerField(null=True, blank=True, help_text="高新区、指标或举措类型的编号")
    # As long as the longest it holds: a zone's province (a curator's free text).
    key = models.CharField(max_length=32, blank=True, help_text="举措类别、年份或省份")
    articles = models.PositiveIntegerField(default=0)
    initiatives = models.PositiveIntegerField(default=0)
    metrics = models.PositiveIntegerField(default=0)
    zones = models.PositiveIntegerField(default=0)
    # Of an indicator's figures, those a chart compares (Metric.MEASURED_KINDS).
    measured = models.PositiveIntegerField(default=0)
    # Of a zone's articles of a year, those naming it that are another zone's own (or no zone's).
    mentioning = models.PositiveIntegerField(default=0)
    # Of a zone's figures, those no indicator claims: its page lists the newest and says how many.
    unclassified = models.PositiveIntegerField(default=0)
    # On the archive row: a write since the last count; the pages count for themselves meanwhile.
    stale = models.BooleanField(default=False)

    class Meta:
        verbose_name = "计数"
        verbose_name_plural = "计数"
        constraints = [models.UniqueConstraint(fields=["kind", "ref", "key"], name="tally_unique_subject")]
        indexes = [models.Index(fields=["kind", "ref"], name="tally_kind_ref_idx")]

    def __str__(self):
        return f"{self.kind}:{self.ref or self.key}"


class LatestFigure(models.Model):
    """The latest public figure of one zone, indicator, normalized unit and year, targets apart.

    Kept by articles/tallies.py with the counts, and read only while they are
    fresh: a zone's, a province's, an indicator's page and a comparison of zones
    rank these few rows (one per group) instead of every figure of the archive
    (articles/selectors/figures.py). ``year``, ``date`` (the article's) and
    ``normalized_value`` are the metric's, so a coarser group's latest is found
    among them in the same order (``Metric.LATEST_FIRST``).  ``article``, ``kind``,
    ``raw`` and ``sentence`` are the metric's too: a page draws and tables the
    stored rows without reading a figure (an indicator's table of hundreds of
    cells was as many probes of the metric table).
    """

    metric = models.OneToOneField("articles.Metric", on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16)
    raw = models.CharField(max_length=64)
    sentence = models.TextField()
    zone = models.ForeignKey("zones.Zone", on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey("articles.Indicator", on_delete=models.CASCADE, related_name="+")
    normalized_unit = models.CharField(max_length=16)
    target = models.BooleanField(help_text="目标值；否则为实际值或比率（Metric.MEASURED_KINDS）")
    year = models.PositiveSmallIntegerField(null=True)
    date = models.DateField(null=True)
    normalized_value = models.FloatField()
    # The group's public figures: what a page says it chose among.
    figures = models.PositiveIntegerField()
    # Chosen when the rows are stored (LATEST_FIRST), targets apart: the latest of the zone's rows
    # of this indicator and unit, which a comparison of zones on the indicator shows; and of this
    # indicator in any unit, which a province's page and a comparison of a few zones show.
    zone_latest = models.BooleanField(default=False)
    indicator_latest = models.BooleanField(default=False)

    # Metric.LATEST_FIRST, on the stored copies of its columns.
    LATEST_FIRST = (
        models.F("year").desc(nulls_last=True),
        models.F("date").desc(nulls_last=True),
        models.F("normalized_value").desc(nulls_last=True),
        models.F("metric_id").desc(),
    )

    class Meta:
        verbose_name = "最新数值"
        verbose_name_plural = "最新数值"
        indexes = [
            models.Index(fields=["zone", "target"], name="latest_zone_idx"),
            models.Index(fields=["indicator", "normalized_unit", "target"], name="latest_indicator_idx"),
        ]

    def __str__(self):
        return f"{self.zone_id}:{self.indicator_id}:{self.year}"


class RankedInitiative(models.Model):
    """One of the initiatives of a zone most public articles name: its first ``RANKED`` by that count, then name.

    Kept by articles/tallies.py with the counts and read only while they are
    fresh. A province's most-named initiatives are among its zones' first (an
    initiative ranked lower in its zone has as many ahead of it in the province),
    so the province page ranks these few rows instead of every mention of the
    province (articles/selectors/regions.py).
    """

    RANKED = 20

    zone = models.ForeignKey("zones.Zone", on_delete=models.CASCADE, related_name="+")
    initiative = models.OneToOneField("articles.Initiative", on_delete=models.CASCADE, related_name="+")
    articles = models.PositiveIntegerField()

    class Meta:
        verbose_name = "举措排名"
        verbose_name_plural = "举措排名"
        indexes = [models.Index(fields=["zone", "articles"], name="ranked_zone_idx")]

    def __str__(self):
        return f"{self.zone_id}:{self.initiative_id}"
