"""The database objects behind full-text search, created by migration 0002.

Kept in code (not only in the migration) because SQLite loses triggers when
Django rebuilds a table for a schema change: ``install`` is idempotent and
``reindex`` runs it again, so a later migration on ``articles_article`` cannot
leave the index silently out of step.
"""
ARTICLE_TABLE = "articles_article"
FTS_TABLE = "articles_article_fts"
COLUMNS = ("search_title", "search_head", "search_body")

_cols = ", ".join(COLUMNS)
_new = ", ".join(f"new.{c}" for c in COLUMNS)
_old = ", ".join(f"old.{c}" for c in COLUMNS)

# What the FTS5 tables keep of each token: the articles holding it, not where (migration 0043).
# A search asks only which articles hold every token of a query -- never a phrase, a column
# or bm25(): scoring.py counts the tokens in the stored columns -- so the positions and column
# sizes were kept for nothing: at 100,000 articles the two tables took 259 MB with them, 40 without.
FTS_OPTIONS = "tokenize='unicode61 remove_diacritics 0', detail=none, columnsize=0"

SQLITE_INSTALL = [
    # External content: the index reads the segmented text from the article
    # table itself instead of keeping a second copy.
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    f"{_cols}, content='{ARTICLE_TABLE}', content_rowid='id', {FTS_OPTIONS})",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_insert AFTER INSERT ON {ARTICLE_TABLE} BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, {_cols}) VALUES (new.id, {_new}); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_delete AFTER DELETE ON {ARTICLE_TABLE} BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_cols}) VALUES ('delete', old.id, {_old}); END",
    # Only a change of the segmented text touches the index (not hiding, verifying…).
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_update AFTER UPDATE OF {_cols} ON {ARTICLE_TABLE} "
    f"BEGIN INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_cols}) VALUES ('delete', old.id, {_old}); "
    f"INSERT INTO {FTS_TABLE}(rowid, {_cols}) VALUES (new.id, {_new}); END",
]
# Tier 1 (migration 0005): title and kicker alone.  Its doclists are short, so
# "both words in the title" is found without walking every body's postings.
FTS_HEAD_TABLE = "articles_article_fts_head"
HEAD_COLUMNS = ("search_title", "search_head")
_hcols = ", ".join(HEAD_COLUMNS)
_hnew = ", ".join(f"new.{c}" for c in HEAD_COLUMNS)
_hold = ", ".join(f"old.{c}" for c in HEAD_COLUMNS)
SQLITE_INSTALL += [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_HEAD_TABLE} USING fts5("
    f"{_hcols}, content='{ARTICLE_TABLE}', content_rowid='id', {FTS_OPTIONS})",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_HEAD_TABLE}_insert AFTER INSERT ON {ARTICLE_TABLE} BEGIN "
    f"INSERT INTO {FTS_HEAD_TABLE}(rowid, {_hcols}) VALUES (new.id, {_hnew}); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_HEAD_TABLE}_delete AFTER DELETE ON {ARTICLE_TABLE} BEGIN "
    f"INSERT INTO {FTS_HEAD_TABLE}({FTS_HEAD_TABLE}, rowid, {_hcols}) VALUES ('delete', old.id, {_hold}); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_HEAD_TABLE}_update AFTER UPDATE OF {_hcols} ON {ARTICLE_TABLE} "
    f"BEGIN INSERT INTO {FTS_HEAD_TABLE}({FTS_HEAD_TABLE}, rowid, {_hcols}) VALUES ('delete', old.id, {_hold}); "
    f"INSERT INTO {FTS_HEAD_TABLE}(rowid, {_hcols}) VALUES (new.id, {_hnew}); END",
]
SQLITE_UNINSTALL = [
    f"DROP TRIGGER IF EXISTS {FTS_HEAD_TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {FTS_HEAD_TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {FTS_HEAD_TABLE}_update",
    f"DROP TABLE IF EXISTS {FTS_HEAD_TABLE}",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_update",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]

POSTGRES_VECTOR_INDEX = "article_search_vector_gin"
POSTGRES_HEAD_INDEX = "article_search_head_gin"


def _vector(*columns):
    # Which articles hold each token, as on SQLite (FTS_OPTIONS): strip() drops the positions and
    # weights no search reads (scoring.py counts the tokens in the columns themselves). A common
    # word's matches are checked row by row, each vector read out of TOAST: stripped, the body's
    # vectors took 75 MB instead of 120 for 20,000 articles, and that check 2.8 ms instead of 3.8
    # (migration 0049).
    parts = " || ".join(f"to_tsvector('simple'::regconfig, coalesce({column}, ''))" for column in columns)
    return f"strip({parts})"


POSTGRES_INSTALL = [
    f"ALTER TABLE {ARTICLE_TABLE} ADD COLUMN IF NOT EXISTS search_vector tsvector "
    f"GENERATED ALWAYS AS ({_vector('search_title', 'search_head', 'search_body')}) STORED",
    f"CREATE INDEX IF NOT EXISTS {POSTGRES_VECTOR_INDEX} ON {ARTICLE_TABLE} USING gin (search_vector)",
    # Tier 1 (migration 0004): title and kicker alone, small enough to rank
    # without reading the body's vector out of TOAST.
    f"ALTER TABLE {ARTICLE_TABLE} ADD COLUMN IF NOT EXISTS search_vector_head tsvector "
    f"GENERATED ALWAYS AS ({_vector('search_title', 'search_head')}) STORED",
    f"CREATE INDEX IF NOT EXISTS {POSTGRES_HEAD_INDEX} ON {ARTICLE_TABLE} USING gin (search_vector_head)",
    # The vectors compressed with lz4 as the segmented columns are (migration 0035), not the default
    # pglz: made again here whenever the columns are, so kept here. A server built without lz4 keeps pglz.
    "DO $$ BEGIN "
    f"ALTER TABLE {ARTICLE_TABLE} "
    "ALTER COLUMN search_vector SET COMPRESSION lz4, ALTER COLUMN search_vector_head SET COMPRESSION lz4"
    "; EXCEPTION WHEN feature_not_supported THEN NULL; END $$",
]
POSTGRES_UNINSTALL = [
    f"DROP INDEX IF EXISTS {POSTGRES_HEAD_INDEX}",
    f"ALTER TABLE {ARTICLE_TABLE} DROP COLUMN IF EXISTS search_vector_head",
    f"DROP INDEX IF EXISTS {POSTGRES_VECTOR_INDEX}",
    f"ALTER TABLE {ARTICLE_TABLE} DROP COLUMN IF EXISTS search_vector",
]


def _statements(vendor, install):
    if vendor == "sqlite":
        return SQLITE_INSTALL if install else SQLITE_UNINSTALL
    if vendor == "postgresql":
        return POSTGRES_INSTALL if install else POSTGRES_UNINSTALL
    return []


def install(connection):
    with connection.cursor() as cursor:
        for statement in _statements(connection.vendor, install=True):
            cursor.execute(statement)


def uninstall(connection):
    with connection.cursor() as cursor:
        for statement in _statements(connection.vendor, install=False):
            cursor.execute(statement)


def supported(connection):
    return connection.vendor in ("sqlite", "postgresql")
