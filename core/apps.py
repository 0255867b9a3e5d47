from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Web plumbing both apps share: listings, widgets, charts, serializers, text rules."""

    name = "core"
    verbose_name = "公共组件"

    def ready(self):
        from django.core import checks
        from django.db.backends.signals import connection_created

        from . import checks as core_checks
        from .db import limit_statement_time

        checks.register(core_checks.static_manifest, "staticfiles_manifest", deploy=True)
        connection_created.connect(limit_statement_time, dispatch_uid="core.db.limit_statement_time")
