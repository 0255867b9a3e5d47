"""Settings for the 高新区党建知识库, read from the environment.

Every deployment knob is an environment variable so the same module serves
`make run` (embedded SQLite, DEBUG on), the test suite and production
(PostgreSQL via DATABASE_URL, DEBUG off, HTTPS settings switched on).
"""
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

def stored_secret_key(path):
    """The key kept in ``path``, created (readable by its owner only) on first use.

    Lets `python manage.py …` run on a fresh checkout without configuration,
    while every process of one installation shares the same key, so sessions
    survive restarts. Production should still set SECRET_KEY.
    """
    path = Path(path)
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        from django.core.management.utils import get_random_secret_key

        key = get_random_secret_key()
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process created it first
            return path.read_text(encoding="ascii").strip()
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(key)
        return key
    except OSError as exc:
        raise ImproperlyConfigured(f"Set SECRET_KEY: {path} cannot be read ({exc}).") from exc


SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "django-insecure-local-development-only"
    else:
        SECRET_KEY = stored_secret_key(os.environ.get("SECRET_KEY_FILE") or BASE_DIR / ".secret_key")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_filters",
    "axes",
    "core",
    "zones",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    "core.staticfiles.ReloadingWhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "core.middleware.AdminLoginNextMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Django's form templates, with the few every filter field renders written in Python (core/renderers.py).
FORM_RENDERER = "core.renderers.FormRenderer"

WSGI_APPLICATION = "config.wsgi.application"

DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'kb.sqlite3'}"
try:
    # Health checks: a connection kept across requests is tested before reuse,
    # so a restarted PostgreSQL costs one reconnect, not a run of errors.
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
except Exception as exc:  # an unknown scheme would otherwise surface as a KeyError deep in Django
    raise ImproperlyConfigured(f"DATABASE_URL is not usable: {exc}") from exc
# Megabytes of an SQLite database a connection reads through a memory map. Every
# page read that way counts in a worker's resident memory; at 20,000 articles
# 1024 made a worker 528 MB, 64 made it 243 MB, and the pages were as fast; at
# 100,000 articles 64 made it 310.5 MB and 32 288.1 MB, the pages a little faster.
SQLITE_MMAP_MB = int(os.environ.get("SQLITE_MMAP_MB") or 32)

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the dev server read while an ingest writes; a busy timeout
    # turns "database is locked" into a short wait. A connection is kept for a
    # minute, as PostgreSQL's: opened for each request, it cost the request its
    # opening, its settings and an empty page cache (through gunicorn, one
    # connection, the seed pages' median latencies 13.0-21.8 -> 9.1-19.1 ms), and
    # each read sees the latest commit anyway.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        # A transaction takes the write lock when it begins, waiting up to the busy
        # timeout: a deferred one that read first could not upgrade while an ingest
        # wrote, and failed at once with "database is locked" (a curator's save).
        "transaction_mode": "IMMEDIATE",
        # Memory-mapped reads and a larger page cache keep search from paying a
        # system call per page of the article table and its FTS index. Both are
        # bounded: the map shares the operating system's file cache
        # (SQLITE_MMAP_MB of address space at most; every page it has read counts
        # in a worker's resident size) and the private cache is 32 MiB per
        # connection. Sorts and temporary tables that outgrow the cache spill to
        # temporary files (temp_store=FILE): in memory, one query could grow a
        # worker without bound.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            f"PRAGMA mmap_size={SQLITE_MMAP_MB * 2**20}; PRAGMA cache_size=-32768; PRAGMA temp_store=FILE;"
        ),
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable server fails a request in seconds (a 503), not after the
    # operating system's TCP timeout.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
    # No parallel workers for one query: a page's queries are small, and on a busy
    # server the workers compete with the other requests' queries. At 100,000
    # articles the zone page's queries took 40 ms with them, 25 ms without; the
    # stored counts' recount (3.3 s) is the same either way.
    # A random read priced as a cached one (random_page_cost 1.1, not the 4 of a
    # spinning disk): the archive's working set is in memory. At 20,000 articles the
    # indicator page sorted all 9,000 of an indicator's figures (25 ms) rather than
    # read its first 2,000 in order from their index (8 ms).
    DATABASES["default"]["OPTIONS"].setdefault(
        "options", "-c max_parallel_workers_per_gather=0 -c random_page_cost=1.1"
    )

# Seconds any one SQL statement may run; 0 is no limit. The web server sets it
# (config/gunicorn.conf.py) below its worker timeout; commands run unbounded.
DB_STATEMENT_TIMEOUT = float(os.environ.get("DB_STATEMENT_TIMEOUT") or 0)

# Admin login throttling by django-axes (why Axes: core/throttle.py). After
# LOGIN_FAILURE_LIMIT failed logins for one username from one address, that
# pair is refused, right password included, for LOGIN_COOLOFF_MINUTES; each
# failure meanwhile restarts the wait. `manage.py axes_reset` unlocks everyone.
AUTHENTICATION_BACKENDS = [
    "core.throttle.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=float(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.throttle.client_ip"
AXES_LOCKOUT_CALLABLE = "core.throttle.lockout_response"
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
# Original page files (PDF, scans, web copies) as ingested; served to curators
# through the admin only, never as public media.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")
# Uploads (the admin's 导入版面 page, articles/admin/upload.py). Form fields are
# small: Django's 2.5 MB bounds them. Files over 2.5 MB stream to a temporary
# file instead of memory; one larger than a reader accepts (INGEST_MAX_FILE_BYTES)
# is dropped as it arrives; an upload is at most 50 files and 200 MB in all.
# The reverse proxy's body limit (client_max_body_size) should allow as much.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FILES = 50
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
INGEST_UPLOAD_MAX_BYTES = 200 * 1024 * 1024
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # WhiteNoise's compressed manifest storage, reloading the manifest after a
    # collectstatic (core/staticfiles.py).
    "staticfiles": {"BACKEND": "core.staticfiles.ReloadingManifestStaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGIN_URL = "admin:login"
# Where a login goes when its `next` is unusable (see core.middleware.AdminLoginNextMiddleware).
LOGIN_REDIRECT_URL = "admin:index"

# Each worker's own cache: a whole list's facets and what the stored counts decide
# (articles/selectors/_counts.py), one generation of them. At 100,000 articles every zone,
# province and indicator page shown once left 641 entries, 18.6 MB; their number grows with
# the zones and the vocabularies, not the articles. Past MAX_ENTRIES a third are dropped.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    }
}

# Production hardening, switched on by environment so local HTTP still works.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", SECURE_HSTS_SECONDS > 0)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", SECURE_HSTS_SECONDS >= 31536000)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Where the ingest looks when no path is given, and the reference data.
SEEDS_DIR = BASE_DIR / "fixtures" / "seeds"
FIXTURES_DIR = BASE_DIR / "fixtures"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {"jieba": {"level": "WARNING"}},
}
