from django.urls import path

from . import views

app_name = "zones"

urlpatterns = [
    path("", views.ZoneDirectory.as_view(), name="directory"),
    path("province/<slug:province_slug>/", views.ProvinceDirectory.as_view(), name="province"),
    path("<slug:slug>/", views.zone_detail, name="detail"),
]
