"""The ingest's only database writer: an analysed page in, rows created or updated in place.

Identity, so a re-ingest updates instead of duplicating: the keys of
``articles.identity`` (a source by its file name, an article by its source
and position, an initiative by its zone's id and normalised name -- one per
zone and programme, each sentence naming it an InitiativeMention, its name
and category from the first article naming it -- a metric by the fact it
states: zone, indicator or label, kind, year, period, unit and value(s), so the
same figure in a lead and its body, or in two articles of a zone, is one metric
with a MetricMention per statement, its reading and first statement from the
earliest article stating it).

Curation always wins:
  - a field named in ``curated_fields`` is never overwritten
    (``core.services.model_update``); what the ingest produced is still stored
    in ``ingested_values`` for comparison;
  - ``hidden`` and ``verified`` are never touched;
  - a key in Tombstone (deleted by a curator) is never recreated, nor its facts;
    a metric deleted before metrics were keyed by fact stays deleted by its
    place or sentence (``identity.metric_place_key``, ``metric_sentence_key``);
  - a zone merged into another is an alias of the survivor and resolves to it.

What the ingest no longer produces:
  - articles (a page now yields fewer) are left alone and counted as stale;
  - a metric no article states any more is deleted when nobody curated it (not
    verified, not hidden, no curated field): it is the ingest's own earlier
    reading, and keeping it would leave a wrong figure beside its corrected one.
    Curated, verified or hidden metrics are kept and counted as stale;
  - initiative mentions (no curation state of their own) follow the article;
    initiatives themselves are kept, since other articles may name them.

An unchanged page performs no UPDATE at all: every write is guarded by a
field-by-field comparison.

The parts: article.py (an article, or a repeat of one stored from another
page), reads.py (what the page's facts are compared with, read once per page),
initiatives.py, metrics.py, common.py (counting, saving, the page's deferred
inserts); ``upsert_page`` here chains them.
"""
from django.db.models import Q

from articles.ingest.counts import IngestCounts, PageOutcome
from articles.ingest.sources import stored_sources, upsert_source
from articles.ingest.zones import ZoneResolver
from articles.models import Article, Indicator, Initiative, InitiativeMention, Metric, Tombstone
from articles.search import add_terms, index_loaded
from articles.tallies import counting_zones, mark_stale, touched, zones_counting

from .article import _copy_candidates, _stored_articles, upsert_article
from .common import PageInserts, insert_rows
from .initiatives import initiative_groups, upsert_initiatives
from .metrics import _after_mentions_lost, metric_groups, upsert_metrics
from .reads import PageReads

__all__ = ["upsert_page", "upsert_article", "upsert_initiatives", "upsert_metrics", "PageReads"]


def _indicators(result):
    """{slug: Indicator} for the indicators the page's figures name; no query when none does."""
    slugs = {fact.indicator for item in result.articles for fact in item.metrics if fact.indicator}
    return {i.slug: i for i in Indicator.objects.filter(slug__in=slugs)} if slugs else {}


def _tombstones():
    """{kind: keys a curator deleted}, every kind in one query."""
    deleted = {kind: set() for kind in Tombstone.Kind.values}
    for kind, key in Tombstone.objects.order_by().values_list("model", "key"):
        deleted.setdefault(kind, set()).add(key)
    return deleted


def upsert_page(*, result, original=None):
    """Store one analysed page (call inside ``transaction.atomic()``).

    ``original``: the path of the file it was read from, kept with the source.
    The articles are written first, then their initiatives and metrics, compared
    with rows read once for the whole page (PageReads).
    """
    page = result.page
    counts = IngestCounts()
    stored_source, twin = stored_sources(page)
    if twin is not None:
        return PageOutcome(source=None, counts=counts, duplicate_of=twin.name)

    source, new_source = upsert_source(
        page=page, stored=stored_source, column=result.column, original=original,
        analysed_with=result.analysed_with,
    )
    # Its rows go in without signals (PageInserts), so the page marks the counts itself, and
    # says which zones' counts it may change: those of its rows before, and after (read for all
    # the run's pages at its end): a deferred count, tallies.counting_deferred, counts only these again.
    mark_stale()
    zones_before = set() if new_source or not counting_zones() else zones_counting(source.articles.all())
    deleted = _tombstones()
    zones = ZoneResolver(deleted=deleted[Tombstone.Kind.ZONE])
    written, positions, new_names, drafts = [], set(), [], []
    stored = {} if new_source else _stored_articles(source.articles.order_by())
    copies = _copy_candidates(source, [item.block for item in result.articles])
    pending = PageInserts(Initiative, Metric)
    for item in result.articles:
        positions.add(item.block.position)
        article, changed = upsert_article(
            source=source, result=item, zones=zones.resolve_all(item.zones),
            tally=counts.articles, deleted_keys=deleted[Tombstone.Kind.ARTICLE], pending=pending,
            stored=stored, copies=copies, segmented=result.segmented,
        )
        if article is not None:
            drafts.append((article, item, changed))
    # The new articles in one statement: their facts below need their ids.
    new_articles = insert_rows(Article, [a for a, _i, _c in drafts if a.pk is None])
    created = {article.pk for article in new_articles}
    stored_here = []
    for article, item, changed in drafts:
        if changed:
            written.append(article)
        stored_here.append((
            article,
            initiative_groups(article, item.initiatives),
            metric_groups(article, item.metrics, counts.metrics, deleted[Tombstone.Kind.METRIC]),
            article.pk in created,
        ))
    reads = PageReads(stored_here)
    indicators = _indicators(result)
    for article, initiatives, metrics, new_article in stored_here:
        pending.add(InitiativeMention, upsert_initiatives(
            article=article, groups=initiatives, counts=counts,
            deleted_keys=deleted[Tombstone.Kind.INITIATIVE], reads=reads, pending=pending,
            new_names=new_names, new_article=new_article,
        ))
        upsert_metrics(
            article=article, groups=metrics, tally=counts.metrics, reads=reads,
            indicators=indicators, new_article=new_article, pending=pending,
        )
    pending.flush()
    _after_mentions_lost(reads, counts.metrics)
    # A page that now yields fewer articles: the extra ones may carry curated
    # work, so they stay; the summary says how many.
    if not new_source:
        counts.articles.stale += source.articles.filter(~Q(position__in=positions)).count()
    counts.zones_created = len(zones.created)
    new_names += [name for zone in zones.created for name in zone.all_names]
    if written:
        _after_articles_written(written, new_names, result.segmented)
    touched(zones_before, sources=[source.pk])
    return PageOutcome(source=source, counts=counts, article_ids=[article.pk for article in written])


def _after_articles_written(articles, new_names, segmented=None):
    """Re-segment the full-text columns of the articles just created or changed.

    Called once per page, after its zones and initiatives are stored: their
    names join the segmentation dictionary first, so the articles are indexed
    with them (only this page's new names are added, not every stored one).
    ``segmented``: the columns an analysis worker computed, used where still valid.
    """
    add_terms(new_names)
    index_loaded(Article, articles, segmented=segmented)
