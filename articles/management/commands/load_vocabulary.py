"""Load the indicator and initiative-type vocabularies from fixtures/ (idempotent)."""
from django.core.management.base import BaseCommand, CommandError

from articles.vocabulary import load_vocabulary


class Command(BaseCommand):
    help = (
        "导入指标词表（fixtures/indicators.json）与举措类型词表（fixtures/initiative_types.json）；"
        "按网址标识更新，可重复运行，不覆盖人工修订。"
    )

    def handle(self, *args, **options):
        try:
            counts = load_vocabulary()
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CommandError(f"词表无法读取：{exc}") from exc
        if options["verbosity"]:
            for title, key in (("指标", "indicators"), ("举措类型", "initiative_types")):
                c = counts[key]
                self.stdout.write(
                    self.style.SUCCESS(f"{title}：新增 {c.created}，更新 {c.updated}，未变 {c.unchanged}")
                )
