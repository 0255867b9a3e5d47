"""Which high-tech zones an article is about, primary zone first.

Reference names come first: each zone's name, full name and aliases, with
高新技术产业开发区 <-> 高新区 and the 国家高新区 form, and the district's own
form of a city-and-district alias (嘉兴秀洲高新区 -> 秀洲高新区), longest match winning,
and a district in brackets kept with it (杭州高新区（滨江）, 乌鲁木齐高新区(新市区)).
A name not in the table (a provincial zone, ``宜兴高新区``) is still a zone when
the place before 高新区 is a known city or county; it is returned with
``known=False``, in the 高新区 short form, with its city and province resolved
from the city table. Nothing else becomes a zone: not the generic 国家高新区
(``国家高新区综合评价``), not 市高新区, not 高新科技园 or 松湖华科产业园.

A bare 高新区 / 园区 / 全区 / 该高新区 (高新区党工委, 高新区管委会) inside an
article means the article's own zone: it counts towards the primary zone and
never creates one.
"""
import re

from articles.ingest.metrics.scope import COMPARISON_BEFORE
from articles.ingest.types import ZoneMention
from articles.ingest.words import tagged

CJK = r"\u4e00-\u9fff"
SUFFIXES = ("高新技术产业开发区", "高技术产业开发区", "高新技术产业园区", "高新区")
# A district in brackets right after a zone name: （滨江）, (新市区).
DISTRICT = re.compile(rf"\s*[（(](?!以下|简称|下称)([{CJK}]{{1,6}})[)）]")
GENERIC_SUFFIX = re.compile(r"(国家)?(高新技术产业开发区|高技术产业开发区|高新技术产业园区|高新区)")
MODIFIER = re.compile(rf"[{CJK}]{{0,4}}")
NOT_IN_MODIFIER = set("的在与和及、是到了对向为把将由从等市区县省国家首各该全本")
BARE = re.compile(r"该高新区|本高新区|该区|全区|高新区|园区")
# Before a bare 高新区/园区 that refers to the article's zone (not 产业园区, 国家高新区).
BARE_BEFORE = set("该本全在为到入进驻我和与及、将是了对向把从于由\n，,。；;：:“”\"（()）")
# The core of a zone named after its place: 张江科学城, 光谷科技城.
SCIENCE_CITY = r"(?:科学城|科技城|科学园|科技园)"
# Word classes of a proper place name (jieba): 徐庄 nr, 浦口 ns, 稀土 n.
PLACE_FLAGS = ("ns", "nr", "nz", "nt", "n", "j")
GENERIC_WORDS = {"高新区", "国家高新区", "高新技术产业开发区", "国家高新技术产业开发区"}
# A park of another kind than a high-tech zone: 东营港经济开发区, 两江新区, 清徐经济开发区 (高新区 is no 新区).
OTHER_PARK = r"(?:经济技术开发区|经济开发区|经开区|工业园区|(?<!高)新区)"
# A city's own daily or evening paper: 海安日报, 南通晚报.
CITY_PAPER = re.compile(rf"(?P<city>[{CJK}]{{2,4}}?)(?:日报|晚报)")
# 市高新区 on its own (市委副书记、市高新区党工委书记): the zone of the city the text names, not a name's end.
MUNICIPAL_ZONE = re.compile(rf"(?<![{CJK}])市高新区|(?<=[、任兼和与在])市高新区")
# A zone named by a place of its own: 盐南高新区 (its place read by the tagger).
PLACE_ZONE = re.compile(rf"(?:(?<![{CJK}])|(?<=[{re.escape(''.join(sorted(BARE_BEFORE)))}]))([{CJK}]{{2,3}})高新区")
# Such a park named in a title or kicker (or any 开发区, 综合保税区).
OTHER_ZONE = re.compile(rf"[{CJK}]{{2,8}}(?:{OTHER_PARK}|开发区|保税区|自贸区)")


def _get(zone, attr):
    if isinstance(zone, dict):
        return zone.get(attr)
    return getattr(zone, attr, None)


def _variants(name):
    """The spellings a zone name is printed in."""
    names = {name}
    for long in SUFFIXES[:-1]:
        if name.endswith(long):
            names.add(name[: -len(long)] + "高新区")
    for short in list(names):
        if short.endswith("高新区") and not short.endswith("国家高新区"):
            place = short[: -len("高新区")]
            names.add(place + "高新技术产业开发区")
            names.add(place + "国家高新区")
    return {n for n in names if len(n) >= 3 and n not in GENERIC_WORDS}


def _default_province_for_city(city):
    from zones.reference import province_for_city

    return province_for_city(city)


class ZoneIndex:
    """The zone table, ready for finding zone names in text.

    ``zones``: dicts or objects with name, full_name, aliases, province, city.
    ``province_for_city``: city -> province ("" if unknown); defaults to the
    project's city table, read lazily so the index works without a database.
    """

    def __init__(self, zones, province_for_city=None):
        self.zones = {}
        self.surfaces = {}
        self.shared_tails = {}  # a district form several zones print: {tail: zone names}
        self._last_spans = (None, [])  # (text, the spans of its names) of the last text read
        for zone in zones:
            name = _get(zone, "name")
            if not name:
                continue
            self.zones.setdefault(
                name,
                {"province": _get(zone, "province") or "", "city": _get(zone, "city") or ""},
            )
            for surface in [name, _get(zone, "full_name") or "", *(_get(zone, "aliases") or [])]:
                for variant in _variants(surface) if surface else ():
                    self.surfaces.setdefault(variant, name)
        self._province_for_city = province_for_city or _default_province_for_city
        self._add_district_forms()
        # {first two characters: surfaces starting so, longest first}: what one
        # alternation of every surface would find, without compiling one (the
        # index is built again whenever an ingest creates a zone).
        self.by_prefix = {}
        for surface in sorted(self.surfaces, key=len, reverse=True):
            self.by_prefix.setdefault(surface[:2], []).append(surface)

    def _add_district_forms(self):
        """嘉兴秀洲高新区 is also printed 秀洲高新区 (and 秀洲国家高新区): a zone's name or alias made of
        its city and a district gives the district's form, when no other zone's name gives it too;
        so does a name led by a district of its province (萧山临江高新区: 临江高新区).
        A form several zones give (火炬高新区), or a 开发区 form, names a zone only beside its city
        (``shared_tails``, ``fallback``)."""
        tails = {}
        for surface, name in self.surfaces.items():
            city = self.zones[name]["city"].rstrip("市")
            suffix = next((suffix for suffix in ("高新区", "开发区") if surface.endswith(suffix)), "")
            if len(city) >= 2 and surface.startswith(city) and suffix:
                place = surface[len(city) : -len(suffix)]
                if len(place) >= 2 and not place.endswith("国家") and not place.startswith(("市", "国家")):
                    tails.setdefault(place + suffix, set()).add(name)
        for name, info in self.zones.items():
            # 萧山临江高新区 is printed 临江高新区 by its neighbours: a district of its own province leads its name.
            place = name[: -len("高新区")] if name.endswith("高新区") else ""
            city = info["city"].rstrip("市")
            if len(city) >= 2 and place.startswith(city):
                place = place[len(city) :]
            district, rest = place[:2], place[2:]
            if len(rest) >= 2 and any(
                self._province_for_city(district + s) == info["province"] for s in "区县市旗"
            ):
                tails.setdefault(rest + "高新区", set()).add(name)
        for tail, names in tails.items():
            if tail in self.surfaces:
                continue
            if len(names) == 1 and tail.endswith("高新区"):
                (name,) = names
                for variant in _variants(tail):
                    self.surfaces.setdefault(variant, name)
            else:
                # 火炬高新区: 厦门's, 威海's or 中山's; 火炬开发区: any city's, as far as the table knows
                self.shared_tails[tail] = sorted(names)

    # ------------------------------------------------------------ finding

    def fallback(self, text, context=""):
        """Zones of a text that names none: by a named zone, a form several zones share and
        the one city of them ``text`` or ``context`` (the paper: 中山日报) names, its place
        name, the city's when it says 市高新区 and names one city, or its only city."""
        named = self.find(text)
        if named:
            return named[:1]
        for tail, names in self.shared_tails.items():
            if tail in text:
                hosts = [name for name in names if self.zones[name]["city"].rstrip("市") in f"{context}\n{text}"]
                if len(hosts) == 1:
                    return [self._mention(hosts[0], tail)]
        places = sorted(self._places(), key=lambda item: len(item[0]), reverse=True)
        for place, name in places:
            if place in text:
                return [self._mention(name, place)]
        for place, name in self._places(shortest=2):
            # 张江科学城: a two-character place is the zone's only with the zone's own word after it.
            found = re.search(re.escape(place) + SCIENCE_CITY, text)
            if found:
                return [self._mention(name, found.group())]
        municipal = self._city_of_its_zone(text)
        if municipal:
            return [municipal]
        outside = self._named_outside_table(text)
        if outside:
            return [outside]  # 盐南高新区 in a text on 盐城: that zone, not the city's zone of the table
        if not self.bare_references(text, words=("高新区", "园区")):
            return []  # 德州市实施…工程，全市… / 坡头区…全区: the city's or a district's own work, no zone's
        own = self._papers_zone(context)  # None unless the paper is a city's: most are not
        if own is not None and self.bare_references(text, words=("高新区",)):
            return [own]  # 高新区 in 海安日报: 海安高新区, not the zone of the prefecture it names (南通)
        for city, names in self._cities().items():
            if len(names) == 1 and _names_the_city_itself(city, text):
                return [self._mention(names[0], city)]
        return []

    def _papers_zone(self, paper):
        """The zone a city's or a county's own paper means by 高新区 (海安日报: 海安高新区), or None.

        The one zone of the table in its city or named after it, else one outside the table
        named after the city; None when the city has several, or the paper is no city's.
        """
        found = CITY_PAPER.fullmatch(paper or "")
        province = found and self._province_for_city(found["city"] + "市")  # a city's, not a district's (海淀报)
        if not province:
            return None
        return self._city_zone(found["city"], province)

    def _city_of_its_zone(self, text):
        """The zone a text means by 市高新区 when it names one city (佳木斯市委副书记、市高新区党工委书记), or None."""
        if not MUNICIPAL_ZONE.search(text):
            return None
        cities = self._cities_named(text)
        if len(cities) != 1:
            return None
        return self._city_zone(*cities.pop())

    def _cities_named(self, text):
        """{(city, province)} of the cities a text names: 【佳木斯】, 佳木斯市."""
        cities = set()
        for found in re.finditer(rf"【([{CJK}]{{2,4}})】|市", text):
            candidates = [found[1]] if found[1] else [text[max(0, found.start() - k) : found.start()] for k in (4, 3, 2)]
            for place in candidates:
                province = re.fullmatch(rf"[{CJK}]+", place) and self._province_for_city(place + "市")
                if province:
                    cities.add((place, province))
                    break
        return cities

    def _named_outside_table(self, text):
        """A zone outside the table named by a place of its own with no city before it (盐南高新区),
        in a text naming one city: that city's zone of that name, or None."""
        for found in PLACE_ZONE.finditer(text):
            place = found.group(1)
            words = list(tagged(place))
            if len(words) != 1 or not words[0][1].startswith("ns") or self._province_for_city(place):
                continue  # not one place name, or a city's or county's (the table's forms, _unknown)
            cities = self._cities_named(text)
            if len(cities) == 1:
                city, province = cities.pop()
                return ZoneMention(
                    name=place + "高新区", surface=found.group(), known=False, city=city + "市", province=province
                )
        return None

    def _city_zone(self, place, province):
        """The zone of the city ``place`` (海安): the one of the table in it or named after it, else
        one outside the table named after it; None when it has several."""
        hosted = [name for city, names in self._cities().items() if city.rstrip("市") == place for name in names]
        named = self.surfaces.get(place + "高新区")
        if len(hosted) == 1 or named:
            return self._mention(hosted[0] if len(hosted) == 1 else named, "高新区")
        if hosted:
            return None
        return ZoneMention(name=place + "高新区", surface="高新区", known=False, city=place + "市", province=province)

    def _places(self, shortest=3):
        """(place, zone name) for zone names whose place part is distinctive: 松山湖高新区 -> 松山湖
        (not 景德镇高新区's 景德镇, its city: the city names its zone only beside 高新区 or 园区)."""
        for name, info in self.zones.items():
            place = name[: -len("高新区")] if name.endswith("高新区") else ""
            if len(place) >= shortest and place != info["city"].rstrip("市"):
                yield place, name

    def _cities(self):
        cities = {}
        for name, info in self.zones.items():
            if info["city"]:
                cities.setdefault(info["city"], []).append(name)
        return cities

    def _mention(self, name, surface):
        info = self.zones[name]
        return ZoneMention(
            name=name, surface=surface, known=True, city=info["city"], province=info["province"]
        )

    def find(self, text):
        """The zones named in ``text``, in order of first appearance, with counts."""
        mentions = {}
        for start, end, mention in self._matches(text):
            if mention.name in mentions:
                mentions[mention.name].count += 1
            else:
                mentions[mention.name] = mention
        return list(mentions.values())

    def bare_references(self, text, words=None):
        """How often ``text`` says 高新区/园区/全区 meaning its own zone (only ``words`` of them, if given)."""
        text_matched, covered = self._last_spans
        if text_matched != text:
            covered = [(s, e) for s, e, _ in self._matches(text)]
        count = 0
        for match in BARE.finditer(text):
            start, end = match.span()
            if any(s <= start < e for s, e in covered):
                continue
            word = match.group()
            if words is not None and word not in words:
                continue
            if word in ("高新区", "园区"):
                before = text[start - 1] if start else "\n"
                if before not in BARE_BEFORE:
                    continue  # 国家高新区, 市高新区, 产业园区: not this article's zone
            count += 1
        return count

    def _matches(self, text):
        """[(start, end, ZoneMention)] for each zone name, known names first."""
        found = []
        taken = []
        for start, end, surface in self._surfaces_in(text):
            name = self.surfaces[surface]
            if self._branch_elsewhere(text, start, end, self.zones[name]["province"]):
                continue  # 中关村南阳科技产业园, 南阳中关村信息谷: a branch named after the zone, in another city
            district = DISTRICT.match(text, end)
            if district and _is_district(district.group(1)):
                end = district.end()
            info = self.zones[name]
            found.append(
                (start, end, ZoneMention(
                    name=name, surface=text[start:end].replace("\n", ""),
                    known=True, city=info["city"], province=info["province"],
                ))
            )
            taken.append((start, end))
        for match in GENERIC_SUFFIX.finditer(text):
            start, end = match.span()
            if any(s <= start < e or s < end <= e for s, e in taken):
                continue
            mention = self._unknown(text, start, end)
            if mention is not None:
                found.append((mention[0], end, mention[1]))
                taken.append((mention[0], end))
        found.sort(key=lambda item: item[0])
        # link_zones asks for an article's zones, then for its bare 高新区: one scan of its body.
        self._last_spans = (text, [(start, end) for start, end, _ in found])
        return found

    def _surfaces_in(self, text):
        """(start, end, surface) of each surface, leftmost first, the longest at a place, none overlapping."""
        by_prefix = self.by_prefix
        at, last = 0, len(text) - 1
        while at < last:
            for surface in by_prefix.get(text[at : at + 2], ()):
                if text.startswith(surface, at):
                    yield at, at + len(surface), surface
                    at += len(surface)
                    break
            else:
                at += 1

    def _branch_elsewhere(self, text, start, end, province):
        """Whether a city of another province stands right before or after the zone's name."""
        for place in (text[end : end + 3], text[end : end + 2], text[max(0, start - 3) : start], text[max(0, start - 2) : start]):
            found = len(place) >= 2 and self._province_for_city(place)
            if found and found != province:
                return True
        return False

    def _unknown(self, text, suffix_start, suffix_end):
        """A zone outside the table: <city or county>[<place>]高新区, or None.

        ``宜兴市高新区`` is 宜兴高新区; a place named between the city and 高新区
        names the zone by itself (``南京浦口高新区`` -> 浦口高新区, ``自贡市沿滩高新技术产业园区``
        -> 沿滩高新区) when it is a county or district of the table or reads as a
        proper name (合肥新站高新区 -> 新站高新区); a verb there (``南京市支持高新区``) makes no zone.
        """
        window_start = suffix_start
        while window_start > 0 and suffix_start - window_start < 10 and re.match(
            rf"[{CJK}]", text[window_start - 1]
        ):
            window_start -= 1
        for j in range(window_start, suffix_start):
            for k in (4, 3, 2):
                place = text[j : j + k]
                if j + k > suffix_start or not re.fullmatch(rf"[{CJK}]+", place):
                    continue
                province = self._province_for_city(place)
                if not province:
                    continue
                if place.endswith("市") and self._province_for_city(place[:-1]):
                    place = place[:-1]  # 宜兴市高新区 is 宜兴高新区; 邵阳县高新区 stays the county's, not 邵阳市's
                rest = text[j + len(place) : suffix_start]
                if rest.startswith(("市", "县")):
                    rest = rest[1:]
                if len(rest) > 4 or set(rest) & NOT_IN_MODIFIER:
                    continue
                if rest and not self._names_a_place(rest):
                    return None  # 南京市支持高新区: the words before 高新区 are no place
                city = self._city_of(place)
                name = (rest or place) + "高新区"
                for candidate in (name, place + rest + "高新区"):
                    known = self.surfaces.get(candidate)  # 宜兴市高新区 when 宜兴高新区 is known
                    info = self.zones[known] if known else None
                    if info and info["province"] == province:  # not 吉林临江高新区 for 萧山临江高新区
                        return j, ZoneMention(
                            name=known, surface=text[j:suffix_end], known=True,
                            city=info["city"], province=info["province"],
                        )
                return j, ZoneMention(
                    name=name, surface=text[j:suffix_end], known=False, city=city, province=province
                )
        return None

    def _city_of(self, place):
        """The city (or county) a place names, with its suffix when the table knows it."""
        for suffix in ("市", "县", "区", "旗"):
            if self._province_for_city(place + suffix):
                return place + suffix
        return place

    def _names_a_place(self, words):
        """Whether the words between a city and 高新区 name a place: a county or district, a proper noun,
        or two characters the dictionary knows as no word (合肥新站高新区: 新|站, where 支持 is a verb)."""
        if len(words) < 2:
            return False
        if self._province_for_city(words) or any(self._province_for_city(words + s) for s in "区县市旗"):
            return True
        tags = list(tagged(words))
        if len(words) == 2 and len(tags) == 2:
            return True
        return all(flag.startswith(PLACE_FLAGS) for _, flag in tags)


def _names_the_city_itself(city, text):
    """Whether ``text`` names ``city`` other than to place a district or county in it (赣州市南康区),
    in an official's title (赣州市委常委、南康区委书记) or as the measure of a comparison (比西安市高)."""
    for match in re.finditer(re.escape(city.rstrip("市")) + "市?", text):
        if COMPARISON_BEFORE.search(text, max(0, match.start() - 8), match.start()):
            continue  # 比西安市高5.6个百分点: the city a figure is measured against
        after = text[match.end():]
        if re.match(rf"[{CJK}]{{1,3}}[区县](?![{CJK}]{{0,2}}(?:高新|开发|园区))|委(?:常委|书记|副书记)|副?市长", after):
            continue
        if re.match(rf"[{CJK}]{{1,6}}?{OTHER_PARK}", after):
            continue  # 太原市清徐经济开发区: the city placing another park
        return True
    return False


def _names_a_district(kicker):
    """Whether a kicker is a district or county, alone or after its city (吉州区, 吉安吉州)."""
    from zones.reference import place_names

    kicker = (kicker or "").strip()
    places = place_names()
    for k in (0, 2, 3):
        city, rest = kicker[:k], kicker[k:]
        if (not city or city in places) and len(rest) >= 2 and rest in places:
            district = rest if rest.endswith(("区", "县")) else rest + "区"
            if district in places and (city or rest.endswith(("区", "县"))):
                return True
    return False


def _is_district(text):
    return text.endswith(("区", "县", "市")) or len(text) <= 3


CAPTIONED_BODY_MAX = 120  # a photo item's few lines, not a report


def link_zones(title, kicker, body, index, captions=(), paper="", subtitle="", photo=False):
    """The zones of an article, primary first: named in the title, kicker or subtitle, then by frequency.

    Photo news often names its zone only in the credit (图片来源：松山湖科学城) or
    by place alone, so when the text names no zone the captions are searched
    (a ``photo`` item's, or a few lines'; a report's caption may be the photo of
    another item of the page), then the zones' place names (a two-character one
    only before 科学城/科技城: 张江科学城), then a city that hosts exactly one zone.
    ``paper``: who published the page; a zone's own bulletin or site
    (保定高新区党建工作简报) names the zone its articles are about when their title does not.
    """
    # ——访株洲高新区（天元区）党工委主要负责人: an interview's subtitle names whom it asks.
    head = index.find(f"{title}\n{kicker}\n{subtitle}")
    if not head and paper and not OTHER_ZONE.search(f"{title}\n{kicker}"):
        head = index.find(paper)  # (not for an item on another park: 他山之石 / 新绛经开区以…)
    body_mentions = index.find(body or "")
    if not head and not body_mentions:
        from zones.reference import heading_place

        if heading_place(kicker) or heading_place(title):
            return []  # 辽宁： over an item, 包头：… a title: the place's article, whatever its photo or city
        if OTHER_ZONE.search(f"{title}\n{kicker}"):
            return []  # 东营港经济开发区 over the title: that park's article, not its city's high-tech zone's
        if _names_a_district(kicker):
            return []  # 吉安吉州 over the title: the district's article, not its city's zone's
        # A place over the title (the layout took its colon off) and another park in the text: 龙泉驿
        # over an item on 成都经开区 is the district's park's, not the zone of the city it names.
        if heading_place(kicker + "：") and OTHER_ZONE.search(body or ""):
            return []
        # (the page's last caption lands under its last brief)
        captions = captions if photo or len(body or "") < CAPTIONED_BODY_MAX else ()
        return index.fallback("\n".join([title, kicker, body or "", *captions]), context=paper)
    merged = {}
    for mention in head:
        mention.in_title = True
        merged[mention.name] = mention
    order = {m.name: i for i, m in enumerate(body_mentions)}
    for mention in body_mentions:
        if mention.name in merged:
            merged[mention.name].count += mention.count
        else:
            merged[mention.name] = mention
    if not merged:
        return []
    head_names = [m.name for m in head]
    rest = sorted(
        (m for m in merged.values() if m.name not in head_names),
        key=lambda m: (-m.count, order.get(m.name, 0)),
    )
    ordered = [merged[name] for name in head_names] + rest
    ordered[0].count += index.bare_references(body or "")
    return ordered
