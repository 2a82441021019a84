# Two commands set up everything on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
LINT_STAMP := $(VENV)/.installed-lint
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: dates MkDocs stamps (sitemap) and the watch list's "today" follow the last commit.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: site test serve generate check eval bench lint golden clean browser-deps

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# the modules setup.py compiles: an edited one is compiled again by the next make (until then, it runs as
# Python: generator/__init__.py)
COMPILED_SRC := $(shell grep -o '"generator/[^"]*\.py"' setup.py | tr -d '"')

$(STAMP): pyproject.toml setup.py $(COMPILED_SRC) | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml setup.py $(COMPILED_SRC) | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,search]'
	touch $(STAMP) $@

$(LINT_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[lint]'
	touch $(STAMP) $@

## site: create .venv, install, generate pages from seeds/ and build site/ (`digest build`: MkDocs --strict into
## a temporary folder, Pagefind's index into it, then swapped in whole: a failed build leaves site/ as it was)
site: $(STAMP)
	$(BIN)/digest build --seeds seeds --docs docs --site site

## test: the same venv plus test dependencies (Chromium included), then every test
test: $(TEST_STAMP) browser-deps
	$(BIN)/python -m pytest -q

## serve: preview on http://127.0.0.1:8000, regenerating when a seed changes
serve: $(STAMP)
	$(BIN)/digest generate
	$(BIN)/python -m generator.serve

generate: $(STAMP)
	$(BIN)/digest generate

check: $(STAMP)
	$(BIN)/digest check

## eval: precision and recall of the extractor on the labelled examples in tests/labelled/
eval: $(STAMP)
	$(BIN)/python -m tests.evaluate

## golden: regenerate the golden files in tests/golden/ (review the diff before committing)
golden: $(TEST_STAMP)
	DIGEST_UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py

## bench: synthetic archives of 100, 1,000 and 10,000 articles through generate, mkdocs and Pagefind
## (on demand only; SIZES=100,1000 for a shorter run)
bench: $(TEST_STAMP) browser-deps
	$(BIN)/python bench/run.py $(if $(SIZES),--sizes $(SIZES))

## lint: ruff, GitHub's workflow schema and the zizmor auditor (offline; fails on medium severity or above)
lint: $(LINT_STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/check-jsonschema --builtin-schema custom.github-workflows-require-timeout .github/workflows/*.yml
	$(BIN)/zizmor --offline --min-severity medium .github/workflows

## browser-deps: Debian's chromium for the browser tests (GitHub's Ubuntu runners have google-chrome already)
browser-deps:
	@command -v chromium >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 || ( \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null ) \
	  || echo "warning: could not install Debian's chromium; browser tests will fail" >&2

clean:
	rm -rf site docs/articles docs/topics docs/entities docs/feeds docs/calendars docs/index.md \
	  docs/watch.md docs/calendar.ics
