"""Articles as the ingest cut them from their pages, with what curators corrected."""
from django.db import models

from core.db import TextJSONField
from core.links import link

from .base import CurationFields, VisibleQuerySet
from .sources import Source


class Article(CurationFields):
    class Kind(models.TextChoices):
        FEATURE = "feature", "通讯"
        BRIEF = "brief", "简讯"
        PHOTO = "photo", "图片新闻"

    key = models.CharField("稳定标识", max_length=128, unique=True, help_text="来源文件摘要#位置（articles.identity）")
    source = models.ForeignKey(
        Source, verbose_name="来源版面", on_delete=models.PROTECT, related_name="articles"
    )
    position = models.PositiveSmallIntegerField("版面位置", default=0)
    column = models.CharField("栏目", max_length=64, blank=True)
    kicker = models.CharField("引题", max_length=255, blank=True)
    title = models.CharField("标题", max_length=255)
    subtitle = models.CharField("副题", max_length=255, blank=True)
    byline = models.CharField("署名行", max_length=255, blank=True, help_text="如 ■ 首席记者 肖干")
    authors = TextJSONField("作者", default=list, blank=True)
    kind = models.CharField("体裁", max_length=16, choices=Kind.choices, default=Kind.FEATURE)
    body = models.TextField("正文", blank=True, help_text="清洗后的正文，段落以换行分隔")
    captions = TextJSONField("图片说明", default=list, blank=True)
    # [{"before": paragraph index, "text": heading}]; nullable so adding it leaves
    # the table (and SQLite's full-text triggers on it) in place.
    headings = TextJSONField("小标题", null=True, blank=True)
    original_text = models.TextField("原文", blank=True, help_text="OCR 原文（含繁体）")
    zone = models.ForeignKey(
        "zones.Zone",
        verbose_name="所属高新区",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="primary_articles",
    )
    zones = models.ManyToManyField(
        "zones.Zone", verbose_name="提及高新区", blank=True, related_name="articles"
    )
    # The publication date is the source's; ``year`` is its year, else the year the text implies.
    date = models.DateField("出版日期", null=True, blank=True, db_index=True)
    date_source = models.CharField(
        "年份依据", max_length=16, blank=True, choices=[("source", "出版日期"), ("text", "正文推断")]
    )
    year = models.PositiveSmallIntegerField("年份", null=True, blank=True, db_index=True)
    # Other pages carrying the same article (an e-paper page and its web copy).
    sources = models.ManyToManyField(
        Source, verbose_name="其他来源", blank=True, related_name="copies"
    )
    # The compact title (identity.text_key), to recognise the same article from another source.
    title_key = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    # Set by the ingest when an article looks like one already stored but not surely
    # (articles/ingest/duplicates.py): the curators' queue to confirm or dismiss.
    possible_duplicate_of = models.ForeignKey(
        "self", verbose_name="疑似重复于", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="possible_duplicates",
    )
    # Segmented (jieba) text the full-text index is built from; see articles/search/.
    search_title = models.TextField(blank=True, editable=False)
    search_head = models.TextField(blank=True, editable=False)
    search_body = models.TextField(blank=True, editable=False)
    # Cleared by ``reindex`` for what it segments; set by anything else writing
    # the search columns, whose dictionary may have been another: the next
    # reindex segments the article again (articles/reindexing.py).
    index_pending = models.BooleanField(default=True, editable=False)

    objects = VisibleQuerySet.as_manager()

    class Meta:
        verbose_name = "文章"
        verbose_name_plural = "文章"
        ordering = ["source__name", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "position"], name="article_unique_source_position"
            )
        ]
        indexes = [
            models.Index(fields=["zone", "year"], name="article_zone_year_idx"),
            models.Index(fields=["kind"], name="article_kind_idx"),
            # The admin's column filter lists the distinct columns: read from this index, not the table.
            models.Index(fields=["column"], name="article_column_idx"),
            # The admin's search looks for its term in the titles: those titled exactly so through
            # this index, then the newest holding it through the next, from the newest down -- a
            # tenth of the table's pages on SQLite (bodies and search columns live in the rows).
            models.Index(fields=["title", "id"], name="article_title_scan_idx"),
            models.Index(fields=["id", "title"], name="article_newest_title_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return link("articles:detail", self.pk)

    @property
    def paragraphs(self):
        return [p for p in self.body.split("\n") if p.strip()]
