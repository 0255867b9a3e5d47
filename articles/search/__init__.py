"""Chinese full-text search over articles.

engine.py ranks (tiers, bounded ranking), results.py pages the ranked list,
backends/ hold one backend per database behind a written contract, dictionary.py
holds the segmentation dictionary, segment.py and query.py turn text into tokens, highlight.py writes snippets, indexing.py
fills the segmented columns.  Nothing here imports a model: callers hand in
querysets (see ``articles.selectors.search_articles``).
"""
from .engine import NEWEST, OLDEST, RELEVANCE, SearchResult, search_articles
from .highlight import snippet
from .indexing import fill_search_fields, index_articles, index_loaded
from .query import MAX_QUERY_CHARS, name_words
from .dictionary import add_terms, load_dictionary, refresh_dictionary
from .segment import segment_for_index

__all__ = [
    "MAX_QUERY_CHARS",
    "NEWEST",
    "OLDEST",
    "RELEVANCE",
    "name_words",
    "add_terms",
    "SearchResult",
    "fill_search_fields",
    "index_articles",
    "index_loaded",
    "load_dictionary",
    "refresh_dictionary",
    "search_articles",
    "segment_for_index",
    "snippet",
]
