from django.contrib import admin

from .models import Article, IngestRun, Initiative, InitiativeMention, Metric, Source, Tombstone

for model in (Article, IngestRun, Initiative, InitiativeMention, Metric, Source, Tombstone):
    admin.site.register(model)
