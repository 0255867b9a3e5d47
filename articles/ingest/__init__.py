"""Page files -> page text -> article blocks -> zones, initiatives, metrics -> stored rows.

``readers`` turn a file into ``PageText``; ``cleaner``, ``layout``, ``zone_linker``,
``initiatives``, ``metrics`` and ``dates`` are pure functions (string in, data out)
that ``pipeline`` chains; ``upsert`` (with ``zones`` for the zone rows and ``counts``
for its tallies) is the only writer; ``lock`` keeps one ingest at a time. ``types``
holds the data passed between the steps.
"""
