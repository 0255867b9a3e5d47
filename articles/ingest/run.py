"""One ingest run: the lock, its record, a savepoint per page, a commit every few seconds.

Shared by ``manage.py ingest`` and the admin's 导入版面 page. ``IngestJob.run``
takes the ingest lock (``lock.py``), marks runs a killed process left unfinished
as interrupted, opens an ``IngestRun``, then reads each file (``readers``),
analyses each page (``pipeline.analyse_page``) and stores it
(``upsert.upsert_page``) in a savepoint of its own; the pages stored are
committed with the run's files, counts and errors in its record (after the
first page, then at most every ``RECORD_SECONDS``), and the record is closed
when the run ends. A file refused or a page that
fails is one line in ``errors`` and the others go on; a KeyboardInterrupt (Ctrl-C,
or SIGTERM in the command) closes the record as interrupted and is re-raised.

What the run says as it goes (a page stored, a file refused, a copy skipped)
goes to a ``Reporter``; the command's writes to its stdout and stderr, the
admin's stays silent and reads ``job.files`` afterwards.
"""
import os
import signal
import threading
import time
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone

from articles import tallies
from articles.ingest.counts import IngestCounts
from articles.ingest.given import apply_given
from articles.ingest.lock import IngestBusy, ingest_lock
from articles.ingest.pipeline import (
    AnalysisPool,
    analysis_version,
    default_steps,
    load_zone_index,
    zone_rows,
)
from articles.ingest.sources import unchanged_source
from articles.ingest.upsert import upsert_page
from articles.models import IngestRun
from articles.search.backends import get_backend

# The record is rewritten whole (its files list grows with the run): written after
# every page, a run of N pages would write O(N²) bytes. A run that is interrupted
# or ends writes it in full; only a killed process loses its last seconds of
# entries, whose pages are stored all the same.
RECORD_SECONDS = 2.0

__all__ = [
    "IngestBusy", "IngestJob", "Reporter", "database_problem", "default_workers", "read_file_pages",
]


class Reporter:
    """Told what a run does as it goes; these do nothing (see the command's for output)."""

    def refused(self, message):
        """A file or page not stored; ``message`` is one line naming it."""

    def skipped(self, name, message):
        """A page whose bytes are already stored under another name."""

    def stored(self, name, message, seconds):
        """A page stored (``message``: its articles and new facts)."""

    def zones_loaded(self, created):
        """The reference zone list was loaded into an empty zone table."""


def database_problem(exc):
    """What went wrong with the database, in one line."""
    text = " ".join(str(exc).split())
    return text[:200] or type(exc).__name__


def _interrupt_on_sigterm():
    """Let SIGTERM (a stopped service, a timeout) end the run like Ctrl-C, so it is recorded."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    return signal.signal(signal.SIGTERM, interrupt)


def read_file_pages(paths):
    """(path, page) for each page of each file, or (path, PageError) for a file refused."""
    from articles.ingest.readers import PageError, read_pages

    for path in paths:
        try:
            pages = read_pages(path)
        except PageError as exc:
            yield path, exc
            continue
        for page in pages:
            yield path, page


def ensure_reference_zones():
    """Load the national zone list into an empty zone table: how many were created, or None."""
    from zones.models import Zone
    from zones.reference import load_reference_zones

    if Zone.objects.exists():
        return None
    created, _, _ = load_reference_zones()
    return created


def default_workers():
    """Analysis processes when none is asked for: one per core, at least 2, at most 4."""
    return min(max(os.cpu_count() or 1, 2), 4)


class IngestJob:
    """One run over some files: what it did is in ``files``, ``errors``, ``totals`` and ``run``.

    ``given``: the curator's paper, date, page, page_name and url for every page
    (``given.clean_given``); ``manifest``: ``{resolved path: given}`` per file, the
    run-wide ``given`` winning. A ``dry_run`` does its work in one transaction
    rolled back at the end and keeps no record, so its counts are exactly those a
    real run would report.
    """

    def __init__(self, *, given=None, manifest=None, dry_run=False, reraise=False, reporter=None,
                 reanalyse=False, workers=1):
        self.workers = workers
        self.reanalyse = reanalyse  # analyse pages even when nothing about them changed
        self.given = dict(given or {})
        self.manifest = dict(manifest or {})
        self.dry_run = dry_run
        self.reraise = reraise
        self.reporter = reporter or Reporter()
        self.files, self.errors, self.totals = [], [], IngestCounts()
        self.run_record = None
        self.source_ids = []  # sources stored or updated, in page order
        self.chars = 0
        self.elapsed = 0.0
        self.finished = False
        self.recorded_at = None  # time.monotonic() of the record's last write

    @property
    def good_files(self):
        """How many files (or pages) went in, skipped copies included."""
        return sum(1 for f in self.files if f["status"] != "error")

    def run(self, raw_paths, *, wait=0.0, recorded_paths=None, catch_sigterm=False):
        """Ingest ``raw_paths`` (files and folders) under the ingest lock.

        ``wait``: seconds to wait for another run to finish, then IngestBusy.
        ``recorded_paths``: what the run record lists as its input (``raw_paths``).
        ``catch_sigterm``: turn SIGTERM into KeyboardInterrupt for the run's
        duration (a command; never a web worker, whose server owns its signals).
        """
        with ingest_lock(connection, wait=wait):
            self._locked_run(list(raw_paths), recorded_paths, catch_sigterm)
        return self

    def _locked_run(self, raw_paths, recorded_paths, catch_sigterm):
        # Holding the lock, no other run is alive: an unfinished record is a killed run's.
        IngestRun.objects.filter(finished_at__isnull=True, interrupted=False).update(interrupted=True)
        if not self.dry_run:
            paths = raw_paths if recorded_paths is None else list(recorded_paths)
            self.run_record = IngestRun.objects.create(paths=paths)
        paths = self._page_paths(raw_paths)
        previous = _interrupt_on_sigterm() if catch_sigterm else None
        try:
            # A real run commits a few seconds of pages at a time (_store_all), and counts the
            # pages' tallies once at its end (articles/tallies.py); a dry run rolls everything back.
            with transaction.atomic() if self.dry_run else tallies.counting_deferred():
                self._ingest(paths)
                if self.dry_run:
                    transaction.set_rollback(True)
        except KeyboardInterrupt:
            # Pages already committed are whole; the record says the run stopped.
            self.record(interrupted=True)
            raise
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
        self.record()
        if not self.dry_run:
            get_backend(connection).settle(connection)

    def record(self, *, interrupted=False):
        """Write what the run did so far to its record (as pages are stored, and at the end)."""
        if self.run_record is None:
            return
        run = self.run_record
        run.files, run.counts, run.errors = self.files, self.totals.as_dict(), self.errors
        run.interrupted = interrupted
        fields = ["files", "counts", "errors", "interrupted"]
        if interrupted or self.finished:
            run.finished_at = timezone.now()
            fields.append("finished_at")
        run.save(update_fields=fields)
        self.recorded_at = time.monotonic()

    def fail(self, name, message):
        """Record a refused file; ``message`` is one line naming the file."""
        self.errors.append(message)
        self.files.append({"name": name, "status": "error", "message": message})
        self.reporter.refused(message)

    def _page_paths(self, raw_paths):
        from articles.ingest.readers import PageError, iter_page_paths

        paths = []
        for raw in raw_paths:
            try:
                found = iter_page_paths([raw])
            except PageError as exc:
                self.fail(raw, str(exc))
                continue
            except OSError as exc:  # e.g. a folder we may not list
                self.fail(raw, f"{raw}: 无法读取（{exc.strerror or exc}）")
                continue
            if not found:
                self.fail(raw, f"{raw}: 文件夹中没有版面文本文件（*.txt）")
            paths.extend(found)
        return paths

    def _ingest(self, paths):
        from articles.vocabulary import snapshot as load_vocabulary_snapshot

        steps = default_steps()
        created = ensure_reference_zones()
        if created is not None:
            self.reporter.zones_loaded(created)
        # Indicators and initiative types as plain rules, read once like the zone index.
        vocabulary = load_vocabulary_snapshot()
        version = analysis_version(vocabulary)
        started = time.perf_counter()
        pool = AnalysisPool(
            workers=self.workers, steps=steps, zone_index=load_zone_index(steps), vocabulary=vocabulary,
        )
        with pool:
            pages = pool.results(self._pages(paths, version), page_of=lambda entry: entry[2])
            self._store_all(pages, pool)
        self.finished = True
        self.elapsed = time.perf_counter() - started

    def _pages(self, paths, version):
        """(name, path, page to analyse or None, start time) for each page, refused and unchanged ones reported."""
        for path, page in read_file_pages(paths):
            tick = time.perf_counter()
            if isinstance(page, Exception):
                self.fail(Path(path).name, str(page))
                continue
            page = apply_given(page, {**self.manifest.get(Path(path).resolve(), {}), **self.given})
            name = page.name  # a PDF's pages are sources of their own: "file.pdf#p2"
            unchanged = None if self.reanalyse else unchanged_source(page, version)
            if unchanged is not None:
                # Same bytes, same metadata, same rules: it would yield what is stored.
                self.chars += len(page.text)
                self.totals.articles.unchanged += unchanged.articles.count()
                self.files.append({"name": name, "status": "unchanged", "message": "内容未变，未重新分析"})
                self.reporter.stored(name, "内容未变，未重新分析", time.perf_counter() - tick)
                continue
            yield name, path, page, tick

    def _store_all(self, pages, pool):
        """Store the analysed pages, committing them (and the run's record) every RECORD_SECONDS.

        Each page is its own savepoint, so a page that fails leaves the others;
        committing in batches spares a commit per page (on SQLite a full-text
        segment each). A killed process loses its last batch, which the next
        run reads again; an interrupt or an error re-raised commits the pages
        stored before it.
        """
        pages = iter(pages)
        while True:
            interrupted, done = None, True
            with transaction.atomic():
                try:
                    for (name, path, page, tick), result in pages:
                        if result is not None:
                            self._store(name, path, result, tick, pool)
                        # The first page at once, so that the run shows; then every few seconds.
                        if self.recorded_at is None or time.monotonic() - self.recorded_at >= RECORD_SECONDS:
                            done = False
                            break
                except BaseException as exc:  # an interrupt, or a page's error re-raised (--traceback)
                    interrupted = exc
                if not done and interrupted is None:
                    self.record()
            if interrupted is not None:
                raise interrupted
            if done:  # the run's closing record follows
                return

    def _store(self, name, path, result, tick, pool):
        """Write one analysed page (``result``: its PageResult, or the exception its analysis raised)."""
        try:
            if isinstance(result, Exception):
                raise result
            with transaction.atomic():
                outcome = upsert_page(result=result, original=None if self.dry_run else path)
        except Exception as exc:  # noqa: BLE001 - one bad page must not cost the others
            # Its transaction rolled back: nothing of this page is stored and
            # nothing stored before is touched.
            if self.reraise:
                raise
            self.fail(name, f"{name}: 未能导入，此文件未写入任何内容（{type(exc).__name__}: {exc}）")
            return
        self.chars += len(result.page.text)
        if outcome.duplicate_of:
            message = f"与已导入的 {outcome.duplicate_of} 内容相同，已跳过"
            self.files.append({"name": name, "status": "duplicate", "message": message})
            self.reporter.skipped(name, message)
            return
        counts = outcome.counts
        self.totals.add(counts)
        if outcome.source is not None:
            self.source_ids.append(outcome.source.pk)
        message = (
            f"{len(result.articles)} 篇文章，新增举措 {counts.initiatives.created}，"
            f"新增指标 {counts.metrics.created}"
        )
        self.files.append({"name": name, "status": "ok", "message": message})
        self.reporter.stored(name, message, time.perf_counter() - tick)
        if counts.zones_created:
            # New zones must be linkable from the next page on.
            pool.zones_changed(zone_rows())
