"""Ingest newspaper page files into the knowledge base (idempotent, curation-safe).

The work is in articles/ingest/: reader -> pipeline (layout, zones, initiatives,
metrics) -> upsert. This command walks the files, gives each page its own
transaction, reports, and records the run.
"""
import signal
import threading
import time
from contextlib import nullcontext
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from articles.ingest.given import ManifestError, apply_given, clean_given, read_manifest
from articles.ingest.lock import IngestBusy, ingest_lock
from articles.ingest.pipeline import analyse_page, default_steps, load_zone_index
from articles.ingest.counts import IngestCounts
from articles.ingest.upsert import upsert_page
from articles.models import IngestRun


def _interrupt_on_sigterm():
    """Let SIGTERM (a stopped service, a timeout) end the run like Ctrl-C, so it is recorded."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    return signal.signal(signal.SIGTERM, interrupt)


def _pages(paths):
    """(path, page) for each page of each file, or (path, PageError) for a file refused."""
    from articles.ingest.reader import PageError, read_pages

    for path in paths:
        try:
            pages = read_pages(path)
        except PageError as exc:
            yield path, exc
            continue
        for page in pages:
            yield path, page


def database_problem(exc):
    """What went wrong with the database, in one line."""
    text = " ".join(str(exc).split())
    return text[:200] or type(exc).__name__


class Command(BaseCommand):
    help = (
        "导入报纸版面文本（文件或文件夹，默认 fixtures/seeds/）：拆分文章，识别高新区、党建举措与数据指标，"
        "写入知识库。可重复运行：未变的内容不会改写，人工修订、隐藏与删除的条目保持不变。"
        "每个文件各自在一个事务中写入：有问题的文件（不存在、为空、二进制、无法解码）给出一行说明并使退出码非零，"
        "同一次运行中的其他文件照常写入，已入库的内容不受影响。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="*", metavar="PATH",
            help="版面文本文件或文件夹（默认 settings.SEEDS_DIR）。",
        )
        parser.add_argument(
            "--dry-run", action="store_true",
            help="只解析并报告将会发生的变化，不写入数据库。",
        )
        source = parser.add_argument_group("来源信息（覆盖文件与版面自身所写）")
        source.add_argument("--paper", help="报纸或网站名，如 中国高新技术产业导报")
        source.add_argument("--date", help="出版日期 YYYY-MM-DD")
        source.add_argument("--page", help="版次，如 A7")
        source.add_argument("--page-name", dest="page_name", help="版名，如 党建在高新")
        source.add_argument("--url", help="原文链接")
        source.add_argument(
            "--manifest", metavar="FILE",
            help="清单（CSV 含表头，或 JSON lines）：每行 path, paper, date, page, page_name, url；"
                 "清单中的文件一并导入，路径相对于清单所在文件夹。",
        )
        parser.add_argument(
            "--wait", type=float, default=10.0, metavar="SECONDS",
            help="另一个导入正在进行时最多等待的秒数（默认 10），超时则退出并说明。",
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.reraise = options["traceback"]
        self.files, self.errors, self.totals = [], [], IngestCounts()
        self._finished = False
        dry_run = options["dry_run"]
        try:
            self.given = clean_given(options, "--date：")
            self.manifest = read_manifest(options["manifest"]) if options["manifest"] else {}
        except (ValueError, ManifestError) as exc:
            raise CommandError(str(exc)) from None
        raw_paths = options["paths"] or ([] if self.manifest else [str(settings.SEEDS_DIR)])
        raw_paths = raw_paths + [str(path) for path in self.manifest]
        try:
            with ingest_lock(connection, wait=options["wait"]):
                self._locked_run(raw_paths, dry_run)
        except IngestBusy as exc:
            raise CommandError(str(exc)) from None
        except DatabaseError as exc:
            if self.reraise:
                raise
            # Read-only, full or unreachable: pages committed before stay whole.
            raise CommandError(f"数据库无法写入，导入已停止（{database_problem(exc)}）。") from None
        if self.errors:
            verb = "解析" if dry_run else "导入"
            good = sum(1 for f in self.files if f["status"] != "error")
            rest = f"其余 {good} 个文件已{verb}" if good else f"没有{verb}任何文件"
            raise CommandError(f"{len(self.errors)} 个文件未能导入；{rest}。")

    def _locked_run(self, raw_paths, dry_run):
        # Holding the lock, no other run is alive: an unfinished record is a killed run's.
        IngestRun.objects.filter(finished_at__isnull=True, interrupted=False).update(interrupted=True)
        self.run = None if dry_run else IngestRun.objects.create(paths=raw_paths)
        paths = self._page_paths(raw_paths)
        previous = _interrupt_on_sigterm()
        try:
            # A dry run does all its work in one transaction rolled back at the end,
            # so its counts are exactly those a real run would report. A real run
            # commits page by page.
            with transaction.atomic() if dry_run else nullcontext():
                self._ingest(paths, dry_run)
                if dry_run:
                    transaction.set_rollback(True)
        except KeyboardInterrupt:
            # Pages already committed are whole; the record says the run stopped.
            self._record(interrupted=True)
            raise
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
        self._record()

    def _record(self, *, interrupted=False):
        """Write what the run did so far to its record (after each page, and at the end)."""
        if self.run is None:
            return
        run = self.run
        run.files, run.counts, run.errors = self.files, self.totals.as_dict(), self.errors
        run.interrupted = interrupted
        fields = ["files", "counts", "errors", "interrupted"]
        if interrupted or self._finished:
            run.finished_at = timezone.now()
            fields.append("finished_at")
        run.save(update_fields=fields)

    def _fail(self, name, message):
        """Record a refused file; ``message`` is one line naming the file."""
        self.errors.append(message)
        self.files.append({"name": name, "status": "error", "message": message})
        self.stderr.write(f"错误：{message}")

    def _page_paths(self, raw_paths):
        from articles.ingest.reader import PageError, iter_page_paths

        paths = []
        for raw in raw_paths:
            try:
                found = iter_page_paths([raw])
            except PageError as exc:
                self._fail(raw, str(exc))
                continue
            except OSError as exc:  # e.g. a folder we may not list
                self._fail(raw, f"{raw}: 无法读取（{exc.strerror or exc}）")
                continue
            if not found:
                self._fail(raw, f"{raw}: 文件夹中没有版面文本文件（*.txt）")
            paths.extend(found)
        return paths

    def _ingest(self, paths, dry_run):
        steps = default_steps()
        self._ensure_reference_zones()
        zone_index = load_zone_index(steps)
        started, chars = time.perf_counter(), 0
        for path, page in _pages(paths):
            tick = time.perf_counter()
            if isinstance(page, Exception):
                self._fail(Path(path).name, str(page))
                continue
            page = apply_given(page, {**self.manifest.get(Path(path).resolve(), {}), **self.given})
            name = page.name  # a PDF's pages are sources of their own: "file.pdf#p2"
            try:
                result = analyse_page(page, zone_index=zone_index, steps=steps)
                with transaction.atomic():
                    outcome = upsert_page(result=result, original=None if dry_run else path)
            except Exception as exc:  # noqa: BLE001 - one bad page must not cost the others
                # Its transaction rolled back: nothing of this page is stored and
                # nothing stored before is touched.
                if self.reraise:
                    raise
                self._fail(name, f"{name}: 未能导入，此文件未写入任何内容（{type(exc).__name__}: {exc}）")
                continue
            chars += len(page.text)
            if outcome.duplicate_of:
                message = f"与已导入的 {outcome.duplicate_of} 内容相同，已跳过"
                self.files.append({"name": name, "status": "duplicate", "message": message})
                self.stderr.write(f"跳过：{name}: {message}")
                continue
            counts = outcome.counts
            self.totals.add(counts)
            message = (
                f"{len(result.articles)} 篇文章，新增举措 {counts.initiatives.created}，"
                f"新增指标 {counts.metrics.created}"
            )
            self.files.append({"name": name, "status": "ok", "message": message})
            if self.verbosity >= 1:
                self.stdout.write(f"{name}：{message}（{time.perf_counter() - tick:.2f} 秒）")
            if counts.zones_created:
                # New zones must be linkable from the next page on.
                zone_index = load_zone_index(steps)
            if not dry_run:
                self._record()
        self._finished = True
        self._report(chars, time.perf_counter() - started, dry_run)

    def _ensure_reference_zones(self):
        from zones.models import Zone
        from zones.reference import load_reference_zones

        if Zone.objects.exists():
            return
        created, _, _ = load_reference_zones()
        if self.verbosity >= 1:
            self.stdout.write(f"已导入高新区参考名录：{created} 个")

    def _report(self, chars, elapsed, dry_run):
        totals = self.totals
        if self.verbosity < 1:
            return
        rate = chars / elapsed if elapsed else 0
        lines = [f"{'试运行（未写入）' if dry_run else '导入完成'}：{chars} 字，{elapsed:.2f} 秒，"
                 f"每秒 {rate:,.0f} 字"]
        for label, tally in (
            ("文章", totals.articles), ("举措", totals.initiatives), ("指标", totals.metrics),
        ):
            line = (
                f"{label}：新增 {tally.created}，更新 {tally.updated}，未变 {tally.unchanged}，"
                f"保留人工修订 {tally.skipped_curated}"
            )
            for count, text in (
                (tally.skipped_deleted, "已删除不恢复"),
                (tally.stale, "不再出现但保留"),
                (tally.deleted, "不再出现已移除"),
                (tally.merged, "与其他来源的同一文章合并"),
            ):
                if count:
                    line += f"，{text} {count}"
            lines.append(line)
        lines.append(f"高新区：新增 {totals.zones_created}")
        self.stdout.write(self.style.SUCCESS("\n".join(lines)))
