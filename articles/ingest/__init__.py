"""Page text -> cleaned text -> article blocks -> zones, initiatives, metrics -> upsert.

Each step is a module of pure functions (string in, data out) except ``upsert``,
which is the only one that touches the database. ``types`` holds the data
passed between them.
"""
