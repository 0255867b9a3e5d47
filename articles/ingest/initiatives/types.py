"""The programme type of an initiative: the same kind of work under each zone's own name.

Zones name one programme differently (产业链党建联盟 in one, 锂电产业链党建联盟 in
another; 党建+招商, “党建+招商”模式); an initiative type (articles.models.InitiativeType,
loaded from fixtures/initiative_types.json and edited in the admin) gathers them.
A type's rule is matched against the initiative's name only — the sentence around
it often lists several programmes, so a word in it says nothing about this one.

A rule matches a name when the name is its name or a synonym, contains one of
them (锂电产业链党建联盟 contains 产业链党建联盟), or matches one of its patterns
(regular expressions, searched in the name). When several rules match, the best
is the one whose name or synonym the name is exactly, then the one whose category
is the initiative's, then the one that matched the longest text (党建品牌 over
品牌: the more specific), then the first in order.
"""
from dataclasses import dataclass

from articles.ingest.terms import fold_term as fold_name
from articles.ingest.terms import rule_terms


@dataclass(frozen=True)
class TypeRule:
    """What an InitiativeType says about names, without Django: built once per ingest run."""

    slug: str
    name: str
    category: str = ""  # an Initiative.Category value, "" when the type spans categories
    synonyms: tuple = ()
    patterns: tuple = ()  # regular expressions, searched in the folded name


def type_for(name, category, rules):
    """The slug of the type of the initiative ``name`` (of ``category``), or "" when no rule fits."""
    folded = fold_name(name)
    if not folded:
        return ""
    best = None  # (exact, same category, matched length, -order), slug
    for order, rule in enumerate(rules):
        matched = _match_length(folded, rule)
        if matched is None:
            continue
        exact, length = matched
        score = (exact, bool(category) and rule.category == category, length, -order)
        if best is None or score > best[0]:
            best = (score, rule.slug)
    return best[1] if best else ""


def _match_length(folded, rule):
    """(exact, length of the matched text) when ``rule`` matches the folded name, else None."""
    terms, patterns = rule_terms(rule)
    if folded in terms:
        return True, len(folded)
    lengths = [len(term) for term in terms if term in folded]
    for pattern in patterns:
        match = pattern.search(folded)
        if match:
            lengths.append(len(match.group()) or 1)
    return (False, max(lengths)) if lengths else None
