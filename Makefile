# Two promises on a fresh machine: `make site` builds the site, `make test` runs every test.
# Both create .venv and install the pinned dependencies on their first run.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# axe-core for the browser tests, pinned in package-lock.json.
NODE_STAMP := node_modules/.package-lock.json

.PHONY: site serve test lint check new calculators figures-diff bench clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

site: $(STAMP)
	$(BIN)/python -m publication build

serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload --dirty

test: $(STAMP) $(NODE_STAMP)
	bash .ci/ensure-chromium
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# Benchmarks (bench/README.md): not tests, never run by `make test`; about 45 minutes.
bench: $(STAMP)
	bench/run_all.sh

lint: $(STAMP)
	$(BIN)/ruff check .

# Editors: `make check` lists every problem of the content; `make new TITLE="Le mythe ?"` starts
# an article. The title reaches the command through the environment, so quotes in it are safe.
check: $(STAMP)
	$(BIN)/python -m publication check

new: $(STAMP)
	@test -n "$$TITLE" || { echo 'Indiquez le mythe : make new TITLE="Le cloud, c’est léger ?"' >&2; exit 2; }
	$(BIN)/python -m publication new "$$TITLE" $${SLUG:+--slug "$$SLUG"}

# Editors: what an article may name (calculators, parameters, sources, units), and what a branch
# changes in the published figures (BASE: the revision to compare with, origin/main by default).
calculators: $(STAMP)
	$(BIN)/python -m publication calculators

figures-diff: $(STAMP)
	$(BIN)/python -m publication figures-diff "$${BASE:-origin/main}"

clean:
	rm -rf site .build-tmp .pytest_cache
