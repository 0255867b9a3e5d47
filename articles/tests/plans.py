"""The database's plan for a query, as a large table would be planned."""
from django.db import connection, transaction


def plan(queryset):
    """The database's plan for ``queryset``; on PostgreSQL with scans and sorts priced out,
    so that a small test table is planned as a large one would be."""
    if connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("SET LOCAL enable_incremental_sort = off")  # priced out like a full sort
            return queryset.explain()
    return queryset.explain()
