from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from zones.views import compare

from .sitemaps import sitemaps

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("articles.api")),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("zones/", include("zones.urls")),
    # Zones side by side: a page of its own, not one zone's.
    path("compare/", compare, name="compare"),
    path("", include("articles.urls")),
]

# A database outage anywhere in a request answers 503 with Retry-After (core.middleware).
handler500 = "core.views.server_error"
