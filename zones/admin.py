"""Zones are curated in the articles' admin (``articles/admin/zones.py``): a merge moves their articles."""
