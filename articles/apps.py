from django.apps import AppConfig
from django.db.backends.signals import connection_created


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "文章与党建知识"

    def ready(self):
        from articles.search import postgres

        connection_created.connect(postgres.configure_connection, dispatch_uid="articles.search.postgres")
