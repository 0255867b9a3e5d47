"""Articles and the facts drawn from them.

Every fact (initiative mention, metric) keeps the exact sentence it came from,
so a reader can always check it against the page. Rows written by the ingest
carry a stable ``key`` so re-ingesting updates them in place; fields a curator
changed are listed in ``curated_fields`` and never overwritten, and
``ingested_values`` keeps what the ingest produced last, for comparison.
"""
from django.db import models
from django.urls import reverse


class CurationFields(models.Model):
    """Verified / hidden flags and the record of curated fields, shared by curated models."""

    verified = models.BooleanField("已核实", default=False)
    hidden = models.BooleanField("已隐藏", default=False, help_text="隐藏后不在公开页面与接口中出现")
    curated_fields = models.JSONField("已人工修订字段", default=list, blank=True)
    ingested_values = models.JSONField("入库原始值", default=dict, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        abstract = True


# What the public sees, written once per model: every page, feed, API list and
# export reads through these ``visible()`` methods (see articles/selectors/).


class VisibleQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(hidden=False)


class InitiativeQuerySet(VisibleQuerySet):
    def visible(self):
        # An initiative read only from hidden articles would quote them and link to pages
        # that are not public; one a curator added by hand (no mentions) stays.
        mentions = InitiativeMention.objects.filter(initiative=models.OuterRef("pk"))
        shown = mentions.filter(article__hidden=False)
        return super().visible().filter(models.Exists(shown) | ~models.Exists(mentions))

    def with_first_mention(self, *, public=True):
        """Annotate ``first_article_id`` and ``first_sentence``: the earliest mention's.

        ``public``: only mentions in articles the public sees.
        """
        mentions = InitiativeMention.objects.filter(initiative=models.OuterRef("pk"))
        if public:
            mentions = mentions.filter(article__hidden=False)
        first = mentions.order_by("article_id", "offset")
        return self.annotate(
            first_article_id=models.Subquery(first.values("article_id")[:1]),
            first_sentence=models.Subquery(first.values("sentence")[:1]),
        )


class ArticleFactQuerySet(VisibleQuerySet):
    """Rows read from an article: shown only while the article itself is shown."""

    def visible(self):
        # A figure or sentence of a hidden article would link to a page that does not exist.
        return super().visible().filter(article__hidden=False)


class MentionQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(article__hidden=False, initiative__hidden=False)


class MetricMentionQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(article__hidden=False, metric__hidden=False)


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
    authors = models.JSONField("作者", default=list, blank=True)
    kind = models.CharField("体裁", max_length=16, choices=Kind.choices, default=Kind.FEATURE)
    body = models.TextField("正文", blank=True, help_text="清洗后的正文，段落以换行分隔")
    captions = models.JSONField("图片说明", default=list, blank=True)
    # [{"before": paragraph index, "text": heading}]; nullable so adding it leaves
    # the table (and SQLite's full-text triggers on it) in place.
    headings = models.JSONField("小标题", null=True, blank=True)
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
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("articles:detail", args=[self.pk])

    @property
    def paragraphs(self):
        return [p for p in self.body.split("\n") if p.strip()]


class VocabularyEntry(models.Model):
    """A term of a curated vocabulary loaded from ``fixtures/`` (articles/vocabulary.py).

    Like the zone list: the loader updates entries by slug and never overwrites a
    field named in ``curated_fields``.
    """

    slug = models.SlugField("网址标识", max_length=64, unique=True)
    name = models.CharField("名称", max_length=64, unique=True)
    synonyms = models.JSONField("同义词", default=list, blank=True)
    # Regular expressions matched against a raw label or name (articles/vocabulary.py).
    patterns = models.JSONField("匹配规则", default=list, blank=True)
    description = models.TextField("说明", blank=True)
    position = models.PositiveSmallIntegerField("排序", default=0)
    curated_fields = models.JSONField("已人工修订字段", default=list, blank=True)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class Indicator(VocabularyEntry):
    """What a figure measures, comparable across zones: 总投资, 高新技术企业数, 满意率."""

    class Dimension(models.TextChoices):
        MONEY = "money", "金额"
        ENTERPRISES = "enterprises", "企业"
        PEOPLE = "people", "人员"
        PARTY_ORGS = "party_orgs", "党组织"
        PARTY_MEMBERS = "party_members", "党员"
        PROJECTS = "projects", "项目"
        AREA = "area", "面积"
        RATE = "rate", "比率"
        GROWTH = "growth", "增长"
        EVENTS = "events", "活动次数"

    dimension = models.CharField("量纲", max_length=16, choices=Dimension.choices)
    # Normalised units (Metric.normalized_unit) a figure of this indicator may carry.
    units = models.JSONField("可用单位", default=list, blank=True)

    class Meta(VocabularyEntry.Meta):
        verbose_name = "指标"
        verbose_name_plural = "指标"

    def get_absolute_url(self):
        return reverse("articles:indicator", args=[self.slug])


class InitiativeType(VocabularyEntry):
    """A kind of programme zones run under different names: 产业链党建联盟, 党建+招商."""

    category = models.CharField("类别", max_length=24, blank=True)

    class Meta(VocabularyEntry.Meta):
        verbose_name = "举措类型"
        verbose_name_plural = "举措类型"

    def get_absolute_url(self):
        return reverse("articles:initiative_type", args=[self.slug])


class Initiative(CurationFields):
    class Category(models.TextChoices):
        INDUSTRY_CHAIN = "industry_chain", "产业链党建"
        INVESTMENT = "investment", "党建+招商"
        TALENT = "talent", "人才服务"
        BUSINESS_ENV = "business_env", "营商环境"
        GOVERNANCE = "governance", "基层治理"
        NON_PUBLIC = "non_public", "两新组织党建"
        EDUCATION = "education", "党员教育"
        INNOVATION = "innovation", "科技创新"
        PROJECT = "project", "项目建设"
        BRAND = "brand", "党建品牌"
        OTHER = "other", "其他"

    key = models.CharField("稳定标识", max_length=160, unique=True, help_text="高新区编号+规范化名称（articles.identity）")
    name = models.CharField("名称", max_length=128)
    # Names of initiatives a curator merged into this one; the ingest links
    # later mentions of those names here.
    aliases = models.JSONField("别名", default=list, blank=True)
    zone = models.ForeignKey(
        "zones.Zone",
        verbose_name="高新区",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiatives",
    )
    category = models.CharField(
        "类别", max_length=24, choices=Category.choices, default=Category.OTHER, db_index=True
    )
    type = models.ForeignKey(
        InitiativeType,
        verbose_name="类型",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiatives",
    )
    description = models.TextField("说明", blank=True)
    # Where it was first read is not stored: it is its first mention (see
    # InitiativeQuerySet.with_first_mention), so it can never disagree with them.
    articles = models.ManyToManyField(
        Article,
        verbose_name="提及文章",
        through="InitiativeMention",
        related_name="initiatives",
        blank=True,
    )

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        verbose_name = "党建举措"
        verbose_name_plural = "党建举措"
        ordering = ["zone__name", "name"]
        indexes = [
            models.Index(fields=["zone", "category"], name="initiative_zone_cat_idx"),
            # Every search asks whether the query is exactly an initiative's name.
            models.Index(fields=["name"], name="initiative_name_idx"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:initiative", args=[self.pk])


class InitiativeMention(models.Model):
    """One sentence of one article that names an initiative."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="mentions")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="initiative_mentions")
    sentence = models.TextField("句子")
    offset = models.PositiveIntegerField("句子在正文中的位置", default=0)

    objects = MentionQuerySet.as_manager()

    class Meta:
        verbose_name = "举措出处"
        verbose_name_plural = "举措出处"
        ordering = ["article_id", "offset"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "article", "offset"], name="mention_unique_place"
            )
        ]

    def __str__(self):
        return f"{self.initiative} @ {self.article_id}:{self.offset}"


class Metric(CurationFields):
    class Qualifier(models.TextChoices):
        EXACT = "exact", "确数"
        APPROXIMATE = "approximate", "约数"
        AT_LEAST = "at_least", "不少于"
        AT_MOST = "at_most", "不超过"

    class Kind(models.TextChoices):
        ACTUAL = "actual", "实际值"
        TARGET = "target", "目标值"
        CHANGE = "change", "变化"
        RANGE = "range", "区间"
        SHARE = "share", "比率/增速"

    # What a chart compares: a figure measured -- 实际值, or 比率/增速 (a growth or a share
    # is what a growth or rate indicator measures; beside amounts its unit, %, keeps it out
    # of the chart). A target is shown apart; a change or a range is two values, listed only.
    MEASURED_KINDS = (Kind.ACTUAL, Kind.SHARE)

    key = models.CharField("稳定标识", max_length=160, unique=True, help_text="高新区+指标+类型+年份+时段+单位+数值（articles.identity）")
    zone = models.ForeignKey(
        "zones.Zone",
        verbose_name="高新区",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="metrics",
    )
    article = models.ForeignKey(
        Article, verbose_name="文章", on_delete=models.CASCADE, related_name="metrics"
    )
    indicator = models.ForeignKey(
        Indicator,
        verbose_name="指标",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="metrics",
        help_text="空：未归类",
    )
    label = models.CharField("原文指标", max_length=64, help_text="原文说统计的是什么，如 项目总投资、满意率")
    kind = models.CharField("数值类型", max_length=16, choices=Kind.choices, default=Kind.ACTUAL, db_index=True)
    raw = models.CharField("原文数值", max_length=64, help_text="如 总投资50亿元")
    value = models.FloatField("数值", help_text="变化：变化后的值；区间：下限")
    value_from = models.FloatField("起始值", null=True, blank=True, help_text="变化前的值，如 由12家增至56家 的 12")
    normalized_from = models.FloatField("折算起始值", null=True, blank=True)
    value_max = models.FloatField("区间上限", null=True, blank=True)
    unit = models.CharField("单位", max_length=16, blank=True)
    normalized_value = models.FloatField("折算值", null=True, blank=True)
    normalized_max = models.FloatField("折算上限", null=True, blank=True)
    normalized_unit = models.CharField("折算单位", max_length=16, blank=True)
    qualifier = models.CharField(
        "限定", max_length=16, choices=Qualifier.choices, default=Qualifier.EXACT
    )
    year = models.PositiveSmallIntegerField("年份", null=True, blank=True, db_index=True)
    period = models.CharField("时段", max_length=32, blank=True, help_text="如 今年上半年")
    # ``article``/``sentence``/``offset`` are where the figure was first stated, the place a
    # list links to; every statement of it (that one included) is a MetricMention.
    sentence = models.TextField("出处句子")
    offset = models.PositiveIntegerField("句子在正文中的位置", default=0)

    objects = ArticleFactQuerySet.as_manager()

    class Meta:
        verbose_name = "数据指标"
        verbose_name_plural = "数据指标"
        ordering = ["article_id", "offset"]
        indexes = [
            models.Index(fields=["zone", "label"], name="metric_zone_label_idx"),
            models.Index(fields=["indicator", "kind", "year"], name="metric_indicator_idx"),
            models.Index(fields=["unit"], name="metric_unit_idx"),
        ]

    def __str__(self):
        return self.raw

    def get_absolute_url(self):
        # By id: a list of figures need not load their articles to link to them.
        return f"{reverse('articles:detail', args=[self.article_id])}#m{self.pk}"


class MetricMention(models.Model):
    """One sentence of one article that states a figure; a figure stated again is one Metric."""

    metric = models.ForeignKey(Metric, on_delete=models.CASCADE, related_name="mentions")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="metric_mentions")
    raw = models.CharField("原文数值", max_length=64)
    sentence = models.TextField("句子")
    offset = models.PositiveIntegerField("句子在正文中的位置", default=0)

    objects = MetricMentionQuerySet.as_manager()

    class Meta:
        verbose_name = "数据出处"
        verbose_name_plural = "数据出处"
        ordering = ["article_id", "offset"]
        constraints = [
            models.UniqueConstraint(
                fields=["metric", "article", "offset", "raw"], name="metric_mention_unique_place"
            )
        ]

    def __str__(self):
        return f"{self.raw} @ {self.article_id}:{self.offset}"


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
