# The two commands: `make demo` and `make test`. Each installs what it needs.
SHELL := /bin/bash
BIN := .venv/bin

.PHONY: demo test install lint test-sqlite test-postgres audit

install:
	@scripts/uv sync --locked --extra text --python python3 --quiet --compile-bytecode

demo: install
	$(BIN)/cocreate migrate --no-input
	$(BIN)/cocreate demo
	@echo
	@echo "Cocreate is at http://127.0.0.1:8000 (Ctrl-C stops it)."
	$(BIN)/cocreate serve 127.0.0.1:8000

test: install
	@scripts/ensure-debian-packages
	$(MAKE) lint
	$(MAKE) test-sqlite
	$(MAKE) test-postgres

lint:
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/mypy
	$(BIN)/cocreate makemigrations --check --dry-run

# The whole suite, browser tests included, on SQLite, on two processes (each its own database).
test-sqlite:
	$(BIN)/pytest -n 2

# The same suite on a real PostgreSQL server, without what cannot differ there: the pure
# engines (no database), the browser (the pages are the same), the fuzzer, and loading the
# whole demo (services tested here one by one; bench/load.py loads it on PostgreSQL). The
# test that restarts the server runs alone, so it cannot break the others' connections.
test-postgres:
	scripts/with-postgres bash -c '$(BIN)/pytest -n 2 --ignore=src/cocreate/engines \
	  --ignore=src/cocreate/tests/test_demo.py --ignore=src/cocreate/tests/test_demo_seed.py \
	  -m "not browser and not fuzz and not restarts_database" && $(BIN)/pytest -m restarts_database'

# Known vulnerabilities in every locked dependency. It needs PyPI's JSON API (or OSV with
# `--vulnerability-service osv`); --strict fails when any package could not be checked.
audit: install
	scripts/uv export --locked --format requirements-txt --no-emit-project --all-extras \
	  --quiet --output-file .venv/audit-requirements.txt
	$(BIN)/pip-audit --strict --no-deps --disable-pip --progress-spinner off \
	  -r .venv/audit-requirements.txt
