# wiredesk's tasks. `make demo` runs the main job on the sample page,
# `make test` runs lint, types and the whole test suite; both set up .venv first.

VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
SAMPLE := src/wiredesk/samples/anp-buitenland.txt

.PHONY: install demo test lint format bench bench-html clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: install
	$(BIN)/wiredesk parse $(SAMPLE) --captured-at 2026-03-18T14:00:00+00:00 --format text

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

format: install
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

bench: install
	$(BIN)/python bench/parse_bench.py

bench-html: install
	$(BIN)/python bench/html_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
