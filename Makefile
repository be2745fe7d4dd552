# Everything runs inside .venv, created on first use from the pinned requirements.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ADDRESS ?= 127.0.0.1:8000

# The browser tests (tests/browser/) drive Debian's Chromium; Playwright never downloads a browser of its own.
CHROMIUM := /usr/bin/chromium
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: install demo test browser lint format fuzz drills messages

$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

# axe-core, the accessibility checker the browser tests run in each page (package.json, package-lock.json).
node_modules/.installed: package.json package-lock.json
	command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq npm >/dev/null; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium, when the machine has none (apt-get: run as root, as CI does), and a font with Hangul, so the
# browser tests' screenshots show the Korean pages and the language chooser in letters rather than boxes.
CJK_FONT := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
$(CHROMIUM):
	apt-get update -qq && apt-get install -y -qq chromium >/dev/null
$(CJK_FONT):
	apt-get update -qq && apt-get install -y -qq fonts-noto-cjk >/dev/null

install: $(BIN)/.installed node_modules/.installed $(CHROMIUM) $(CJK_FONT)

## Serve the site with the demo catalogue on a SQLite file (db.sqlite3).
demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver $(ADDRESS)

## The whole test suite (SQLite, or PostgreSQL when DATABASE_URL is set); PYTEST_ARGS adds to pytest's arguments.
test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## The browser tests alone (Chromium at 390 and 1280 px, axe-core, screenshots in artifacts/screenshots/).
browser: install
	$(BIN)/python -m pytest -m browser $(PYTEST_ARGS)

## The full hostile-input fuzz: over 11,000 requests across every URL pattern (make test runs a small profile).
fuzz: install
	FUZZ_EXAMPLES=50 $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_fuzz.py

## The fault and backup drills on their own PostgreSQL, Redis and gunicorn (as root; CI runs them).
drills: install
	$(BIN)/python drills/faults.py
	$(BIN)/python drills/backup_restore.py

## Regenerate the Korean catalogue from the code and templates and compile it (README "Languages"); needs gettext.
messages: install
	$(BIN)/python manage.py makemessages -l ko
	$(BIN)/python manage.py compilemessages -l ko -i .venv -i node_modules

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
