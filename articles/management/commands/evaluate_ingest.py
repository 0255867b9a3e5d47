"""Score the ingest on a folder of pages with gold files (default: the development corpus).

Every page is read and analysed in memory, the zones linked against the
reference zones of fixtures/zones.json: nothing is written to the database.
The matching rules are in articles/ingest/evaluation/.
"""
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.ingest import evaluation

DEFAULT_DIR = Path(settings.BASE_DIR) / "articles" / "tests" / "corpus"


class Command(BaseCommand):
    help = (
        "在带标注（*.gold.json）的版面上评估导入效果（默认 articles/tests/corpus/）：只在内存中解析，不写数据库。"
        "按类别输出准确率、召回率和 F1，再逐行列出漏检（MISS）、误检（FALSE）、误归高新区的城市数据（CITY）和类型不符的数据（KIND），"
        "最后一行是包含全部数字的 JSON。"
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", default=str(DEFAULT_DIR), metavar="DIR")
        parser.add_argument("--json", action="store_true", help="只输出最后一行的 JSON。")

    def handle(self, *args, **options):
        directory = Path(options["directory"])
        if not directory.is_dir():
            raise CommandError(f"{directory}: 不是文件夹")
        if not evaluation.corpus_pages(directory):
            raise CommandError(f"{directory}: 没有带标注（*.gold.json）的版面")
        scores = evaluation.evaluate(directory)
        if options["json"]:
            self.stdout.write(json.dumps(scores.as_dict(), ensure_ascii=False, sort_keys=True))
            return
        self.stdout.write("\n".join(evaluation.report_lines(scores)))
