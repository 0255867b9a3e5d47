"""The database's plan for a query, as a large table would be planned."""
from django.db import connection, transaction


def plan(queryset):
    """The database's plan for ``queryset``; on PostgreSQL with scans and sorts priced out,
    so that a small test table is planned as a large one would be."""
    return _priced_out(queryset.explain)


def plan_of_sql(sql):
    """``plan`` of a statement a test captured (its parameters written in)."""

    def explain():
        with connection.cursor() as cursor:
            cursor.execute(("EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN ") + sql)
            return "\n".join(" ".join(str(cell) for cell in row) for row in cursor.fetchall())

    return _priced_out(explain)


def _priced_out(explain):
    if connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("SET LOCAL enable_incremental_sort = off")  # priced out like a full sort
            return explain()
    return explain()
