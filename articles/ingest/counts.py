"""What an ingest did, counted per model and per page (the command's summary and run record)."""
from dataclasses import asdict, dataclass, field

from articles.models import Source


@dataclass
class Tally:
    """What happened to the rows of one model."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped_curated: int = 0  # only a curated field differed from the ingest: kept as curated
    skipped_deleted: int = 0  # tombstoned by a curator: not recreated
    stale: int = 0  # stored earlier, no longer produced, kept
    deleted: int = 0  # stored earlier, no longer produced, uncurated: removed
    merged: int = 0  # the same article already stored from another page: linked as one more source

    def add(self, other):
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)

    @property
    def changed(self):
        return self.created + self.updated + self.deleted


@dataclass
class IngestCounts:
    articles: Tally = field(default_factory=Tally)
    initiatives: Tally = field(default_factory=Tally)
    metrics: Tally = field(default_factory=Tally)
    mentions: Tally = field(default_factory=Tally)
    zones_created: int = 0

    def add(self, other):
        for name in ("articles", "initiatives", "metrics", "mentions"):
            getattr(self, name).add(getattr(other, name))
        self.zones_created += other.zones_created

    def as_dict(self):
        return asdict(self)


@dataclass
class PageOutcome:
    source: Source | None
    counts: IngestCounts
    duplicate_of: str = ""  # name of the stored source with the same bytes
    article_ids: list = field(default_factory=list)  # articles created or updated
