"""Ingest newspaper page files into the knowledge base (idempotent, curation-safe).

The work is in articles/ingest/: reader -> pipeline (layout, zones, initiatives,
metrics) -> upsert, run page by page, each in a savepoint of its own, by
``articles.ingest.run.IngestJob`` (which the admin's upload page uses too).
This command reads its options, reports on its stdout and stderr, and turns
what went wrong into one-line errors and a non-zero exit code.
"""
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from articles.ingest.given import ManifestError, clean_given, read_manifest
from articles.ingest.run import IngestBusy, IngestJob, Reporter, database_problem, default_workers

__all__ = ["Command", "database_problem"]


class CommandReporter(Reporter):
    """What the run does, on the command's output as it happens."""

    def __init__(self, command):
        self.command = command

    def refused(self, message):
        self.command.stderr.write(f"错误：{message}")

    def skipped(self, name, message):
        self.command.stderr.write(f"跳过：{name}: {message}")

    def stored(self, name, message, seconds):
        if self.command.verbosity >= 1:
            self.command.stdout.write(f"{name}：{message}（{seconds:.2f} 秒）")

    def zones_loaded(self, created):
        if self.command.verbosity >= 1:
            self.command.stdout.write(f"已导入高新区参考名录：{created} 个")


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
            "--reanalyse", action="store_true",
            help="内容未变的版面也重新分析（读取规则更新后使用）。",
        )
        parser.add_argument(
            "--workers", type=int, default=None, metavar="N",
            help="分析版面的进程数（默认按处理器核数，2 至 4 个）；1 表示在本进程内逐页分析。",
        )
        parser.add_argument(
            "--wait", type=float, default=10.0, metavar="SECONDS",
            help="另一个导入正在进行时最多等待的秒数（默认 10），超时则退出并说明。",
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        dry_run = options["dry_run"]
        try:
            given = clean_given(options, "--date：")
            manifest = read_manifest(options["manifest"]) if options["manifest"] else {}
        except (ValueError, ManifestError) as exc:
            raise CommandError(str(exc)) from None
        workers = default_workers() if options["workers"] is None else options["workers"]
        if workers < 1:
            raise CommandError("--workers 至少为 1。")
        raw_paths = options["paths"] or ([] if manifest else [str(settings.SEEDS_DIR)])
        raw_paths = raw_paths + [str(path) for path in manifest]
        job = IngestJob(
            given=given, manifest=manifest, dry_run=dry_run, reraise=options["traceback"],
            reanalyse=options["reanalyse"], workers=workers,
            reporter=CommandReporter(self),
        )
        try:
            job.run(raw_paths, wait=options["wait"], catch_sigterm=True)
        except IngestBusy as exc:
            raise CommandError(str(exc)) from None
        except DatabaseError as exc:
            if options["traceback"]:
                raise
            # Read-only, full or unreachable: pages committed before stay whole.
            raise CommandError(f"数据库无法写入，导入已停止（{database_problem(exc)}）。") from None
        if job.finished:
            self._report(job.totals, job.chars, job.elapsed, dry_run)
        if job.errors:
            verb = "解析" if dry_run else "导入"
            good = job.good_files
            rest = f"其余 {good} 个文件已{verb}" if good else f"没有{verb}任何文件"
            raise CommandError(f"{len(job.errors)} 个文件未能导入；{rest}。")

    def _report(self, totals, chars, elapsed, dry_run):
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
