# Everything runs inside .venv, created on first use from the pinned requirements.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ADDRESS ?= 127.0.0.1:8000

.PHONY: install demo test lint format fuzz drills

$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(BIN)/.installed

## Serve the site with the demo catalogue on a SQLite file (db.sqlite3).
demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver $(ADDRESS)

## The whole test suite (SQLite, or PostgreSQL when DATABASE_URL is set).
test: install
	$(BIN)/python -m pytest

## The full hostile-input fuzz: over 11,000 requests across every URL pattern (make test runs a small profile).
fuzz: install
	FUZZ_EXAMPLES=50 $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_fuzz.py

## The fault and backup drills on their own PostgreSQL, Redis and gunicorn (as root; CI runs them).
drills: install
	$(BIN)/python drills/faults.py
	$(BIN)/python drills/backup_restore.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
