"""The figures of an article body, sentence by sentence (see the package docstring)."""
import re
from dataclasses import dataclass, replace
from operator import itemgetter

from articles.ingest.metrics.kinds import CHANGE, PART_AFTER, RANGE, TARGET, box_label_after, kind_of, pair_kind
from articles.ingest.metrics.labels import (
    CHANGE_TO,
    GROWTH_AFTER,
    KEEPING,
    NAMED_AGAIN_WORDS,
    RESPECTIVE_GROWTH,
    change_label,
    label_of,
    respective_labels,
)
from articles.ingest.metrics.numbers import (
    COUNT_UNITS,
    METRIC_RE,
    MULTIPLIERS,
    NUMBER,
    SKIP_QUOTES,
    UNITS,
    combine_qualifiers,
    counts_no_fact,
    datum_label_after,
    is_metric,
    is_name_span,
    number_value,
    prefix_qualifier,
    rounded,
)
from articles.ingest.metrics.scope import (
    CITY_WIDE,
    ZONE,
    ZONE_WORDS,
    heading_scope,
    scope_of,
    view_frame,
    zone_districts,
)
from articles.ingest.metrics.when import TIME_RE, when
from articles.ingest.types import MetricFact
from core.text import split_sentences


def extract_metrics(
    body, article_year=None, sentences=None, article_month=None, default_scope=ZONE, zone_places=frozenset(),
    headings=(),
):
    """Every figure of ``body`` that is the zone's, in order (a city's or province's is left out).

    ``sentences``: ``split_sentences(body)`` when the caller has it already;
    ``article_month``: the page's month, when it is dated; ``default_scope``: whose
    a figure is when nothing in its paragraph says (``scope.article_scope``); ``zone_places``:
    districts that act as the zone besides those the body names (``scope.heading_districts``);
    ``headings``: the article's headings, read as ``extract_figures`` reads them.

    A figure stated again (same value, ends, unit and year) is one fact, read as it was
    first stated, with the later statements in its ``restated``: in another sentence of the same paragraph when its label is the same (a
    lead repeating the body), in a later paragraph when one label contains the other
    (园区组建3个产业链党建联盟 … 将推动3个产业链党建联盟常态化运转: still those three).
    """
    facts = []
    for fact in extract_figures(
        body, article_year, sentences=sentences, article_month=article_month, default_scope=default_scope,
        zone_places=zone_places, headings=headings,
    ):
        if fact.scope != ZONE:
            continue
        first = next((kept for kept in facts if _same_fact(fact, kept, body)), None)
        if first is None:
            facts.append(fact)
        else:  # still a source of the figure: kept as one more of its statements
            first.restated.append((fact.offset, fact.sentence, fact.raw))
    return facts


def _same_fact(a, b, body):
    """The same figure stated again (two figures of one sentence are two facts)."""
    if a.offset == b.offset or _figure(a) != _figure(b) or not a.label or not b.label:
        return False
    if a.year and b.year and a.year != b.year:
        return False  # 2022年新建党支部3个。2023年新建党支部3个。
    if _plain(a.label) == _plain(b.label):
        return True
    first, second = sorted((a.offset, b.offset))
    return "\n" in body[first:second] and (a.label in b.label or b.label in a.label)


def _figure(fact):
    return (fact.value, fact.unit, fact.value_max, fact.value_from)


def _plain(label):
    return re.sub(r"[“”\"‘’]", "", label)


def extract_figures(
    body, article_year=None, sentences=None, article_month=None, default_scope=ZONE, zone_places=frozenset(),
    headings=(),
):
    """Every numeric fact of ``body``, in order, each with its ``scope`` (zone, city, province).

    ``default_scope``: whose a figure is when nothing in its paragraph says: the zone's,
    unless the article is a city's or a province's (``scope.article_scope``); ``headings``:
    (paragraph index, text) of the article's headings: one naming the city (数说·吉安电子信息
    产业, 全市·全区参照) makes the paragraphs under it the city's (``scope.heading_scope``).
    """
    # By place only: two headings over one paragraph keep their order (a scope may be None).
    heading_scopes = sorted(((at, heading_scope(text)) for at, text in headings), key=itemgetter(0))
    facts = []
    carried = None  # (year, period) of a sentence ending in ；: 2023年，A；B。 are both 2023
    carried_scope = ZONE  # and whose: 全市…A；B。 are both the city's
    carried_view = None  # and the place they are seen from: 从全省看，…A；园区…B。
    districts = zone_districts(body) | zone_places
    of_zone = default_scope == ZONE  # a city's or province's article names no zone of its own
    # A paragraph whose figures so far are all the city's: 2023年，全市…。产值突破600亿元。
    paragraph_scope, figures_seen = default_scope, False
    box_scope = None  # whose the box line before is: 606个 全市两新组织党组织 / 453家 …: the same place's
    for offset, sentence in sentences if sentences is not None else split_sentences(body):
        if offset == 0 or body[offset - 1 : offset] == "\n":
            paragraph = body.count("\n", 0, offset)
            under = [scope for at, scope in heading_scopes if at <= paragraph]
            box_line = BOX_LINE.match(sentence)
            if BREAKDOWN.match(sentence) and figures_seen:
                figures_seen = False  # 分产业看，…: the figures before, broken down: still their place's
            elif box_line and box_scope and not (under and under[-1]):
                paragraph_scope, figures_seen = box_scope, False
            else:
                paragraph_scope, figures_seen = (under[-1] if under and under[-1] else default_scope), False
            box_scope = None if not box_line else box_scope
        if paragraph_scope != ZONE and of_zone and NAMED_PROJECT_OPENS.match(sentence):
            paragraph_scope = ZONE  # 全市集中开工12个项目…。邦盛项目…总投资120亿元: the zone's project again
        default = carried_scope if carried_scope != ZONE else paragraph_scope
        view = view_frame(sentence) or carried_view
        found = _sentence_metrics(sentence, offset, article_year, default, article_month, districts, of_zone, view)
        if carried_scope != ZONE and CARRIED_WHOLE.match(sentence) and not _names_zone_otherwise(sentence):
            for fact in found:
                fact.scope = carried_scope  # 莱芜区…1307亿元…；近3年全区…491个: that district's whole
        if found and BOX_LINE.match(sentence) and (offset == 0 or body[offset - 1 : offset] == "\n"):
            box_scope = found[0].scope
        if found:
            # Only while every figure of the paragraph so far is the same place's does it lead the rest.
            scopes = {f.scope for f in found}
            same = len(scopes) == 1 and (not figures_seen or paragraph_scope in scopes)
            paragraph_scope, figures_seen = (scopes.pop() if same else ZONE), True
        elif CITY_WIDE.search(sentence.lstrip()[:6]) or WHOLE_PLACE_BEHIND.search(sentence):
            # 在全市层面，徐州市…组建联盟。当年共开展活动38场次: a sentence that opens on the whole city leads
            # its paragraph's figures (a place merely named, 珠山区某支部…, or 进入全省…名单 does not).
            paragraph_scope = scope_of(
                sentence, len(sentence), default=paragraph_scope, zone_places=districts, of_zone=of_zone
            )
        if carried and not when(sentence, article_year, article_month)[0] and not TIME_RE.search(sentence):
            for fact in found:
                fact.year, fact.period = carried
        if any(word in sentence for word in NAMED_AGAIN_WORDS):
            for fact in found:
                # 700余家；到2022年，这一数字已接近千家: the same thing, counted again
                earlier = next((f for f in reversed(facts) if f.label and f.normalized_unit == fact.normalized_unit), None)
                if not fact.label and earlier is not None:
                    fact.label = earlier.label
        facts.extend(found)
        year, period = when(sentence, article_year, article_month)
        if sentence.rstrip().endswith(("；", ";")):
            carried = (year, period) if year else carried
            carried_scope = found[-1].scope if found else carried_scope
            carried_view = view
        else:
            carried, carried_scope, carried_view = None, ZONE, None
    return facts


# 606个 全市两新组织党组织: a box's line, its figure first.
BOX_LINE = re.compile(r"\s*(?:约|近|超|逾)?\d[\d.,]*\s*(?:万|亿)?[^\d\s，,。：:]{0,4}\s+\S")
# A sentence opening on a named project or company of a zone's article turns from the city's figures
# before it to the zone's: 邦盛项目当时按年产20万吨…开工，总投资120亿元.
NAMED_PROJECT_OPENS = re.compile(
    r"\s*(?!全|本|各|该|这|其|此|市|省|县)[\u4e00-\u9fff]{2,10}?(?:项目|公司|集团)(?!建设|集中|总数)"
)
# 分产业看，… / 分县区看，…: a paragraph breaking down the figures of the one before.
BREAKDOWN = re.compile(r"\s*(?:分|从)(?:产业|行业|领域|县区|区县|地区|门类|类别|板块)(?:来)?看[，,]")
# 安顺正举全市之力建设航空产业城。…总产值要达到1000亿元: the whole city behind what follows.
WHOLE_PLACE_BEHIND = re.compile(r"举全(?:市|省|县)之力")
# “1310”攻坚体系（即1条主线、3大目标、10大工程）: what a numbered name stands for, no figures.
GLOSS = re.compile(r"[（(]即[^（）()]{2,40}[）)]")
# A clause after ； opening on 全区 (近3年全区…) speaks of the whole of the place the clause before
# acted for, unless it names the zone otherwise.
CARRIED_WHOLE = re.compile(r"\s*[^，,；;。]{0,8}?全区")
# A sum naming the class of what is counted after it in its clause: 超10亿元项目11个.
SIZE_CLASS_AFTER = re.compile(r"(?:及?以上)?的?[\u4e00-\u9fff]{0,4}?(?:项目|企业)[^，,；;。\d]{0,8}\d")
INVESTED_BEFORE = re.compile(r"(?:投资|投资额|投入)(?:约|达|超过?|近|逾)?$")
# The end of the clause a list after 分别 stands in.
CLAUSE_END = re.compile(r"[，,；;。]")
# After "N个": another figure in 个百分点 joined to it (5个和9.6个百分点).
SHARED_POINTS = re.compile(rf"\s*(?:和|、|与|及|或)\s*{NUMBER}\s*个百分点")


def _sentence_metrics(
    sentence, offset, article_year, default_scope=ZONE, article_month=None, districts=frozenset(), of_zone=True,
    view=None,
):
    skipped = [m.span() for m in SKIP_QUOTES.finditer(sentence) if is_name_span(m.group())]
    skipped += [m.span() for m in GLOSS.finditer(sentence)]
    found = []  # _Figure of each figure, in order
    previous = None  # (end, label, base) of the last metric in this sentence
    for match in METRIC_RE.finditer(sentence):
        start, end = match.span()
        if any(a <= start < b for a, b in skipped) or not is_metric(sentence, match):
            continue
        if match.group("base") in COUNT_UNITS and counts_no_fact(sentence, match):
            continue
        value, value_max = number_value(match.group("num")), None
        if match.group("num2"):
            value_max = number_value(match.group("num2"))
            if value_max is None or value_max <= (value or 0):
                continue
        if value is None:
            continue
        mult = MULTIPLIERS.get(match.group("mult") or "", 1)
        base = match.group("base")
        if base == "个" and SHARED_POINTS.match(sentence, end):
            base = "个百分点"  # 分别高出5个和9.6个百分点: the first figure's 百分点 said once, after the second
        unit = (match.group("mult") or "") + base
        normalized_unit = UNITS[base]
        qualifier_start, qualifier = prefix_qualifier(sentence, start)
        qualifier = combine_qualifiers(qualifier, match)
        if _not_the_zones_count(sentence, match, qualifier, base, value):
            continue
        if normalized_unit in ("元", "美元") and SIZE_CLASS_AFTER.match(sentence, end) and not INVESTED_BEFORE.search(
            sentence[:qualifier_start]
        ):
            continue  # 超10亿元项目11个, 新增20亿元企业1家: the size of a class, the count its figure
        label, label_start = label_of(sentence, qualifier_start, end, base, previous)
        growth = GROWTH_AFTER.match(sentence, end)
        if growth and base in ("%", "％", "倍") and label and not label.endswith(growth.group("word")):
            # 主要经济指标连续两年保持20%以上增长: what is measured is the growth.
            label = KEEPING.sub("", label) + growth.group("word")
        year, period = when(sentence[:qualifier_start], article_year, article_month)
        between = sentence[previous[0] : qualifier_start] if previous else ""
        if previous and CHANGE_TO.search(between) and not re.search(r"[，,；;。]", between):
            # 由2021年的26家增至58家: the year before the first figure is the first figure's
            year, period = when(sentence[previous[0] : qualifier_start], article_year, article_month)
            year = year or article_year
        raw_start = label_start if label_start is not None else qualifier_start
        fact = MetricFact(
            label=label,
            raw=sentence[raw_start:end][-64:],
            value=value,
            unit=unit,
            normalized_value=rounded(value * mult),
            normalized_unit=normalized_unit,
            qualifier=qualifier,
            value_max=value_max,
            normalized_max=rounded(value_max * mult) if value_max is not None else None,
            year=year,
            period=period,
            sentence=sentence,
            offset=offset,
            # Nothing acting between two figures of a sentence: the later is whose the earlier is
            # (大冶市…的28个项目之一，那次签约…50.88亿元: still the city's signing).
            scope=_scope(
                sentence, qualifier_start, end, default=found[-1].fact.scope if found else default_scope,
                zone_places=districts, of_zone=of_zone, view=view,
            ),
        )
        # 超过50%是“85后”: a part of the group before, said after a percentage of nothing named.
        part = base in ("%", "％") and PART_AFTER.match(sentence, end) and (not label or label.endswith("占比"))
        found.append(_Figure(fact, qualifier_start, end, raw_start, mult, bool(growth or part)))
        previous = (end, label, normalized_unit)
    figures = _join_ends(sentence, found)
    if len(figures) > 1 and "分别" in sentence:
        _label_respective(sentence, figures)
    return [_with_kind(figure, sentence, article_year) for figure in figures]


def _names_zone_otherwise(sentence):
    """Whether ``sentence`` names the zone by more than 全区 (高新区, 园区, 区内…)."""
    return any(match.group() != "全区" for match in ZONE_WORDS.finditer(sentence))


def _label_respective(sentence, figures):
    """Figures listed after 分别, up to the end of its clause, take the labels listed before it."""
    for respectively in re.finditer("分别", sentence):
        clause_end = CLAUSE_END.search(sentence, respectively.end())
        end = clause_end.start() if clause_end else len(sentence)
        listed = [figure for figure in figures if respectively.end() <= figure.start < end]
        if len(listed) < 2:
            continue
        labels = respective_labels(sentence, listed[0].start, len(listed))
        for figure, label in zip(listed, labels or ()):
            figure.fact.label = label
            if label.endswith(RESPECTIVE_GROWTH):
                figure.growth_after = True  # 分别增长35%和31.92%: the second is a growth too


def _scope(sentence, start, end, **context):
    """``scope_of`` the figure; a box's figure printed before its label (1000多家 全市集聚的…企业)
    is read with the label, where its place stands."""
    boxed = datum_label_after(sentence, start, end)
    if boxed:
        return scope_of(boxed, len(boxed), **context)
    return scope_of(sentence, start, end, **context)


@dataclass
class _Figure:
    """A figure while its sentence is read: the fact and where it stands."""

    fact: MetricFact
    start: int  # where the figure starts, its qualifier (近, 超过) included
    end: int
    raw_start: int
    mult: float  # 万/亿 of the unit as printed
    growth_after: bool  # 20%以上增长, or a part's percentage (50%是…): a share
    joined: str = ""  # CHANGE or RANGE when two figures became this one


def _join_ends(sentence, found):
    """The two ends of a change (由12家发展至56家) or of a range (3亿元至5亿元) as one figure."""
    out = []
    for figure in found:
        first = out[-1] if out else None
        kind = None
        if first is not None and not first.joined and first.fact.value_max is None:
            if first.fact.normalized_unit == figure.fact.normalized_unit:
                kind = pair_kind(sentence, first.start, sentence[first.end : figure.start])
        if kind == CHANGE:
            out[-1] = _joined(sentence, first, figure, kind)
        elif first is not None and kind is None and _earlier_end_after(sentence, first, figure):
            out[-1] = _joined_backwards(sentence, first, figure)
        elif kind == RANGE and figure.fact.normalized_value > first.fact.normalized_value:
            out[-1] = _joined(sentence, first, figure, kind)
        else:
            out.append(figure)
    return out


# 实现主营业务收入452亿元，由上年的约411亿元增长10%: the later end first, then the earlier one it grew from.
EARLIER_END = re.compile(r"^[，,]\s*(?:由|从|比|较)(?:上年|去年|上一年|上年度|20[0-3]\d年)(?:同期)?的?(?:约|近)?$")
GREW_AFTER = re.compile(r"(?:同比)?(?:增长|提高|提升|增加|上升|下降|减少|降低)")


def _earlier_end_after(sentence, first, second):
    """Whether ``second`` is the earlier end of a change ``first`` is the later end of."""
    return (
        not first.joined and first.fact.value_max is None
        and first.fact.normalized_unit == second.fact.normalized_unit
        and bool(EARLIER_END.match(sentence[first.end : second.start]))
        and bool(GREW_AFTER.match(sentence, second.end))
    )


def _joined_backwards(sentence, later, earlier):
    """One change from a later end stated first and the earlier end after it."""
    fact = replace(
        later.fact,
        value_from=rounded(earlier.fact.normalized_value / later.mult),
        normalized_from=earlier.fact.normalized_value,
    )
    fact.raw = sentence[later.raw_start : earlier.end][-64:]
    return _Figure(fact, later.start, earlier.end, later.raw_start, later.mult, later.growth_after, CHANGE)


def _joined(sentence, first, second, kind):
    """One fact for both ends, in the later end's unit: what changes is named before the first."""
    a, b = first.fact, second.fact
    if kind == CHANGE:
        fact = replace(
            b,
            value_from=rounded(a.normalized_value / second.mult),
            normalized_from=a.normalized_value,
            # (由1269.8亿元增至2000亿元 预计…规模工业总产值: a box's change, its label under it)
            label=change_label(sentence, first.start, a.label) or b.label
            or box_label_after(sentence, first.start, second.end)[:64],
            period=b.period or a.period,
            scope=a.scope,
        )
    else:
        fact = replace(
            a,
            value_max=rounded(b.normalized_value / first.mult),
            normalized_max=b.normalized_value,
            qualifier=a.qualifier if a.qualifier != "exact" else b.qualifier,
        )
    fact.raw = sentence[first.raw_start : second.end][-64:]
    return _Figure(fact, first.start, second.end, first.raw_start, second.mult, second.growth_after, kind)


def _with_kind(figure, sentence, article_year):
    """A plan outranks the rest (a planned range is a target); then two ends; else actual or share."""
    fact = figure.fact
    kind = kind_of(
        sentence, figure.start, fact.normalized_unit, fact.year, article_year, figure.growth_after, end=figure.end
    )
    if kind != TARGET and figure.joined == CHANGE:
        kind = CHANGE
    elif kind != TARGET and fact.value_max is not None:
        kind = RANGE
    fact.kind = kind
    return fact


# A quotation with sentence punctuation in it is speech: its figures are the speaker's story.
SPEECH_QUOTE = re.compile(r"“[^“”]*[，。！？；][^“”]*”")
# A sentence about one company: 这家企业, 一家芯片设计企业的…, …公司的起步.
ONE_COMPANY = re.compile(r"(?:这家|该|一家|某)[\u4e00-\u9fff]{0,8}?(?:企业|公司|厂)|(?:公司|企业|厂)的")
DURATIONS = {"天", "个月", "小时", "秒"}
DISTANCES = {"公里", "千米", "米", "分钟", "小时"}
_NEAR = r"(?:约|仅|只有|不到|不足)?"
# 距遵义南站约3公里、遵义高铁站约5公里: the places of a list after one 距 too.
DISTANCE_FROM = re.compile(
    rf"(?:距|距离|离)[\u4e00-\u9fff]{{1,10}}{_NEAR}"
    rf"(?:[\d.]+(?:公里|千米|米|分钟|小时)、[\u4e00-\u9fff]{{1,10}}{_NEAR})*$"
)
# 为期2天的培训, 历时3个月, 连续12个月居全市第一: how long something lasted, no count of the zone.
DURATION_OF = re.compile(r"(?:为期|历时|持续|期限|时长|连续)(?:约|近|仅|长达)?$")
# 在47个省级开发区中排名第一, 在自治区24家重点调控开发区中排第11位: the set ranked against.
RANKED_AMONG = re.compile(r"[\u4e00-\u9fff“”]{0,12}?中(?:综合(?:经济)?指标|综合排名|考核)?(?:排名|排|位列|位居|居|名列|列)")


def _not_the_zones_count(sentence, match, qualifier, base, value):
    """Figures in speech, a company's anecdote in words (两名技术骨干), durations in words
    (两天, 三个月), thresholds (党员人数不足3名的企业), milestones (突破3000亿元大关),
    distances to a place (距中心城区4公里), how long an event lasted (为期2天), the set a zone is
    ranked in (在47个省级开发区中排名第一) and the fixed term 四家班子."""
    start, end = match.span()
    number_at = match.start("num")
    if value is not None and value <= 10 and any(quote.start() < start < quote.end() for quote in SPEECH_QUOTE.finditer(sentence)):
        return True  # “我们公司只有4名党员…”: a speaker's small numbers tell a story
    in_words = not match.group("num")[0].isdigit()
    if in_words and base in DURATIONS:
        return True
    if in_words and value is not None and value <= 10 and ONE_COMPANY.search(sentence):
        return True
    if qualifier == "at_most" and sentence[end : end + 1] == "的":
        return True
    if in_words and sentence.startswith("班子", end):
        return True  # 市四家班子: the city's four leading bodies, a fixed term
    if base in DISTANCES and DISTANCE_FROM.search(sentence[:number_at]):
        return True  # 距中心城区4公里: where the zone lies, no figure of it
    if base in DURATIONS and DURATION_OF.search(sentence[:number_at]):
        return True
    if "在" in sentence[max(0, number_at - 12) : number_at] and RANKED_AMONG.match(sentence, end):
        return True  # 在47个省级开发区中排名第一: the set the zone is ranked in
    return sentence[end : end + 2] == "大关"
