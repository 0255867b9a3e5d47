"""Initiatives and figures read from articles, with every sentence that states them."""
from django.db import models
from django.db.models.functions import RowNumber

from core.links import link

from .articles import Article
from .base import CurationFields, VisibleQuerySet
from .vocabulary import Indicator, InitiativeType

# A fact's ``visible()`` also asks about the articles it was read from: a public
# page must not quote, or link to, an article the public cannot see.


class InitiativeQuerySet(VisibleQuerySet):
    def visible(self):
        # An initiative read only from hidden articles would quote them and link to pages
        # that are not public; one a curator added by hand (no mentions) stays. Those are
        # found from the few hidden articles' mentions, not by asking every initiative
        # about its mentions (a second per count over 337,000 initiatives on PostgreSQL).
        public = InitiativeMention.objects.filter(initiative=models.OuterRef("initiative"), article__hidden=False)
        only_hidden = (
            InitiativeMention.objects.filter(article__in=Article.objects.filter(hidden=True).values("pk"))
            .exclude(models.Exists(public))
            .values("initiative")
        )
        return super().visible().exclude(pk__in=only_hidden)

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
        # Asked of the few hidden articles (article_hidden_idx), not of each row's article:
        # a join to every row's article made SQLite filter all 100,000 articles for a
        # page of 20 figures.
        return super().visible().exclude(article__in=Article.objects.filter(hidden=True).values("pk"))


class MetricQuerySet(ArticleFactQuerySet):
    def latest_per(self, *partition):
        """One figure per ``partition`` (``Metric.LATEST_FIRST`` wins), chosen in the database."""
        # LATEST_FIRST reads each figure's article date. Saying again that the article is
        # public (``visible()`` does) lets PostgreSQL read the date from article_public_idx
        # instead of every article row.
        ranked = self.filter(article__hidden=False).annotate(
            latest_rank=models.Window(
                RowNumber(), partition_by=[models.F(f) for f in partition], order_by=Metric.LATEST_FIRST
            )
        )
        return ranked.filter(latest_rank=1)


class MentionQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(article__hidden=False, initiative__hidden=False)


class MetricMentionQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(article__hidden=False, metric__hidden=False)


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
            # A zone's initiatives by category, then name (its page), and its counts per category.
            models.Index(fields=["zone", "category", "name", "id"], name="initiative_zone_cat_idx"),
            # Every search asks whether the query is exactly an initiative's name.
            models.Index(fields=["name"], name="initiative_name_idx"),
            # A page's initiatives of a zone may be merged ones: the ingest reads the zone's
            # survivors of merges (aliases), a few rows, not the zone's thousands (upsert/reads.py).
            models.Index(fields=["zone"], condition=~models.Q(aliases=[]), name="initiative_merged_idx"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return link("articles:initiative", self.pk)


class InitiativeMention(models.Model):
    """One sentence of one article that names an initiative."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="mentions")
    # Indexed with the initiative (Meta.indexes), not alone.
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="initiative_mentions", db_index=False
    )
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
        indexes = [
            # The programmes a search's 200 articles name (the search page) are read from
            # the index alone: at 100,000 articles, SQLite 0.79-1.33 -> 0.64 ms for the
            # query, PostgreSQL 0.82 -> 0.38 ms for its scan of the mentions.
            models.Index(fields=["article", "initiative"], name="mention_article_initiative"),
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
    # Which of a zone's figures of one indicator and year a comparison shows: the
    # newest statement of it, then the largest; figures without a year come last.
    LATEST_FIRST = (
        models.F("year").desc(nulls_last=True),
        models.F("article__date").desc(nulls_last=True),
        models.F("normalized_value").desc(nulls_last=True),
        models.F("pk").desc(),
    )

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

    objects = MetricQuerySet.as_manager()

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
        return self.url_of(self.article_id, self.pk)

    @staticmethod
    def url_of(article_id, pk):
        """A figure's link: its sentence in its article, by id (a list of figures need not load their articles)."""
        return f"{link('articles:detail', article_id)}#m{pk}"


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
