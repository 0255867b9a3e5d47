"""One page in, the articles and facts found on it out: reading the zone table is its only I/O.

The text steps are pure functions owned by their own modules; this module only
chains them, so the order of the steps and what each step is given live in one
place. ``Steps`` names the functions used, so a test can run the chain with
stand-ins and the command with the real ones.
"""
from dataclasses import dataclass, field

from articles.ingest.types import ArticleBlock, PageText
from core.text import split_sentences

# The version of the reading rules (layout, zones, initiatives, metrics). A page
# whose bytes and metadata are unchanged and that was analysed by this version is
# skipped by the next ingest; change it whenever a rule changes what a page yields,
# so every page is read again (``ingest --reanalyse`` forces it once).
INGEST_VERSION = "2026.12.4"


def analysis_version(vocabulary=None):
    """What a page is read by: the rules' version and, with one, the vocabulary's digest.

    A curator's change to an indicator or initiative type changes what pages yield,
    so it makes every page be read again, as a new version of the rules does.
    """
    return f"{INGEST_VERSION}+{vocabulary.digest}" if vocabulary is not None else INGEST_VERSION


@dataclass
class Steps:
    """The text functions the pipeline chains (see ``default_steps``)."""

    split_page: object  # text -> list[ArticleBlock]
    link_zones: object  # (title, kicker, body, index, captions=()) -> list[ZoneMention]
    extract_initiatives: object  # (body, sentences=None) -> list[InitiativeFact]
    extract_metrics: object  # (body, article_year=None, sentences=None) -> list[MetricFact]
    article_year: object  # (body, title="") -> int | None
    make_zone_index: object  # iterable of zones -> index understood by link_zones


def default_steps():
    # Imported here so the upsert and the commands can be imported (and tested
    # with stand-ins) without pulling in jieba/opencc at import time.
    from articles.ingest.dates import article_year
    from articles.ingest.initiatives import extract_initiatives
    from articles.ingest.layout import split_page
    from articles.ingest.metrics import extract_metrics
    from articles.ingest.zone_linker import ZoneIndex, link_zones

    return Steps(
        split_page=split_page,
        link_zones=link_zones,
        extract_initiatives=extract_initiatives,
        extract_metrics=extract_metrics,
        article_year=article_year,
        make_zone_index=ZoneIndex,
    )


@dataclass
class ArticleResult:
    """An article block with the facts drawn from its body."""

    block: ArticleBlock
    zones: list = field(default_factory=list)  # ZoneMention, primary first
    year: int | None = None  # the publication year when the page is dated, else the text's
    date_source: str = ""  # "source" (the page's date), "text" (implied by the text) or ""
    initiatives: list = field(default_factory=list)  # InitiativeFact
    metrics: list = field(default_factory=list)  # MetricFact


@dataclass
class PageResult:
    page: PageText
    articles: list = field(default_factory=list)  # ArticleResult, in page order
    analysed_with: str = INGEST_VERSION  # analysis_version() of the rules that read it

    @property
    def column(self):
        """The page's column header (e.g. 党建在高新), from the first article that has one."""
        return next((a.block.column for a in self.articles if a.block.column), "")

    @property
    def chars(self):
        return len(self.page.text)


def load_zone_index(steps):
    """The linker's index over every zone in the table, aliases included.

    A zone a curator merged into another lives on only as an alias of the
    survivor, so indexing aliases is what makes the next ingest link to it.
    """
    from zones.models import Zone

    zones = Zone.objects.only("name", "full_name", "aliases", "province", "city").order_by("pk")
    return steps.make_zone_index(list(zones))


def analyse_page(page, *, zone_index, steps, vocabulary=None):
    """Split ``page`` into articles and extract zones, year, initiatives and metrics of each.

    ``vocabulary``: the run's ``articles.vocabulary.Vocabulary`` (plain rules); with it each
    metric fact gets its indicator and each initiative fact its type.
    """
    results = []
    for block in steps.split_page(page.text):
        body = block.body
        # A dated page dates its articles; 今年/去年 in them resolve against that date.
        year = page.date.year if page.date else steps.article_year(body, title=block.title)
        date_source = "source" if page.date else ("text" if year else "")
        sentences = split_sentences(body)  # once per body, for every extractor
        results.append(
            ArticleResult(
                block=block,
                zones=list(
                    steps.link_zones(
                        block.title, block.kicker, body, zone_index, captions=block.captions
                    )
                ),
                year=year,
                date_source=date_source,
                initiatives=list(steps.extract_initiatives(body, sentences=sentences)),
                metrics=list(steps.extract_metrics(body, article_year=year, sentences=sentences)),
            )
        )
    if vocabulary is not None:
        classify_facts(results, vocabulary)
    return PageResult(page=page, articles=results, analysed_with=analysis_version(vocabulary))


def classify_facts(articles, vocabulary):
    """Set the indicator of every metric fact and the type of every initiative fact."""
    from articles.ingest.initiatives.types import type_for
    from articles.ingest.metrics.indicators import indicators_for

    for item in articles:
        for fact, slug in zip(item.metrics, indicators_for(item.metrics, vocabulary.indicators)):
            fact.indicator = slug
        for fact in item.initiatives:
            fact.type = type_for(fact.name, fact.category, vocabulary.initiative_types)
