"""The static manifest: checked before serving, and followed after collectstatic."""
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.test import RequestFactory

from core.checks import static_manifest
from core.staticfiles import ReloadingManifestStaticFilesStorage, ReloadingWhiteNoiseMiddleware

ROOT = Path(__file__).resolve().parents[2]
MANIFEST_STORAGE = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "core.staticfiles.ReloadingManifestStaticFilesStorage"},
}


def production_env(tmp_path, **extra):
    environ = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="0",
        SECRET_KEY="k" * 20 + "-a-long-random-production-key-for-checks",
        SECURE_SSL_REDIRECT="1",
        SECURE_HSTS_SECONDS="31536000",
        STATIC_ROOT=str(tmp_path / "static"),
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
        **extra,
    )
    return environ


def manage(environ, *args):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=environ, capture_output=True, text=True)


def test_check_deploy_fails_without_collected_static_files_and_passes_after(tmp_path, collected_static):
    environ = production_env(tmp_path)
    before = manage(environ, "check", "--deploy", "--fail-level", "WARNING")
    assert before.returncode != 0
    assert "core.E001" in before.stderr and "collectstatic" in before.stderr
    # As `make serve` does: the check runs once the static files are collected.
    after = manage({**environ, "STATIC_ROOT": str(collected_static)}, "check", "--deploy", "--fail-level", "WARNING")
    assert after.returncode == 0, after.stdout + after.stderr


def test_the_check_is_silent_in_development(settings, tmp_path):
    settings.DEBUG = True
    settings.STORAGES = MANIFEST_STORAGE
    settings.STATIC_ROOT = tmp_path
    assert static_manifest() == []


def test_a_static_file_missing_from_the_manifest_is_an_error(settings, tmp_path):
    settings.DEBUG = False
    settings.STORAGES = MANIFEST_STORAGE
    settings.STATIC_ROOT = tmp_path
    (tmp_path / "staticfiles.json").write_text(json.dumps({"version": "1.1", "paths": {}, "hash": ""}))
    errors = static_manifest()
    assert [error.id for error in errors] == ["core.E003"]
    assert "css/site.css" in errors[0].msg or "admin/" in errors[0].msg


def test_an_unreadable_manifest_is_an_error(settings, tmp_path):
    settings.DEBUG = False
    settings.STORAGES = MANIFEST_STORAGE
    settings.STATIC_ROOT = tmp_path
    (tmp_path / "staticfiles.json").write_text("{not json")
    assert [error.id for error in static_manifest()] == ["core.E002"]


def write_manifest(root, paths):
    (root / "staticfiles.json").write_text(json.dumps({"version": "1.1", "paths": paths, "hash": "x"}))
    # Make the change visible even on file systems with coarse timestamps.
    stamp = time.time() + 5
    os.utime(root / "staticfiles.json", (stamp, stamp))


def test_the_storage_reads_a_manifest_written_after_it_started(tmp_path):
    storage = ReloadingManifestStaticFilesStorage(location=str(tmp_path), base_url="/static/")
    storage.check_interval = 0
    with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
        storage.url("css/site.css")
    write_manifest(tmp_path, {"css/site.css": "css/site.0123456789ab.css"})
    assert storage.url("css/site.css") == "/static/css/site.0123456789ab.css"
    write_manifest(tmp_path, {"css/site.css": "css/site.ba9876543210.css"})
    os.utime(tmp_path / "staticfiles.json", (time.time() + 10, time.time() + 10))
    assert storage.url("css/site.css") == "/static/css/site.ba9876543210.css"


def test_the_storage_keeps_its_manifest_while_a_new_one_is_being_written(tmp_path):
    write_manifest(tmp_path, {"css/site.css": "css/site.0123456789ab.css"})
    storage = ReloadingManifestStaticFilesStorage(location=str(tmp_path), base_url="/static/")
    storage.check_interval = 0
    (tmp_path / "staticfiles.json").unlink()  # collectstatic deletes, then writes
    assert storage.url("css/site.css") == "/static/css/site.0123456789ab.css"
    (tmp_path / "staticfiles.json").write_text('{"version": "1.1", "pa')  # half written
    os.utime(tmp_path / "staticfiles.json", (time.time() + 20, time.time() + 20))
    assert storage.url("css/site.css") == "/static/css/site.0123456789ab.css"


def test_whitenoise_serves_files_collected_after_it_started(settings, tmp_path):
    settings.DEBUG = False
    settings.STATIC_ROOT = str(tmp_path)
    settings.WHITENOISE_AUTOREFRESH = False
    middleware = ReloadingWhiteNoiseMiddleware(lambda request: pytest.fail("not served as a static file"))
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.0123456789ab.css").write_text("body { color: #333; }")
    write_manifest(tmp_path, {"css/site.css": "css/site.0123456789ab.css"})
    response = middleware(RequestFactory().get("/static/css/site.0123456789ab.css"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"body { color: #333; }"
