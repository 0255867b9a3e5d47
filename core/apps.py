from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Web plumbing both apps share: listings, widgets, charts, serializers, text rules."""

    name = "core"
    verbose_name = "公共组件"
