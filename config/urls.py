from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("zones/", include("zones.urls")),
    path("", include("articles.urls")),
]
