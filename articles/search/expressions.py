"""SQL expressions for the index objects Django does not know as model fields.

The FTS5 table and the generated tsvector column live outside the model, but
SQL naming the article table must still follow Django's table aliases: when a
search queryset is used as a subquery (``pk__in=…`` for facet counts) the
article table is renamed (``U0``) and a hard-coded ``articles_article.id``
would silently point at the outer query.  These expressions carry a resolved
``pk`` column, so Django relabels them like any other column.
"""
import json

from django.db.models import BooleanField, Expression, F, IntegerField, Subquery


class _RowExpression(Expression):
    """Base: keeps the row's primary-key column as its one source expression."""

    def __init__(self, *, output_field, pk=None):
        super().__init__(output_field=output_field)
        self.pk = pk if pk is not None else F("pk")

    def get_source_expressions(self):
        return [self.pk]

    def set_source_expressions(self, exprs):
        (self.pk,) = exprs

    def _table(self, compiler):
        return compiler.quote_name_unless_alias(self.pk.alias)


class FtsMatch(_RowExpression):
    """SQLite: the FTS5 row of this article matches ``expression`` (joined through ``extra(tables=…)``)."""

    conditional = True

    def __init__(self, fts_table, expression, pk=None):
        super().__init__(output_field=BooleanField(), pk=pk)
        self.fts_table = fts_table
        self.expression = expression

    def __repr__(self):
        return f"FtsMatch({self.fts_table!r}, {self.expression!r})"

    def copy(self):
        clone = super().copy()
        clone.fts_table, clone.expression = self.fts_table, self.expression
        return clone

    def as_sql(self, compiler, connection):
        pk_sql, pk_params = compiler.compile(self.pk)
        sql = f"({self.fts_table}.rowid = {pk_sql} AND {self.fts_table} MATCH %s)"
        return sql, [*pk_params, self.expression]


class VectorMatch(_RowExpression):
    """PostgreSQL: the article's stored tsvector matches the tsquery text."""

    conditional = True

    def __init__(self, column, tsquery, pk=None):
        super().__init__(output_field=BooleanField(), pk=pk)
        self.column = column
        self.tsquery = tsquery

    def copy(self):
        clone = super().copy()
        clone.column, clone.tsquery = self.column, self.tsquery
        return clone

    def as_sql(self, compiler, connection):
        column = f"{self._table(compiler)}.{connection.ops.quote_name(self.column)}"
        return f"{column} @@ to_tsquery('simple', %s)", [self.tsquery]


class _IdListExpression(_RowExpression):
    """Base: the row's id against a list of ids, bound as one parameter however long the list.

    A CASE or an IN with a term per id costs Django more to build and bind
    than the database needs to run the whole search.
    """

    def __init__(self, ids, pk=None):
        super().__init__(output_field=self.list_output_field(), pk=pk)
        self.ids = [int(i) for i in ids]

    def copy(self):
        clone = super().copy()
        clone.ids = self.ids
        return clone


class IdPosition(_IdListExpression):
    """Where the row's id stands in a ranked list of ids (lower is better)."""

    list_output_field = IntegerField

    def as_sql(self, compiler, connection):
        pk_sql, pk_params = compiler.compile(self.pk)
        # SQLite: the character offset of ",id," in ",id1,id2,…," grows with the position.
        listed = "," + ",".join(str(i) for i in self.ids) + ","
        return f"instr(%s, ',' || {pk_sql} || ',')", [listed, *pk_params]

    def as_postgresql(self, compiler, connection):
        pk_sql, pk_params = compiler.compile(self.pk)
        return f"array_position(%s::bigint[], {pk_sql})", [self.ids, *pk_params]


class IdIn(_IdListExpression):
    """The row's id is one of ``ids``."""

    conditional = True
    list_output_field = BooleanField

    def as_sql(self, compiler, connection):
        pk_sql, pk_params = compiler.compile(self.pk)
        return f"{pk_sql} IN (SELECT value FROM json_each(%s))", [*pk_params, json.dumps(self.ids)]

    def as_postgresql(self, compiler, connection):
        pk_sql, pk_params = compiler.compile(self.pk)
        return f"{pk_sql} = ANY(%s::bigint[])", [*pk_params, self.ids]


class IdAmong(_RowExpression):
    """The row's id is one of the values a one-column queryset gives: ``pk__in=queryset``, read
    by PostgreSQL as an array (``= ANY(ARRAY(…))``).

    As a semi-join (``IN (…)``) PostgreSQL probed its index for the values in the order
    of their hash; from an array its index scan probes them sorted, each once: the
    1,300 programmes a search's 200 articles name at 100,000 articles, 7.9 -> 6.7 ms.
    """

    conditional = True

    def __init__(self, queryset, pk=None):
        super().__init__(output_field=BooleanField(), pk=pk)
        self.values = Subquery(queryset.order_by())  # a set: the queryset's order would only be sorted for nothing

    def get_source_expressions(self):
        return [self.pk, self.values]

    def set_source_expressions(self, exprs):
        self.pk, self.values = exprs

    def as_sql(self, compiler, connection, template="{pk} IN {values}"):
        pk_sql, pk_params = compiler.compile(self.pk)
        values_sql, values_params = compiler.compile(self.values)
        return template.format(pk=pk_sql, values=values_sql), [*pk_params, *values_params]

    def as_postgresql(self, compiler, connection):
        return self.as_sql(compiler, connection, template="{pk} = ANY(ARRAY{values})")


class ListItemContains(Expression):
    """A JSON list column (``authors``) has an item containing ``text``.

    Django stores JSON with non-ASCII characters escaped on SQLite, so
    ``authors__icontains="肖干"`` finds nothing there; reading the list's items
    as text finds the same rows on both databases.
    """

    conditional = True

    def __init__(self, field_name, text):
        super().__init__(output_field=BooleanField())
        self.column = F(field_name)
        self.text = text

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, exprs):
        (self.column,) = exprs

    def copy(self):
        clone = super().copy()
        clone.text = self.text
        return clone

    def _pattern(self):
        escaped = self.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return f"%{escaped}%"

    def as_sql(self, compiler, connection):
        column_sql, params = compiler.compile(self.column)
        sql = f"EXISTS (SELECT 1 FROM json_each({column_sql}) WHERE json_each.value LIKE %s ESCAPE '\\')"
        return sql, [*params, self._pattern()]

    def as_postgresql(self, compiler, connection):
        column_sql, params = compiler.compile(self.column)
        sql = (
            f"EXISTS (SELECT 1 FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof({column_sql}) = 'array' "
            f"THEN {column_sql} ELSE '[]'::jsonb END) AS item WHERE item ILIKE %s)"
        )
        return sql, [*params, *params, self._pattern()]
