from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "文章与党建知识"

    def ready(self):
        from articles import selectors, tallies
        from articles.search import backends, dictionary

        backends.connect_signals()
        tallies.connect_signals()
        # The search dictionary's dynamic layer: names stored in the database.
        dictionary.set_term_source(selectors.dictionary_names)
