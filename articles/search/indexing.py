"""Writing the segmented columns the full-text index is built from.

The database objects (FTS5 triggers, generated tsvector) follow these columns
by themselves, so keeping the index right means keeping ``search_title``,
``search_head`` and ``search_body`` right: whoever changes an article's title,
kicker, subtitle or body calls ``index_articles`` (or ``fill_search_fields``
before saving); ``articles.services.article_update`` does it for the admin.
"""
from django.db import transaction

from .segment import refresh_dictionary, segment_for_index

SOURCE_FIELDS = ("title", "kicker", "subtitle", "authors", "body", "captions", "headings")
SEARCH_FIELDS = ("search_title", "search_head", "search_body")
BATCH_SIZE = 500


def search_fields_for(title, kicker, subtitle, body, authors=(), captions=(), headings=()):
    # Authors go with the kicker and subtitle: readers look journalists up by name.
    names = " ".join(a for a in authors or () if isinstance(a, str))
    # Section headings and photo captions are read with the body; a photo
    # item's place is often named only in its credit (图片来源：松山湖科学城).
    extra = [h.get("text", "") for h in headings or () if isinstance(h, dict)]
    extra += [c for c in captions or () if isinstance(c, str)]
    return {
        "search_title": segment_for_index(title),
        "search_head": segment_for_index(f"{kicker}\n{subtitle}\n{names}"),
        "search_body": segment_for_index("\n".join([body, *extra])),
    }


def fill_search_fields(article):
    """Set the segmented columns on an unsaved instance (e.g. in ModelAdmin.save_model)."""
    values = search_fields_for(
        article.title, article.kicker, article.subtitle, article.body, article.authors,
        article.captions, article.headings,
    )
    for name, value in values.items():
        setattr(article, name, value)
    return article


def index_articles(articles, *, refresh=True):
    """Re-segment and store the searchable text of ``articles`` (a queryset).

    New zone and initiative names in the database are added to the dictionary
    first, so an article is segmented with the names ingested alongside it.
    Returns the number of articles written.
    """
    ids = list(articles.order_by("pk").values_list("pk", flat=True))
    if not ids:
        return 0
    if refresh:
        refresh_dictionary()
    model = articles.model
    written = 0
    with transaction.atomic():
        for offset in range(0, len(ids), BATCH_SIZE):
            batch = list(
                model._default_manager.filter(pk__in=ids[offset : offset + BATCH_SIZE]).only(
                    "pk", *SOURCE_FIELDS, *SEARCH_FIELDS
                )
            )
            changed = []
            for article in batch:
                before = [getattr(article, name) for name in SEARCH_FIELDS]
                fill_search_fields(article)
                if [getattr(article, name) for name in SEARCH_FIELDS] != before:
                    changed.append(article)
            if changed:
                model._default_manager.bulk_update(changed, SEARCH_FIELDS)
            written += len(changed)
    return written
