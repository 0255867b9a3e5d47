import pytest

from zones.models import Zone
from zones.reference import (
    heading_place,
    load_reference_zones,
    make_slug,
    province_for_city,
    reference_zones,
)

pytestmark = pytest.mark.django_db


def test_loading_twice_creates_no_duplicates():
    created, updated, unchanged = load_reference_zones()
    assert created == len(reference_zones()) > 150
    assert Zone.objects.count() == created
    assert load_reference_zones() == (0, 0, created)
    assert Zone.objects.count() == created


def test_every_reference_zone_has_province_and_city():
    load_reference_zones()
    assert not Zone.objects.filter(province="").exists()
    assert not Zone.objects.filter(city="").exists()
    assert Zone.objects.filter(level=Zone.Level.NATIONAL).count() > 150


def test_curated_field_survives_reload():
    load_reference_zones()
    zone = Zone.objects.get(name="淮北高新区")
    zone.full_name = "淮北国家高新技术产业开发区（修订）"
    zone.curated_fields = ["full_name"]
    zone.save()
    load_reference_zones()
    zone.refresh_from_db()
    assert zone.full_name == "淮北国家高新技术产业开发区（修订）"


def test_a_zone_merged_into_another_is_not_recreated():
    load_reference_zones()
    survivor = Zone.objects.get(name="淮北高新区")
    loser = Zone.objects.get(name="平顶山高新区")
    survivor.aliases = survivor.aliases + [loser.name]
    survivor.save()
    loser.delete()
    load_reference_zones()
    assert not Zone.objects.filter(name="平顶山高新区").exists()


def test_city_table_resolves_with_and_without_suffix():
    assert province_for_city("淮北市") == "安徽省"
    assert province_for_city("淮北") == "安徽省"
    assert province_for_city("乌鲁木齐") == "新疆维吾尔自治区"
    assert province_for_city("不存在的城市") == ""


def test_slug_is_readable_pinyin_and_unique():
    assert make_slug("淮北高新区") == "huaibei"
    assert make_slug("泰州高新区", taken={"taizhou"}) == "taizhou-2"


def test_a_zone_a_curator_deleted_is_not_recreated():
    from articles.models import Tombstone

    load_reference_zones()
    Zone.objects.get(name="随州高新区").delete()
    Tombstone.objects.create(model="zone", key="随州高新区")
    load_reference_zones()
    assert not Zone.objects.filter(name="随州高新区").exists()


@pytest.mark.parametrize(
    "line, place",
    [
        ("辽宁", "province"),
        ("辽宁：", "province"),
        ("广西壮族自治区：园区党建再上台阶", "province"),
        ("包头：盯紧两个“500亿元”打好“稀土牌”", "city"),
        ("四川南充：", "city"),
        ("福建厦门", ""),  # a city with its province, alone over a title: where it happened
        ("景德镇", ""),  # a city alone over a title: where it happened
        ("新罗区：外卖骑手有了行业党委", ""),  # a district is written about as a zone is
        ("稀土高新区：“链长制”拉长稀土产业链", ""),
        ("园区党建织密组织网络", ""),
    ],
)
def test_what_place_a_kicker_or_title_is_about(line, place):
    assert heading_place(line) == place
