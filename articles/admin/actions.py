"""The merge action: a confirmation page listing what each row brings, then the merge service."""

from django.contrib import admin, messages
from django.db import transaction
from django.template.response import TemplateResponse


def merge_action(modeladmin, request, queryset, *, what, columns, preview, merge, describe):
    """Two-step merge: a confirmation page listing what moves, then the atomic merge.

    ``preview(objs)`` gives the rows of the confirmation table, ``merge(survivor=…,
    others=…)`` does the work and ``describe(result)`` says what moved.
    """
    objs = list(queryset)
    if len(objs) < 2:
        modeladmin.message_user(request, f"请至少选择两个{what}再合并。", messages.WARNING)
        return None
    by_pk = {str(o.pk): o for o in objs}
    if request.POST.get("post") == "yes":
        survivor = by_pk.get(request.POST.get("survivor", ""))
        if survivor is None:
            modeladmin.message_user(request, f"请选择保留哪一个{what}。", messages.ERROR)
        else:
            others = [o for o in objs if o.pk != survivor.pk]
            names = "、".join(str(o) for o in others)
            with transaction.atomic():
                modeladmin.log_deletions(request, queryset.exclude(pk=survivor.pk))
                result = merge(survivor=survivor, others=others)
                modeladmin.log_change(
                    request, survivor, f"合并了 {names}：{describe(result)}"
                )
            modeladmin.message_user(
                request, f"已将 {names} 合并到 {survivor}：{describe(result)}", messages.SUCCESS
            )
            return None
    rows = preview(objs)
    opts = modeladmin.model._meta
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": f"合并{what}",
        "subtitle": None,
        "opts": opts,
        "what": what,
        "columns": columns,
        "rows": rows,
        "default_survivor": rows[0]["obj"].pk if rows else None,
        "action_name": request.POST.get("action", ""),
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        "media": modeladmin.media,
    }
    request.current_app = modeladmin.admin_site.name
    return TemplateResponse(request, "admin/merge_confirmation.html", context)
