from django.urls import path

from . import views

app_name = "zones"

urlpatterns = [
    path("", views.zone_directory, name="directory"),
    path("<slug:slug>/", views.zone_detail, name="detail"),
]
