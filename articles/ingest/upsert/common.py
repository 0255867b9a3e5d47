"""What every part of the writer shares: counting an update, saving one, the page's deferred inserts."""
from django.db import connections, router


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
        self.parents = parents
        self.rows = {model: [] for model in parents}  # model -> its new rows, parents first

    def add(self, model, rows):
        self.rows.setdefault(model, []).extend(rows)

    def flush(self):
        for model, rows in self.rows.items():
            if model in self.parents:
                model.objects.bulk_create(rows)  # their ids are read by the rows after them
            else:
                insert_rows(model, rows)
        self.rows.clear()


def insert_rows(model, rows):
    """INSERT ``rows`` (unsaved instances whose ids nobody reads afterwards) with one executemany.

    ``bulk_create`` compiles every value of every row through the ORM's SQL compiler
    and reads each new id back: for a page's mentions and zone links that was a third
    of the writer's time in its INSERTs (300 pages: 3.7 s of INSERTs, 2.5 s without
    it). Like ``bulk_create``, no signal is sent.
    """
    if not rows:
        return
    meta = model._meta
    fields = [field for field in meta.concrete_fields if field is not meta.auto_field]
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(field.column) for field in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, [[_value(row, field, connection) for field in fields] for row in rows])


def _value(row, field, connection):
    if field.is_relation and getattr(row, field.attname) is None and field.is_cached(row):
        parent = field.get_cached_value(row)
        if parent is not None:  # a parent inserted on this page after the row was made: its id is known now
            setattr(row, field.attname, parent.pk)
    return field.get_db_prep_save(field.pre_save(row, True), connection)
