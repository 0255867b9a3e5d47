"""Load the national high-tech zone list from fixtures/ (idempotent)."""
from django.core.management.base import BaseCommand, CommandError

from zones.reference import load_reference_zones


class Command(BaseCommand):
    help = "导入国家高新区参考名录（fixtures/zones.json）；可重复运行，不覆盖人工修订。"

    def handle(self, *args, **options):
        try:
            created, updated, unchanged = load_reference_zones()
        except (OSError, ValueError, KeyError) as exc:
            raise CommandError(f"参考数据无法读取：{exc}") from exc
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"高新区名录：新增 {created}，更新 {updated}，未变 {unchanged}"
                )
            )
