"""What every part of the writer shares: counting an update, saving one, the page's deferred inserts."""
import time

from django.db import connections, router
from django.utils import timezone

# Fields whose values the ingest sets as plain Python values the database driver takes as they
# are; a value of another type (a date, a Decimal) still goes through the field.
_PLAIN_FIELDS = {
    "AutoField", "BigAutoField", "BigIntegerField", "BooleanField", "CharField", "FloatField", "ForeignKey",
    "IntegerField", "OneToOneField", "PositiveBigIntegerField", "PositiveIntegerField",
    "PositiveSmallIntegerField", "SlugField", "SmallIntegerField", "TextField",
}
_PLAIN_TYPES = (str, int, float, bool, type(None))


def _tally_update(tally, *, changed, curated_differs):
    if changed:
        tally.updated += 1
    elif curated_differs:
        tally.skipped_curated += 1
    else:
        tally.unchanged += 1


def _save(obj, changed, ingested):
    """Save ``changed`` fields and the ingest's latest reading; nothing when neither changed."""
    fields = list(changed)
    if obj.ingested_values != ingested:
        obj.ingested_values = ingested
        fields.append("ingested_values")
    if fields:
        obj.save(update_fields=[*fields, "updated_at"])


class PageInserts:
    """New rows of a page, inserted together when the page is done: one INSERT per table.

    New initiatives and metrics, a new article's zones and every new mention.
    A row may refer to a parent added here but not inserted yet (a mention to
    its new metric): the parents' models are named at construction and their
    rows go first, so their ids are set when the rows referring to them go.
    Until then the page finds a new parent by its key, as a stored one.
    """

    def __init__(self, *parents):
        self.rows = {model: [] for model in parents}  # model -> its new rows, parents first

    def add(self, model, rows):
        self.rows.setdefault(model, []).extend(rows)

    def flush(self):
        insert_tables(self.rows.items())
        self.rows.clear()


def insert_rows(model, objs):
    """Insert new ``objs`` of ``model`` as ``bulk_create`` does, and set their ids; returns ``objs``.

    What ``bulk_create`` does for each value -- its field's checks and conversions,
    the statement compiled anew -- cost the ingest's writer more than the
    database's work: here a plain value goes as it is, the others through their
    field, in one multi-row INSERT per batch. As with ``bulk_create``, no signal
    is sent and no ``save()`` runs; ``auto_now`` fields get the same time, a
    foreign key given as an object inserted earlier gets its id. On PostgreSQL
    the rows go in one COPY (``_copy_rows``).
    """
    insert_tables([(model, objs)])
    return objs


def insert_tables(tables):
    """``insert_rows`` of each ``(model, objs)``, in order (a table before those whose rows refer to it).

    On PostgreSQL the ids of every table are drawn in one query before their
    COPYs: a page's five tables were five round trips to the server more.
    """
    plans = []
    for model, objs in tables:
        if not objs:
            continue
        connection = connections[router.db_for_write(model)]
        opts = model._meta
        fields = [f for f in opts.concrete_fields if not f.generated and f is not opts.pk]
        if any(hasattr(f, "get_placeholder") for f in fields) or any(o.pk is not None for o in objs):
            fields = None  # what bulk_create alone knows how to insert
        plans.append((model, objs, connection, fields))
    copied = {}  # connection alias -> [(model options, row count)] of the tables it copies
    for model, objs, connection, fields in plans:
        if fields is not None and connection.vendor == "postgresql":
            copied.setdefault(connection.alias, []).append((model._meta, len(objs)))
    ids = {}
    for alias, counts in copied.items():
        ids.update(_next_ids(connections[alias], counts))
    now = timezone.now()
    for model, objs, connection, fields in plans:
        if fields is None:
            model.objects.bulk_create(objs)
            continue
        _fill_in(objs, fields, now)
        converters = [_converter(field, connection) for field in fields]
        if connection.vendor == "postgresql":
            _copy_rows(connection, model._meta, fields, converters, objs, ids[model._meta.db_table])
        else:
            _insert_values(connection, model._meta, fields, converters, objs)
        for obj in objs:
            obj._state.adding = False
            obj._state.db = connection.alias


def _fill_in(objs, fields, now):
    """What ``save()`` would set: ``auto_now`` times, and the ids of related rows given as objects
    (a parent inserted before: its id is known only now)."""
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            for obj in objs:
                setattr(obj, field.attname, now)
        elif field.is_relation:
            for obj in objs:
                if getattr(obj, field.attname) is None and field.is_cached(obj):
                    related = getattr(obj, field.name)
                    setattr(obj, field.attname, related.pk if related is not None else None)


def _next_ids(connection, tables):
    """PostgreSQL: {table: ids} for [(model options, how many)], drawn from each table's sequence in one query.

    Each sequence is looked up once per table, not once per id: the look-up for
    every id made this query cost the server 1.1 ms a page.
    """
    sequences = ", ".join(
        f"({n}, pg_get_serial_sequence(%s, %s)::regclass, %s::integer)" for n in range(len(tables))
    )
    sql = f"SELECT s.t, nextval(s.seq) FROM (VALUES {sequences}) AS s (t, seq, n), generate_series(1, s.n)"
    ids = {opts.db_table: [] for opts, _count in tables}
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for opts, count in tables for value in (opts.db_table, opts.pk.column, count)])
        for n, pk in sorted(cursor.fetchall()):
            ids[tables[n][0].db_table].append(pk)
    return ids


def _insert_values(connection, opts, fields, converters, objs):
    """One multi-row INSERT … RETURNING per batch; the ids set from what it returns."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    returning = connection.features.can_return_rows_from_bulk_insert
    batch = max(1, connection.ops.bulk_batch_size(fields, objs))
    with connection.cursor() as cursor:
        for start in range(0, len(objs), batch):
            chunk = objs[start : start + batch]
            params = [
                convert(getattr(obj, field.attname))
                for obj in chunk for field, convert in zip(fields, converters)
            ]
            sql = f"INSERT INTO {quote(opts.db_table)} ({columns}) VALUES {', '.join([row] * len(chunk))}"
            if returning:
                sql += f" RETURNING {quote(opts.pk.column)}"
            cursor.execute(sql, params)
            ids = [pk for (pk,) in cursor.fetchall()] if returning else [None] * len(chunk)
            for obj, pk in zip(chunk, ids):
                obj.pk = pk


def _copy_rows(connection, opts, fields, converters, objs, ids):
    """PostgreSQL: the rows in one COPY, with ``ids`` drawn from the table's sequence (``_next_ids``).

    A multi-row INSERT of a page's figures is a statement of a thousand
    parameters, each quoted by the driver in Python: COPY sends the rows as
    they are, for a quarter of the driver's time (0.19 s against 0.84 s for
    300 batches of 30 rows of 20 columns).
    """
    quote = connection.ops.quote_name
    table, pk_column = quote(opts.db_table), quote(opts.pk.column)
    columns = ", ".join(quote(f.column) for f in fields)
    sql = f"COPY {table} ({pk_column}, {columns}) FROM STDIN"
    started = time.monotonic()
    with connection.cursor() as cursor, connection.wrap_database_errors, cursor.cursor.copy(sql) as copy:
        for obj, pk in zip(objs, ids):
            copy.write_row([pk, *(convert(getattr(obj, f.attname)) for f, convert in zip(fields, converters))])
    if connection.queries_logged:  # as Django logs the statements it runs (a test's query count)
        connection.queries_log.append(
            {"sql": f"{sql} -- {len(objs)} rows", "time": f"{time.monotonic() - started:.3f}"}
        )
    for obj, pk in zip(objs, ids):
        obj.pk = pk


def _converter(field, connection):
    """The function that makes a value of ``field`` a database parameter (for one table's rows)."""
    def through_field(value):
        return field.get_db_prep_save(value, connection)

    if field.get_internal_type() not in _PLAIN_FIELDS:
        return _once_for_shared(through_field)

    def plain(value):
        return value if type(value) in _PLAIN_TYPES else through_field(value)

    return plain


_NOTHING = object()


def _once_for_shared(convert):
    """``convert``, a value the rows share converted once: their insert's time (one object for all)
    and an empty list or dict (on 300 pages, converting each through its field took 5% of the writer's time)."""
    last = [_NOTHING, None]  # the value last converted (held, so no other object takes its id) and its result
    empty = {}  # list or dict -> an empty one converted

    def converted(value):
        if value is last[0]:
            return last[1]
        kind = type(value)
        if (kind is list or kind is dict) and not value:
            if kind not in empty:
                empty[kind] = convert(value)
            return empty[kind]
        last[0], last[1] = value, convert(value)
        return last[1]

    return converted
