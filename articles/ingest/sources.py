"""A page's Source row: its text, its newspaper, date, page and link, and its original file.

What the curator set on a source (``curated_fields``) is never overwritten.
Originals are stored once per content, named by their hash, so the pages of
one PDF and a file ingested twice share one stored file.
"""
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.db.models import Q

from articles import identity
from articles.ingest.pipeline import INGEST_VERSION
from articles.models import Source
from core.services import model_update


def stored_sources(page):
    """(the page's stored Source or None, another Source of the same text or None), in one query."""
    name = identity.source_name(page.name)
    own = twin = None
    for source in Source.objects.filter(Q(name=name) | Q(content_hash=page.content_hash)).order_by("pk"):
        if source.name == name:
            own = source
        elif twin is None:
            twin = source
    return own, twin


def upsert_source(*, page, stored, column="", original=None, analysed_with=INGEST_VERSION):
    """(source, created): the page's Source, its metadata updated except where a curator set it.

    ``stored``: the page's Source as ``stored_sources`` read it, None when it has none yet.
    ``analysed_with``: ``pipeline.analysis_version`` of the rules that read the page.
    """
    values = {
        "content_hash": page.content_hash,
        "file_hash": page.file_hash or page.content_hash,
        "format": page.format,
        "encoding": page.encoding,
        "text": page.text,
        "column": column[:64],
        "paper": (page.paper or "")[:64],
        "date": page.date,
        "page": (page.page or "")[:16],
        "page_name": (page.page_name or "")[:64],
        "url": (page.url or "")[:500],
        "meta_source": dict(page.meta_source),
        "ocr_quality": page.ocr_quality,
        "analysed_with": analysed_with,
    }
    source = stored
    if source is None:
        source = Source(name=identity.source_name(page.name), **values)
        if original is not None:
            _keep_original(source, original)
        source.save()
        return source, True
    changed = model_update(source, values, curated=set(source.curated_fields)).changed
    if original is not None and _keep_original(source, original):
        changed.append("original")
    if changed:
        source.save(update_fields=changed + ["ingested_at"])
    return source, False


def unchanged_source(page, analysed_with=INGEST_VERSION):
    """The stored Source of ``page`` when nothing about it changed, else None.

    Unchanged: the same bytes, read by the same rules (``analysed_with``, see
    ``pipeline.analysis_version``),
    and the same newspaper, date, page, page name and link (a curator's value
    on the source counts as agreeing). Such a page needs no analysis.
    """
    source = (
        Source.objects.filter(name=identity.source_name(page.name), content_hash=page.content_hash)
        .defer("text")
        .first()
    )
    if source is None or source.analysed_with != analysed_with:
        return None
    for name in ("paper", "date", "page", "page_name", "url"):
        if name not in source.curated_fields and getattr(source, name) != (getattr(page, name) or ("" if name != "date" else None)):
            return None
    return source


def _keep_original(source, path):
    """Store the original file once per content (named by its hash); True when the source changed."""
    digest = source.file_hash
    if not digest:
        return False
    stored = f"sources/{digest[:2]}/{digest}{Path(path).suffix.lower()[:8]}"
    if source.original and source.original.name == stored:
        return False
    if not default_storage.exists(stored):
        with open(path, "rb") as handle:
            stored = default_storage.save(stored, File(handle))
    source.original.name = stored
    return True
