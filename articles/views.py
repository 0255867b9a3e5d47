from django.shortcuts import get_object_or_404, render

from zones.models import Zone

from .models import Article, Initiative, Metric


def home(request):
    context = {
        "counts": {
            "zones": Zone.objects.count(),
            "articles": Article.objects.visible().count(),
            "initiatives": Initiative.objects.visible().count(),
            "metrics": Metric.objects.visible().count(),
        },
        "latest": Article.objects.visible().select_related("zone").order_by("-created_at")[:8],
    }
    return render(request, "home.html", context)


def article_detail(request, pk):
    article = get_object_or_404(Article.objects.visible().select_related("zone", "source"), pk=pk)
    return render(request, "articles/detail.html", {"article": article})


def initiative_detail(request, pk):
    initiative = get_object_or_404(Initiative.objects.visible().select_related("zone"), pk=pk)
    return render(request, "articles/initiative_detail.html", {"initiative": initiative})
