# Two commands are the contract (see README.md):
#   make run   set up everything and serve the demo borough on http://127.0.0.1:8000
#   make test  set up everything and pass the whole suite (SQLite, PostgreSQL, Chromium)

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PY_STAMP := $(VENV)/.installed
NPM_STAMP := frontend/node_modules/.installed
CSS := frontend/build/css/coproduce.css

.PHONY: run serve test setup lint format worker clean help

help:
	@echo "make run    set up and serve the demo borough on http://127.0.0.1:8000"
	@echo "make test   set up and run the whole suite (SQLite, PostgreSQL, Chromium)"
	@echo "make serve  serve with the production settings and server (docs/deployment.md)"
	@echo "make lint   ruff checks only;  make format  format the code"

$(PY_STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Coproduce needs Python 3.11 or newer. Set PYTHON=python3.11 (or newer).")'
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

$(NPM_STAMP): frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(CSS): $(NPM_STAMP) $(wildcard frontend/scss/*.scss)
	cd frontend && npm run --silent build:css

setup: $(PY_STAMP) $(NPM_STAMP) $(CSS)

run: setup
	script/server

serve: setup
	script/serve

test: setup
	script/test

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) frontend/node_modules frontend/build var/static var/test-results
