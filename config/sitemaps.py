"""sitemap.xml: every public page (hidden items never listed)."""
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.models import Article, Initiative
from zones.models import Zone
from zones.reference import provinces


class PageSitemap(Sitemap):
    priority = 0.6

    def items(self):
        return ["articles:home", "zones:directory", "articles:list", "articles:initiatives",
                "articles:metrics"]

    def location(self, name):
        return reverse(name)


class ProvinceSitemap(Sitemap):
    priority = 0.5

    def items(self):
        return [p["slug"] for p in provinces()]

    def location(self, slug):
        return reverse("zones:province", args=[slug])


class ZoneSitemap(Sitemap):
    priority = 0.5

    def items(self):
        return Zone.objects.order_by("pk").only("slug", "updated_at")

    def lastmod(self, zone):
        return zone.updated_at


class ArticleSitemap(Sitemap):
    priority = 0.8

    def items(self):
        return Article.objects.visible().order_by("pk").only("pk", "updated_at")

    def lastmod(self, article):
        return article.updated_at


class InitiativeSitemap(Sitemap):
    priority = 0.4

    def items(self):
        return Initiative.objects.visible().order_by("pk").only("pk", "updated_at")

    def lastmod(self, initiative):
        return initiative.updated_at


sitemaps = {
    "pages": PageSitemap,
    "provinces": ProvinceSitemap,
    "zones": ZoneSitemap,
    "articles": ArticleSitemap,
    "initiatives": InitiativeSitemap,
}
