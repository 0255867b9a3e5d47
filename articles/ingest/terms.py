"""How the vocabulary's rules (indicators, initiative types) compare their words with a text.

A rule's name and synonyms and the text are folded alike (``core.text.fold``, no
quotes or spaces: “党建＋招商” -> 党建+招商); its patterns are regular expressions a
curator wrote, compiled once, a broken one left out rather than stopping the ingest.
"""
import re
from functools import lru_cache

from core.text import QUOTE_CHARS, fold

_UNCOMPARED = re.compile(rf"[\s{re.escape(QUOTE_CHARS)}]")


@lru_cache(maxsize=4096)  # every fact of a run is compared with every rule's terms
def fold_term(text):
    """A label, a name or a rule's term as rules compare them."""
    return _UNCOMPARED.sub("", fold(text))


@lru_cache(maxsize=1024)  # a rule is compared with every fact of a run: its terms folded once
def rule_terms(rule):
    """(folded name and synonyms, compiled patterns) of ``rule`` (anything with name, synonyms, patterns)."""
    terms = tuple(term for term in (fold_term(t) for t in (rule.name, *rule.synonyms)) if term)
    patterns = []
    for pattern in rule.patterns:
        try:
            patterns.append(re.compile(pattern))
        except re.error:
            continue
    return terms, tuple(patterns)
