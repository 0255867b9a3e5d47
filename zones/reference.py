"""Reference data: national high-tech zones, provinces and the city -> province table.

Loaded from fixtures/*.json once per process; the loader upserts zones without
touching fields a curator changed, and never recreates a zone that was merged
into another (its name lives on as the survivor's alias).
"""
import json
import re
from functools import lru_cache

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from core.services import model_update

ZONE_FIELDS = ("full_name", "province", "city", "level", "approval_year")


def _load(name):
    with open(settings.FIXTURES_DIR / name, encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def reference_zones():
    return _load("zones.json")


@lru_cache(maxsize=1)
def provinces():
    return _load("provinces.json")


@lru_cache(maxsize=1)
def city_provinces():
    return _load("cities.json")


_PROVINCE_SUFFIX = re.compile(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$")


@lru_cache(maxsize=1)
def province_short_names():
    """Every province's name without its suffix: 河北, 广西, 北京."""
    return frozenset(_PROVINCE_SUFFIX.sub("", p["name"]) for p in provinces())


@lru_cache(maxsize=1)
def _province_names():
    return province_short_names() | {province["name"] for province in provinces()}


def heading_place(line):
    """"province" or "city" when a kicker or title is about a place: a province's name (辽宁,
    辽宁：…) or a city's followed by a colon (包头：盯紧…, 四川南充：…), else "". A city's name alone over a
    title (景德镇) says where it happened, and a district or county (新罗区：…) is written about
    as a zone is."""
    opening = re.match(r"\s*([\u4e00-\u9fff]{2,8}?)[：:]", line or "")
    name = opening.group(1) if opening else (line or "").strip()
    if name in _province_names():
        return "province"
    for k in (2, 3):
        if opening and name[:k] in province_short_names() and name[k:] in place_names():
            name = name[k:]  # 四川南充：…, a city with its province before it (without the colon, 福建厦门
            break  # over a title only says where: its zone may be named by the city)
    if opening and name in place_names() and not name.endswith(("区", "县", "旗")):
        return "city"
    return ""


@lru_cache(maxsize=4096)  # asked for each kicker of each article
def names_a_place(label):
    """Whether ``label`` is a province and a city (江苏无锡, 安徽马鞍山) or a city alone."""
    cities, shorts = city_provinces(), province_short_names()
    return label in cities or any(label[:k] in shorts and label[k:] in cities for k in (2, 3))


@lru_cache(maxsize=1)
def place_names():
    """Every name ``province_for_city`` knows (bare or with its 市/州/盟/地区) and every province's
    name with and without its suffix, as one set: the ingest asks about every two or three
    characters of a sentence, so a lookup must not run a regex."""
    cities = [name for name, province in city_provinces().items() if province]
    names = {p["name"] for p in provinces()} | province_short_names()
    return frozenset(names | set(cities) | {city + suffix for city in cities for suffix in ("市", "州", "盟", "地区")})


def province_order():
    return {p["name"]: i for i, p in enumerate(provinces())}


def province_for_city(city):
    """The province of a city name with or without its 市/州/盟 suffix, or ""."""
    table = city_provinces()
    if city in table:
        return table[city]
    stripped = re.sub(r"(市|州|盟|地区)$", "", city)
    return table.get(stripped, "")


def make_slug(name, taken=frozenset()):
    """A readable ASCII slug from a Chinese zone name: 淮北高新区 -> huaibei."""
    # Imported here: its phrase table is 190,000 Python lists, which every web
    # process would otherwise carry (and the garbage collector walk) for nothing.
    from pypinyin import lazy_pinyin

    place = re.sub(r"(国家)?(高新技术产业开发区|高新技术产业园区|高新区|开发区|园区)$", "", name)
    base = slugify("".join(lazy_pinyin(place or name))) or "zone"
    base = base[:56]
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def load_reference_zones():
    """Create or update the reference zones; returns (created, updated, unchanged)."""
    from articles import selectors
    from zones.models import Zone

    existing = {z.name: z for z in Zone.objects.all()}
    deleted = selectors.deleted_zone_names()
    aliases_taken = {alias: z for z in existing.values() for alias in z.aliases}
    slugs = {z.slug for z in existing.values()}
    created = updated = unchanged = 0
    for entry in reference_zones():
        name = entry["name"]
        zone = existing.get(name)
        if zone is None and (name in aliases_taken or name in deleted):
            # Merged into another zone (which now answers to this name) or deleted by a curator.
            unchanged += 1
            continue
        values = {f: entry.get(f) or ("" if f != "approval_year" else None) for f in ZONE_FIELDS}
        aliases = [a for a in entry.get("aliases", []) if a != name]
        if zone is None:
            slug = entry.get("slug") or make_slug(name, slugs)
            if slug in slugs:
                slug = make_slug(name, slugs)
            slugs.add(slug)
            Zone.objects.create(
                name=name, slug=slug, aliases=aliases, is_reference=True, **values
            )
            created += 1
            continue
        merged_aliases = zone.aliases + [a for a in aliases if a not in zone.aliases]
        changed = model_update(
            zone,
            {**values, "aliases": merged_aliases, "is_reference": True},
            curated=set(zone.curated_fields),
        ).changed
        if changed:
            zone.save(update_fields=changed + ["updated_at"])
            updated += 1
        else:
            unchanged += 1
    return created, updated, unchanged
