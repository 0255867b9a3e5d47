"""What kind of figure: actual, target, change, range or share (see the package docstring).

Two figures of one statement become one fact here (``pair_kind``: a change or a
range with both ends); ``kind_of`` tells what a single figure is.
"""
import re

ACTUAL = "actual"
TARGET = "target"
CHANGE = "change"
RANGE = "range"
SHARE = "share"

# 要 that is no "must": 主要, 需要, 重要, 想要, 只要, 必要 (the character before 要).
NOT_MUST_BEFORE_YAO = "主需重想只必"
# Words that make what follows a plan or a forecast. 将 is the future unless it
# is 将近 or opens a number (将2024年确定为…: 将 there means 把); 计划 and 拟 are
# verbs only when a word follows (纳入学习计划，… is a plan as a noun; 入选千人计划6名, 精英计划
# 人才, 火炬计划, 科技计划项目, “863”计划, 科技支撑计划 and 海智计划工作基地 name programmes; 原计划 is
# the plan before), and so are 准备, 打算
# and 希望 (not 希望工程);
# 争取 is also "obtain" (争取政策资金), so only before a time.
TARGET_WORDS = re.compile(
    r"力争|预计|下一步|(?:目标|任务)(?:是|为|[：:])"
    r"|(?<![人才英炬智火原先来技撑”])计划(?=[\u4e00-\u9fff\d])(?!(?:工作|产业|示范)?基地|的)|(?:准备|打算)(?=[\u4e00-\u9fff\d])"
    r"|希望(?!工程|小学|之星|杯)(?=[\u4e00-\u9fff\d])"
    r"|规划(?=增设|新建)|有望"  # 二期规划增设2万吨…产能, 有望实现… (规划建设面积 is the zone's extent)
    # 拟上市企业: a kind of firm, not a plan; 拟定…方案: a plan drawn up, not the figure planned
    r"|(?<![模虚草])拟(?=[\u4e00-\u9fff])(?!上市|挂牌|[定订](?!于))"
    r"|争取(?=到(?!位)|在|于|今年|明年|年内|全年|用)"  # 争取到位资金: obtained
    r"|(?<![大主已])将(?![近来领军士\d])"  # 已将…纳入: 把, what is done
    # 经济总量要突破3600亿元, 今年要推动17个…结对: what must be reached or done is a plan
    rf"|(?<![{NOT_MUST_BEFORE_YAO}])要(?=\s*(?:突\s*破|达\s*到|超\s*过|高\s*于|实\s*现|推\s*动|完\s*成|新\s*建|建\s*成|培\s*育|引\s*进|组\s*建|新\s*增|孵\s*化|招\s*引|占)|\s*$)"
)
# 将 followed by a noun and one of these verbs in its clause is 把, not "will".
DISPOSAL = re.compile(
    r"[^，,；;。]*?(?:建在|纳入|编入|融入|嵌入|确定为|作为|列为|转化为|打造成|打造为|凝聚在|延伸到|延伸至|落实到|贯穿)"
)
FUTURE_AFTER_JIANG = re.compile(r"(?:把|以|在|对|于|继续|持续|进一步|全力|力争|大力|重点|加快|着力|推动|推进)")
# 围绕年内开通3公里示范段的目标, 完成200亿元投资的任务: the figure is the goal named after it.
GOAL_AFTER = re.compile(r"[^，,；;。：:]{0,12}?的(?:目标|任务|计划)")
# Between a target word and the figure, a word of what is already done ends the plan:
# 将…，目前已建成驿站9个.
# 任务是3个，最后完成了7个: so does what the plan came to.
DONE_WORDS = re.compile(r"已|先后|目前|截至|现有|最后|最终|实际|(?:完成|实现|达到)了")
# A year to reach (到2025年) or next year: a target when it is after the article's year.
# A year alone is not: the article's year may be guessed from its text.
FUTURE = re.compile(r"(?:到|至)20[0-3]\d\s?年|明年")

# 同比增长8.3%, 增速高于全市1个百分点, 覆盖率提高了20%: the growth of another indicator.
GROWTH_BEFORE = re.compile(
    r"(?:增长|增幅|增速|提高|提升|上升|增加|下降|降低|减少|回落|下滑)了?(?:同样|均|也|仍)?(?:达到|达|为|约|超过)?[：:]?$"
)
# 降低企业成本近50%, 缩短审批时间30%: a cut of what the verb names, so a change of another quantity.
CUT_BEFORE = re.compile(r"(?:降低|减少|节约|节省|压缩|缩短)[\u4e00-\u9fff]{1,8}?(?:近|约|超|达|逾)?$")
# 超过50%是“85后”, 60%以上为研发人员, 八成来自…: the part of a group the percentage says it is.
PART_AFTER = re.compile(r"(?:以上|左右)?(?:是|为|来自|属于|的)(?!期|止)")
# 占海口市的80.98%, 占全省近8%, 占比接近50%, 比重：12%, 完成全年任务的64.6%, 主体工程已完成90%:
# a part of another whole.
SHARE_BEFORE = re.compile(r"(?:占(?:全[市省区县国]|本[市省])?|占比|比重|的|已完成)(?:达到|达|为|约)?[：:]?$")

# 由2018年的96个 / 从成立之初的3家: the first end of a change, named after 由/从.
FIRST_END = re.compile(r"(?:由|从)[^由从，,；;。：:]{0,16}$")
# …增至目前的213个: what stands between the two ends of a change.
# The noun counted may stand between (由最初的3家企业发展到56家), then a verb says the change.
GROWTH_VERBS = r"(?:发展|增加|增长|提升|提高|扩大|扩展|拓展|上升|追加|调增|增|升|降|减少|下降|降低|缩小|缩减|压缩|精简|整合|合并)"
# When the later end is (…增至如今的, …增至2021年的475亿元, …增加到今年初的49家), or how it is
# counted (高企增至有效期内55家: those whose certificate is still valid).
LATER_END = r"(?:如今|目前|现在|当前|有效期内|(?:今年|20[0-3]\d年)(?:\d{1,2}月)?(?:初|底|末)?)"
BETWEEN_ENDS = re.compile(
    rf"^(?:(?:已经?)?{GROWTH_VERBS}?|[\u4e00-\u9fff]{{1,8}}?(?:已经?)?{GROWTH_VERBS})了?(?:至|到|为)"
    rf"{LATER_END}?的?$"
)
RANGE_BETWEEN = re.compile(r"^\s*[至到~～—–-]\s*$")
# The year of the first end, in brackets right after it.
BRACKETED_WHEN = re.compile(r"^[（(](?:20[0-3]\d|19\d\d)年(?:底|末|初)?[）)]")
# 三年前组建时只有6名党员，如今党员队伍已扩大到21名: a first end said of a time
# before, in the clause before the later one.
# 目前 and 当前 are now, not before.
THEN = re.compile(r"(?:时|之初|最初|起初|原来|原有|当时|此前|以前|(?<![目当])前)[^，,；;。：:]{0,8}$")
GROWN_TO = re.compile(rf"{GROWTH_VERBS}(?:至|到)$|(?:如今|现在|目前)(?:已经?)?(?:有|达|拥有)$")  # …如今已有80多名


def pair_kind(sentence, first_start, between):
    """CHANGE or RANGE when two figures of ``sentence`` are the two ends of one statement, else None.

    ``first_start``: where the first figure starts (its qualifier included);
    ``between``: the text from the first figure's end to the second's start.
    """
    between = BRACKETED_WHEN.sub("", between, count=1)  # 由42.3万件（2020年）增至200万件
    if re.search(r"[，,；;。：:、]", between):
        if len(re.findall(r"[，,；;。：:、]", between)) != 1:
            return None
        if THEN.search(sentence[:first_start]) and GROWN_TO.search(between.rstrip()):
            return CHANGE  # 成立时只有12家，如今已发展到56家
        comma = re.search(r"[，,]", between)
        head, tail = (between[: comma.start()], between[comma.end() :]) if comma else ("", "")
        if (
            comma
            and re.fullmatch(r"[\u4e00-\u9fff]{0,8}", head)
            and FIRST_END.search(sentence[:first_start])
            and BETWEEN_ENDS.search(tail.strip())
        ):
            # 由2017年的1088.9亿元，增至2020年的1745.7亿元; 从…13幢楼宇起步，后来扩大到15幢
            return CHANGE
        return None
    if FIRST_END.search(sentence[:first_start]) and BETWEEN_ENDS.search(between.strip()):
        return CHANGE  # 由12家发展至56家
    if RANGE_BETWEEN.match(between):
        return RANGE  # 3亿元至5亿元
    return None


def kind_of(sentence, start, unit, fact_year, article_year, growth_after=False, end=None):
    """The kind of the single figure starting at ``start`` (its qualifier included) in ``sentence``.

    ``unit``: the figure's normalized unit; ``growth_after``: a word of growth follows
    the figure (保持20%以上增长); ``end``: where the figure ends, when the words after it count
    (围绕年内开通3公里示范段的目标: the goal it is).

    A target outranks the rest: a planned change or range is still a plan.
    """
    if _is_target(sentence, start, fact_year, article_year):
        return TARGET
    if end is not None and GOAL_AFTER.match(sentence, end):
        return TARGET
    label = box_label_after(sentence, start, end)
    if label and TARGET_WORDS.search(label) and not DONE_WORDS.search(label):
        return TARGET  # 70亿元 预计2025年实现税收: a box's figure, its label under it
    if _is_share(sentence[:start], unit, growth_after) or unit == "%" and SHARE_LABEL.search(label):
        return SHARE
    return ACTUAL


# 42.2% 园区生产总值占全市比重: a box's share, said by its label.
SHARE_LABEL = re.compile(r"占[^，,。]{0,8}(?:比重|比例)|占比")


def box_label_after(sentence, start, end):
    """The label after a box line's figure (70亿元 预计2025年实现税收, 由…增至… 预计…), or ""."""
    if end is None or not sentence[end : end + 1].isspace() or sentence[:start].strip() not in ("", "由", "从"):
        return ""
    return sentence[end:].strip()


def _is_target(sentence, start, fact_year, article_year):
    """A plan or forecast said before the figure, or a year to reach after the article's."""
    before = sentence[:start]
    if fact_year and article_year and fact_year > article_year and FUTURE.search(before):
        return True  # 到2025年… in a 2022 article, 明年…
    for match in reversed(list(TARGET_WORDS.finditer(before))):
        if match.group() == "将" and _disposes(before[match.end() :]):
            continue
        return not DONE_WORDS.search(before[match.end() :])
    return False


def _disposes(after):
    """将 as 把: 将党建工作融入企业治理, 将党支部建在产业链上 (将把…, 将以… stay "will")."""
    if FUTURE_AFTER_JIANG.match(after):
        return False
    return bool(DISPOSAL.match(after))


def _is_share(before, unit, growth_after):
    """A rate that is the growth or the share of another indicator, not an indicator itself.

    Percentage points and multiples always compare with something else; a
    percentage does after a word of growth or of a share (满意率98% stays actual).
    """
    if unit in ("个百分点", "倍"):
        return True
    if unit != "%":
        return False
    before = before.rstrip()
    return growth_after or bool(
        GROWTH_BEFORE.search(before) or SHARE_BEFORE.search(before) or CUT_BEFORE.search(before)
    )
