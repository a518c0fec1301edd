# Two promises on a fresh machine: `make site` builds the site, `make test` runs every test.
# Both create .venv and install the pinned dependencies on their first run.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site serve test lint check new figures-diff bench clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/python -m publication build

serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# Benchmarks (bench/README.md): not tests, never run by `make test`; about 45 minutes.
bench: $(STAMP)
	bench/run_all.sh

lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf site .build-tmp .pytest_cache
