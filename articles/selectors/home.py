"""The home page: the archive's counts, the newest articles, the commonest initiative categories."""
from django.db.models import Count, F

from articles import tallies
from articles.models import Article, Initiative, Metric, Tally

from ._counts import UNREAD, _archive
from .lists import NEWEST


def home_counts(archive=UNREAD):
    """The archive's public articles, initiatives and figures; ``archive`` as for zones_with_counts."""
    archive = _archive(archive)
    if archive is not None:
        return {"articles": archive.articles, "initiatives": archive.initiatives, "metrics": archive.metrics}
    return {
        "articles": Article.objects.visible().count(),
        "initiatives": Initiative.objects.visible().count(),
        "metrics": Metric.objects.visible().count(),
    }


def archive_counts():
    """The stored counts (articles/tallies.py) if fresh, else None: read once, passed as ``archive``
    to zones_with_counts, home_counts, top_initiative_categories and the zone and province pages' selectors."""
    return tallies.fresh()


def latest_articles(limit=8):
    return Article.objects.visible().select_related("zone").order_by(*NEWEST)[:limit]


def top_initiative_categories(limit=8, archive=UNREAD):
    if _archive(archive) is not None:
        rows = (
            Tally.objects.filter(kind=Tally.Kind.CATEGORY).annotate(category=F("key"), n=F("initiatives"))
            .order_by("-n", "category").values("category", "n")[:limit]
        )
    else:
        rows = Initiative.objects.visible().values("category").annotate(n=Count("pk")).order_by("-n", "category")[:limit]
    return [
        {"value": row["category"], "label": Initiative.Category(row["category"]).label, "n": row["n"]}
        for row in rows
        if row["category"] in Initiative.Category.values
    ]
