"""Synonyms of the field's jargon (``fixtures/synonyms.txt``), applied at query time.

Pages write the same thing in several ways -- 两新组织 and 非公企业和社会组织,
党群服务中心 and 党群活动服务中心 -- and a reader types one of them.  The
query parser (query.py) lets a typed term match any term of its group; the
engine ranks articles that hold the term as typed above those holding only a
synonym.  The index is not touched: a new group works without a reindex,
once the processes serving searches restart (the file is read once per process).
"""
from functools import lru_cache

from django.conf import settings

from .segment import fold

FILE_NAME = "synonyms.txt"


def parse_groups(lines):
    """Groups of equivalent terms from the file's lines: one group per line, terms split by spaces."""
    groups = []
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        terms = []
        for term in line.split():
            term = fold(term)
            if term not in terms:
                terms.append(term)
        if len(terms) > 1:
            groups.append(terms)
    return groups


def synonym_table(groups):
    """``{term: [its synonyms, in file order]}``; a term in two groups gets both groups' terms."""
    table = {}
    for terms in groups:
        for term in terms:
            others = table.setdefault(term, [])
            others.extend(t for t in terms if t != term and t not in others)
    return table


@lru_cache(maxsize=1)
def _table():
    try:
        lines = (settings.FIXTURES_DIR / FILE_NAME).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return {}
    return synonym_table(parse_groups(lines))


def synonyms_of(term):
    """The other terms of ``term``'s groups (folded), or [] when it has none."""
    return list(_table().get(fold(term), ()))
