"""The province tile grid: a schematic of equal tiles in rough geographic places, not a map.

Each province is one tile at the row and column fixtures/provinces.json gives it,
shaded by its zones' articles or by their figures of one indicator. Everything
is summed from the zone list a page has already read: no query per tile.
"""
from collections import defaultdict

from .reference import provinces

# Shades of a tile that has something to show; 0 is "nothing".
LEVELS = 5

# A province's figure for an indicator is its zones' latest figures added up;
# rates and growth are averaged instead (98% and 95% do not make 193%).
AVERAGED_DIMENSIONS = frozenset({"rate", "growth"})


def shade_levels(values):
    """1..LEVELS for each value by rank (the largest darkest), 0 for None or 0.

    By rank, not by size: a few busy provinces would otherwise leave every other
    tile the palest shade, and a negative growth figure still gets a shade.
    """
    present = [v for v in values if v]
    levels = []
    for value in values:
        if not value:
            levels.append(0)
            continue
        above = sum(1 for other in present if other > value)
        levels.append(LEVELS - above * LEVELS // len(present))
    return levels


def province_tiles(zones, values=None, *, averaged=False):
    """One tile per reference province, in fixture order.

    ``zones`` carry ``article_count``; ``values`` ({zone id: (value, year)}), when
    given, shades the tiles by those figures instead of by articles.
    """
    totals = defaultdict(lambda: {"zones": 0, "with_articles": 0, "articles": 0, "figures": []})
    for zone in zones:
        total = totals[zone.province]
        total["zones"] += 1
        if zone.article_count:
            total["with_articles"] += 1
            total["articles"] += zone.article_count
        if values and zone.pk in values:
            total["figures"].append(values[zone.pk][0])
    tiles = []
    for province in provinces():
        total = totals.get(province["name"]) or totals.default_factory()
        figures = total.pop("figures")
        if values is None:
            value = total["articles"]
        elif figures:
            value = sum(figures) / len(figures) if averaged else sum(figures)
        else:
            value = None
        tiles.append({
            "name": province["name"], "short": province["short"], "slug": province["slug"],
            "row": province["row"], "col": province["col"],
            "value": value, "reporting": len(figures), **total,
        })
    for tile, level in zip(tiles, shade_levels([tile["value"] for tile in tiles]), strict=True):
        tile["level"] = level
    return tiles
