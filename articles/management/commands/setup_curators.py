"""Create (or bring up to date) the "Curators" group, and optionally put staff users in it.

Idempotent: the group's permissions are set to exactly the list below each time,
so running it after an upgrade grants what new admin features need.
"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

GROUP_NAME = "Curators"

# app label -> model -> actions. Sources, ingest runs and mentions come from the
# pages: curators read them; what they fix lives on articles, initiatives,
# metrics and zones. Deleting a tombstone lets the ingest bring a row back.
# Adding sources is the admin's 导入版面 page: upload page files, preview, confirm.
PERMISSIONS = {
    "articles": {
        "article": ("view", "change", "delete"),
        "initiative": ("view", "change", "delete"),
        "metric": ("view", "change", "delete"),
        "initiativemention": ("view", "delete"),
        "source": ("view", "add"),
        "ingestrun": ("view",),
        "tombstone": ("view", "delete"),
    },
    "zones": {"zone": ("view", "add", "change", "delete")},
}


def curator_permissions():
    wanted = {
        (app, f"{action}_{model}")
        for app, models in PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    }
    found = Permission.objects.filter(
        content_type__app_label__in=PERMISSIONS
    ).select_related("content_type")
    permissions = [p for p in found if (p.content_type.app_label, p.codename) in wanted]
    if len(permissions) != len(wanted):
        raise CommandError("缺少权限记录：请先运行 python manage.py migrate。")
    return permissions


class Command(BaseCommand):
    help = (
        "创建或更新“Curators”（审核编辑）用户组及其权限；用 --user 把用户加入该组"
        "（不存在的用户会被创建为工作人员，随后用 changepassword 设置密码）。可重复运行。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--user", action="append", default=[], metavar="USERNAME",
            help="加入 Curators 组的用户名（可多次使用）；不存在时创建，并设为工作人员。",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        group, created = Group.objects.get_or_create(name=GROUP_NAME)
        permissions = curator_permissions()
        group.permissions.set(permissions)
        if options["verbosity"] >= 1:
            verb = "已创建" if created else "已更新"
            self.stdout.write(f"{verb}用户组 {GROUP_NAME}：{len(permissions)} 项权限")

        User = get_user_model()
        for username in options["user"]:
            username = username.strip()
            if not username:
                raise CommandError("用户名不能为空。")
            user, new = User.objects.get_or_create(username=username)
            if new:
                user.set_unusable_password()
            user.is_staff = True
            user.save()
            user.groups.add(group)
            if options["verbosity"] >= 1:
                self.stdout.write(f"{username}：已加入 {GROUP_NAME}")
                if new or not user.has_usable_password():
                    self.stdout.write(
                        f"  设置密码：python manage.py changepassword {username}"
                    )
        self.stdout.write(self.style.SUCCESS("完成。"))
