"""The public pages: browsing lists and detail pages (pages.py), the metric list and the
indicator pages that compare zones (indicators.py), the initiative types with every zone running
one (types.py), and the search page (search.py)."""
from .indicators import IndicatorDetail, IndicatorList, MetricList
from .pages import (
    ArticleList,
    InitiativeList,
    article_detail,
    home,
    initiative_detail,
)
from .search import SearchView
from .types import InitiativeTypeDetail, InitiativeTypeList

__all__ = [
    "ArticleList",
    "IndicatorDetail",
    "IndicatorList",
    "InitiativeList",
    "InitiativeTypeDetail",
    "InitiativeTypeList",
    "MetricList",
    "SearchView",
    "article_detail",
    "home",
    "initiative_detail",
]
