"""Whose figure it is: the zone's, or its city's or province's.

A zone's article often gives the figures of the city or district around it
(``全市已建成各类红色驿站352个``, ``桂林高新区所在的七星区…建成“暖新驿站”24个``,
``2024年，邳州实现地区生产总值1354.89亿元``). Such a figure is not the zone's.
Within its sentence, the last place that acts before the figure decides:

- city-wide words: 全市, 全省, 全县, 全州, 本市, 我市, 该市, 市域, 全国 (全区 after a
  district's name, ``璧山区全区``);
- a city, county or district of the city table with its suffix (七星区, 石嘴山市,
  宁乡市), or bare and followed by a verb or 的 (``邳州实现``, ``仙桃的``);
- against the zone's own words (…高新区, 园区, 开发区, 示范区, 科学城, 该区, 全区).

A city named inside a comparison, a ranking or a share is the base, not the actor:
``占海口市的80.98%``, ``增速高于全市1个百分点``, ``比全市高``, ``在全国…中排名第一`` stay
the zone's; so does a place naming a list the zone's firms were chosen for (``入选河南省瞪羚企业19家``), a
district in brackets after the zone (``常州国家高新区（新北区）``) and a
place that is part of an organisation's name (``潍坊市委``: its 市委 acts for the
city, so it counts as the city). The zone as the last of a list of places
(``来到丰南区、路北区和高新区，观摩了4个…``) shares the figure with them: the
city's. A clause after a ； with no place of its own keeps the scope of the
clause before it.
"""
import re
from functools import lru_cache

CJK = "\u4e00-\u9fff"
ZONE = "zone"
CITY = "city"
PROVINCE = "province"

# 市里给规上工业企业定的目标: what the city sets for all it has (省里下达的任务 is the zone's own).
CITY_WIDE = re.compile(
    r"全市|本市|我市|该市|市域|市里(?=给|为|对)|全县|全州|全盟|全省|本省|我省|省里(?=给|为|对)|全国"
    # 由市委组织部、市经信局…推动: the city's own bodies acting
    r"|(?<=由)市(?:委|政府|[\u4e00-\u9fff]{1,3}(?:局|委|办))"
)
ZONE_WORDS = re.compile(
    rf"[{CJK}]{{0,8}}?(?:高新区|高新技术产业开发区|高新技术产业园区|开发区|园区|示范区|科学城|科技城|工业园|产业园)"
    r"(?:（[^）]{1,8}）|\([^)]{1,8}\))?|该区|本区|我区|全区|区内|辖区"
)
# A place with the suffix of a city, county or district: 七星区, 石嘴山市, 宁乡市, 泸溪县.
PLACE = re.compile(rf"[{CJK}]{{1,5}}?(?:省|市|区|县|州|盟|旗)")
# A bare city name acting: 邳州实现…, 仙桃的…
BARE_ACTING = re.compile(
    r"(?=(?:实现|完成|聚焦|已|累计|共|先后|按照|依托|建成|建设|推动|力争|计划|全市|的|是|市委|市政府|出台|发布|印发|素有|拥有"
    r"|探索|坚持|推行|通过|指导|常态化|持续|积极|大力|率先|全面|建立|成立|组建|开展))"
)
# Before a place that is only a base of comparison or the whole of a share.
COMPARISON_BEFORE = re.compile(r"(?:占(?:到|了)?|比|高于|低于|高出|低出|超过|超出|快于|慢于|较|相比|居|位居|列|领先|在全省同类)$")
EVERY = re.compile(r"各|每个|每家")
# 全市10家开发园区, 全省23个高新区: the city's or province's parks counted together.
CITY_PARKS = re.compile(r"(?:全市|全省|本市|本省)\d+[家个所][^，,；;。\d]*$")
# 枣庄下辖五区一市和枣庄高新区: the zone among the parts a city governs.
GOVERNED = re.compile(r"下辖[^，,；;。]*$")
# What a place is the field of: 在全国…中排名第一, 全省排名第二.
RANKED_IN = re.compile(r"[^，。；,;]*?(?:排名|排第|位列|位居|居第|名列)|率先|首[家个批]")
# The words of CITY_WIDE (and of the patterns after it) that are a province or the country.
PROVINCE_WIDE = frozenset({"全省", "本省", "我省", "省里", "全国"})


def _whole_scope(word):
    """PROVINCE for a whole that is a province or the country (全省, 我省, 全国), else CITY (全市, 全县…)."""
    return PROVINCE if word in PROVINCE_WIDE else CITY


# 全市首批100家: a count right after the whole's first batch is the batch's size.
BATCH_OF_WHOLE_BEFORE = re.compile(r"(全市|全省|全国)首批$")
# 比全市2019年9%的…: a figure inside the comparison, before any word of how the two compare.
BASELINE_BEFORE = re.compile(r"比(全市|全省|全国)[^，。；,;高低快慢多少超出强弱好差增降]{0,12}$")
# 从全省看，… / 放眼全市，… / 从沙县区看，…: a sentence opened from a place's point of view; its
# 园区 and 全区 are then that place's parks and whole, not the zone.
VIEW_FRAME = re.compile(rf"^(?:从|放眼|纵观|综观|就|在)([{CJK}]{{2,5}}?)(?:范围内)?(?:来看|看|而言|范围内)?[，,]")
# 无锡高新区（新吴区）: the district the zone is run as, named in brackets after it.
ZONE_DISTRICT = re.compile(rf"(?:高新区|开发区|园区)[（(]([{CJK}]{{2,5}}?[区县市])[）)]")
LISTED_ZONE = re.compile(rf"[{CJK}]*?([{CJK}]{{2,5}}?[区县市])[和及与](?:高新区|园区|开发区)$")
NOT_A_PLACE_AFTER = re.compile(r"^(?:高新|经开|开发|园区|国家|级|场|民|长|直|属|内|域|情|属)")
# 湖南省澜科新创电子有限公司的车间里，4条生产线…: the place opens a company's name, it does not act.
COMPANY_NAME_AFTER = re.compile(rf"^[{CJK}]{{1,16}}?(?:股份有限公司|有限责任公司|有限公司|公司|集团)")


@lru_cache(maxsize=1)
def _tagged():
    from articles.ingest.words import tagged

    return tagged


@lru_cache(maxsize=1)
def _place_names():
    from zones.reference import place_names

    return place_names()


def _is_place(name):
    return name in _place_names()


_CJK_RUN = re.compile(rf"[{CJK}]+")


# 电子电路企业在吉安“牵手”: a title saying the city where it happened.
IN_CITY_TITLE = re.compile(rf"在([{CJK}]{{2,3}}?)市?(?=[“\"]|[{CJK}]{{2}})")
PARK_IN_TITLE = re.compile(r"高新区|开发区|经开区|新区|园区|工业园|产业园|科技城|科学城")
# A title opening on a district or county: 普陀区组建…, 长沙县：….
DISTRICT_TITLE = re.compile(rf"[{CJK}]{{2,3}}[区县]")
# A title opening on a place's name and the quoted name of its programme: 玉林“十园千企”党建工程….
CITY_PROGRAMME_TITLE = re.compile(rf"([{CJK}]{{2,3}}?)市?(?=[“\"])")


# 我市以…为主线: a report that speaks for its city or province from its first sentence (its 全市 may
# only compare: 全市首个…).
LEAD_SPEAKS_FOR = re.compile(r"我市|本市|我省|本省")


def article_scope(kicker, title, zones, lead=""):
    """Whose an article's figures are when nothing around them says: the zone's, unless the
    article names no zone and its kicker or title opens on a province or a city (辽宁：…,
    包头：盯紧两个“500亿元”; ``zones.reference.heading_place``) or on the whole city or province
    (全市党员总数达33.81万名), its kicker is a city's name alone (德州, not a district's: 南康区,
    nor a city's over an item its lead places in a district: 景德镇 / 景德镇市珠山区…), its title says
    the city it happened in (电子电路企业在吉安“牵手”, naming no park) or opens on a city and its quoted
    programme (玉林“十园千企”党建工程…): then that place's. So is a report naming no zone whose
    ``lead`` (its first sentence) speaks for a city or a province (记者从市社会组织党委获悉，我市…)."""
    if zones:
        return ZONE
    from zones.reference import heading_place, names_a_place, place_names

    for line in (kicker, title):
        place = heading_place(line)
        if place:
            return PROVINCE if place == "province" else CITY
    opening = CITY_WIDE.match((title or "").strip())
    if opening:  # 全市党员总数达33.81万名: the city's (or the province's) report
        return _whole_scope(opening.group())
    kicker = (kicker or "").strip()
    if (
        kicker not in place_names() and names_a_place(kicker) and not PARK_IN_TITLE.search(title or "")
        and not DISTRICT_TITLE.match(title or "")
    ):
        # 江苏常州 / 创新平台有了党建“联盟”: the city's item (福建晋江 / 晋江经济开发区…: the park's;
        # 浙江舟山 / 普陀区组建…: the district's)
        return CITY
    if kicker in place_names() and not kicker.endswith(("区", "县", "旗")):
        # a district or county (南康区) is written about as a zone is, also when the city's name
        # over the article is where it stands and its lead places it (景德镇 / 景德镇市珠山区…)
        in_district = re.search(rf"{re.escape(kicker)}市?([{CJK}]{{1,3}}[区县])(?!委)", lead or "")
        return ZONE if in_district and _is_place(in_district.group(1)) else CITY
    where = IN_CITY_TITLE.search(title or "")
    if where and _is_place(where.group(1)) and not PARK_IN_TITLE.search(title):
        return CITY  # 电子电路企业在吉安“牵手”: a city's event, naming no zone
    opening = CITY_PROGRAMME_TITLE.match(title or "")
    if opening and _is_place(opening.group(1)) and not opening.group(1).endswith(("区", "县", "旗")):
        return CITY  # 玉林“十园千企”党建工程为园区聚能: the city's own programme (长清区“四链”…: a district's)
    speaks_for = LEAD_SPEAKS_FOR.search(lead or "")
    if speaks_for:
        return PROVINCE if "省" in speaks_for.group() else CITY
    return ZONE


def heading_districts(kicker, title):
    """The district or county an article opens on (七星区：24个“暖新驿站”…, 长沙县：…): written about
    as a zone is (``zones.reference.heading_place``), it acts as the zone in the article's sentences,
    also in an article naming no zone (its 全县 is the county itself)."""
    for line in (kicker, title):
        opening = re.match(rf"\s*([{CJK}]{{2,6}}?[区县])[：:]", line or "")
        if opening and _is_place(opening.group(1)):
            return frozenset({opening.group(1)})
    return frozenset()


def zone_districts(text):
    """The districts ``text`` names as its zone's own (无锡高新区（新吴区）): there they act as the zone."""
    return frozenset(ZONE_DISTRICT.findall(text))


def scope_of(sentence, start, end=None, default=ZONE, zone_places=frozenset(), of_zone=True, view=None):
    """"zone", "city" or "province" for the figure at ``start``-``end`` in ``sentence``.

    ``default``: whose figure it is when no place acts before it in its sentence (the
    scope of the clause before a ；: ``全市已建立两新党组织908家…；三大产业链实现总产值761亿元``).
    ``zone_places``: districts that are the zone (``zone_districts`` of the article).
    ``of_zone``: whether the article is a zone's; in a province's (辽宁：…), 深入楼宇园区
    names no zone, so a zone's words act for nobody.
    ``view``: the scope of the place the sentence is seen from (``view_frame``), when a
    clause before it (…；) opened on it; else read from the sentence itself.
    """
    before = sentence[:start]
    if end is not None and _names_a_city_after(sentence[end : end + 8]):
        return CITY  # 建筑面积2187平方米的溧阳城市党建馆: a measure of the city's
    placed = PLACED_IN.match(sentence, end) if end is not None else None
    if placed and _is_place(placed.group(1)) and placed.group(1) not in zone_places:
        return CITY  # 杉杉年产20万吨…项目在彭山区动工: a project of another district
    # (each read in the few characters it can span, not the whole sentence before each figure)
    whole = BATCH_OF_WHOLE_BEFORE.search(before[-4:]) or BASELINE_BEFORE.search(before[-16:])
    if whole:
        # 入选全市首批100家市级“友好场景”: the size of the city's list; 比全市2019年9%的预期目标高:
        # the city's own figure the zone's is compared with
        return _whole_scope(whole.group(1))
    if CITY_PLAN.search(before):
        return CITY  # 市今年启动…三年提升行动：…园区规模以上工业总产值占全市的比重达到70%: the city's plan
    if end is not None and _counts_zones(sentence, start, end):
        return PROVINCE  # 7家国家级高新区, 全区共有高新区13家: zones counted together, none of them
    if end is not None and CITY_PARTS_AFTER.match(sentence, end):
        return CITY  # 观摩团从13个县市区赶来: the parts of a city or province, counted
    frame = _in_frame(sentence[start:])
    actor = None  # (end, scope) of the last actor mention
    view = view or view_frame(sentence)
    if view:
        actor = (0, view)
    for match in CITY_WIDE.finditer(before):
        if RANKED_IN.match(before, match.end()):
            continue  # 在全国各…示范区中排名第一: the field ranked in, not an actor
        if match.group() == "全县" and any(place.endswith("县") for place in zone_places):
            continue  # 长沙县：… 全县行业党委7个: the county the article is about
        if _contributed_to(before, match):
            continue  # 对全市经济增长的贡献率: the whole contributed to
        if not COMPARISON_BEFORE.search(_without_place(before[: match.start()])):  # 占沈阳全市的30.6%
            scope = _whole_scope(match.group())
            actor = max(actor or (0, ZONE), (match.end(), scope))
    for place_end, scope in _place_mentions(before, frame, zone_places):
        actor = max(actor or (0, ZONE), (place_end, scope))
    for match in ZONE_WORDS.finditer(before) if of_zone else ():
        if match.group() == "全区" and _district_before(before, match.start()):
            actor = max(actor or (0, ZONE), (match.end(), CITY))
            continue  # 璧山区全区: the district's whole, not the zone's
        if CITY_WIDE.search(match.group()) or EVERY.search(before[max(0, match.start() - 2) : match.end()]):
            continue  # 全省国家高新区, 在全国各…示范区中, 每个园区配备: zones of a kind together, not this one
        if COMPARISON_BEFORE.search(before[: match.start()]) or _contributed_to(before, match):
            continue  # 鲤城区…133家，占全区规上企业的61.2%: the whole of a share, not who acts
        if CITY_PARKS.search(before[: match.end()]):
            continue  # 为全市10家开发园区明确了…: the city's parks together
        if view and "高新" not in match.group():
            continue  # 从全省看，…；园区单独或联合组建的…: the province's parks
        if actor is None or match.end() > actor[0]:
            governed = GOVERNED.search(before[: match.end()])
            if governed and "高新区" in before[: governed.start()]:
                governed = None  # 吉安高新区…，下辖敦厚园区和凤凰园区: the zone's own parks
            listed = _listed_with_places(before[: match.end()]) or governed
            actor = (match.end(), CITY if listed else ZONE)
    return actor[1] if actor else default


# 年产20万吨…项目在彭山区动工: where the project a figure measures is built.
PLACED_IN = re.compile(rf"[^，,；;。]{{0,24}}?在([{CJK}]{{2,4}}?[区县市])(?:动工|开工|落户|落地|投产|建成|开建|奠基)")
# 全市今年启动…行动：…: a clause opening on the city and what it set out, after its colon.
CITY_PLAN = re.compile(rf"(?:^|[，,])(?:[{CJK}]{{2,3}}市|市|全市|我市|市里)(?:今年|近日|日前)?[^：:，,。；;]{{2,30}}[：:]")


# 7家国家级高新区, 4家省级高新区 / 共有高新区13家, 其中国家级3家: high-tech zones counted.
# 13个县市区, 8个县（市、区）: the counties and districts of a city or a province.
CITY_PARTS_AFTER = re.compile(r"(?:县市区|县（市、区）|县\(市、区\)|县区|区县|县市|市县|市州)")
_ZONES_AFTER = re.compile(r"(?:[国省市]家?级|自治区级)?(?:高新区|高新技术产业开发区)")


def _counts_zones(sentence, start, end):
    """Whether the count at ``start``-``end`` counts high-tech zones themselves: the figure of a
    province or a set of zones, never one zone's own."""
    if not re.search(r"[家个所]$", sentence[start:end]):
        return False
    if _ZONES_AFTER.match(sentence, end):
        return True
    # 共有高新区13家，其中国家级3家、自治区级10家: after the zones named, only their counts and levels
    if end < len(sentence) and sentence[end] not in "，,、。；;）)":
        return False  # 高新区3家企业入选: the count is of what follows
    last = sentence.rfind("高新区", 0, start)
    return last >= 0 and bool(
        re.fullmatch(r"(?:共有|有|共|达到?|[\d.]+[家个所]|[，,、]|其中|国家级|省级|自治区级|市级)*", sentence[last + 3 : start])
    )


# 数说·吉安电子信息产业: a box of figures labelled by what it tells of.
BOX_LABEL = re.compile(r"^(?:数说|数读|数据|链接)[·・:：\s]*(?P<of>\S.*)$")


def heading_scope(heading):
    """Whose the figures under a heading are: the city's or province's when it names the city and no
    zone (数说·吉安电子信息产业, 全市·全区参照), the zone's when a box's label names a zone (数说三明高新区);
    None for any other heading."""
    if ZONE_WORDS.search(heading) and not CITY_WIDE.search(heading):
        # 数说三明高新区: the zone's box, whatever a line of it says of the city (a section heading
        # naming a park, 深入楼宇园区, decides nothing)
        return ZONE if BOX_LABEL.match(heading) else None
    found = CITY_WIDE.search(heading)
    if found:
        return _whole_scope(found.group())
    box = BOX_LABEL.match(heading)
    if box and not ZONE_WORDS.search(box.group("of")):
        for k in (3, 2):
            name = box.group("of")[:k]
            if _is_place(name):
                return PROVINCE if _is_place(name + "省") else CITY
    return None


def view_frame(sentence):
    """The scope of the place a sentence is seen from (从全省看，…, 从沙县区看，…), or None."""
    found = VIEW_FRAME.match(sentence)
    if not found:
        return None
    name = found.group(1)
    if name in ("全省", "本省", "全国") or name.endswith("省"):
        return PROVINCE
    if name[-1] in "区县市" and not _is_place(name) and _is_place(name[:-1]):
        name = name[:-1]  # 沙县区, the district 沙县 became
    if CITY_WIDE.fullmatch(name) or (_is_place(name) and not ZONE_WORDS.fullmatch(name)):
        return PROVINCE if _is_place(name + "省") else CITY
    return None


def _contributed_to(before, match):
    """A place that a contribution is to (对全区R&D投入增长的贡献率为48.9%): the whole, not who acts."""
    return before[: match.start()].endswith("对") and "贡献" in before[match.end() :]


def _without_place(text):
    """``text`` without the place that ends it (占沈阳 -> 占)."""
    for k in (4, 3, 2):
        if len(text) >= k and _is_place(text[-k:]):
            return text[:-k]
    return text


def _listed_with_places(text):
    """The zone as the last of a list of places (来到丰南区、路北区和高新区): a figure of them all."""
    listed = LISTED_ZONE.search(text)
    return bool(listed) and _is_place(listed.group(1))


def _in_frame(rest):
    """Whether the figure sits in a frame closed by 中 (在浙江省第二批42个…特色小镇中) or by 之一
    (是大冶市一次集中签约的28个项目之一: one of the place's)."""
    clause = re.split(r"[，。；,;！？]", rest, maxsplit=1)[0]
    return bool(re.search(r"(?:之)?中$|之一$", clause))


# 近9000名江油子弟参加了红军: the people of a place, counted.
PEOPLE_OF_PLACE = re.compile(rf"([{CJK}]{{2,3}}?)(?:子弟|儿女|乡亲|籍)")


def _names_a_city_after(after):
    people = PEOPLE_OF_PLACE.match(after)
    if people and _is_place(people.group(1)):
        return True
    found = re.match(rf"的([{CJK}]{{2,3}})", after)
    if not found:
        return False
    name = found.group(1)
    rest = after[found.end() :]
    places = [
        name[:k] for k in (3, 2)
        if _is_place(name[:k]) and not re.match(r"高新|经开|开发|园区|国家", name[k:] + rest)
    ]
    # The place must be a word of its own: 深圳湾创业广场 is a place in the zone, not 深圳's.
    return bool(places) and _tagged()(after[1:9])[0][0] in places


def _place_mentions(text, frame=False, zone_places=frozenset()):
    """(end, scope) of the cities, counties and districts acting in ``text``.

    In a frame closed by 中 a place after 在 is the frame's (在浙江省…中): it counts.
    """
    found = []
    for match in PLACE.finditer(text):
        name = match.group()
        start, end = match.span()
        name, start = _longest_place(text, start, end)
        if name in zone_places:
            continue  # 新吴区, run as 无锡高新区: the zone acting
        if name is None or (name[-1] in "州盟旗" and _is_place(name + "市")):
            continue  # 邳州 is the bare name of 邳州市: it acts only as a bare name does
        after = text[end:]
        if NOT_A_PLACE_AFTER.match(after) or COMPANY_NAME_AFTER.match(after) or _in_zone_brackets(text, start):
            continue
        if frame and text[:start].endswith(("在", "是")):
            pass  # 在浙江省第二批42个…特色小镇中, 是大冶市…的28个项目之一: the frame's place
        elif _not_acting(text, start, end) or not (
            _acts(text[end:]) or text[:start].endswith("所在的") or _opens_clause(text[:start])
        ):
            continue  # (高新区所在的烟台市，…, 2013年，通化市医药工业产值…: the city is what the clause is about)
        found.append((end, PROVINCE if name.endswith("省") else CITY))
    for name, start, end in _bare_names(text):
        if _not_acting(text, start, end) or name in zone_places:
            continue
        if text.count("“", 0, start) > text.count("”", 0, start) and not text[:start].endswith("中共"):
            continue  # “党建引领三元共治”: a place's name inside a quoted name (三元区) acts for nobody
        if BARE_ACTING.match(text, end) or text[:start].endswith("中共"):
            found.append((end, CITY))  # 中共洛阳组, 中共潍坊市委: the city's party
    return found


# A place that is where something goes or happens, not who acts: 赴上海、广州、深圳等地, 走进…, 在…
MOTION_BEFORE = re.compile(r"(?:赴|到|往|前往|南下|北上|东进|西进|来到|走进|远赴|奔赴|在|于|从|向|与|和|同|、)$")
# A place naming the list the zone's firms were chosen for (入选河南省瞪羚企业19家), or what
# the zone is (是东莞的科技创新中心).
SELECTED_INTO_BEFORE = re.compile(r"(?:入选|入围|列入|纳入|获评|评为|认定为|获批|是|成为|作为)$")
LISTED_AFTER = re.compile(r"^(?:、|等地|等城市|和|与|及)")


ACTING_AFTER = re.compile(r"^(?:全区|全市|全县|全省|的|已|共|累计|先后|还|也|都|今年|去年|近年来|目前)")


def _opens_clause(before):
    """Whether only a time stands between the clause's start and a place: 2013年，通化市医药工业产值…"""
    clause = re.split(r"[，,；;。：:]", before)[-1]
    return not clause or bool(re.fullmatch(r"(?:20[0-3]\d年|去年|今年|目前|截至\S{0,8})", clause))


def _acts(after):
    """Whether what follows a place makes it act (七星区依托…, 璧山区全区…) rather than qualify a noun
    (江苏省重点工业互联网平台, 陕西省秦创原队伍)."""
    if not after or ACTING_AFTER.match(after):
        return True
    words = _tagged()(after[:6])
    return bool(words) and words[0][1].startswith(("v", "p", "d", "ad", "c"))


def _not_acting(text, start, end):
    """A place in a comparison, a share, a list of places, after a verb of motion or naming a list
    chosen for does not act."""
    before = text[:start]
    return bool(
        COMPARISON_BEFORE.search(before)
        or MOTION_BEFORE.search(before)
        or SELECTED_INTO_BEFORE.search(before)
        or LISTED_AFTER.match(text[end:])
    )


def _longest_place(text, start, end):
    """The place ending at ``end``: the longest table name among the characters before the suffix."""
    for begin in range(max(0, end - 6), end - 1):
        name = text[begin:end]
        if _is_place(name) and _CJK_RUN.fullmatch(name):
            return name, begin
    return None, start


def _bare_names(text):
    """(name, start, end) of bare city or county names (2-3 characters) in ``text``."""
    places = _place_names()  # looked up twice at every character of every sentence: no call each time
    out = []
    for i in range(len(text) - 1):
        for k in (3, 2):
            name = text[i : i + k]
            if len(name) == k and name in places and _CJK_RUN.fullmatch(name):
                if i and text[i - 1 : i + k] in places and _CJK_RUN.match(text[i - 1]):
                    continue
                out.append((name, i, i + k))
                break
    return out


def _in_zone_brackets(text, start):
    """A district in brackets right after a zone's name: 常州国家高新区（新北区）."""
    opening = text.rfind("（", 0, start)
    if opening < 0:
        opening = text.rfind("(", 0, start)
    return opening >= 0 and opening >= start - 1 and text[:opening].endswith(("高新区", "园区", "开发区"))


# 荣昌区是民营经济大区: a district the sentence is about, whose 全区 follows; 按照永川区…出台的方案，
# 全区将…: the district whose plan the sentence follows.
SUBJECT_DISTRICT = re.compile(rf"^\s*(?:(?:按照|根据|依据)([{CJK}]{{2,5}}?[区县])|([{CJK}]{{2,5}}?[区县])(?:是|作为|地处|位于))")


def _district_before(text, start):
    """璧山区全区, or 荣昌区是民营经济大区，全区…: the district just named, or the sentence's subject."""
    head = text[max(0, start - 6) : start]
    if re.search(r"[区县市]$", head) and any(_is_place(head[i:]) for i in range(len(head) - 1)):
        return True
    subject = SUBJECT_DISTRICT.match(text)
    return bool(subject) and _is_place(subject.group(1) or subject.group(2))
