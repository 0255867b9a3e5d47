"""An article of the page: created, updated in place, or recognised as a repeat of one stored from another page."""
from django.db import connections, router

from articles import identity
from articles.ingest import duplicates
from articles.models import Article
from core.services import model_update

from .common import _save, _tally_update


def _stored_articles(articles):
    """{key: article} with what the comparison reads, in one query (and one for their zones)."""
    return {a.key: a for a in articles.select_related("zone").prefetch_related("zones")}


def _dating(source, result):
    """The article's date, year and what the year rests on: its source's date, else its text."""
    if source.date:
        return {"date": source.date, "year": source.date.year, "date_source": "source"}
    return {"date": None, "year": result.year, "date_source": "text" if result.year else ""}


# A new article is compared with at most this many stored articles of its title, the first stored first.
COPY_CANDIDATES = 5
TITLES_A_STATEMENT = 100


def _copy_candidates(source, blocks):
    """{title key: up to COPY_CANDIDATES articles of other sources with that title key}, for every block.

    Each title's first few are read on their own, in one statement for up to 100 titles,
    through an index of the title key in id order (on PostgreSQL, migration 0039): a title
    thousands of stored articles share (a column's standing headline, a common
    slogan) costs what a rare one does: reading every article of the page's titles
    and keeping the first five cost the writer 52 ms a page at 100,000 articles.
    """
    keys = sorted({key for key in (identity.text_key(block.title) for block in blocks) if len(key) >= 6})
    if not keys:
        return {}
    connection = connections[router.db_for_write(Article)]  # the writer's, inside its transaction
    table = connection.ops.quote_name(Article._meta.db_table)
    one = (
        f"SELECT * FROM (SELECT id, title_key FROM {table} WHERE title_key = %s AND source_id <> %s "
        f"ORDER BY id LIMIT {COPY_CANDIDATES}) AS first_{{}}"
    )
    rows = []
    with connection.cursor() as cursor:
        # SQLite joins at most 500 SELECTs in one statement: a page of many briefs goes in parts.
        for start in range(0, len(keys), TITLES_A_STATEMENT):
            part = keys[start : start + TITLES_A_STATEMENT]
            cursor.execute(
                " UNION ALL ".join(one.format(n) for n in range(len(part))),
                [value for key in part for value in (key, source.pk)],
            )
            rows += cursor.fetchall()
    first = {}
    for pk, title_key in sorted(rows):
        first.setdefault(title_key, []).append(pk)
    if not first:
        return {}
    bodies = Article.objects.only("pk", "body").in_bulk([pk for pks in first.values() for pk in pks])
    return {title_key: [bodies[pk] for pk in pks] for title_key, pks in first.items()}


def _stored_copy(source, block, candidates=None):
    """(article, verdict) of an article of another source that this block repeats, if any.

    ``candidates``: ``_copy_candidates`` of the page, read once for all its blocks.
    """
    title_key = identity.text_key(block.title)
    if len(title_key) < 6:
        return None, "different"
    if candidates is None:
        candidates = _copy_candidates(source, [block])
    candidates = candidates.get(title_key, [])
    return duplicates.closest(candidates, block.body)


def upsert_article(*, source, result, zones, tally, deleted_keys, pending, stored=None, copies=None,
                   segmented=None):
    """(article, changed) of ``result``: updated in place, or new and not inserted yet; None when a curator deleted it.

    A new article (its pk None) is inserted by the caller with the page's other
    new articles, in one statement; its zones wait in ``pending`` (PageInserts).
    A new article that repeats one stored from another page (duplicates.py) is
    not created again: that page becomes one more of its sources (None is
    returned, ``tally.merged`` counted); a likely but unsure repeat is created
    and marked for a curator.  ``segmented``: the page's search columns computed
    ahead (``Segmented``); a new article is inserted with its own, so that it is
    not written twice when the page is indexed.
    """
    block = result.block
    key = identity.article_key(source.name, block.position)
    if key in deleted_keys:
        tally.skipped_deleted += 1
        return None, False
    values = {
        "column": block.column[:64],
        "kicker": block.kicker[:255],
        "title": block.title[:255],
        "subtitle": block.subtitle[:255],
        "byline": block.byline[:255],
        "authors": list(block.authors),
        "kind": block.kind,
        "body": block.body,
        "captions": list(block.captions),
        "headings": [
            {"before": at, "text": text}
            for text, at in zip(block.headings, block.heading_positions)
        ],
        "original_text": block.original,
        **_dating(source, result),
    }
    primary = zones[0] if zones else None
    ingested = {**values, "date": values["date"].isoformat() if values["date"] else None,
                "zone": primary.name if primary else None, "zones": [zone.name for zone in zones]}
    if stored is None:
        stored = _stored_articles(Article.objects.filter(key=key))
    article = stored.get(key)
    if article is None:
        copy, found = _stored_copy(source, block, copies)
        if found == "same":
            copy.sources.add(source)
            tally.merged += 1
            return None, False
        article = Article(
            key=key, source=source, position=block.position, zone=primary,
            possible_duplicate_of=copy, title_key=identity.text_key(block.title),
            ingested_values=ingested, **values,
        )
        for name, value in (segmented and segmented.ahead(article) or {}).items():
            setattr(article, name, value)
        # A new article has no zones yet: one insert, not set()'s read-compare-write.
        pending.add(Article.zones.through,
                    [Article.zones.through(article=article, zone=zone) for zone in zones])
        tally.created += 1
        return article, True

    curated = set(article.curated_fields)
    update = model_update(article, {**values, "zone": primary}, curated=curated)
    changed, curated_differs = update.changed, update.curated_held
    if "title" in changed:
        article.title_key = identity.text_key(article.title)
        changed.append("title_key")
    _save(article, changed, ingested)
    if {zone.pk for zone in article.zones.all()} != {zone.pk for zone in zones}:
        if "zones" in curated:
            curated_differs = True
        else:
            article.zones.set(zones)
            changed.append("zones")
    _tally_update(tally, changed=changed, curated_differs=curated_differs)
    return article, bool(changed)
