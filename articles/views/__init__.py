"""The public pages: browsing lists and detail pages (pages.py), the initiative types with every
zone running one (types.py), and the search page (search.py)."""
from .pages import (
    ArticleList,
    InitiativeList,
    MetricList,
    article_detail,
    home,
    initiative_detail,
)
from .search import SearchView
from .types import InitiativeTypeDetail, InitiativeTypeList

__all__ = [
    "ArticleList",
    "InitiativeList",
    "InitiativeTypeDetail",
    "InitiativeTypeList",
    "MetricList",
    "SearchView",
    "article_detail",
    "home",
    "initiative_detail",
]
