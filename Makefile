# The two commands: `make demo` and `make test`. Each installs what it needs.
SHELL := /bin/bash
BIN := .venv/bin

.PHONY: demo test install lint test-sqlite test-postgres

install:
	@scripts/uv sync --locked --extra text --python python3 --quiet

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

# The whole suite, browser tests included, on SQLite.
test-sqlite:
	$(BIN)/pytest

# The same suite on a real PostgreSQL server (browser tests exercise no database difference).
test-postgres:
	scripts/with-postgres $(BIN)/pytest -m "not browser and not fuzz"
