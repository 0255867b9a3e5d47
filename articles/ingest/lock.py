"""One ingest at a time per database.

Two ingests writing the same pages would race on the same keys (and on SQLite
fail each other's writes), so a run holds a lock for its whole duration:

* PostgreSQL: a session-level advisory lock, released by the server when the
  holding connection ends -- a killed run leaves no stale lock;
* SQLite: ``flock`` on a file beside the database file, released by the
  kernel when the holding process ends, for the same reason.

A second run waits up to ``wait`` seconds, then refuses with a clear message.
"""
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

# Any fixed 64-bit number; it names "the ingest" among the database's advisory locks.
ADVISORY_KEY = 7_315_202_611
POLL_SECONDS = 0.5


class IngestBusy(RuntimeError):
    """Another ingest holds the lock."""


@contextmanager
def ingest_lock(connection, *, wait=0.0):
    """Hold the ingest lock of ``connection``'s database, waiting up to ``wait`` seconds."""
    if connection.vendor == "postgresql":
        acquire, release = _postgres(connection)
    else:
        acquire, release = _file(connection)
    deadline = time.monotonic() + max(wait, 0)
    while not acquire():
        if time.monotonic() >= deadline:
            if connection.vendor != "postgresql":
                release()  # closes the lock file; unlocking a lock not held does nothing
            raise IngestBusy(
                "另一个导入正在进行（同一数据库同一时间只能运行一个导入），请稍后再试或用 --wait 等待。"
            )
        time.sleep(POLL_SECONDS)
    try:
        yield
    finally:
        release()


def _postgres(connection):
    def acquire():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_KEY])
            return cursor.fetchone()[0]

    def release():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_KEY])

    return acquire, release


def _file(connection):
    import fcntl

    name = str(connection.settings_dict["NAME"])
    if "memory" in name:
        # An in-memory (test) database has no file of its own to lock beside.
        path = Path(tempfile.gettempdir()) / f"kb-{os.getpid()}.ingest-lock"
    else:
        path = Path(f"{name}.ingest-lock")
    handle = open(path, "a+")  # noqa: SIM115 - held open for the lock's lifetime

    def acquire():
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def release():
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()

    return acquire, release
