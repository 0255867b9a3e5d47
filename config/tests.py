"""Settings are chosen by the environment: the settings module read under a given one, and
fresh interpreters where Django must start with them."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

ROOT = Path(__file__).resolve().parent.parent


def test_default_database_is_the_embedded_sqlite_file(settings_from_env):
    conf = settings_from_env(DEBUG="1")
    db = conf["DATABASES"]["default"]
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert str(db["NAME"]) == str(ROOT / "kb.sqlite3")
    assert conf["LANGUAGE_CODE"] == "zh-hans" and conf["TIME_ZONE"] == "Asia/Shanghai"


def test_postgres_url_selects_postgresql(settings_from_env):
    db = settings_from_env(DEBUG="1", DATABASE_URL="postgres://postgres@127.0.0.1:5432/kb")["DATABASES"]["default"]
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["HOST"]) == ("kb", "127.0.0.1")


def test_sqlite_url_selects_that_file(settings_from_env, tmp_path):
    db = settings_from_env(DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path}/other.sqlite3")["DATABASES"]["default"]
    assert str(db["NAME"]) == f"{tmp_path}/other.sqlite3"


def test_without_a_secret_key_one_is_generated_once_and_kept(settings_from_env, tmp_path):
    key_file = tmp_path / "secret"
    keys = [settings_from_env(DEBUG="0", SECRET_KEY_FILE=str(key_file))["SECRET_KEY"] for _ in range(2)]
    assert keys[0] == keys[1] == key_file.read_text()
    assert len(keys[0]) >= 50 and not keys[0].startswith("django-insecure")
    assert key_file.stat().st_mode & 0o077 == 0  # readable by its owner only


def test_the_sqlite_memory_map_is_bounded_by_the_environment(settings_from_env, tmp_path):
    def pragmas(mmap_mb):
        conf = settings_from_env(DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3", SQLITE_MMAP_MB=mmap_mb)
        return conf["DATABASES"]["default"]["OPTIONS"]["init_command"]

    assert f"mmap_size={32 * 2**20};" in pragmas("")  # unset: the default
    assert f"mmap_size={256 * 2**20};" in pragmas("256")


def test_unknown_database_scheme_is_a_clear_error(settings_from_env):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        settings_from_env(DEBUG="1", DATABASE_URL="mongodb://x/y")


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
