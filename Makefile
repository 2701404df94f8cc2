# wiredesk's tasks. `make demo` runs the main job on the sample page,
# `make test` runs lint, types and the whole test suite; both set up .venv first.

VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: install browser demo test lint format bench bench-html bench-wire translations clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: install
	$(BIN)/wiredesk demo

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

# The browser tests drive Debian's Chromium: installed here when missing and
# run as root (as CI does); otherwise they skip, saying so.
CHROMIUM := /usr/bin/chromium
browser:
	@if [ ! -x $(CHROMIUM) ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	elif [ ! -x $(CHROMIUM) ]; then \
		echo "no $(CHROMIUM): the browser tests will skip (sudo apt-get install chromium)"; \
	fi

test: lint browser
	$(BIN)/python -m pytest

format: install
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

bench: install
	$(BIN)/python bench/parse_bench.py

# After changing a string of the web reader: extract, merge into the catalogs, compile.
LOCALE := src/wiredesk/serve/locale
translations: install
	$(BIN)/pybabel extract -F $(LOCALE)/babel.cfg -k _ -k gettext -k ngettext:1,2 -k N_ \
		--no-location --omit-header --sort-output -o $(LOCALE)/messages.pot .
	$(BIN)/pybabel update -i $(LOCALE)/messages.pot -d $(LOCALE) -w 100 --no-fuzzy-matching
	$(BIN)/pybabel compile -d $(LOCALE)

bench-html: install
	$(BIN)/python bench/html_bench.py

bench-wire: install
	$(BIN)/python bench/wire_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
