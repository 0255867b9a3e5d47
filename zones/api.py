"""``/api/zones/<slug>/``: one zone as the API's item, with its public counts and the links to its lists."""
from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from articles import selectors
from core import serializers

from .models import Zone


@require_safe
def zone(request, slug):
    try:
        obj = selectors.zones_with_counts().get(slug=slug)
    except Zone.DoesNotExist:
        return JsonResponse({"error": "没有这个高新区"}, status=404, json_dumps_params={"ensure_ascii": False})
    item = serializers.zone_item(obj)
    item.update(
        article_count=obj.article_count,
        initiative_count=obj.initiative_count,
        metric_count=obj.metric_count,
    )
    # The zone's lists in the API, filtered to it.
    for kind in ("articles", "initiatives", "metrics"):
        item[f"{kind}_url"] = request.build_absolute_uri(f"{reverse(f'api:{kind}')}?zone={obj.slug}")
    return JsonResponse(
        serializers.with_absolute_urls(item, request), json_dumps_params={"ensure_ascii": False}
    )
