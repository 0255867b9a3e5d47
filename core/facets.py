"""Facet counts of a list: how many of the listed rows have each value of a filter.

Counted over the primary keys of the list, so the ordering and rank
annotations a search adds, and the duplicates a join makes, change nothing.
A list longer than FACET_ROWS is counted over its first FACET_ROWS rows in
list order (the newest) and its facets say they are approximate ("约"): a
page's work never grows with the archive. A whole list whose length is stored
(an archive's articles, an indicator's figures) is counted once per recount of
the stored counts, and its facets kept (core.listing).

One query reads every facet's columns for the list's first rows and the
counting happens here, whatever the number of facets. Where a column has
several values per row (an article's zones), the rows of the first keys are
read through a subquery and one more query asks whether the list is longer.
Each facet used to be its own GROUP BY over a literal list of 2,000 keys,
which cost more than the page's own rows on PostgreSQL.
"""
from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter

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
    # Sorted by these, then by the field's value: "n" is the count, any other term one of
    # ``columns``; "-" descends.
    order: tuple = ("-n",)
    value_field: str = ""  # what the link puts in ``param``, when not ``field``
    display_field: str = ""  # a field holding the label, when not ``labels``

    @property
    def columns(self):
        """The columns this facet reads: the counted field, the link's value, the label."""
        value_field = self.value_field or self.field
        return tuple(dict.fromkeys(f for f in (self.field, value_field, self.display_field) if f))


def count(queryset, specs, length=None):
    """([(spec, [(row, n), ...]), ...], approximate): each spec's top values over the list's first FACET_ROWS rows.

    ``row`` maps each of the spec's columns to its value; ``n`` counts the
    distinct listed rows having it. ``approximate``: the list is longer than
    FACET_ROWS. ``length``: the list's length when the caller knows it (its
    paginator counted it), so no query asks whether it is longer.
    """
    columns = list(dict.fromkeys(column for spec in specs for column in spec.columns))
    single = all(_single_valued(queryset.model, column) for column in columns)
    whole = length is not None and length <= FACET_ROWS
    if whole:
        # Every row is counted, so their order is no matter: a search's ranking, in the SQL
        # of each statement, cost more than the counting.
        queryset = queryset.order_by()
    if single:
        # One row per listed row: the list's own first rows, read in its order (if it has one still).
        rows = list(queryset.values_list("pk", *columns)[: FACET_ROWS + 1])
        approximate = len(rows) > FACET_ROWS
        rows = rows[:FACET_ROWS]
    else:
        # A many-valued column (an article's zones) repeats a row: read the first keys' rows.
        approximate = length > FACET_ROWS if length is not None else queryset[FACET_ROWS : FACET_ROWS + 1].exists()
        first = queryset.values("pk") if whole else queryset.values("pk")[:FACET_ROWS]
        rows = queryset.model._default_manager.filter(pk__in=first).order_by().values_list("pk", *columns)
    position = {column: i + 1 for i, column in enumerate(columns)}
    rows = list(rows)
    pks = list(map(itemgetter(0), rows))
    counted = []
    for spec in specs:
        # Each row's values of the spec's columns, gathered and counted in C: a Python
        # loop over 2,000 rows and six facets cost a list page 2 to 4 ms more.
        getter = itemgetter(*(position[column] for column in spec.columns))
        values = list(map(getter, rows)) if len(spec.columns) > 1 else list(zip(map(getter, rows)))
        if not single:  # a row repeats once per value of another many-valued column
            values = list(map(itemgetter(0), set(zip(values, pks))))
        # The counted field is the spec's first column: a row without it is not counted.
        options = [
            (dict(zip(spec.columns, key)), n) for key, n in Counter(values).items() if key[0] is not None
        ]
        counted.append((spec, _ordered(options, spec)[: spec.limit]))
    return counted, approximate


def _single_valued(model, column):
    """Whether a column (``zone__province``) has one value per row of ``model``: no many-valued step."""
    for name in column.split("__"):
        field = model._meta.get_field(name)
        if field.many_to_many or field.one_to_many:
            return False
        model = field.related_model
    return True


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
