"""Zones and initiatives a query names, for ranking and for the "go to page" offer."""
from dataclasses import dataclass, field
from functools import lru_cache

from .segment import fold

# Shorter names ("高新") would match inside too many queries.
MIN_NAME_CHARS = 3


@dataclass
class NamedEntities:
    zone: object = None  # the zone whose name *is* the query
    initiative: object = None  # the initiative whose name *is* the query
    zone_ids: list = field(default_factory=list)  # zones named anywhere in the query


def named_entities(text):
    """One query for zone names (there are a few hundred), one for the zone or initiative named exactly."""
    from articles.models import Initiative
    from zones.models import Zone

    text = "".join(fold(text).split())
    found = NamedEntities()
    if not text:
        return found
    exact = None
    for pk, name, full_name, aliases in Zone.objects.order_by().values_list(
        "pk", "name", "full_name", "aliases"
    ):
        names = _folded((name, full_name, *(aliases or [])))
        if text in names:
            exact = pk
        if any(len(n) >= MIN_NAME_CHARS and n in text for n in names):
            found.zone_ids.append(pk)
    if exact is not None:
        found.zone = Zone.objects.filter(pk=exact).first()
    if found.zone is None:
        found.initiative = (
            Initiative.objects.visible().filter(name=text).select_related("zone").order_by("pk").first()
        )
    return found


@lru_cache(maxsize=4096)
def _folded(names):
    # Folding (OpenCC) costs more than the query itself; zone names rarely change.
    return frozenset(fold(name) for name in names if name)
