"""Programme names the page puts in quotation marks (see the package docstring for the rules)."""
import re

from articles.ingest.words import tagged as _tagged

CJK = r"\u4e00-\u9fff"
# Places of party building (checked by PLACE_ENDING below).
PLACE_WORDS = ("阵地", "基地", "示范带", "示范点")
# Words that say a quoted name is a programme when they follow it: “双创两提升”工程, “订单式”服务.
ENDINGS = (
    "专项行动", "行动", "工程", "机制", "模式", "党建品牌", "品牌", "平台", "联盟", "服务队", "宣讲队",
    "突击队", "先锋队", "驿站", "工作法", "体系", "制度", "服务团", "帮帮团", "工作室", "服务站",
    "服务中心", "计划", "党建基金", "建设标准", "人才社区", "培训班", "系列活动",
    "储备库", "专班", "论坛", "综合体", "共同体", *PLACE_WORDS,
)
# Words that also say so, read after the programme words above: “订单式”服务，… “微心愿”墙.
# The ones that are verbs too (服务, 管理, 培训) only with nothing after them: “红链驿站”服务覆盖… is a verb.
EXTRA_WORDS = (
    "活动", "服务", "培训", "课堂", "讲堂", "讲坛", "专场沙龙", "沙龙", "示范创建", "工作理念",
    "党建工作方法", "工作方法", "墙", "众创空间", "空间", "走廊", "管理", "主题党日", "队伍",
)
VERB_WORDS = ("服务", "管理", "培训")
AFTER_WORDS = ENDINGS + EXTRA_WORDS
AFTER_ALT = "|".join(sorted(AFTER_WORDS, key=len, reverse=True))
ENDING_ALT = "|".join(sorted(ENDINGS, key=len, reverse=True))
EXTRA_ALT = "|".join(sorted(EXTRA_WORDS, key=len, reverse=True))
# A quoted name that ends so says it is a programme: “红链帮帮团”, “10分钟服务圈”, “铁军党建”.
ENDS_IN_NAME = re.compile(
    rf"(?:{ENDING_ALT}|先锋岗|示范岗|服务圈|示范圈|样板区|样板间|共同体|课堂|讲堂|学堂|讲坛|党课|之家|党建|团|队|制|(?:研究|活动|指导)中心"
    r"|(?:攻坚|提升|提质|深化|推进|突破|落实|作风建设)年)$"
)
SUFFIX_AFTER = re.compile(rf"(?P<mod>[{CJK}]{{0,6}}?)(?P<word>{ENDING_ALT})")
# “红心谷”生物医药产业链党建联盟: an alliance's name may carry its whole industry.
ALLIANCE_AFTER = re.compile(rf"(?P<mod>[{CJK}]{{0,8}}?)(?P<word>党建联盟)")
# (a recurring activity may be named by its kind first: “向新而进”主题沙龙, “…”结对共建活动, “…”实践活动;
# not a one-off event's: “…”集中采访活动, 座谈交流活动)
EXTRA_AFTER = re.compile(
    r"(?P<mod>(?:红色文化|红色|园区|党建)?|(?:主题|结对共建|志愿服务|实践|专项)(?=活动|沙龙))"
    rf"(?P<word>{EXTRA_ALT})(?P<next>.?)"
)
BOUNDARY = re.compile(r"^(?:$|[，,。；;：:、和与及的）)])")
OF_SUFFIX_AFTER = re.compile(rf"的(?P<mod>[{CJK}]{{0,2}}?)(?P<word>{ENDING_ALT})")
NOT_A_PROGRAMME_AFTER = re.compile(
    r"(目标|理念|精神|要求|思想|作用|问题|难题|之路|格局|路径|效应|号召|口号|称号|荣誉|奖|称|式|字"
    r"|机遇|来?布局|领域|(?:特色|主导|新兴)?产业|为主题|为题|维度|底色|标准|名单|效果|建设|战略|之一"
    r"|的(?:规划|空间|产业)?(?:布局|格局)|中的|新产业|党组织授牌"
    r"|的?(?:方式|方法|形式|做法|思路)|的[^，。]{0,4}?(?:路径|目标|局面|态势)|相?结合)"
)
INDUSTRY_LAYOUT_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}?产业(?:体系|布局|格局|集群)")
# Ideas and attitudes, not programmes: “问题导向”调度机制 is a way of dispatching.
CONCEPT = re.compile(r"(导向|意识|思维|理念|精神|观念|定位|作风)$")
# Nationwide formulas every zone repeats: not a programme of the zone that quotes them.
NATIONAL_FORMULAS = {
    "双招双引", "三会一课", "两学一做", "六稳六保", "两个确立", "两个维护", "四个意识", "四个自信",
    "四个全面", "五位一体", "放管服", "一网通办", "最多跑一次", "双循环", "双碳", "两优一先", "一带一路",
    "学习强国",
}
# A zone's top priority (把招商引资作为“一号工程”) is a rank, not a programme's name;
# so is what a leader takes on as his own (把…行动作为“书记工程”来抓).
PRIORITY = re.compile(r"[一1首]号(?:工程|项目|任务)")
RANKED_AS = re.compile(r"作为$")
RANK_AFTER = re.compile(r"^(?:来抓|来推进|来落实|抓紧抓实|重点推进)")
# A zone's layout in numbered places: “一谷七园”, “一区三园”, “一核两翼”; parks inside parks: “区中园”.
LAYOUT = re.compile(r"(?:[一二两三四五六七八九十多][谷园区港城带廊翼核轴片湾岛])+|[区园厂楼]中[园厂楼]")
# A count in quotes (容缺后补“2.5项”): a number of items, no name of its own (“15分钟”党群服务圈 is one).
QUANTITY = re.compile(r"\d+(?:\.\d+)?\s*(?:项|个|条|件|家|名)")
# What a zone focuses on (聚焦“四高四争先”, 聚焦“高”和“新”) is a goal, not a programme.
FOCUS_BEFORE = re.compile(r"(聚焦|瞄准|对标)$")
# A verb of running a programme right before it: 推行“红色物业”, 派出“红色店小二”, 每月推出一期“科创党课”,
# 发布“流动党员召集令”.
RUNNING_BEFORE = re.compile(
    r"(?:实施|实行|推行|开展|深化|推出|提出|坚持|提升|打造|构建|建立|建设|探索|启动|擦亮|叫响|落实|派出|发布|发出"
    r"|设置|开设|建起|办起|创建|确定|用|把|改成|改造成|建成|成立|组建|设立|领办|包联|认领|挂出|亮出|推广|推进"
    # what a place calls its programme: 社区管它叫“红色积分”
    r"|叫|命名为)(?:了|一期|一批|一个个|全省|全市|首个)?"
    r"(?:\d+|[一二两三四五六七八九十百几多]+)?[个支家项批处座]?$"  # 成立了60个“红色技术攻关小组”
)
# Brands listed, then counted or closed as a set: “大咖说”“高新荟”几个子品牌, “红色引擎”“红色赋能”三个子品牌.
SUB_BRANDS_AFTER = re.compile(rf"(?:等|[几两二三四五六七八九十\d]+个)(?:子|特色|党建|服务|[{CJK}]{{2}})?品牌")
# Party-building brands counted, then listed: 共有非公企业党建品牌17个，…; 培育出17个…党建品牌：….
BRANDS_ANNOUNCED = re.compile(rf"党建品牌\s*\d+\s*个|\d+\s*个[{CJK}]{{0,8}}党建品牌\s*[：:]")
# A programme named after the kind of thing it is: 人才一体化平台“科技红盟”, 党建品牌“红色慧湖”.
KIND_BEFORE = re.compile(r"(?:平台|品牌|项目|载体|阵地|机制|模式|工程|联盟)$")
# Words that make a quoted name a party-building one: 红色物业, 书记项目, 科创党课, 智创先锋.
PARTY_CUE = re.compile(r"党|红|先锋|书记|统战|网格|驿站|家园|物业|示范|样板|共建|缔造|心愿|小镇|空间|暖新")
# What makes a company's quoted name its party work, not its product or slogan: 公司的“红色驿站”.
PARTY_WORK = re.compile(r"党|红色|先锋")
# A metaphor or a quality: 党建的“红色引擎”, 成为“加油站”, 从“筹建”走向…
METAPHOR_BEFORE = re.compile(r"(?:的|成为|变成|从|向|由|像|当成|是|为)$")
# A list of criteria or measures the quotes only illustrate: “红色体系”…“红色服务”五个维度, 等举措.
GROUP_ILLUSTRATES = re.compile(r"(?:[一二两三四五六七八九十\d]+个)?(?:维度|方面|环节)|等(?:举措|方面|维度|环节|方式)")
PERIODIC = re.compile(rf"每[日天周月季年][一1][{CJK}]{{1,2}}")
ONE_EACH = re.compile(rf"一[{CJK}]{{1,2}}一[{CJK}]{{1,3}}")
PERIODIC_ONE = re.compile(rf"一[日周月季年]一[{CJK}]{{1,3}}(?:、一[日周月季年]一[{CJK}]{{1,3}})+")
# Formulas of words: “链长+专班”, “企业+高校”, “项目建设+人才引进”.
WORD_FORMULA = re.compile(rf"[{CJK}]{{2,6}}(?:\+[{CJK}]{{2,6}}){{1,2}}")
# A routine in parallel parts: “周调度、旬会商、月督查”.
PARALLEL = re.compile(rf"[{CJK}]{{2,4}}(?:、[{CJK}]{{2,4}}){{2,}}")
# A mechanism spelled out in its steps, then named: “…点题、…领题、…答题”的推进机制, “…—…—…”的工作闭环.
MECHANISM_AFTER = re.compile(r"的(?:推进|工作|运行|管理|联动|协同|长效)?(?:机制|闭环|体系)")
STEPS = re.compile(rf"[{CJK}]{{2,8}}(?:[、—][{CJK}]{{2,8}}){{2,}}")
# 沃太能源有限公司（以下简称“沃太能源”）: the short name is a company's too.
COMPANY_SHORT_NAME = re.compile(r"以下简称[“\"]([^”\"]{2,12})[”\"]")
MODIFIER_STOP = set("的和与及、等是在把将为了对向")
QUOTE = re.compile(r"“([^“”\n]{1,24})”|\"([^\"\n]{1,24})\"|‘([^‘’\n]{1,24})’")
BOOK_TITLE = re.compile(r"《[^《》]*》")
LIST_JOINER = re.compile(r"[、和及与]?")
FORMULA = re.compile(r"[0-9A-Za-z一二三四五六七八九十两]+(?:\+[0-9A-Za-z一二三四五六七八九十两]+)+")
PARTY_FORMULA = re.compile(rf"[{CJK}]*党建[{CJK}]*\+[{CJK}]+(?:\+[{CJK}]+)*|[{CJK}]+\+党建")
NUMERALS = set("一二三四五六七八九十两双百千万")
# A numbered programme: “两个覆盖”, “三圈联动” (but not 一…: “一号产业”, “一把手”).
NUMBERED = re.compile(r"^[二三四五六七八九十两双]")
SPEECH = re.compile(r"[，,。！？；;!?：:]")
PRODUCT_BEFORE = re.compile(r"(公司的?|开发的|推出的|研发的|打造的|自主研发的)$")
# Party organisations are organisations, not programmes: “两新”组织党工委, “集电港”综合党委.
PARTY_BODY = r"(?:党委|党工委|党总支|党支部|党小组)"
ORGANISATION_AFTER = re.compile(rf"[^，。；、：:]{{0,6}}?{PARTY_BODY}")  # not past a colon: …工作法：党委…
# “青创党委”, “…美团骑手党支部”: a name that is an organisation's.
ENDS_IN_BODY = re.compile(rf"{PARTY_BODY}$")
# What says a document is about party work itself.
PARTY_SUBJECT = r"党|两新|两企三新|新就业"


# A party-building document a zone issues, named in its book title: 《…党建工作指引》, 《…评星定级方案》.
PARTY_DOCUMENT = re.compile(
    rf"《(?=[^《》]*(?:{PARTY_SUBJECT}|中共))[^《》]{{4,60}}"
    r"(?:方案|计划|措施|办法|意见|十条|条例|章程|指引|细则|协议|清单|规划|运行机制|工作机制|工作制度|承诺书|责任书)"
    r"(?:（[^（）《》]{1,12}）)?》"
)


# “万人计划”专家, “泰山学者”入选者: a title people hold, not a programme the zone runs.
HOLDERS_AFTER = re.compile(r"(?:专家|入选者|入选专家|获得者|人选|领军人才)")
# “产业红盟”启动, “红色驿站”揭牌: a programme launched; “党旗映车间”这一市级党建品牌: a brand named.
LAUNCHED_AFTER = re.compile(rf"(?:正式)?(?:启动|揭牌|上线)|这一[{CJK}]{{0,10}}品牌")
# A place is the party's only by its name (“聚新汇”党群共享阵地, “党员教育培训基地”; not “民用无人机试飞运行基地”),
# and a place a zone was rated as, or a model place counted, is a title (进入首批“海棠花红”先锋阵地,
# “模范”支部示范点1个).
PLACE_ENDING = re.compile(rf"(?:{'|'.join(PLACE_WORDS)})$")
HONOURED_BEFORE = re.compile(r"(?:获评|评为|入选|进入|列入|授予|获批|荣获)[^，。；“”]{0,8}$|首批$")
COUNTED_AFTER = re.compile(r"\d|[一二两三四五六七八九十]+个")
# 以“三个强化”为抓手: what the work is carried by; 通过“四个强化”: what it is done by.
HANDLE_AFTER = re.compile(r"为(?:抓手|载体|牵引|总抓手|主打|主线)")
MEANS_BEFORE = re.compile(r"通过$")
# 评出了首批“党员示范岗”5人: a title people were chosen for, then counted.
AWARDED_BEFORE = re.compile(r"(?:评出|评选出|评选|表彰)[^，。；“”]{0,6}$")
# “光谷红厅”：露天平台变身党员之家: a title opening on the name of what it is about.
TITLE_NAME = re.compile(r"^[“\"]([^”\"]{2,12})[”\"][：:]")


def title_programme(title):
    """The programme a title opens on (“光谷红厅”：…) when its name says party work, else None."""
    opening = TITLE_NAME.match(title or "")
    if not opening:
        return None
    name = _clean(opening.group(1))
    if name in NATIONAL_FORMULAS or ENDS_IN_BODY.search(name):
        return None  # “青创党委”：…: an organisation, not a programme
    return name if _is_programme_name(name) or PARTY_CUE.search(name) else None


def party_documents(sentence):
    """The party-building documents named in ``sentence`` (with their book-title marks), in order.

    A document only its issuer marks as the party's (《中共…区委…关于推进…的实施意见》) is policy
    on something else; one that sets up the party's own body or its working rules is kept
    (《中共…联合委员会“1+6”运行机制》).
    """
    found = []
    for match in PARTY_DOCUMENT.finditer(sentence):
        title = match.group()
        if "关于" in title and not re.search(PARTY_SUBJECT, title.replace("中共", "")):
            continue
        found.append(title)
    return found


def quoted_names(sentence, products, companies=frozenset()):
    """(name, quoted text) of the quoted programme names of one sentence, in order."""
    books = [m.span() for m in BOOK_TITLE.finditer(sentence)]
    quotes = [
        m for m in QUOTE.finditer(sentence)
        if not any(a <= m.start() < b for a, b in books)
    ]
    if quotes and BRANDS_ANNOUNCED.search(sentence[: quotes[0].start()]):
        # 共有非公企业党建品牌17个，鸿叶集团“红色竹迹”、艾可蓝“与艾同行、守护蓝天”…: each a brand, a firm's too
        quoted = [_clean(next(g for g in match.groups() if g is not None)) for match in quotes]
        return [(name, name) for name in quoted if 2 <= len(name) <= 20 and name not in NATIONAL_FORMULAS]
    names = []
    group = []  # quotes joined by nothing or 、/和 (“民呼我为”“接诉即办”机制)
    for i, match in enumerate(quotes):
        group.append(match)
        following = quotes[i + 1] if i + 1 < len(quotes) else None
        joined = following is not None and LIST_JOINER.fullmatch(
            sentence[match.end() : following.start()]
        )
        if joined:
            continue
        names.extend(_group_names(sentence, group, products, companies))
        group = []
    return names


def _group_names(sentence, group, products, companies=frozenset()):
    last = group[-1]
    after = sentence[last.end() :]
    if GROUP_ILLUSTRATES.match(after) and len(group) > 1:
        return []  # “红色体系”“红色队伍”…五个维度: criteria, not programmes
    if SUB_BRANDS_AFTER.match(after) and len(group) > 1:
        # “大咖说”“高新荟”“智研库”几个子品牌: each a brand, however short its name
        names = [_clean(next(g for g in match.groups() if g is not None)) for match in group]
        return [(name, name) for name in names if len(name) >= 2 and name not in NATIONAL_FORMULAS]
    shared = None  # the programme word kept in the last name ("" when only implied)
    qualified = None  # a short name with its modifier and word: “六有”镇街党校建设标准
    direct = ALLIANCE_AFTER.match(after) or SUFFIX_AFTER.match(after) or _extra_word(after)
    if direct and not set(direct.group("mod")) & MODIFIER_STOP and _noun_like(direct.group("mod")):
        # “双创两提升”工程 keeps its word; “智汇高新”人才行动 is stored as 智汇高新.
        shared = "" if direct.group("mod") else direct.group("word")
        qualified = direct.group("mod") + direct.group("word")
    elif after.startswith("等"):
        listed = SUFFIX_AFTER.match(after[1:])
        if listed and not set(listed.group("mod")) & MODIFIER_STOP:
            shared = ""
    elif OF_SUFFIX_AFTER.match(after):
        shared = ""
    if ORGANISATION_AFTER.match(after):
        shared = qualified = None  # “两新”组织党工委: an organisation
        if re.match(PARTY_BODY, after):
            group = group[:-1]  # 成立“青年创业之家”党委: the quote names the organisation
    names = []
    for match in group:
        quoted = _clean(next(g for g in match.groups() if g is not None))
        before = sentence[: match.start()]
        is_last = match is last
        if PRODUCT_BEFORE.search(before[-8:]) and not PARTY_WORK.search(quoted):
            products.add(quoted)
            continue
        name = _accepted(quoted, before, after if is_last else "", shared,
                         qualified if is_last else None, len(group), companies, is_last)
        if name:
            names.append((name, quoted))
    return names


def _accepted(quoted, before, after, shared, qualified, group_size, companies, is_last=True):
    """The name stored for one quoted name, or None when it is no programme.

    ``shared``: the programme word after the group ("" when only implied, None
    when there is none); only the last name of a group is stored with it.
    """
    if STEPS.fullmatch(quoted or "") and MECHANISM_AFTER.match(after):
        return quoted  # “市委书记点题、两新工委领题、园区党工委答题”的推进机制: a mechanism spelled out in its steps
    if not quoted or len(quoted) > 20 or QUANTITY.fullmatch(quoted) or PRIORITY.fullmatch(quoted):
        return None  # (容缺后补“2.5项”审批制度: a quantity names nothing)
    if SPEECH.search(quoted) and not (shared is not None and is_last and re.fullmatch(r"[^，,]+[，,][^，,]+", quoted)):
        return None  # a sentence quoted; “问题帮办，助企发展”品牌 is a brand's two-part name
    if "+" in quoted and re.search(r"[A-Za-z0-9]", quoted) and re.search(rf"[{CJK}]", quoted) and "党" not in quoted:
        return None  # “智能制造+数字化+5G”: a business formula
    if quoted.endswith("+") and (shared is None or "党" not in quoted + (qualified or "")):
        # “党建+”引领: a slogan unless a programme word follows (“党建+”工作理念, “融+”党建工作法);
        # “人工智能+”行动: national
        return None
    if INDUSTRY_LAYOUT_AFTER.match(after):
        return None  # “5+1”循环经济产业体系, “1+4”重点产业布局: how the industries are laid out
    if after and shared is None and NOT_A_PROGRAMME_AFTER.match(after):
        building = after.startswith("建设") and RUNNING_BEFORE.search(before) and PARTY_CUE.search(quoted)
        if not building:  # 实施“红色产业链”建设 is the programme run; 加快“实力高新”建设 a goal
            return None
    clause = re.split(r"[，,；;：:]", before)[-1]
    about_company = "公司" in clause or any(name in before for name in companies)
    if about_company and not PARTY_WORK.search(quoted + after[:6]):
        return None  # a company's own slogan or product, not a zone's programme (its “红色驿站” is party work)
    if quoted in NATIONAL_FORMULAS or CONCEPT.search(quoted) or FOCUS_BEFORE.search(before):
        return None
    if HOLDERS_AFTER.match(after):
        return None
    if AWARDED_BEFORE.search(before) and COUNTED_AFTER.match(after):
        return None  # 评出了首批“党员示范岗”5人: a title people were given
    named = quoted + (qualified or shared or "")
    if PLACE_ENDING.search(named) and (
        not PARTY_CUE.search(named) or HONOURED_BEFORE.search(before)
        or named.endswith("示范点") and COUNTED_AFTER.match(after[len(qualified or shared or "") :])
    ):
        return None
    if RANKED_AS.search(before) and RANK_AFTER.match(after):
        return None  # 作为“书记工程”来抓: a rank given to another programme
    if LAYOUT.fullmatch(quoted):
        return None  # “一谷七园”, “一区三园”: how the zone is laid out
    if group_size == 1 and len(quoted) < 4 and qualified and shared == "" and (
        PARTY_CUE.search(qualified) or set(quoted) & (NUMERALS - {"一"}) or quoted.isdigit()
    ):
        return quoted + qualified  # “两新”组织党建基金, “134”治理模式: the short name alone says nothing
    word = shared if is_last and shared else ""
    # 党建引领“…”, 党建“五级联动”: party building named by its programme
    if _is_programme_name(quoted) or before.endswith(("党建引领", "党建")) and len(quoted) >= 4:
        return quoted + word
    if shared is not None and len(quoted) >= 4:
        return quoted + word
    if word and not quoted.startswith("一"):
        return quoted + word  # “坐庄”机制, “红色”服务队, “订单式”服务 (but not “一站式”服务)
    if LAUNCHED_AFTER.match(after) and PARTY_CUE.search(quoted) and len(quoted) >= 3:
        # (a party branch unveiled, “…党支部”揭牌, is an organisation)
        return None if ENDS_IN_BODY.search(quoted) else quoted
    if KIND_BEFORE.search(before) and PARTY_CUE.search(quoted) and len(quoted) >= 3:
        return quoted  # 人才一体化平台“科技红盟”: the kind of thing, then its name
    if (
        (before.endswith("以") and HANDLE_AFTER.match(after) or MEANS_BEFORE.search(before))
        and len(quoted) >= 3 and (PARTY_CUE.search(quoted) or NUMBERED.match(quoted))
    ):
        return quoted  # 以“三个强化”为抓手, 通过“四个强化”让…: the programme the work is done by
    running = RUNNING_BEFORE.search(before)
    if "、" in quoted and not PARALLEL.fullmatch(quoted):
        return None  # “围绕发展抓党建、抓好党建促发展”: a slogan
    if running and len(quoted) >= 3 and not METAPHOR_BEFORE.search(before[: running.start()][-1:]):
        if PARTY_CUE.search(quoted) or NUMBERED.match(quoted) and len(quoted) >= 4 or PARALLEL.fullmatch(quoted):
            return quoted  # 推行“红色物业”, 提升“两个覆盖”质效, 坚持“周调度、旬会商、月督查”
    return None


def _noun_like(words):
    """A modifier between a quote and its programme word names a kind, it does not act: 镇街党校, 组织 (not 做成一片)."""
    if not words or not NOT_A_MODIFIER.search(words):
        return not words or not any(flag.startswith(("m", "d", "p")) for _, flag in _tagged(words))
    return False


NOT_A_MODIFIER = re.compile(r"做成|变成|成为|打造|建成|推动|形成|作为|当作")


def _extra_word(after):
    """“订单式”服务，…: a word that says what the name is, when nothing else follows it (for the verbs)."""
    match = EXTRA_AFTER.match(after)
    if not match:
        return None
    if match.group("word") in VERB_WORDS and not BOUNDARY.match(match.group("next")):
        return None
    return match


def _is_programme_name(quoted):
    if ENDS_IN_NAME.search(quoted) and len(quoted) >= 4:
        return True
    if len(quoted) == 3 and quoted.endswith("长制"):
        return True  # “链长制”, “三长制”: a mechanism named by the chief who leads it (not “终身制”)
    if len(quoted) == 3 and quoted.endswith("党课"):
        return True  # “微党课”: a party lesson run again and again
    if quoted.endswith("站") and PARTY_CUE.search(quoted) and len(quoted) >= 4:
        return True  # “红色充电站”: a station of party building (a metaphor after 成为 stays out)
    if FORMULA.fullmatch(quoted) or PARTY_FORMULA.fullmatch(quoted) or WORD_FORMULA.fullmatch(quoted):
        return True
    if PERIODIC.fullmatch(quoted):
        return True
    if PERIODIC_ONE.search(quoted) or ONE_EACH.fullmatch(quoted):
        return True  # “一月一走访、一季一报告”, “一企一专员”
    others = sum(1 for ch in quoted if ch in NUMERALS - {"一"})
    # 一 counts only beside another numeral: “一心二站三室”, not “一区、一港、一谷、一廊” or “一流…一流”
    numerals = others + (quoted.count("一") if others else 0)
    return len(quoted) >= 4 and numerals >= 2 and not quoted.startswith("第")


def _clean(name):
    return re.sub(r"\s+", " ", name).strip()
