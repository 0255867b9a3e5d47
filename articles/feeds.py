"""Atom feeds of articles: the newest overall, one per zone, and one per search."""
import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator

from core.text import strip_controls
from zones.models import Zone

from . import selectors
from .filters import ArticleFilterSet
from .models import Article


def _xml_safe(text):
    # XML 1.0 cannot carry control characters: one in a stored title must not break the feed.
    return strip_controls(text or "")[0]

FEED_SIZE = 30


class LatestArticlesFeed(Feed):
    feed_type = Atom1Feed
    title = "高新区党建知识库 · 最新文章"
    subtitle = "全国高新区党建工作的最新收录文章"

    def link(self):
        return reverse("articles:list")

    def articles(self):
        return Article.objects.visible().select_related("zone")

    def items(self):
        return self.articles().order_by(*selectors.NEWEST)[:FEED_SIZE]

    def item_title(self, article):
        return _xml_safe(article.title)

    def item_description(self, article):
        # Plain text: the feed generator escapes it, nothing stored is marked safe.
        return _xml_safe(Truncator(article.body.replace("\n", " ")).chars(200))

    def item_updateddate(self, article):
        return article.updated_at

    def item_pubdate(self, article):
        # Dated by publication; an article whose page gave no date, by when it was stored.
        if article.date:
            return timezone.make_aware(datetime.datetime.combine(article.date, datetime.time(8)))
        return article.created_at

    def item_author_name(self, article):
        return _xml_safe("、".join(article.authors)) or None

    def item_categories(self, article):
        return [_xml_safe(article.zone.name)] if article.zone_id else []


class ZoneArticlesFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Zone, slug=slug)

    def title(self, zone):
        return f"{zone.name} · 高新区党建知识库"

    def subtitle(self, zone):
        return f"{zone.name}的党建文章"

    def link(self, zone):
        return zone.get_absolute_url()

    def items(self, zone):
        return (
            selectors.zone_feed_articles(zone)
            .select_related("zone")
            .order_by(*selectors.NEWEST)[:FEED_SIZE]
        )


class SearchFeed(LatestArticlesFeed):
    """A saved search: the newest articles matching ``/search/``'s query and filters.

    The same FilterSet as the search page and the API, sorted newest first, so
    a reader subscribed to a search sees each new matching article once.
    """

    def __call__(self, request, *args, **kwargs):
        params = request.GET.copy()
        params["sort"] = "-date"
        filterset = ArticleFilterSet(params, queryset=selectors.article_list(items=False), request=request)
        if not filterset.is_valid():
            return HttpResponseBadRequest("检索条件无效", content_type="text/plain; charset=utf-8")
        # One feed instance serves every request: the request carries its own filters.
        request.search_filterset = filterset
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request):
        return request.search_filterset

    def title(self, filterset):
        query = _xml_safe(filterset.form.cleaned_data.get("q") or "").strip()
        return f"检索“{query}” · 高新区党建知识库" if query else "检索 · 高新区党建知识库"

    def subtitle(self, filterset):
        return "符合此检索条件的最新文章"

    def link(self, filterset):
        params = filterset.data.copy()
        params.pop("sort", None)
        return f"{reverse('articles:search')}?{params.urlencode()}"

    def items(self, filterset):
        articles = filterset.qs  # runs the search, if there is a query
        result = filterset.search_result
        return list(result.ranked[:FEED_SIZE] if result is not None else articles[:FEED_SIZE])
