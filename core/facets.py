"""Facet counts of a list: how many of the listed rows have each value of a filter.

Counted over the primary keys of the list, so the ordering and rank
annotations a search adds, and the duplicates a join makes, change nothing.
A list longer than FACET_ROWS is counted over its first FACET_ROWS rows in
list order (the newest) and its facets say they are approximate ("约"): a
page's work never grows with the archive.

The keys are read once; then one query reads every facet's columns for those
keys and the counting happens here. One query, whatever the number of facets:
each facet used to be its own GROUP BY over a long ``IN`` list, which cost
more than the page's rows on PostgreSQL.
"""
from dataclasses import dataclass, field

# Facets count at most this many rows of a list.
FACET_ROWS = 2000


@dataclass
class Facet:
    """Counts of one filter's values within the filtered list."""

    param: str
    label: str
    options: list = field(default_factory=list)
    approximate: bool = False  # counted over the first FACET_ROWS of a longer list


@dataclass
class FacetSpec:
    param: str  # the filter's query parameter
    label: str
    field: str  # the model field counted (``zone__province``)
    labels: dict = field(default_factory=dict)  # stored value -> shown label
    limit: int = 12
    # Sorted by these, then by the field's value: "n" is the count, "-" descends.
    order: tuple = ("-n",)
    value_field: str = ""  # what the link puts in ``param``, when not ``field``
    display_field: str = ""  # a field holding the label, when not ``labels``

    @property
    def columns(self):
        """The columns this facet reads: the counted field, the link's value, the label."""
        value_field = self.value_field or self.field
        return tuple(dict.fromkeys(f for f in (self.field, value_field, self.display_field) if f))


def count(queryset, specs):
    """[(spec, [(row, n), ...]), ...]: each spec's top values over the list's first FACET_ROWS keys.

    ``row`` maps each of the spec's columns to its value; ``n`` counts the
    distinct listed rows having it. The second item says whether the list was longer
    than FACET_ROWS (the counts are then approximate).
    """
    keys = list(queryset.values_list("pk", flat=True)[: FACET_ROWS + 1])
    approximate = len(keys) > FACET_ROWS
    columns = list(dict.fromkeys(column for spec in specs for column in spec.columns))
    found = {spec.param: {} for spec in specs}
    if keys:
        rows = queryset.model._default_manager.filter(pk__in=keys[:FACET_ROWS]).values_list("pk", *columns)
        position = {column: i + 1 for i, column in enumerate(columns)}
        for row in rows:
            for spec in specs:
                if row[position[spec.field]] is None:
                    continue
                values = tuple(row[position[column]] for column in spec.columns)
                found[spec.param].setdefault(values, set()).add(row[0])
    counted = []
    for spec in specs:
        options = [
            (dict(zip(spec.columns, values)), len(pks)) for values, pks in found[spec.param].items()
        ]
        counted.append((spec, _ordered(options, spec)[: spec.limit]))
    return counted, approximate


def _ordered(options, spec):
    # Stable sorts, last key first: the field's value breaks ties, as the order tuple says.
    for term in reversed((*spec.order, spec.field)):
        name = term.lstrip("-")
        if name == "n":
            options.sort(key=lambda option: option[1], reverse=term.startswith("-"))
        else:
            options.sort(key=lambda option: _sortable(option[0][name]), reverse=term.startswith("-"))
    return options


def _sortable(value):
    # Values of one column share a type, except None (never counted) and mixed
    # strings from an expression; str() keeps any pair comparable.
    return value if isinstance(value, (int, float)) else str(value)
