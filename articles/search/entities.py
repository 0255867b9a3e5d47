"""Zones and initiatives a query names, for ranking and for the "go to page" offer."""
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import Count, Max

from .segment import fold

# Shorter names ("高新") would match inside too many queries.
MIN_NAME_CHARS = 3


@dataclass
class NamedEntities:
    zone: object = None  # the zone whose name *is* the query
    initiative: object = None  # the initiative whose name *is* the query
    zone_ids: list = field(default_factory=list)  # zones named anywhere in the query


def named_entities(text):
    """Zones named in the query (from a per-process table of zone names), and the zone or initiative named exactly."""
    from articles.models import Initiative
    from zones.models import Zone

    text = "".join(fold(text).split())
    found = NamedEntities()
    if not text:
        return found
    exact = None
    for pk, names in _zone_names(Zone):
        if text in names:
            exact = pk
        if any(len(n) >= MIN_NAME_CHARS and n in text for n in names):
            found.zone_ids.append(pk)
    if exact is not None:
        found.zone = Zone.objects.filter(pk=exact).first()
    # Building the visibility query costs more than most searches; few queries name an initiative.
    if found.zone is None and Initiative.objects.filter(name=text).exists():
        found.initiative = (
            Initiative.objects.visible().filter(name=text).select_related("zone").order_by("pk").first()
        )
    return found


_zone_table = {"stamp": None, "rows": ()}


def _zone_names(zone_model):
    """[(pk, folded names)] of every zone, reloaded only when the zone table changed.

    Reading and folding every zone's names cost more than the search itself;
    a count and the latest ``updated_at`` tell whether a merge, rename or new
    alias happened since the last search of this process.
    """
    stamp = tuple(zone_model.objects.aggregate(n=Count("pk"), t=Max("updated_at")).values())
    if _zone_table["stamp"] != stamp:
        rows = zone_model.objects.order_by().values_list("pk", "name", "full_name", "aliases")
        _zone_table.update(
            stamp=stamp,
            rows=tuple(
                (pk, _folded((name, full_name, *(aliases or [])))) for pk, name, full_name, aliases in rows
            ),
        )
    return _zone_table["rows"]


@lru_cache(maxsize=4096)
def _folded(names):
    # Folding (OpenCC) costs more than the query itself; zone names rarely change.
    return frozenset(fold(name) for name in names if name)
