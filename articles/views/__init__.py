"""The public pages: browsing lists and detail pages (pages.py) and the search page (search.py)."""
from .pages import (
    ArticleList,
    InitiativeList,
    MetricList,
    article_detail,
    home,
    initiative_detail,
)
from .search import SearchView

__all__ = [
    "ArticleList",
    "InitiativeList",
    "MetricList",
    "SearchView",
    "article_detail",
    "home",
    "initiative_detail",
]
