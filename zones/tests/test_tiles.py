"""The province tile grid: shading by rank, sums from the zone list, every province placed once."""
from types import SimpleNamespace

from zones.reference import provinces
from zones.tiles import LEVELS, province_tiles, shade_levels


def zone(pk, province, articles):
    return SimpleNamespace(pk=pk, province=province, article_count=articles)


def test_every_province_has_its_own_place_on_the_grid():
    places = [(p["row"], p["col"]) for p in provinces()]
    assert len(places) == len(set(places)) == 34
    assert all(1 <= row <= 8 and 1 <= col <= 8 for row, col in places)


def test_shades_go_by_rank_with_nothing_apart():
    assert shade_levels([None, 0, 3, 1000, 7]) == [0, 0, 2, LEVELS, 4]
    assert shade_levels([5]) == [LEVELS]
    # a negative growth figure still has a shade; equal values share one
    assert shade_levels([-2.5, 4, 4]) == [2, LEVELS, LEVELS]


def test_tiles_sum_articles_and_count_zones_with_articles():
    zones = [zone(1, "安徽省", 3), zone(2, "安徽省", 0), zone(3, "安徽省", 2), zone(4, "山东省", 1)]
    tiles = {tile["name"]: tile for tile in province_tiles(zones)}
    assert len(tiles) == 34
    anhui = tiles["安徽省"]
    assert (anhui["zones"], anhui["with_articles"], anhui["value"], anhui["level"]) == (3, 2, 5, LEVELS)
    assert tiles["山东省"]["level"] < LEVELS
    assert (tiles["西藏自治区"]["zones"], tiles["西藏自治区"]["level"]) == (0, 0)


def test_tiles_by_indicator_add_up_amounts_and_average_rates():
    zones = [zone(1, "安徽省", 0), zone(2, "安徽省", 0), zone(3, "山东省", 9)]
    values = {1: (5e9, 2023), 2: (1e9, 2022)}
    tiles = {tile["name"]: tile for tile in province_tiles(zones, values)}
    assert (tiles["安徽省"]["value"], tiles["安徽省"]["reporting"], tiles["安徽省"]["level"]) == (6e9, 2, LEVELS)
    # a province without the figure is "nothing", however many articles it has
    assert (tiles["山东省"]["value"], tiles["山东省"]["level"]) == (None, 0)
    averaged = {tile["name"]: tile for tile in province_tiles(zones, {1: (98, 2023), 2: (90, 2023)}, averaged=True)}
    assert averaged["安徽省"]["value"] == 94
