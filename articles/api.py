"""The read-only JSON API: the same list endpoints as the HTML pages, answering JSON.

Each list takes the filters of its page plus ``page`` and ``page_size`` (at most
100) and answers ``{"count", "next", "previous", "results"}``; invalid filters
answer 400 with ``{"error", "fields"}``. ``/api/<kind>/<id or slug>/`` is one
item with everything (views/api.py, zones/api.py); a missing or hidden one is a
404 with ``{"error"}``.
"""
from django.http import JsonResponse
from django.urls import path, reverse
from django.views.decorators.http import require_safe

from zones import api as zones_api
from zones.views import ZoneDirectory

from .views import ArticleList, IndicatorList, InitiativeList, InitiativeTypeList, MetricList
from .views import api as items

app_name = "api"


@require_safe
def index(request):
    names = ("zones", "articles", "initiatives", "metrics", "indicators")
    return JsonResponse(
        {name: request.build_absolute_uri(reverse(f"api:{name}")) for name in names}
    )


urlpatterns = [
    path("", index, name="index"),
    path("zones/", ZoneDirectory.as_api_view(), name="zones"),
    path("zones/<str:slug>/", zones_api.zone, name="zone"),
    path("articles/", ArticleList.as_api_view(), name="articles"),
    path("articles/<str:pk>/", items.article, name="article"),
    path("initiatives/", InitiativeList.as_api_view(), name="initiatives"),
    path("initiatives/<str:pk>/", items.initiative, name="initiative"),
    path("initiative-types/", InitiativeTypeList.as_api_view(), name="initiative_types"),
    path("metrics/", MetricList.as_api_view(), name="metrics"),
    path("metrics/<str:pk>/", items.metric, name="metric"),
    path("indicators/", IndicatorList.as_api_view(), name="indicators"),
]
