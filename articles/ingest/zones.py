"""Zone mentions of a page -> Zone rows, creating the zones the table lacks."""
from django.db.models import Count, Max

from articles import selectors
from articles.models import Tombstone
from zones.models import Zone

# The zone table as last read, reused by the next page while no zone was added,
# changed or removed (its count and latest change say so): reading and indexing
# every zone's names for each page cost more than the page's own writes.
_snapshot = {"stamp": None, "by_name": {}, "slugs": frozenset()}


def _zone_table():
    stamp = tuple(Zone.objects.aggregate(n=Count("pk"), t=Max("updated_at")).values())
    if _snapshot["stamp"] != stamp:
        by_name, slugs = {}, set()
        for zone in Zone.objects.order_by("pk"):
            slugs.add(zone.slug)
            for name in zone.all_names:
                by_name.setdefault(name, zone)
        _snapshot.update(stamp=stamp, by_name=by_name, slugs=frozenset(slugs))
    return _snapshot["by_name"], _snapshot["slugs"]


class ZoneResolver:
    """Names (canonical, full, aliases) -> Zone, creating the zones the table lacks.

    Built inside the page's transaction; the zones it creates are its own (the
    shared snapshot of the table is never changed), so a page rolled back
    leaves no created zone behind in here either.
    """

    def __init__(self, deleted=None):
        """``deleted``: the zone names a curator deleted, when the caller has read them."""
        by_name, slugs = _zone_table()
        self.by_name = dict(by_name)
        self.slugs = set(slugs)
        self.deleted = selectors.tombstoned_keys(Tombstone.Kind.ZONE) if deleted is None else deleted
        self.created = []  # the zones this page created

    def _remember(self, zone):
        self.slugs.add(zone.slug)
        for name in zone.all_names:
            self.by_name.setdefault(name, zone)

    def resolve(self, mention):
        for name in (mention.name, mention.surface):
            if name in self.by_name:
                return self.by_name[name]
        name = (mention.name or "").strip()[:64]
        if not name or name in self.deleted or getattr(mention, "known", False):
            # A known zone missing from the table was deleted by a curator after
            # the index was read: do not bring it back.
            return None
        return self._create(name, mention)

    def _create(self, name, mention):
        from zones.reference import make_slug, province_for_city

        city = (getattr(mention, "city", "") or "")[:32]
        province = getattr(mention, "province", "") or (province_for_city(city) if city else "")
        zone = Zone.objects.create(
            name=name,
            slug=make_slug(name, self.slugs),
            province=province[:32],
            city=city,
            level=Zone.Level.OTHER,
        )
        self.created.append(zone)
        self._remember(zone)
        return zone

    def resolve_all(self, mentions):
        """The zones of ``mentions`` in order, without repeats (primary first)."""
        zones = []
        for mention in mentions:
            zone = self.resolve(mention)
            if zone is not None and zone not in zones:
                zones.append(zone)
        return zones
