"""The figures of an article body, sentence by sentence (see the package docstring)."""
from articles.ingest.metrics.labels import GROWTH_AFTER, KEEPING, label_of
from articles.ingest.metrics.numbers import (
    COUNT_UNITS,
    METRIC_RE,
    MULTIPLIERS,
    SKIP_QUOTES,
    UNITS,
    combine_qualifiers,
    counts_no_fact,
    is_metric,
    is_name_span,
    number_value,
    prefix_qualifier,
    rounded,
)
from articles.ingest.metrics.when import TIME_RE, when
from articles.ingest.types import MetricFact
from core.text import split_sentences


def extract_metrics(body, article_year=None):
    """Every numeric fact of ``body``, in order."""
    facts = []
    carried = None  # (year, period) of a sentence ending in ；: 2023年，A；B。 are both 2023
    for offset, sentence in split_sentences(body):
        found = _sentence_metrics(sentence, offset, article_year)
        if carried and not when(sentence, article_year)[0] and not TIME_RE.search(sentence):
            for fact in found:
                fact.year, fact.period = carried
        facts.extend(found)
        year, period = when(sentence, article_year)
        if sentence.rstrip().endswith(("；", ";")):
            carried = (year, period) if year else carried
        else:
            carried = None
    return facts


def _sentence_metrics(sentence, offset, article_year):
    skipped = [m.span() for m in SKIP_QUOTES.finditer(sentence) if is_name_span(m.group())]
    facts = []
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
        unit = (match.group("mult") or "") + base
        normalized_unit = UNITS[base]
        qualifier_start, qualifier = prefix_qualifier(sentence, start)
        qualifier = combine_qualifiers(qualifier, match)
        label, label_start = label_of(sentence, qualifier_start, end, base, previous)
        growth = GROWTH_AFTER.match(sentence, end)
        if growth and base in ("%", "％", "倍") and label and not label.endswith(growth.group("word")):
            # 主要经济指标连续两年保持20%以上增长: what is measured is the growth.
            label = KEEPING.sub("", label) + growth.group("word")
        year, period = when(sentence[:qualifier_start], article_year)
        raw_start = label_start if label_start is not None else qualifier_start
        facts.append(
            MetricFact(
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
            )
        )
        previous = (end, label, normalized_unit)
    return facts
