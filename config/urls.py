from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from .sitemaps import sitemaps

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("articles.api")),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("zones/", include("zones.urls")),
    path("", include("articles.urls")),
]
