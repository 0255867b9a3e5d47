"""What the curated models share: the curation fields, and the public's ``visible()``."""
from django.db import models

from core.db import TextJSONField


class CurationFields(models.Model):
    """Verified / hidden flags and the record of curated fields, shared by curated models."""

    verified = models.BooleanField("已核实", default=False)
    hidden = models.BooleanField("已隐藏", default=False, help_text="隐藏后不在公开页面与接口中出现")
    curated_fields = models.JSONField("已人工修订字段", default=list, blank=True)
    ingested_values = TextJSONField("入库原始值", default=dict, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        abstract = True


# What the public sees, written once per model: every page, feed, API list and
# export reads through the QuerySets' ``visible()`` methods (see articles/selectors/):
# this one, and the facts' in facts.py.


class VisibleQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(hidden=False)
