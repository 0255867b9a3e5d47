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
    # Every zone's (pk, name, folded names: its name, full name and aliases), kept in this process
    # until a zone changes (_zone_names): the table the query was matched against.
    zone_names: tuple = ()


def named_entities(text, *, zones, initiatives):
    """Zones named in the query, and the zone or initiative named exactly.

    ``zones``: every zone (a queryset; its names are kept in a per-process
    table); ``initiatives``: the initiatives (a manager or queryset), whose
    ``visible()`` ones a query may offer.
    """
    text = "".join(fold(text).split())
    found = NamedEntities()
    if not text:
        return found
    exact = None
    rows, zone_of_city = _zone_names(zones)
    found.zone_names = rows
    for pk, _name, names in rows:
        if text in names:
            exact = pk
        if any(len(n) >= MIN_NAME_CHARS and n in text for n in names):
            found.zone_ids.append(pk)
    if exact is None and text in zone_of_city:
        # 淮北市 or 淮北: the city of exactly one zone stands for that zone.
        exact = zone_of_city[text]
        found.zone_ids.append(exact)
    if exact is not None:
        found.zone = zones.filter(pk=exact).first()
    # Building the visibility query costs more than most searches (0.55 ms); few queries name an initiative.
    if found.zone is None and initiatives.filter(name=text).exists():
        found.initiative = initiatives.visible().filter(name=text).select_related("zone").order_by("pk").first()
    return found


_zone_table = {"stamp": None, "rows": (), "cities": {}}


def _zone_names(zones):
    """([(pk, name, folded names)] of every zone, {city: pk} for cities with one zone), reloaded when zones change.

    Reading and folding every zone's names cost more than the search itself;
    a count and the latest ``updated_at`` tell whether a merge, rename or new
    alias happened since the last search of this process.
    """
    stamp = tuple(zones.aggregate(n=Count("pk"), t=Max("updated_at")).values())
    if _zone_table["stamp"] != stamp:
        rows = list(zones.order_by().values_list("pk", "name", "full_name", "aliases", "city"))
        zones_of_city = {}
        for pk, *_names, city in rows:
            for name in _folded((city, city.removesuffix("市") if len(city) > 2 else city)):
                zones_of_city.setdefault(name, set()).add(pk)
        _zone_table.update(
            stamp=stamp,
            rows=tuple(
                (pk, name, _folded((name, full_name, *(aliases or []))))
                for pk, name, full_name, aliases, _city in rows
            ),
            cities={city: pks.pop() for city, pks in zones_of_city.items() if len(pks) == 1},
        )
    return _zone_table["rows"], _zone_table["cities"]


@lru_cache(maxsize=4096)
def _folded(names):
    # Folding (OpenCC) costs more than the query itself; zone names rarely change.
    return frozenset(fold(name) for name in names if name)
