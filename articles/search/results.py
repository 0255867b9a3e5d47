"""A ranked list of articles that pages, counts and iterates without re-ranking.

The engine ranks ids; the list's page then reads only its own rows by id,
and its count is the length of the ranked list, not a COUNT over the
matches.  ``queryset`` is the same list as a plain queryset, for facet counts.
"""
from .expressions import IdIn, IdPosition

CHUNK = 500


class RankedResults:
    def __init__(self, searched, ids):
        self.searched = searched  # the queryset that was searched, filters applied
        self.ids = list(ids)

    @property
    def queryset(self):
        if not self.ids:
            return self.searched.none()
        return (
            self.searched.filter(IdIn(self.ids))
            .annotate(rank=IdPosition(self.ids))
            .order_by("rank")
        )

    def count(self):
        return len(self.ids)

    def __len__(self):
        return len(self.ids)

    def _rows(self, ids):
        if not ids:
            return []
        # Put in rank order here: the searched list's own order would only be sorted for nothing.
        rows = {obj.pk: obj for obj in self.searched.filter(IdIn(ids)).order_by()}
        return [rows[pk] for pk in ids if pk in rows]

    def __getitem__(self, k):
        if isinstance(k, slice):
            return self._rows(self.ids[k])
        return self._rows([self.ids[k]])[0]

    def __iter__(self):
        return self.iterator()

    def iterator(self, chunk_size=CHUNK):
        for start in range(0, len(self.ids), chunk_size):
            yield from self._rows(self.ids[start : start + chunk_size])
