"""The page readers moved to articles/ingest/readers/; this name stays for existing imports."""
from articles.ingest.readers import PageError, iter_page_paths, read_page, read_pages

__all__ = ["PageError", "iter_page_paths", "read_page", "read_pages"]
