"""Print the whole knowledge base as JSON (the export_kb shape of the design notes)."""
import json

from django.core.management.base import BaseCommand

from articles.export import build_export


class Command(BaseCommand):
    help = (
        "以 JSON 输出整个知识库（zones / articles / initiatives / metrics，按 id 排序）。"
        "默认不含已隐藏条目。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--include-hidden",
            action="store_true",
            help="同时输出已隐藏的条目（每项带 hidden 字段）。",
        )

    def handle(self, *args, **options):
        data = build_export(include_hidden=options["include_hidden"])
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
