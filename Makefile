# 高新区党建知识库 — `make run` serves the site on SQLite, `make test` runs the suite on both databases.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/kb
# The embedded database of `make run`; tests use their own throwaway databases.
RUN_DB ?= sqlite:///$(CURDIR)/kb.sqlite3
# The suite runs on two processes (each with its own test database); PYTEST_ARGS= runs it in one.
# --dist load keeps each process's tests in order, so the tests on the seeds come last (conftest.py).
PYTEST_ARGS ?= -n 2 --dist load

.PHONY: run serve test install install-dev compiled browser-deps ocr-deps setup-db test-sqlite test-postgres check-deploy clean echarts

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.txt
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed compiled

install-dev: $(VENV)/.installed-dev compiled

# The search index's hot loops in C (articles/search/_cut.c), built in place beside their module;
# setuptools rebuilds it only when the source is newer than the built file.
compiled: $(VENV)/.installed
	@$(BIN)/python setup.py --quiet build_ext --inplace

# Browser tests drive the distribution's Chromium; a CJK font keeps screenshots legible.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi wenquanyi; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    echo "Installing chromium and fonts-wqy-microhei…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; \
	  else echo "chromium not installed and apt-get unavailable: browser tests will be skipped"; fi; \
	fi

# Scanned pages (images, PDF pages without a text layer) are read with tesseract; the
# reader tests render Chinese pages with fonts-wqy-microhei. Without them OCR pages are
# refused with a message saying what to install, and the OCR tests are skipped.
OCR_PACKAGES := tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra fonts-wqy-microhei
ocr-deps:
	@if ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>&1 | grep -qx chi_sim \
	   || ! tesseract --list-langs 2>&1 | grep -qx chi_tra || [ ! -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    echo "Installing $(OCR_PACKAGES)…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(OCR_PACKAGES) >/dev/null; \
	  else echo "tesseract (chi_sim, chi_tra) not installed and apt-get unavailable: OCR pages will be refused, OCR tests skipped"; fi; \
	fi

setup-db: install
	DATABASE_URL=$(RUN_DB) DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DATABASE_URL=$(RUN_DB) DEBUG=1 $(BIN)/python manage.py load_zones
	DATABASE_URL=$(RUN_DB) DEBUG=1 $(BIN)/python manage.py load_vocabulary
	DATABASE_URL=$(RUN_DB) DEBUG=1 $(BIN)/python manage.py ingest fixtures/seeds/

run: ocr-deps setup-db
	DEBUG=1 $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DATABASE_URL=$(RUN_DB) DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Production mode in one command: DEBUG off, static files collected, the deployment
# checks (which stop here on an error), migrations, the zone list and the vocabularies, the stored
# counts (recount: a migration may have added a stored table), then gunicorn on
# 127.0.0.1:$(PORT) with config/gunicorn.conf.py (WEB_CONCURRENCY, GUNICORN_THREADS,
# GUNICORN_TIMEOUT…). DATABASE_URL picks the database; without it, the embedded SQLite file.
serve: install ocr-deps
	@set -e; export DEBUG=0 PORT=$(PORT) DATABASE_URL="$${DATABASE_URL:-$(RUN_DB)}"; \
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0; \
	$(BIN)/python manage.py check --deploy --fail-level ERROR; \
	$(BIN)/python manage.py migrate --noinput; \
	$(BIN)/python manage.py load_zones; \
	$(BIN)/python manage.py load_vocabulary; \
	$(BIN)/python manage.py recount; \
	exec $(BIN)/python -m gunicorn --config config/gunicorn.conf.py config.wsgi:application

test-sqlite: install-dev
	@echo "=== Test suite on SQLite ==="
	DATABASE_URL=sqlite:///$(CURDIR)/test-kb.sqlite3 $(BIN)/python -m pytest $(PYTEST_ARGS)

test-postgres: install-dev
	@if $(BIN)/python -c "import psycopg, sys; psycopg.connect(sys.argv[1], connect_timeout=3).close()" "$(PG_URL)" 2>/dev/null \
	   || $(BIN)/python -c "import psycopg, sys; psycopg.connect(sys.argv[1].rsplit('/', 1)[0] + '/postgres', connect_timeout=3).close()" "$(PG_URL)" 2>/dev/null; then \
	  echo "=== Test suite on PostgreSQL ($(PG_URL)) ==="; \
	  DATABASE_URL=$(PG_URL) $(BIN)/python -m pytest $(PYTEST_ARGS); \
	elif [ "$(REQUIRE_POSTGRES)" = "1" ]; then \
	  echo "PostgreSQL is not reachable at $(PG_URL) and REQUIRE_POSTGRES=1"; exit 1; \
	else \
	  echo "=== PostgreSQL not reachable at $(PG_URL): suite ran on SQLite only ==="; \
	fi

test: install-dev browser-deps ocr-deps
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

# The static manifest is part of the check (core.E001): collect first, as make serve does.
check-deploy: install
	DEBUG=0 $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DEBUG=0 SECRET_KEY=$$(head -c 48 /dev/urandom | base64) SECURE_SSL_REDIRECT=1 SECURE_HSTS_SECONDS=31536000 \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING

# The ECharts build the chart pages load: only the chart types and components static/js/charts.js
# uses (frontend/echarts/index.js), from the npm package pinned in frontend/echarts/package.json.
# Needs node and the npm registry; not part of `make test`, the built file is committed.
echarts:
	cd frontend/echarts && npm ci --no-audit --no-fund && npm run build
	cp frontend/echarts/node_modules/echarts/LICENSE frontend/echarts/node_modules/echarts/NOTICE static/vendor/echarts/
	cp frontend/echarts/node_modules/zrender/LICENSE static/vendor/echarts/LICENSE-zrender
	cp frontend/echarts/node_modules/tslib/LICENSE.txt static/vendor/echarts/LICENSE-tslib
	@wc -c static/vendor/echarts/echarts.min.js

clean:
	rm -rf $(VENV) staticfiles kb.sqlite3 kb.sqlite3-* test-kb.sqlite3 build articles/search/_cut*.so
