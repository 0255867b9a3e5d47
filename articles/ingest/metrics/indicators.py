"""The indicator a figure measures: one comparable name for what each zone labels its own way.

Zones print the same figure under many labels (总投资, 项目总投资, 计划总投资额); an
indicator (articles.models.Indicator, loaded from fixtures/indicators.json and
edited in the admin) gathers them so figures can be compared across zones. A rule
is matched against the figure's label only, and only when the figure's normalised
unit is one the indicator accepts: 总投资 in 家 is not money.

A rule matches a label when the label is its name or a synonym, contains one of
them (非公企业党组织 contains 企业党组织), or matches one of its patterns (regular
expressions, searched in the folded label). When several rules match, an exact
name or synonym wins, then the rule that matched the longest text (新建非公企业党组织
is a new organisation before it is a 非公企业党组织: the more specific), then the one
whose match ends later (a Chinese phrase names its head last: 两新党组织建设党建示范点
counts 示范点), then the first in order.

A label that names no indicator (the extractor kept only 总数 of 高新技术企业总数达到115家,
or 企业 of 已走访园区企业320余家) is read again in its clause: the words of the sentence
from the punctuation before the figure to the punctuation after it, as a reader would.

Growth: a bare 增长 or 同比增长 says nothing of what grew, and the text names it
just before (``固定资产投资131.5亿元，增长14.1%``): such a figure takes the growth
indicator of the figure before it in the same sentence. The growth indicator of
an indicator is the one whose slug is the indicator's slug + ``-growth``
(``fixed-asset-investment`` -> ``fixed-asset-investment-growth``).
"""
import re
from dataclasses import dataclass

from articles.ingest.terms import fold_term as fold_label
from articles.ingest.terms import rule_terms
from core.text import QUOTE_CHARS

GROWTH_SUFFIX = "-growth"
# Labels that say a figure is a total but not of what: the figure before in its sentence says.
BARE_TOTAL = re.compile(r"^(?:总数|总量|总计|合计|累计|共计)$")
# What a count of additions says before its thing: 新增高新技术企业 -> 高新技术企业.
ADDED = re.compile(r"^(?:\d{4}年)?(?:新增|新引进|新培育|新认定|新建|新)")
# Labels that say a figure grew but not what grew.
BARE_GROWTH = re.compile(r"^(同比|比上年|较上年|环比)?(增长|增速|增幅|提高|上升)$")


@dataclass(frozen=True)
class IndicatorRule:
    """What an Indicator says about labels, without Django: built once per ingest run."""

    slug: str
    name: str
    dimension: str = ""
    units: tuple = ()  # normalised units a figure of it may carry; empty: any unit
    synonyms: tuple = ()
    patterns: tuple = ()  # regular expressions, searched in the folded label


# An award counts the honoured, not the zone's members or organisations: 优秀共产党员55名,
# 获评先进基层党组织12个 are no 党员人数 or 党组织数. Looked for in the figure's clause, which
# holds its label (55名党员获评优秀共产党员: the label is 党员).
AWARDED = re.compile(
    r"(?:优秀|先进)(?:共产党员|党员|党务工作者|基层党组织|党组织|党支部|集体|个人)|表彰|获评|荣获|获颁|颁发|授予|纪念章|标兵"
)


# 亩均税收, 人均产值: a figure per mu or per head is no total (税收, 产值) unless the rule says so.
PER_UNIT = re.compile(r"亩均|人均|户均|地均|每亩|每平方米|每万元|单位(?:面积|土地|工业增加值|GDP)")


def indicator_for(label, normalized_unit, rules):
    """The slug of the indicator the figure ``label`` in ``normalized_unit`` measures, or ""."""
    folded = fold_label(label)
    if not folded:
        return ""
    per_unit = PER_UNIT.search(folded)
    best = None  # (exact, matched length, where the match ends, -order), slug
    for order, rule in enumerate(rules):
        if rule.units and normalized_unit not in rule.units:
            continue
        if per_unit and not _names_per_unit(rule, per_unit.group(0)):
            continue
        matched = _match_length(folded, rule)
        if matched is None:
            continue
        score = (*matched, -order)
        if best is None or score > best[0]:
            best = (score, rule.slug)
    return best[1] if best else ""


def _names_per_unit(rule, per):
    return any(per in text for text in (rule.name, *rule.synonyms, *rule.patterns))


def indicators_for(facts, rules):
    """The indicator slug of each metric fact, in order (see the module docstring).

    ``facts``: MetricFacts of one article in text order (label, raw, normalized_unit,
    sentence and offset are read).
    """
    slugs = {rule.slug for rule in rules}
    out = []
    previous = None  # the figure before, if in the same sentence: (offset, where it ends, slug, label)
    for fact in facts:
        same_sentence = previous is not None and previous[0] == fact.offset
        after = previous[1] if same_sentence else 0
        clause = clause_of(fact.sentence, fact.raw, after)
        if AWARDED.search(fold_label(clause)):
            slug = ""  # 55名党员获评优秀共产党员: the honoured, whatever the label names
        else:
            slug = indicator_for(fact.label, fact.normalized_unit, rules)
            if not slug and fact.normalized_unit == "%" and BARE_GROWTH.match(fold_label(fact.label)):
                # A list (技工贸收入、…、固定资产投资分别增长25%、…) is not read back into: its labels
                # name their items (labels.respective_labels).
                if same_sentence and previous[2] and previous[2] + GROWTH_SUFFIX in slugs:
                    slug = previous[2] + GROWTH_SUFFIX
            elif not slug:
                if same_sentence and BARE_TOTAL.match(fold_label(fact.label)):
                    # 新增高新技术企业101家，总数达979家: the total of what the figure before added to
                    slug = indicator_for(ADDED.sub("", previous[3]), fact.normalized_unit, rules)
                slug = slug or indicator_for(clause, fact.normalized_unit, rules)
        out.append(slug)
        previous = (fact.offset, _end_of(fact, after), slug, fact.label)
    return out


def _end_of(fact, after):
    """Where the figure ends in its sentence: past its label when the label follows (3条党建示范带)."""
    at = fact.sentence.find(fact.raw, after) if fact.raw else -1
    if at < 0:
        return after
    end = at + len(fact.raw)
    rest = fact.sentence[end:]
    unquoted = rest.lstrip(QUOTE_CHARS)  # 87家“四上企业”
    if fact.label and unquoted.startswith(fact.label):
        return end + len(rest) - len(unquoted) + len(fact.label)
    return end


# What closes a clause for a reader: the figure's own words lie between two of these.
CLAUSE_MARKS = "，,；;：:、。！？!?（）()"
NEXT_NUMBER = re.compile(r"\d")


def clause_of(sentence, raw, after=0):
    """The clause of ``sentence`` around the figure printed as ``raw``, looked for from ``after``.

    It opens at the punctuation before the figure, or at ``after`` (where the
    figure before it ends) when that is later, and closes at the punctuation or
    the number after it (39家企业中35个非公企业党组织: the 35 are another figure's).
    """
    at = sentence.find(raw, after) if raw else -1
    if at < 0:
        return ""
    opening = max(sentence.rfind(mark, 0, at) for mark in CLAUSE_MARKS)
    if "等" in sentence[opening:at]:
        # 解决了A、B等问题16个: the list closed by 等 is one clause
        opening = max(sentence.rfind(mark, 0, at) for mark in CLAUSE_MARKS if mark != "、")
    start = max(after, opening + 1)
    ends = [i for i in (sentence.find(mark, at + len(raw)) for mark in CLAUSE_MARKS) if i >= 0]
    next_figure = NEXT_NUMBER.search(sentence, at + len(raw))
    if next_figure:
        ends.append(next_figure.start())
    return sentence[start : min(ends, default=len(sentence))]


def _match_length(folded, rule):
    """(exact, length, end) of the best match of ``rule`` in the folded label, else None."""
    terms, patterns = rule_terms(rule)
    if folded in terms:
        return True, len(folded), len(folded)
    matches = [(len(term), folded.rfind(term) + len(term)) for term in terms if term in folded]
    for pattern in patterns:
        matches.extend((len(match.group()) or 1, match.end()) for match in pattern.finditer(folded))
    return (False, *max(matches)) if matches else None
