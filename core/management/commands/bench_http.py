"""HTTP benchmark of the production server: `python manage.py bench_http`.

Starts gunicorn exactly as `make serve` does (config/gunicorn.conf.py, DEBUG
off, collected static files) on a scratch database holding the seed pages,
then requests a fixed list of pages over keep-alive connections from threads
on the loopback interface, for a fixed time (or number of requests) per page
and concurrency level, and stops the server. It prints requests per second,
the 50th/95th/99th latency percentiles and the errors per page, then one line
of JSON with the same figures.

The scratch database is a temporary SQLite file, or with ``--postgres NAME``
a PostgreSQL database of that name, created (replacing one of the same name)
and dropped afterwards. Never the database DATABASE_URL names.
"""
import http.client
import json
import math
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

HOST = "127.0.0.1"  # loopback only
PAGES = [
    "/",
    "/zones/",
    "{zone}",
    "/articles/",
    "{article}",
    "/search/?q=党建",
    "/metrics/",
    "/api/articles/",
]
DEFAULT_PG_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"
SERVER_START_SECONDS = 120


def percentile(sorted_values, fraction):
    """Nearest-rank percentile of an ascending list (None when empty)."""
    if not sorted_values:
        return None
    rank = max(1, math.ceil(round(len(sorted_values) * fraction, 9)))
    return sorted_values[rank - 1]


def request_path(url):
    """``url`` with non-ASCII characters percent-encoded, as a request line needs."""
    return quote(url, safe="/?=&%:+,;@-._~")


def fetch(port, path, timeout=30):
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", request_path(path))
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def load(port, path, concurrency, duration, max_requests=0, timeout=30):
    """Request ``path`` from ``concurrency`` threads until ``duration`` s pass
    (or ``max_requests`` are sent). Returns the figures of the run."""
    target = request_path(path)
    latencies = [[] for _ in range(concurrency)]
    errors = [0] * concurrency
    first_error = []
    sent = [0]
    sent_lock = threading.Lock()
    ready = threading.Barrier(concurrency + 1)
    deadline = [0.0]

    def take_ticket():
        if not max_requests:
            return True
        with sent_lock:
            if sent[0] >= max_requests:
                return False
            sent[0] += 1
            return True

    def client(index):
        conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
        ready.wait()
        try:
            while time.monotonic() < deadline[0] and take_ticket():
                started = time.perf_counter()
                try:
                    conn.request("GET", target)
                    response = conn.getresponse()
                    response.read()
                    ok = response.status == 200
                    if not ok and not first_error:
                        first_error.append(f"HTTP {response.status}")
                    if response.will_close:  # sync workers close after each response
                        conn.close()
                except (OSError, http.client.HTTPException) as exc:
                    ok = False
                    if not first_error:
                        first_error.append(f"{type(exc).__name__}: {exc}")
                    conn.close()
                latencies[index].append(time.perf_counter() - started)
                if not ok:
                    errors[index] += 1
        finally:
            conn.close()

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    started = time.monotonic()
    deadline[0] = started + duration
    ready.wait()
    for thread in threads:
        thread.join(duration + timeout + 5)
    elapsed = time.monotonic() - started
    values = sorted(value for per_thread in latencies for value in per_thread)

    def ms(value):
        return None if value is None else round(value * 1000, 1)

    return {
        "url": path,
        "concurrency": concurrency,
        "requests": len(values),
        "errors": sum(errors),
        "first_error": first_error[0] if first_error else None,
        "seconds": round(elapsed, 2),
        "rps": round(len(values) / elapsed, 1) if elapsed > 0 else 0.0,
        "p50_ms": ms(percentile(values, 0.50)),
        "p95_ms": ms(percentile(values, 0.95)),
        "p99_ms": ms(percentile(values, 0.99)),
    }


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def process_memory_mb(pid):
    """Proportional set size of a process and its children (MiB), where Linux tells it."""
    def pss_kb(each):
        with open(f"/proc/{each}/smaps_rollup", encoding="ascii") as fh:
            return sum(int(line.split()[1]) for line in fh if line.startswith("Pss:"))

    try:
        total_kb = pss_kb(pid)
    except (OSError, ValueError, IndexError):
        return None
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:  # a worker may exit (max_requests) while we look
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[-1].split()
            if int(fields[1]) == pid:
                total_kb += pss_kb(entry)
        except (OSError, ValueError, IndexError):
            continue
    return round(total_kb / 1024, 1)


class Command(BaseCommand):
    help = (
        "Benchmark the production server (gunicorn as `make serve` runs it) on a scratch "
        "database holding the seed pages: req/s and latency percentiles per page."
    )

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=float, default=5.0,
                            help="seconds of load per page and concurrency level (default 5)")
        parser.add_argument("--warmup", type=float, default=0.5,
                            help="seconds of unmeasured requests to each page before its measure (default 0.5)")
        parser.add_argument("--requests", type=int, default=0,
                            help="stop each page and level after this many requests (default: by time only)")
        parser.add_argument("--concurrency", default="8,32",
                            help="comma-separated numbers of simultaneous connections (default 8,32)")
        parser.add_argument("--postgres", metavar="NAME",
                            help="run on a scratch PostgreSQL database of this name (replaced, then dropped)")
        parser.add_argument("--postgres-server", default=None,
                            help=f"PostgreSQL server for --postgres (default: DATABASE_URL's server, else {DEFAULT_PG_SERVER})")
        parser.add_argument("--workers", type=int, help="WEB_CONCURRENCY for this run")
        parser.add_argument("--threads", type=int, help="GUNICORN_THREADS for this run")
        parser.add_argument("--seeds", default=str(settings.SEEDS_DIR), help="pages to ingest (default fixtures/seeds/)")
        parser.add_argument("--keep", action="store_true", help="keep the scratch database and server log")

    def handle(self, *args, **options):
        try:
            levels = [int(n) for n in options["concurrency"].split(",") if n.strip()]
        except ValueError:
            raise CommandError("--concurrency takes numbers separated by commas, e.g. 8,32") from None
        if not levels or min(levels) < 1 or options["duration"] <= 0:
            raise CommandError("--concurrency needs positive numbers and --duration a positive time")
        scratch = Path(tempfile.mkdtemp(prefix="kb-bench-"))
        env = self.server_environment(scratch, options)
        server = None
        database = None
        try:
            database = self.create_database(scratch, options)
            env["DATABASE_URL"] = database["url"]
            # No load_zones: the ingest loads the reference zone list into the empty zone
            # table, as load_zones would, and each command pays Django's start-up.
            for command in (
                ["migrate", "--noinput", "--verbosity", "0"],
                ["ingest", options["seeds"]],
                ["collectstatic", "--noinput", "--verbosity", "0"],
            ):
                self.manage(command, env)
            server = self.start_server(env, scratch)
            pages = self.pages(env["PORT"])
            self.stdout.write(
                f"gunicorn: {env.get('WEB_CONCURRENCY', 'default')} workers, "
                f"{env.get('GUNICORN_THREADS', '1')} thread(s) each, on {database['vendor']}; "
                f"{options['duration']:g} s per page and level"
            )
            results = []
            for level in levels:
                self.stdout.write(f"\n{level} connections")
                self.stdout.write(f"  {'page':<34}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
                for page in pages:
                    if options["warmup"] > 0:  # every worker warms this page's code paths and caches
                        load(int(env["PORT"]), page, level, options["warmup"])
                    result = load(int(env["PORT"]), page, level, options["duration"], options["requests"])
                    results.append(result)
                    self.stdout.write(
                        f"  {page:<34}{result['rps']:>9.1f}{self.num(result['p50_ms'])}"
                        f"{self.num(result['p95_ms'])}{self.num(result['p99_ms'])}{result['errors']:>8}"
                    )
                    if result["errors"]:
                        self.stderr.write(f"  {page}: first error: {result['first_error']}")
            memory = process_memory_mb(server.pid)
            errors = sum(result["errors"] for result in results)
            if errors:
                self.stderr.write(self.server_log_tail(scratch))
            self.stdout.write("")
            self.stdout.write(json.dumps({
                "database": database["vendor"],
                "workers": int(env["WEB_CONCURRENCY"]) if env.get("WEB_CONCURRENCY") else None,
                "threads": int(env.get("GUNICORN_THREADS") or 1),
                "duration": options["duration"],
                "concurrency": levels,
                "server_pss_mb": memory,
                "errors": errors,
                "results": results,
            }, ensure_ascii=False))
        finally:
            if server is not None:
                self.stop_server(server)
            if database is not None and database["vendor"] == "postgresql" and not options["keep"]:
                self.drop_postgres(database)
            if options["keep"]:
                self.stderr.write(f"kept: {scratch}")
            else:
                shutil.rmtree(scratch, ignore_errors=True)

    @staticmethod
    def num(value):
        return f"{value:>9.1f}" if value is not None else f"{'-':>9}"

    def server_environment(self, scratch, options):
        env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings",
            DEBUG="0",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS=HOST,
            SECURE_SSL_REDIRECT="0",
            STATIC_ROOT=str(scratch / "static"),
            PORT=str(free_port()),
            PYTHONUNBUFFERED="1",
        )
        env.pop("GUNICORN_BIND", None)
        if options["workers"]:
            env["WEB_CONCURRENCY"] = str(options["workers"])
        if options["threads"]:
            env["GUNICORN_THREADS"] = str(options["threads"])
        return env

    def create_database(self, scratch, options):
        name = options["postgres"]
        if not name:
            return {"vendor": "sqlite", "url": f"sqlite:///{scratch / 'bench.sqlite3'}"}
        if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
            raise CommandError("--postgres takes a plain database name (lower-case letters, digits, _)")
        configured = settings.DATABASES["default"]
        if configured["ENGINE"] == "django.db.backends.postgresql" and configured["NAME"] == name:
            raise CommandError(f"{name} is the database DATABASE_URL names: choose a scratch name")
        server = options["postgres_server"]
        if not server:
            current = os.environ.get("DATABASE_URL", "")
            server = current if current.startswith(("postgres://", "postgresql://")) else DEFAULT_PG_SERVER
        parts = urlsplit(server)
        admin_url = urlunsplit(parts._replace(path="/postgres"))
        import psycopg
        from psycopg import sql

        with psycopg.connect(admin_url, autocommit=True, connect_timeout=10) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return {"vendor": "postgresql", "url": urlunsplit(parts._replace(path=f"/{name}")),
                "admin_url": admin_url, "name": name}

    def drop_postgres(self, database):
        import psycopg
        from psycopg import sql

        try:
            with psycopg.connect(database["admin_url"], autocommit=True, connect_timeout=10) as conn:
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(database["name"])))
        except psycopg.Error as exc:
            self.stderr.write(f"could not drop {database['name']}: {exc}")

    def manage(self, command, env):
        proc = subprocess.run(
            [sys.executable, str(settings.BASE_DIR / "manage.py"), *command],
            cwd=settings.BASE_DIR, env=env, capture_output=True, text=True,
        )
        if proc.returncode != 0:
            raise CommandError(f"manage.py {' '.join(command)} failed:\n{proc.stdout}{proc.stderr}")

    def start_server(self, env, scratch):
        log = open(scratch / "server.log", "wb")
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", str(settings.BASE_DIR / "config" / "gunicorn.conf.py"),
             "config.wsgi:application"],
            cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, stopped as one below
        )
        log.close()
        deadline = time.monotonic() + SERVER_START_SECONDS
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise CommandError(f"gunicorn exited ({server.returncode}):\n{self.server_log_tail(scratch)}")
            try:
                if fetch(int(env["PORT"]), "/", timeout=10)[0] == 200:
                    return server
            except OSError:
                pass
            time.sleep(0.2)
        self.stop_server(server)
        raise CommandError(f"gunicorn did not answer within {SERVER_START_SECONDS} s:\n{self.server_log_tail(scratch)}")

    def stop_server(self, server):
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()

    @staticmethod
    def server_log_tail(scratch, lines=40):
        try:
            text = (scratch / "server.log").read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def pages(self, port):
        """The page list, with a real article and the zone it is about."""
        status, body = fetch(int(port), "/api/articles/?page_size=20")
        if status != 200:
            raise CommandError(f"/api/articles/ answered {status}")
        articles = json.loads(body)["results"]
        if not articles:
            raise CommandError("the seed pages produced no article")
        # The API's article addresses are absolute; the server is asked for their paths.
        paths = [urlsplit(item["url"]).path for item in articles]
        article = paths[0]
        zone = None
        for path in paths:
            status, html = fetch(int(port), path)
            found = re.findall(r'href="(/zones/(?!province/)[^"/?#]+/)"', html.decode("utf-8", "replace"))
            if found:
                zone = found[0]
                break
        if zone is None:
            raise CommandError("no article page links to a zone page")
        return [page.format(zone=zone, article=article) for page in PAGES]
