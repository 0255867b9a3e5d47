"""The curators' admin: find, check, fix, hide, merge — and keep it through re-ingests.

Shaped like django.contrib.admin: display helpers, form fields, mixins shared
by every curated ModelAdmin, actions, then one module per group of models.
Every write goes through ``articles.curation`` so the next ingest sees what a
curator did (curated_fields, hidden, Tombstone, zone aliases).
"""
from django.contrib import admin

from . import articles, facts, records, vocabulary, zones  # noqa: F401  (registers the ModelAdmins)

admin.site.site_header = "高新区党建知识库 · 管理"
admin.site.site_title = "知识库管理"
admin.site.index_title = "内容审核与修订"
