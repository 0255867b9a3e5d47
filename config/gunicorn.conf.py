"""Gunicorn settings for `make serve`, from the environment.

    WEB_CONCURRENCY           worker processes      default 2 x cores + 1 (5 on two cores)
    GUNICORN_THREADS          threads per worker    default 1 (sync workers)
    GUNICORN_TIMEOUT          seconds               default 30
    GUNICORN_MAX_REQUESTS     requests per worker   default 1000, +0-10 % jitter
    PORT / GUNICORN_BIND      address               default 127.0.0.1:$PORT (8000)
    DB_STATEMENT_TIMEOUT      seconds per SQL statement, default GUNICORN_TIMEOUT - 5

Why sync workers: pages are short CPU-bound Python (rendering, jieba
segmentation), which threads would serialise on the GIL, and the worker
timeout only bounds a request on a sync worker: the arbiter kills a worker
silent for GUNICORN_TIMEOUT seconds. A gthread worker's main loop keeps
beating while one of its threads is stuck, so with GUNICORN_THREADS > 1 only
the statement timeout bounds a slow request. Sync workers do not keep
connections alive and must not face slow clients directly: put the reverse
proxy of the README in front, which buffers requests and responses.

The application is loaded once in the master (preload_app), so the workers
share the search dictionary's memory instead of each building its own.
"""
import os


def _int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def _cores():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


bind = os.environ.get("GUNICORN_BIND") or f"127.0.0.1:{_int('PORT', 8000)}"
workers = max(1, _int("WEB_CONCURRENCY", 2 * _cores() + 1))
threads = max(1, _int("GUNICORN_THREADS", 1))
timeout = max(1, _int("GUNICORN_TIMEOUT", 30))
graceful_timeout = timeout
# A worker is replaced after this many requests, so a slow leak cannot grow it
# forever; the jitter keeps the workers from restarting at the same moment.
max_requests = max(0, _int("GUNICORN_MAX_REQUESTS", 1000))
max_requests_jitter = max(0, _int("GUNICORN_MAX_REQUESTS_JITTER", max_requests // 10))
keepalive = 5  # gthread only; behind the proxy, idle connections are cheap
preload_app = True
# Heartbeat files in memory: a worker on a slow or full disk is not taken for hung.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# Several instances (make serve, bench_http) may run side by side.
control_socket_disable = True
proc_name = "kb"
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# The database gives up on a statement before the arbiter gives up on the
# worker, so a runaway query answers 503 (core.middleware) and the worker lives.
os.environ.setdefault("DB_STATEMENT_TIMEOUT", str(max(1, timeout - 5)))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def on_starting(server):
    """Refuse to start when the deployment checks find errors (no static manifest, …)."""
    import django
    from django.core import checks
    from django.core.management.color import no_style

    django.setup()
    errors = [
        message
        for message in checks.run_checks(include_deployment_checks=True)
        if message.is_serious() and not message.is_silenced()
    ]
    if errors:
        style = no_style()
        for message in errors:
            server.log.error("%s", style.ERROR(str(message)))
        raise SystemExit("Deployment checks failed: not starting.")


def pre_fork(server, worker):
    # Loading the application read the dictionary's terms from the database;
    # a forked worker must not share that connection with the master.
    from django.db import connections

    connections.close_all()
