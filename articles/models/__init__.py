"""Articles and the facts drawn from them.

Every fact (initiative mention, metric) keeps the exact sentence it came from,
so a reader can always check it against the page. Rows written by the ingest
carry a stable ``key`` so re-ingesting updates them in place; fields a curator
changed are listed in ``curated_fields`` and never overwritten, and
``ingested_values`` keeps what the ingest produced last, for comparison.

One module per group of models, every name re-exported here (callers import
from ``articles.models``): base (the curation fields, ``VisibleQuerySet``),
sources (Source), articles (Article), vocabulary (Indicator, InitiativeType),
facts (Initiative, InitiativeMention, Metric, MetricMention and their
QuerySets), records (IngestRun, Tombstone, ReindexRecord), tallies (Tally, LatestFigure,
RankedInitiative: what the pages read instead of counting or ranking the archive).
"""
from .articles import Article
from .base import CurationFields, VisibleQuerySet
from .facts import (
    ArticleFactQuerySet,
    Initiative,
    InitiativeMention,
    InitiativeQuerySet,
    MentionQuerySet,
    Metric,
    MetricMention,
    MetricMentionQuerySet,
    MetricQuerySet,
)
from .records import IngestRun, ReindexRecord, Tombstone
from .sources import Source
from .tallies import LatestFigure, RankedInitiative, Tally
from .vocabulary import Indicator, InitiativeType, VocabularyEntry

__all__ = [
    "Article",
    "ArticleFactQuerySet",
    "CurationFields",
    "Indicator",
    "IngestRun",
    "LatestFigure",
    "Initiative",
    "InitiativeMention",
    "InitiativeQuerySet",
    "InitiativeType",
    "MentionQuerySet",
    "Metric",
    "MetricMention",
    "MetricMentionQuerySet",
    "MetricQuerySet",
    "RankedInitiative",
    "ReindexRecord",
    "Source",
    "Tally",
    "Tombstone",
    "VisibleQuerySet",
    "VocabularyEntry",
]
