from django.db import models

from core.links import link


class Zone(models.Model):
    class Level(models.TextChoices):
        NATIONAL = "national", "国家级"
        PROVINCIAL = "provincial", "省级"
        OTHER = "other", "其他"

    name = models.CharField("名称", max_length=64, unique=True, help_text="规范简称，如 淮北高新区")
    full_name = models.CharField("全称", max_length=128, blank=True)
    slug = models.SlugField("网址标识", max_length=64, unique=True)
    aliases = models.JSONField("别名", default=list, blank=True)
    province = models.CharField("省份", max_length=32, blank=True, db_index=True)
    city = models.CharField("城市", max_length=32, blank=True)
    level = models.CharField("级别", max_length=16, choices=Level.choices, default=Level.OTHER)
    approval_year = models.PositiveSmallIntegerField("批准年份", null=True, blank=True)
    description = models.TextField("简介", blank=True)
    is_reference = models.BooleanField(
        "来自参考名录", default=False, help_text="由国家高新区名录导入，而非从文章中发现"
    )
    # Names of fields a curator changed in the admin; loaders and ingest never overwrite them.
    curated_fields = models.JSONField("已人工修订字段", default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "高新区"
        verbose_name_plural = "高新区"
        ordering = ["province", "name"]
        indexes = [models.Index(fields=["province", "name"], name="zone_province_name_idx")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return link("zones:detail", self.slug)

    @property
    def all_names(self):
        """Every spelling that refers to this zone, canonical name first."""
        names = [self.name]
        if self.full_name:
            names.append(self.full_name)
        names.extend(a for a in self.aliases if a not in names)
        return names
