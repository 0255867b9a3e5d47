from itertools import groupby

from django.shortcuts import get_object_or_404, render

from .models import Zone
from .reference import province_order


def group_by_province(zones):
    """[(province, [zones…]), …] in the conventional province order."""
    order = province_order()
    ordered = sorted(zones, key=lambda z: (order.get(z.province, len(order)), z.province, z.name))
    return [(province or "未知省份", list(group)) for province, group in groupby(ordered, key=lambda z: z.province)]


def zone_directory(request):
    zones = Zone.objects.with_counts()
    return render(request, "zones/directory.html", {"provinces": group_by_province(zones), "zone_count": len(zones)})


def zone_detail(request, slug):
    zone = get_object_or_404(Zone, slug=slug)
    articles = zone.primary_articles.visible().order_by("-year", "source__name", "position")
    return render(request, "zones/detail.html", {"zone": zone, "articles": articles})
