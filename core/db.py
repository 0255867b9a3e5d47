"""What the web processes need from the database beyond the ORM.

``failure_kind`` tells a database that is down, read-only, full, busy or too
slow apart from a bug (a missing table, a bad query): the first are the
operator's business and answer 503 (see ``core.middleware``), the others stay
500s with a trace in the log.

``limit_statement_time`` bounds every statement of a connection when
``DB_STATEMENT_TIMEOUT`` (seconds) is set. ``config/gunicorn.conf.py`` sets it
for the web server only, below the worker timeout, so a runaway query ends as a
clean 503 instead of a killed worker; management commands (ingest, reindex)
keep running unbounded.

``TextJSONField`` stores JSON of page text (an article's authors, captions,
headings and stored values) with Chinese unescaped.
"""
import json
import sqlite3
import time

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, models

UNAVAILABLE = "unavailable"
BUSY = "busy"
TIMEOUT = "timeout"
READ_ONLY = "read_only"
FULL = "full"

# SQLite primary result codes (the low byte of the extended code).
_SQLITE_CODES = {
    5: BUSY,  # SQLITE_BUSY: "database is locked" after the busy timeout
    6: BUSY,  # SQLITE_LOCKED
    7: UNAVAILABLE,  # SQLITE_NOMEM
    8: READ_ONLY,  # SQLITE_READONLY: "attempt to write a readonly database"
    9: TIMEOUT,  # SQLITE_INTERRUPT: our statement time limit
    10: UNAVAILABLE,  # SQLITE_IOERR
    13: FULL,  # SQLITE_FULL: "database or disk is full"
    14: UNAVAILABLE,  # SQLITE_CANTOPEN: file missing or unreadable
}
# Older sqlite3 modules carry no error code: the messages, as SQLite words them.
_SQLITE_MESSAGES = {
    "database is locked": BUSY,
    "readonly database": READ_ONLY,
    "database or disk is full": FULL,
    "interrupted": TIMEOUT,
    "unable to open database": UNAVAILABLE,
    "disk i/o error": UNAVAILABLE,
}
# PostgreSQL SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html).
_PG_STATES = {
    "25006": READ_ONLY,  # read_only_sql_transaction: a standby, or default_transaction_read_only
    "53100": FULL,  # disk_full
    "57014": TIMEOUT,  # query_canceled: statement_timeout
    "40001": BUSY,  # serialization_failure
    "40P01": BUSY,  # deadlock_detected
    "55P03": BUSY,  # lock_not_available
}
_PG_UNAVAILABLE_PREFIXES = ("08", "53", "57P")  # connection, resources, shutdown/starting up


def failure_kind(exc):
    """One of the kinds above when ``exc`` says the database cannot serve now, else None."""
    if not isinstance(exc, DatabaseError):
        return None
    cause = exc.__cause__ if exc.__cause__ is not None else exc
    sqlstate = getattr(cause, "sqlstate", None)
    if sqlstate:
        if sqlstate in _PG_STATES:
            return _PG_STATES[sqlstate]
        return UNAVAILABLE if sqlstate.startswith(_PG_UNAVAILABLE_PREFIXES) else None
    if isinstance(cause, sqlite3.Error):
        code = getattr(cause, "sqlite_errorcode", None)
        if code is not None:
            return _SQLITE_CODES.get(code & 0xFF)
        message = str(cause).lower()
        return next((kind for text, kind in _SQLITE_MESSAGES.items() if text in message), None)
    # psycopg reports a refused connection, a server gone away or a closed
    # connection without a SQLSTATE.
    if isinstance(exc, (OperationalError, InterfaceError)) and type(cause).__module__.startswith(
        "psycopg"
    ):
        return UNAVAILABLE
    return None


class _Deadline:
    """When the statement running on one SQLite connection must stop."""

    __slots__ = ("seconds", "at")

    def __init__(self, seconds):
        self.seconds = seconds
        self.at = None

    def start(self, execute, sql, params, many, context):
        # The deadline stays set after execute() returns, so fetching the rows
        # of a long result is bounded as well; the next statement resets it.
        self.at = time.monotonic() + self.seconds
        return execute(sql, params, many, context)

    def expired(self):
        # SQLite calls this every few thousand virtual machine steps; a true
        # value interrupts the statement ("interrupted", SQLITE_INTERRUPT).
        return self.at is not None and time.monotonic() > self.at


# How many SQLite virtual machine instructions run between deadline checks
# (about a millisecond of work: the check itself costs nothing measurable).
SQLITE_PROGRESS_STEPS = 20000


def limit_statement_time(sender, connection, **kwargs):
    """``connection_created`` receiver: bound each statement by DB_STATEMENT_TIMEOUT seconds."""
    seconds = float(getattr(settings, "DB_STATEMENT_TIMEOUT", 0) or 0)
    if seconds <= 0:
        return
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('statement_timeout', %s, false)", [f"{int(seconds * 1000)}"])
    elif connection.vendor == "sqlite":
        deadline = getattr(connection, "_kb_deadline", None)
        if deadline is None or deadline.seconds != seconds:
            if deadline is not None:
                connection.execute_wrappers.remove(deadline.start)
            deadline = connection._kb_deadline = _Deadline(seconds)
            connection.execute_wrappers.append(deadline.start)
        deadline.at = None
        connection.connection.set_progress_handler(deadline.expired, SQLITE_PROGRESS_STEPS)


class PlainTextJSONEncoder(json.JSONEncoder):
    """JSON with Chinese written as itself, not as \\uXXXX escapes.

    A page's text escaped is six bytes a character where UTF-8 takes three, and
    on PostgreSQL a bulk insert sends its JSON values in arrays whose dumper
    escapes every backslash: an article's stored values (body included) cost
    more to send than everything else it writes.
    """

    def __init__(self, *args, **kwargs):
        kwargs["ensure_ascii"] = False
        super().__init__(*args, **kwargs)


class TextJSONField(models.JSONField):
    """A JSONField for page text, written with ``PlainTextJSONEncoder``.

    Its column is a JSONField's, and migrations see a JSONField: the encoder
    only changes how values are written, and rows written either way read alike.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("encoder", PlainTextJSONEncoder)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        kwargs.pop("encoder", None)
        return name, "django.db.models.JSONField", args, kwargs
