"""The curated vocabularies facts are classed by: indicators and initiative types."""
from django.db import models

from core.links import link


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
    # With the row count, tells a process its kept copy of the vocabularies is current (selectors.vocabulary_stamp).
    updated_at = models.DateTimeField("更新时间", auto_now=True)

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
        return link("articles:indicator", self.slug)


class InitiativeType(VocabularyEntry):
    """A kind of programme zones run under different names: 产业链党建联盟, 党建+招商."""

    category = models.CharField("类别", max_length=24, blank=True)

    class Meta(VocabularyEntry.Meta):
        verbose_name = "举措类型"
        verbose_name_plural = "举措类型"

    def get_absolute_url(self):
        return link("articles:initiative_type", self.slug)
