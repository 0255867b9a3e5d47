"""One search backend per database; ``get_backend`` is the only place that tests the vendor."""
from django.db import connections
from django.db.backends.signals import connection_created

from .base import SearchBackend
from .postgres import PostgresBackend
from .sqlite import SQLiteBackend

_BACKENDS = {"sqlite": SQLiteBackend(), "postgresql": PostgresBackend()}


class SearchUnavailable(NotImplementedError):
    """The database has no full-text search backend."""


def get_backend(connection):
    """The backend for ``connection`` (a connection or an alias)."""
    if isinstance(connection, str):
        connection = connections[connection]
    try:
        return _BACKENDS[connection.vendor]
    except KeyError:
        raise SearchUnavailable(f"full-text search is not available on {connection.vendor}") from None


def supported(connection):
    return connection.vendor in _BACKENDS


def _configure(sender, connection, **kwargs):
    if supported(connection):
        get_backend(connection).configure_connection(connection)


def connect_signals():
    """Let each backend configure every new connection (called from the app's ready())."""
    connection_created.connect(_configure, dispatch_uid="articles.search.backends")


__all__ = ["SearchBackend", "SearchUnavailable", "connect_signals", "get_backend", "supported"]
