"""What the ingest and the search dictionary read: deleted keys and the names of zones and initiatives."""
from articles.models import Initiative, Tombstone
from zones.models import Zone


def tombstoned_keys(kind):
    """Keys of the rows of ``kind`` (a Tombstone.Kind) a curator deleted."""
    return set(Tombstone.objects.filter(model=kind).values_list("key", flat=True))


def deleted_zone_names():
    return tombstoned_keys(Tombstone.Kind.ZONE)


def dictionary_names():
    """Zone names, full names, aliases and initiative names: the search dictionary's dynamic layer.

    A stream: 300,000 initiative names held as a list made every process 20 MB larger for good.
    """
    for name, full_name, aliases in Zone.objects.values_list("name", "full_name", "aliases"):
        yield from (name, full_name, *(aliases or []))
    yield from Initiative.objects.values_list("name", flat=True).iterator(chunk_size=5000)
