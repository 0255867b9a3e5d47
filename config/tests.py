"""Settings are chosen by the environment: checked in fresh interpreters."""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = (
    "import django, json; from django.conf import settings; django.setup();"
    "db = settings.DATABASES['default'];"
    "print(json.dumps({'engine': db['ENGINE'], 'name': str(db['NAME']), 'host': db.get('HOST', ''),"
    " 'debug': settings.DEBUG, 'lang': settings.LANGUAGE_CODE, 'tz': settings.TIME_ZONE}))"
)


def settings_with(**env):
    environ = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG", "SECRET_KEY"}}
    environ.update(env, DJANGO_SETTINGS_MODULE="config.settings")
    proc = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    return proc


def test_default_database_is_the_embedded_sqlite_file():
    proc = settings_with(DEBUG="1")
    assert proc.returncode == 0, proc.stderr
    db = json.loads(proc.stdout)
    assert db["engine"] == "django.db.backends.sqlite3"
    assert db["name"] == str(ROOT / "kb.sqlite3")
    assert db["lang"] == "zh-hans" and db["tz"] == "Asia/Shanghai"


def test_postgres_url_selects_postgresql():
    proc = settings_with(DEBUG="1", DATABASE_URL="postgres://postgres@127.0.0.1:5432/kb")
    db = json.loads(proc.stdout)
    assert db["engine"] == "django.db.backends.postgresql"
    assert (db["name"], db["host"]) == ("kb", "127.0.0.1")


def test_sqlite_url_selects_that_file(tmp_path):
    proc = settings_with(DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path}/other.sqlite3")
    assert json.loads(proc.stdout)["name"] == f"{tmp_path}/other.sqlite3"


def test_without_a_secret_key_one_is_generated_once_and_kept(tmp_path):
    key_file = tmp_path / "secret"
    probe = "from django.conf import settings; print(settings.SECRET_KEY)"
    keys = []
    for _ in range(2):
        environ = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG", "SECRET_KEY"}}
        environ.update(DJANGO_SETTINGS_MODULE="config.settings", DEBUG="0", SECRET_KEY_FILE=str(key_file))
        proc = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=environ, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        keys.append(proc.stdout.strip())
    assert keys[0] == keys[1] == key_file.read_text()
    assert len(keys[0]) >= 50 and not keys[0].startswith("django-insecure")
    assert key_file.stat().st_mode & 0o077 == 0  # readable by its owner only


def test_unknown_database_scheme_is_a_clear_error():
    proc = settings_with(DEBUG="1", DATABASE_URL="mongodb://x/y")
    assert proc.returncode != 0
    assert "DATABASE_URL" in proc.stderr


def test_static_files_are_served_hashed_and_compressed_with_debug_off(tmp_path, collected_static):
    environ = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="0",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="testserver",
        STATIC_ROOT=str(collected_static),
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
    )
    fetch = (
        "import django; django.setup();"
        "from django.templatetags.static import static; from django.test import Client;"
        "url = static('css/site.css');"
        "r = Client().get(url, HTTP_ACCEPT_ENCODING='gzip');"
        "print(url, r.status_code, r['Content-Type'], r.get('Content-Encoding', ''), sep='|')"
    )
    proc = subprocess.run([sys.executable, "-c", fetch], cwd=ROOT, env=environ, capture_output=True, text=True)
    url, status, content_type, encoding = proc.stdout.strip().split("|")
    assert url.startswith("/static/css/site.") and url != "/static/css/site.css"  # hashed name
    assert status == "200" and content_type.startswith("text/css") and encoding == "gzip"


def test_a_server_process_loads_the_search_dictionary_as_it_starts(tmp_path):
    # Otherwise the first visitor's search waits about a second for it.
    probe = "import config.wsgi; from articles.search import dictionary; print(dictionary._state is not None)"
    environ = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    environ.update(DJANGO_SETTINGS_MODULE="config.settings", DEBUG="1",
                   DATABASE_URL=f"sqlite:///{tmp_path}/empty.sqlite3")
    proc = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=environ, capture_output=True, text=True)
    assert proc.stdout.strip() == "True", proc.stderr
