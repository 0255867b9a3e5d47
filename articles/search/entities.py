"""Zones and initiatives a query names, for ranking and for the "go to page" offer."""
from dataclasses import dataclass, field

from .segment import fold

# Shorter names ("高新") would match inside too many queries.
MIN_NAME_CHARS = 3


@dataclass
class NamedEntities:
    zone: object = None  # the zone whose name *is* the query
    initiative: object = None  # the initiative whose name *is* the query
    zone_ids: list = field(default_factory=list)  # zones named anywhere in the query


def named_entities(text):
    """One query for zones (there are a few hundred), one for an initiative of exactly this name."""
    from articles.models import Initiative
    from zones.models import Zone

    text = "".join(fold(text).split())
    found = NamedEntities()
    if not text:
        return found
    for zone in Zone.objects.only("pk", "slug", "name", "full_name", "aliases").order_by():
        names = {fold(n) for n in zone.all_names if n}
        if text in names:
            found.zone = zone
        if any(len(n) >= MIN_NAME_CHARS and n in text for n in names):
            found.zone_ids.append(zone.pk)
    if found.zone is None:
        found.initiative = (
            Initiative.objects.visible().filter(name=text).select_related("zone").order_by("pk").first()
        )
    return found
