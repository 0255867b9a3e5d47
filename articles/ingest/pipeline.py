"""One page in, the articles and facts found on it out: reading the zone table is its only I/O.

The text steps are pure functions owned by their own modules; this module only
chains them, so the order of the steps and what each step is given live in one
place. ``Steps`` names the functions used, so a test can run the chain with
stand-ins and the command with the real ones.

``AnalysisPool`` runs ``analyse_page`` in worker processes (and segments each
article's search text there too, ``search.indexing.Segmented``) while the
caller, the one writer, takes the results in page order.
"""
import os
import signal
import tempfile
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace

from articles.ingest.types import ArticleBlock, PageText
from core.text import split_sentences

# The version of the reading rules (layout, zones, initiatives, metrics). A page
# whose bytes and metadata are unchanged and that was analysed by this version is
# skipped by the next ingest; change it whenever a rule changes what a page yields,
# so every page is read again (``ingest --reanalyse`` forces it once).
INGEST_VERSION = "2027.03.66"


def analysis_version(vocabulary=None):
    """What a page is read by: the rules' version and, with one, the vocabulary's digest.

    A curator's change to an indicator or initiative type changes what pages yield,
    so it makes every page be read again, as a new version of the rules does.
    """
    return f"{INGEST_VERSION}+{vocabulary.digest}" if vocabulary is not None else INGEST_VERSION


@dataclass
class Steps:
    """The text functions the pipeline chains (see ``default_steps``)."""

    split_page: object  # (text, page_name="") -> list[ArticleBlock]
    link_zones: object  # (title, kicker, body, index, captions=(), paper="") -> list[ZoneMention]
    extract_initiatives: object  # (body, sentences=None, title="") -> list[InitiativeFact]
    extract_metrics: object  # (body, article_year=None, sentences=None, article_month=None, default_scope=…, zone_places=…, headings=…) -> list[MetricFact]
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
    segmented: object = None  # search.indexing.Segmented when segmented ahead of the writer

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
    return steps.make_zone_index(zone_rows())


def zone_rows():
    """What the zone index is built from, as plain dicts (they go to analysis workers as they are)."""
    from zones.models import Zone

    fields = ("name", "full_name", "aliases", "province", "city")
    return list(Zone.objects.order_by("pk").values(*fields))


def analyse_page(page, *, zone_index, steps, vocabulary=None):
    """Split ``page`` into articles and extract zones, year, initiatives and metrics of each.

    ``vocabulary``: the run's ``articles.vocabulary.Vocabulary`` (plain rules); with it each
    metric fact gets its indicator and each initiative fact its type.
    """
    from articles.ingest.layout.lines import remarks_on_report_before
    from articles.ingest.metrics.scope import article_scope, heading_districts

    results = []
    for block in steps.split_page(page.text, page_name=page.page_name or ""):
        body = block.body
        # A dated page dates its articles; 今年/去年 in them resolve against that date.
        year = page.date.year if page.date else steps.article_year(body, title=block.title)
        date_source = "source" if page.date else ("text" if year else "")
        sentences = split_sentences(body)  # once per body, for every extractor
        lead = sentences[0][1] if sentences else ""
        zones = list(
            steps.link_zones(
                block.title, block.kicker, body, zone_index, captions=block.captions, paper=page.paper or "",
                subtitle=block.subtitle, photo=block.kind == "photo",
            )
        )
        if not zones and results and remarks_on_report_before(block):
            # 记者手记 / 短评 naming no zone: the zone of the report it remarks on, the page's last one
            # that has a zone (a brief on a county may stand between the lead and its remark)
            zoned = next((result for result in reversed(results) if result.zones), None)
            zones = [replace(mention, in_title=False) for mention in zoned.zones] if zoned else []
        results.append(
            ArticleResult(
                block=block,
                zones=zones,
                year=year,
                date_source=date_source,
                initiatives=list(steps.extract_initiatives(body, sentences=sentences, title=block.title)),
                metrics=list(steps.extract_metrics(
                    body, article_year=year, sentences=sentences,
                    article_month=page.date.month if page.date else None,
                    default_scope=article_scope(block.kicker, block.title, zones, lead=lead),
                    zone_places=heading_districts(block.kicker, block.title),
                    headings=list(zip(block.heading_positions, block.headings)),
                )),
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


# ---------------------------------------------------------------- in worker processes

# What a forked worker analyses with: steps, zone index, vocabulary, the writer's
# dictionary mark at the fork, the terms file and how many of its bytes it has read.
_context = {}


def _start_worker():
    # Ctrl-C and SIGTERM are the writer's to handle: it records the run and stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _analyse_in_worker(page, written, zones):
    """``analyse_page`` with the forked context, its articles' search columns included; None if it failed.

    ``written``: (bytes, count) of the terms file (``AnalysisPool``) when the
    page was sent: the names the writer had added to its dictionary since the
    worker was forked (``dictionary.terms_since``). The ones this worker has
    not read yet are added here too, so that only names of the few pages
    between could make the writer segment again.
    ``zones``: (generation, zone rows), the rows None while the index forked
    with the worker is the writer's.
    A failure is not sent back: the writer analyses that page again itself, so
    the error it reports is the one an in-process run reports.
    """
    from articles.search.dictionary import add_terms

    try:
        generation, rows = zones
        if generation != _context["generation"]:
            _context.update(zone_index=_context["steps"].make_zone_index(rows), generation=generation)
        end, count = written
        read = _context["read"]
        if end > read:
            add_terms(os.pread(_context["terms_file"], end - read, read).decode().split("\n")[:-1])
            _context["read"] = end
        result = analyse_page(
            page, zone_index=_context["zone_index"], steps=_context["steps"],
            vocabulary=_context["vocabulary"],
        )
        identity, at_fork = _context["mark"]
        result.segmented = segment_ahead(result, (identity, at_fork + count))
    except Exception:  # noqa: BLE001 - reported by the writer's own run of the page
        return None
    return result


def segment_ahead(result, mark):
    """The search columns of the page's articles, as the writer will store them (unless curated).

    The page's own new names (its initiatives, its zones not in the table) are
    words of the dictionary by the time the writer indexes it, so they are
    added here for this page only.
    """
    from articles.search.indexing import Segmented
    from articles.search.dictionary import extra_terms

    names = [fact.name[:128] for item in result.articles for fact in item.initiatives]
    names += [
        (mention.name or "").strip()[:64]
        for item in result.articles for mention in item.zones if not mention.known
    ]
    with extra_terms(names) as added:
        segmented = Segmented(mark, added)
        for item in result.articles:
            block = item.block
            segmented.add(
                block.title[:255], block.kicker[:255], block.subtitle[:255], block.body,
                list(block.authors), list(block.captions),
                [{"text": text} for text in block.headings],
            )
    return segmented


class AnalysisPool:
    """``analyse_page`` over a stream of pages, ``workers`` processes at a time, results in order.

    With one worker the pages are analysed in this process as they are taken.
    With more, up to ``2 * workers`` pages are read ahead and analysed in
    forked processes that inherit the zone index, vocabulary and search
    dictionary (plain data: nothing in a worker reads the database).  When the
    writer adds zones (``zones_changed``) the zone rows go to the workers with
    each page, and the zones of the pages read ahead are linked again here.  A page
    a worker failed on is analysed again here (so its error is reported as in
    one process), and so is every page once a worker died.

    The names the writer adds to its dictionary reach the workers through an
    append-only file of terms shared with them: each page carries only the
    file's length, so what goes with a page does not grow with the run.
    """

    def __init__(self, *, workers, steps, zone_index, vocabulary):
        self.workers = workers
        self.steps, self.zone_index, self.vocabulary = steps, zone_index, vocabulary
        self.generation = 0  # how many times the zone index changed
        self.zone_rows = None  # what the index was built from since it changed
        self.executor = None
        self.mark = None  # the writer's dictionary when the workers were forked
        self.terms_file = None  # the writer's terms since the fork, one per line (see _submit)
        self.terms_written = (0, 0)  # (bytes, terms) of it

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._stop()

    def _stop(self):
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None
        if self.terms_file is not None:
            self.terms_file.close()
            self.terms_file = None

    def _start(self):
        import multiprocessing

        from articles.search.dictionary import dictionary_mark

        _warm_up(self.steps)
        self.mark = dictionary_mark()
        self.terms_file = tempfile.TemporaryFile()
        _context.update(
            steps=self.steps, zone_index=self.zone_index, vocabulary=self.vocabulary,
            mark=self.mark, terms_file=self.terms_file.fileno(), read=0, generation=self.generation,
        )
        self.executor = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=multiprocessing.get_context("fork"),
            initializer=_start_worker,
        )

    def zones_changed(self, rows):
        """The writer created zones: pages from now on are linked with the index of ``rows`` (``zone_rows``).

        The workers are not started again: forking a process this size costs
        its writer more than the rows sent with each page.
        """
        self.zone_rows = rows
        self.zone_index = self.steps.make_zone_index(rows)
        self.generation += 1

    def analyse(self, page):
        """``analyse_page`` in this process, with the current zone index; the exception if it raised."""
        try:
            return analyse_page(
                page, zone_index=self.zone_index, steps=self.steps, vocabulary=self.vocabulary
            )
        except Exception as exc:  # noqa: BLE001 - the writer reports it at its page
            return exc

    def results(self, items, *, page_of):
        """(item, outcome) for each of ``items`` in order, ``page_of(item)`` analysed.

        The outcome is a PageResult, the exception its analysis raised, or None
        where ``page_of(item)`` is None (nothing to analyse).
        """
        if self.workers < 2 or not _can_fork():
            for item in items:
                page = page_of(item)
                yield item, (None if page is None else self.analyse(page))
            return
        pending = deque()  # (item, future or None, generation)
        items = iter(items)
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < 2 * self.workers:
                item = next(items, _END)
                if item is _END:
                    exhausted = True
                    break
                pending.append((item, self._submit(page_of(item)), self.generation))
            if pending:
                item, future, generation = pending.popleft()
                yield item, self._result(page_of(item), future, generation)

    def _submit(self, page):
        if page is None:
            return None
        from articles.search.dictionary import terms_since

        if self.executor is None:
            self._start()
        end, count = self.terms_written
        new = (terms_since(self.mark) or [])[count:]
        if new:
            data = "".join(f"{term}\n" for term in new).encode()
            os.pwrite(self.terms_file.fileno(), data, end)
            self.terms_written = end, count = end + len(data), count + len(new)
        try:
            return self.executor.submit(
                _analyse_in_worker, page, (end, count), (self.generation, self.zone_rows)
            )
        except BrokenProcessPool:
            self.workers = 1  # a worker died: the rest is analysed here
            return None

    def _result(self, page, future, generation):
        if page is None:
            return None
        result = None
        if future is not None:
            try:
                result = future.result()
            except BrokenProcessPool:
                self.workers = 1
        if result is None:
            return self.analyse(page)
        if generation != self.generation:
            self._link_again(result)
        return result

    def _link_again(self, result):
        """Link a page read ahead with the zone index of the writer's new zones.

        The zones are all the index decides (``analyse_page``): linking them
        again gives what analysing the page again would, at a fraction of it.
        """
        for item in result.articles:
            block = item.block
            item.zones = list(self.steps.link_zones(
                block.title, block.kicker, block.body, self.zone_index, captions=block.captions,
                paper=result.page.paper or "", subtitle=block.subtitle, photo=block.kind == "photo",
            ))


_END = object()


def in_workers(func, items, *, workers):
    """``func(item)`` for each of ``items``, in order: in ``workers`` forked processes, at most
    ``2 * workers`` items ahead of the caller (so memory stays bounded), or here with one.

    ``func`` must be a module-level function reading no database: the processes
    are forks of this one and share its connections' sockets.
    """
    import multiprocessing

    if workers < 2 or not _can_fork():
        yield from map(func, items)
        return
    pending = deque()
    items = iter(items)
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("fork"), initializer=_start_worker,
    ) as executor:
        try:
            for item in items:
                pending.append(executor.submit(func, item))
                if len(pending) >= 2 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def _can_fork():
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _warm_up(steps):
    """Load what the steps load on first use (jieba's dictionaries), once, before workers fork from us."""
    from articles.search.dictionary import load_dictionary

    sample = "高新区党工委成立产业链党建联盟。\n\n今年，园区开展“双报到”活动，新增党员120名。\n"
    analyse_page(PageText(name="warm-up", text=sample, encoding="utf-8", content_hash=""),
                 zone_index=steps.make_zone_index([]), steps=steps)
    load_dictionary()
