"""The production server: gunicorn's settings, its start-up check, and bench_http."""
import io
import json
import os
import runpy
import subprocess
import sys
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
CONF = ROOT / "config" / "gunicorn.conf.py"
GUNICORN_VARS = ("WEB_CONCURRENCY", "GUNICORN_THREADS", "GUNICORN_TIMEOUT", "GUNICORN_MAX_REQUESTS",
                 "GUNICORN_MAX_REQUESTS_JITTER", "GUNICORN_BIND", "PORT", "DB_STATEMENT_TIMEOUT")


def gunicorn_config(**env):
    environ = {k: v for k, v in os.environ.items() if k not in GUNICORN_VARS}
    environ.update(env)
    with mock.patch.dict(os.environ, environ, clear=True):
        config = runpy.run_path(str(CONF))
        config["environ"] = dict(os.environ)
    return config


def test_gunicorn_defaults_suit_the_machine():
    config = gunicorn_config()
    cores = len(os.sched_getaffinity(0))
    assert config["workers"] == 2 * cores + 1
    assert config["threads"] == 1  # sync workers: the timeout kills a stuck request
    assert config["bind"] == "127.0.0.1:8000"
    assert config["timeout"] == 30 and config["graceful_timeout"] == 30
    assert config["max_requests"] == 1000 and 0 < config["max_requests_jitter"] <= 100
    assert config["preload_app"] is True
    # Statements stop before the worker is killed, so a slow query ends as a 503.
    assert 0 < float(config["environ"]["DB_STATEMENT_TIMEOUT"]) < config["timeout"]


def test_gunicorn_settings_come_from_the_environment():
    config = gunicorn_config(WEB_CONCURRENCY="3", GUNICORN_THREADS="4", GUNICORN_TIMEOUT="60",
                             GUNICORN_MAX_REQUESTS="500", PORT="8765")
    assert (config["workers"], config["threads"], config["timeout"]) == (3, 4, 60)
    assert config["max_requests"] == 500 and config["max_requests_jitter"] == 50
    assert config["bind"] == "127.0.0.1:8765"
    assert config["environ"]["DB_STATEMENT_TIMEOUT"] == "55"


def test_an_explicit_statement_timeout_is_kept():
    assert gunicorn_config(DB_STATEMENT_TIMEOUT="3")["environ"]["DB_STATEMENT_TIMEOUT"] == "3"


def test_gunicorn_refuses_to_start_without_collected_static_files(tmp_path):
    environ = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", *GUNICORN_VARS}}
    environ.update(DJANGO_SETTINGS_MODULE="config.settings", DEBUG="0", SECRET_KEY="s" * 60,
                   STATIC_ROOT=str(tmp_path / "static"), DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
                   PORT="0", WEB_CONCURRENCY="1", GUNICORN_ACCESS_LOG="")
    proc = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--config", str(CONF), "config.wsgi:application"],
        cwd=ROOT, env=environ, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode != 0
    assert "core.E001" in proc.stderr and "not starting" in proc.stderr
    assert "Booting worker" not in proc.stderr


def test_serve_target_runs_the_production_steps_in_order():
    # `make -n` prints the recipe without running it.
    proc = subprocess.run(["make", "-n", "serve"], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "DATABASE_URL": "sqlite:////nonexistent/x.sqlite3"})
    recipe = proc.stdout
    steps = ["collectstatic", "check --deploy", "migrate", "load_zones", "recount",
             "gunicorn --config config/gunicorn.conf.py"]
    positions = [recipe.find(step) for step in steps]
    assert -1 not in positions and positions == sorted(positions), recipe
    assert "DEBUG=0" in recipe


def test_bench_http_measures_every_page_without_errors():
    out, err = io.StringIO(), io.StringIO()
    one_page = sorted(Path(settings.SEEDS_DIR).glob("*.txt"))[0]
    # Two requests per page and level, however slow the machine: the duration is
    # only a ceiling. Two levels show that every page is measured at each in turn.
    call_command("bench_http", requests=2, duration=60, warmup=0, concurrency="1,2", workers=2,
                 seeds=str(one_page), stdout=out, stderr=err)
    lines = out.getvalue().strip().splitlines()
    report = json.loads(lines[-1])
    assert report["database"] == "sqlite" and report["errors"] == 0, err.getvalue()
    pages = {result["url"] for result in report["results"]}
    assert {"/", "/zones/", "/articles/", "/search/?q=党建", "/metrics/", "/api/articles/"} <= pages
    assert any(page.startswith("/zones/") and page != "/zones/" for page in pages)
    assert any(page.startswith("/articles/") and page != "/articles/" for page in pages)
    assert [result["concurrency"] for result in report["results"]] == [1] * 8 + [2] * 8
    for result in report["results"]:
        assert result["requests"] == 2 and result["rps"] > 0
        assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["p99_ms"]
    assert "req/s" in out.getvalue() and "p99 ms" in out.getvalue()
