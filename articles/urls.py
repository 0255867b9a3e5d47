from django.urls import path

from . import views
from .feeds import LatestArticlesFeed, SearchFeed, ZoneArticlesFeed

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.ArticleList.as_view(), name="list"),
    path("articles/<int:pk>/", views.article_detail, name="detail"),
    path("initiatives/", views.InitiativeList.as_view(), name="initiatives"),
    path("initiatives/<int:pk>/", views.initiative_detail, name="initiative"),
    path("initiative-types/", views.InitiativeTypeList.as_view(), name="initiative_types"),
    path("initiative-types/<slug:slug>/", views.InitiativeTypeDetail.as_view(), name="initiative_type"),
    path("metrics/", views.MetricList.as_view(), name="metrics"),
    path("indicators/", views.IndicatorList.as_view(), name="indicators"),
    path("indicators/<slug:slug>/", views.IndicatorDetail.as_view(), name="indicator"),
    path("feed/", LatestArticlesFeed(), name="feed"),
    # A zone's feed sits under its page's address; it is served here, with the other feeds.
    path("zones/<slug:slug>/feed/", ZoneArticlesFeed(), name="zone_feed"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("search/feed/", SearchFeed(), name="search_feed"),
]
