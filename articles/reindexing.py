"""What ``reindex`` segments again, and the record it leaves for the next one.

An article's tokens depend on the segmentation rules, the static dictionary,
and the weights of the dynamic terms (zone and programme names) its text
holds (``search.segment.fingerprint``).  Once a reindex has segmented every
article with one dictionary, recorded in ``ReindexRecord``, the next one
needs to segment only:

* the articles whose search columns something else wrote since (an ingest, a
  curator's edit), with whatever dictionary that process had:
  ``Article.index_pending``;
* the articles holding a term whose weight differs between the recorded
  dictionary and today's: a name added, removed or weighed anew;

and every article when the rules or the static dictionary changed, or no
reindex was recorded.  A full pass segments 100,000 articles in minutes; the
usual reindex, after names were added, reads them once to find the few.
"""
from dataclasses import dataclass, field
from itertools import islice

from django.db import transaction
from django.utils import timezone

from articles.ingest.pipeline import in_workers
from articles.models import Article, ReindexRecord
from articles.search.indexing import (
    SEARCH_FIELDS,
    SOURCE_FIELDS,
    searched_text,
    segment_rows,
    source_values,
    store_search_fields,
)
from articles.search.segment import fingerprint, term_matcher

SCAN_CHUNK = 2000


@dataclass
class Plan:
    """The articles a reindex segments, and why."""

    digest: str
    weights: dict
    everything: bool  # all articles: asked for, no record, or the rules changed
    reason: str  # why every article ("" when not)
    pending: int = 0  # written with another dictionary since the last reindex
    terms: list = field(default_factory=list)  # terms whose weight changed
    holding: int = 0  # articles holding one of them (not already pending)
    ids: list = field(default_factory=list)


def plan_reindex(*, everything=False, workers=1):
    """Which articles to segment with the loaded dictionary (``refresh_dictionary(force=True)`` first).

    ``workers`` processes look for the changed names (folding 100,000 articles'
    text for them takes half a minute on one core).
    """
    digest, weights = fingerprint()
    record = ReindexRecord.objects.order_by("-finished_at").first()
    reason = (
        "asked for every article" if everything
        else "no earlier reindex recorded" if record is None
        else "the segmentation rules or static dictionary changed" if record.digest != digest
        else ""
    )
    if reason:
        ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
        return Plan(digest, weights, everything=True, reason=reason, ids=ids)
    before = record.weights
    terms = sorted(term for term in before.keys() | weights.keys() if before.get(term) != weights.get(term))
    pending = set(Article.objects.filter(index_pending=True).values_list("pk", flat=True))
    holding = set(_holding(terms, workers)) if terms else set()
    return Plan(
        digest, weights, everything=False, reason="",
        pending=len(pending), terms=terms, holding=len(holding), ids=sorted(pending | holding),
    )


def _holding(terms, workers):
    """Ids of the articles not pending whose text holds any of ``terms``."""
    rows = Article.objects.filter(index_pending=False).values_list("pk", *SOURCE_FIELDS)
    rows = rows.iterator(chunk_size=SCAN_CHUNK)
    chunks = iter(lambda: list(islice(rows, SCAN_CHUNK)), [])
    for found in in_workers(holding_terms, ((terms, chunk) for chunk in chunks), workers=workers):
        yield from found


def holding_terms(item):
    """The ids of ``(terms, [(pk, *source_values)])`` whose text holds a term: pure, for a worker."""
    terms, rows = item
    holds = term_matcher(terms)
    return [pk for pk, *values in rows if holds(searched_text(values))]


def segment_again(plan, *, workers, batch_size=500, progress=None):
    """Segment ``plan.ids`` in ``workers`` processes, store what changed, record the dictionary.

    Batches are written in order here, each in its own transaction; the record
    is written last, so a reindex stopped half-way leaves the articles it did
    not reach pending or holding changed terms: the next run takes them.
    Returns the number of articles whose columns changed.
    """
    batches = [plan.ids[offset : offset + batch_size] for offset in range(0, len(plan.ids), batch_size)]
    read = {}  # batch number -> its articles, read here, segmented in the workers
    columns = ("pk", "index_pending", *SOURCE_FIELDS, *SEARCH_FIELDS)

    def rows(batches):
        for number, batch in enumerate(batches):
            read[number] = list(Article.objects.filter(pk__in=batch).only(*columns))
            yield [(article.pk, source_values(article)) for article in read[number]]

    changed, done = 0, 0
    for number, fields in enumerate(in_workers(segment_rows, rows(batches), workers=workers)):
        articles = read.pop(number)
        with transaction.atomic():
            changed += store_search_fields(Article, articles, dict(fields))
        done += len(articles)
        if progress:
            progress(done, len(plan.ids))
    with transaction.atomic():
        ReindexRecord.objects.all().delete()
        ReindexRecord.objects.create(
            finished_at=timezone.now(), digest=plan.digest, weights=plan.weights, articles=len(plan.ids)
        )
    return changed
