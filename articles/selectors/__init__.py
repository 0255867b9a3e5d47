"""Public reads of the knowledge base: what every page, feed, API list and export shows.

Visibility itself is written once, on the QuerySets (``visible()`` in
articles/models/); this package composes those reads for the pages, so a view only
validates, calls a selector and renders.  ``zones`` reads articles through
here too (zone and province pages, directory counts).

Callers use ``selectors.<name>``; the modules, by job:

- lists.py: the article, initiative and figure lists and their orders (NEWEST)
- details.py: an article's page (facts, same page, related) and an initiative's page
- named.py: the search page's reads (search_articles, search_named)
- vocabulary.py: the initiative types and indicators with their counts
- figures.py: which figures a comparison shows (MEASURED_KINDS, comparison_unit), read as FigureCells
- regions.py: the zone directory's counts, a zone's and a province's page, a comparison of zones
- home.py: the home page's counts and lists
- ingest.py: what the ingest and the search dictionary read
- _counts.py: the counting helpers they share (correlated counts, stored tallies, bounded lists,
  a column's distinct values read through its index: distinct_values)
"""
from ._counts import UNREAD, distinct_values
from .details import (
    RELATED_MENTION_ROWS,
    article_detail,
    article_facts,
    initiative_detail,
    related_articles,
    same_page_articles,
)
from .figures import (
    COMPARISON_BARS,
    MEASURED_KINDS,
    TARGET_KINDS,
    ZONE_INDICATOR_CELLS,
    ZONE_PAGE_UNCLASSIFIED,
    ZoneYears,
    commonest_indicator,
    comparison_unit,
    indicator_years,
    zone_comparison,
    zone_indicator_values,
    zone_latest_values,
    zone_unclassified_metrics,
    zone_year_values,
)
from .home import archive_counts, home_counts, latest_articles, top_initiative_categories
from .ingest import deleted_zone_names, dictionary_names, tombstoned_keys
from .lists import (
    ARTICLE_LINE,
    INITIATIVE_ORDER,
    LIST_DEFERRED,
    METRIC_ORDER,
    NEWEST,
    article_list,
    initiative_list,
    metric_list,
    metric_mentions,
)
from .named import NAMED_PER_KIND, search_articles, search_named
from .regions import (
    COMPARE_FIGURES,
    PROVINCE_PAGE_ARTICLES,
    PROVINCE_PAGE_FIGURES,
    PROVINCE_PAGE_INITIATIVES,
    ZONE_PAGE_ARTICLES,
    ZONE_PAGE_INITIATIVES,
    ZONE_PAGE_MENTIONS,
    compare_figures,
    compare_initiatives,
    compare_years,
    province_articles,
    province_figures,
    province_initiatives,
    zone_feed_articles,
    zone_initiatives,
    zone_page_articles,
    zone_years,
    zones_with_counts,
)
from .vocabulary import (
    indicator_choices,
    indicator_detail,
    indicator_list,
    indicator_options,
    initiative_type_detail,
    initiative_type_list,
    initiative_zone_count,
    stored_counts,
)

__all__ = [
    # lists
    "ARTICLE_LINE",
    "INITIATIVE_ORDER",
    "LIST_DEFERRED",
    "METRIC_ORDER",
    "NEWEST",
    "article_list",
    "initiative_list",
    "metric_list",
    "metric_mentions",
    # details
    "RELATED_MENTION_ROWS",
    "article_detail",
    "article_facts",
    "initiative_detail",
    "related_articles",
    "same_page_articles",
    # named
    "NAMED_PER_KIND",
    "search_articles",
    "search_named",
    # vocabulary
    "indicator_choices",
    "indicator_detail",
    "indicator_list",
    "indicator_options",
    "initiative_type_detail",
    "initiative_type_list",
    "stored_counts",
    "initiative_zone_count",
    # figures
    "COMPARISON_BARS",
    "MEASURED_KINDS",
    "TARGET_KINDS",
    "ZONE_INDICATOR_CELLS",
    "ZONE_PAGE_UNCLASSIFIED",
    "ZoneYears",
    "commonest_indicator",
    "comparison_unit",
    "indicator_years",
    "zone_comparison",
    "zone_indicator_values",
    "zone_latest_values",
    "zone_unclassified_metrics",
    "zone_year_values",
    # regions
    "COMPARE_FIGURES",
    "PROVINCE_PAGE_ARTICLES",
    "PROVINCE_PAGE_FIGURES",
    "PROVINCE_PAGE_INITIATIVES",
    "ZONE_PAGE_ARTICLES",
    "ZONE_PAGE_INITIATIVES",
    "ZONE_PAGE_MENTIONS",
    "compare_figures",
    "compare_initiatives",
    "compare_years",
    "province_articles",
    "province_figures",
    "province_initiatives",
    "zone_feed_articles",
    "zone_initiatives",
    "zone_page_articles",
    "zone_years",
    "zones_with_counts",
    # home
    "UNREAD",
    "archive_counts",
    "home_counts",
    "latest_articles",
    "top_initiative_categories",
    # ingest
    "deleted_zone_names",
    "dictionary_names",
    "tombstoned_keys",
    # shared
    "distinct_values",
]
