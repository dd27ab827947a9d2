# Empathetic Apology Letters to Clients. `make help` lists the targets.
# Each target installs what it needs on first use, so a fresh clone needs only
# Python 3.11+ and make (and npm for `make lint` and `make test`):
#   .venv/           requirements.lock (serving, building) and, for the tests
#                    and linters, requirements-dev.lock (the same pins and theirs)
#   node_modules/    package-lock.json (ESLint, axe-core, Lighthouse, the Nu HTML checker)
#   .venv-zensical/  requirements-zensical.lock (`make build-zensical` only)
#
# Every file pip installs must match a hash of the lock (make lock writes them).
#
# Exit status: make exits 2 whenever a command fails; its last line names the
# command's own status: "Error 1" problems to fix, "Error 2" it could not run.

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
PIPELINE := $(BIN)/python -m scripts
PIP := -m pip install --quiet --disable-pip-version-check --require-hashes
hash_of = $(shell cksum < $(1) | cut -d' ' -f1)
RUN_STAMP := $(VENV)/.installed-run-$(call hash_of,requirements.lock)
DEV_STAMP := $(VENV)/.installed-dev-$(call hash_of,requirements.lock)-$(call hash_of,requirements-dev.lock)
NODE_STAMP := node_modules/.installed-$(call hash_of,package-lock.json)
ZENSICAL_VENV := .venv-zensical
ZENSICAL_STAMP := $(ZENSICAL_VENV)/.installed-$(call hash_of,requirements-zensical.lock)

.DEFAULT_GOAL := help
.PHONY: help serve test test-fast check build build-zensical lint clean lock check-links new-letter \
	check-letter fit-checker zensical-or-skip measure-serve measure-shapes bench bench-checker \
	bench-check-letter

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

# ---------------------------------------------------------------- installing
$(RUN_STAMP): requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "==> installing what serving and building need (requirements.lock) into $(VENV)/;"
	@echo "    about 30 s the first time ..."
	@$(BIN)/python $(PIP) -r requirements.lock
	@rm -f $(VENV)/.installed-run-* && touch $@
	@echo "==> installed"

$(DEV_STAMP): $(RUN_STAMP) requirements-dev.lock
	@echo "==> installing the test and lint tools (requirements-dev.lock) into $(VENV)/ ..."
	@$(BIN)/python $(PIP) -r requirements-dev.lock
	@rm -f $(VENV)/.installed-dev-* && touch $@
	@echo "==> installed"

# --ignore-scripts: no package needs its install script; vnu-jar's would
# download a Java runtime from GitHub where none is installed (the Nu checker
# runs with the system's Java: .ci/run installs it).
$(NODE_STAMP): package-lock.json
	@echo "==> installing the pinned Node tools (package-lock.json) into node_modules/ ..."
	@npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@rm -f node_modules/.installed-* && touch $@
	@echo "==> installed"

$(ZENSICAL_STAMP): requirements-zensical.lock
	@test -x $(ZENSICAL_VENV)/bin/python || $(PYTHON) -m venv $(ZENSICAL_VENV)
	@echo "==> installing Zensical (requirements-zensical.lock) into $(ZENSICAL_VENV)/ ..."
	@$(ZENSICAL_VENV)/bin/python $(PIP) -r requirements-zensical.lock
	@rm -f $(ZENSICAL_VENV)/.installed-* && touch $@
	@echo "==> installed"

# The comparison test skips (fails under CI=true) when Zensical is missing,
# so a machine that cannot install it can still run the rest.
zensical-or-skip:
	@$(MAKE) --no-print-directory $(ZENSICAL_STAMP) || \
	  echo "==> Zensical could not be installed; its comparison test will say so"

# ---------------------------------------------------------------- the site
serve: $(RUN_STAMP) ## Serve on http://127.0.0.1:8000 (PORT=...), checking each change again
	@echo "==> serving with live reload; the check runs again on every change"
	@$(PIPELINE) serve --dev-addr 127.0.0.1:$(PORT)

check: $(RUN_STAMP) ## Validate docs/ only; writes nothing but its cache (.cache/check/)
	@echo "==> checking docs/ ..."
	@$(PIPELINE) check

build: $(RUN_STAMP) ## Validate, then render into site/; if anything fails, site/ stays as it was
	@echo "==> checking docs/, then building site/ with MkDocs ..."
	@$(PIPELINE) build

build-zensical: $(RUN_STAMP) $(ZENSICAL_STAMP) ## Validate, then render with Zensical into .site-zensical/
	@echo "==> checking docs/, then building .site-zensical/ with Zensical ..."
	@$(PIPELINE) build-zensical

check-links: $(RUN_STAMP) ## Check every external link of docs/ for real (the only target that uses the network)
	@$(PIPELINE) check-links

bench: $(DEV_STAMP) $(NODE_STAMP) ## This site against plain Material: weight, Lighthouse, axe-core, build time; [RUNS=3] [PAGES=/tips/,/faq/]
	$(BIN)/python -m scripts.bench $(if $(RUNS),--runs $(RUNS)) $(if $(PAGES),--pages "$(PAGES)")


bench-checker: $(DEV_STAMP) ## The apology checker in Chromium: a 2,000-word re-check, a 200,000-character paste, a 5 MB saved edit; its KB
	$(BIN)/python -m scripts.bench.checker $(if $(RUNS),--runs $(RUNS))

bench-check-letter: $(RUN_STAMP) ## make check-letter on 1 MB drafts of every shape: CPU s, clock s, peak MB each; [SIZE=bytes] [SHAPES=name,name]
	$(BIN)/python -m scripts.bench.check_letter $(if $(SIZE),--size $(SIZE)) $(if $(SHAPES),--shapes "$(SHAPES)")

fit-checker: $(DEV_STAMP) ## Fit the checker's verdict on the tuning statements; writes its weights into scripts/data/checker-rules.yml
	$(BIN)/python -m tests.apology.fit

# FILE and SLUG reach the command through the environment, as typed: neither
# make nor the shell reads them ($, quotes and backquotes stay text), and after
# `--` a name such as --help is a name, not an option.
check-letter: export DRAFT_FILE = $(value FILE)
check-letter: $(RUN_STAMP) ## Check a draft apology against the guide: FILE=draft.txt (exit 1: needs work)
	@$(PIPELINE) check-letter -- "$$DRAFT_FILE"

new-letter: export LETTER_SLUG = $(value SLUG)
new-letter: $(RUN_STAMP) ## Start a letter page: SLUG=late-delivery
	@$(PIPELINE) new-letter -- "$$LETTER_SLUG"

# ---------------------------------------------------------------- quality
# The tests run in WORKERS processes (pytest-xdist), each test module whole in
# one of them, so a module's shared page or browser is made once.
WORKERS ?= auto
PYTEST := $(BIN)/python -m pytest -n $(WORKERS) --dist loadscope

test: $(DEV_STAMP) $(NODE_STAMP) zensical-or-skip lint ## Lint, then run every test (browser tests included); [WORKERS=2]
	@echo "==> running the tests in $(WORKERS) worker processes ..."
	@$(PYTEST) -m "not alone"
	@echo "==> then the ones that measure pages as they load, alone (no other worker sharing the CPU) ..."
	@$(BIN)/python -m pytest -n 0 -m alone

test-fast: $(DEV_STAMP) ## The tests that need no browser, for the edit loop (make test runs them all)
	@echo "==> running the tests that need no browser ..."
	@$(PYTEST) -m "not browser"

lint: $(DEV_STAMP) $(NODE_STAMP) ## Ruff on the Python code, ESLint on docs/javascripts/ (eslint.config.js)
	@echo "==> ruff (Python) ..."
	@$(BIN)/ruff check scripts tests
	@$(BIN)/ruff format --check scripts tests
	@echo "==> eslint (JavaScript) ..."
	@npx --no-install eslint

measure-serve: $(RUN_STAMP) ## Time from saving a misspelt field to make serve's message and banner
	@$(BIN)/python -m scripts.bench.measure_serve

measure-shapes: $(RUN_STAMP) ## Time make check and make build on long pages of hostile and ordinary shapes; [REPEATS=3]
	@$(BIN)/python -m scripts.bench.measure_shapes $(if $(REPEATS),--repeats $(REPEATS))

# ---------------------------------------------------------------- upkeep
clean: ## Remove the built sites, caches, .venv/, .venv-zensical/ and node_modules/
	rm -rf site .site-zensical .site-staging-* .site-old-* .zensical.yml $(VENV) $(ZENSICAL_VENV) \
	  node_modules .bench .cache .pytest_cache .ruff_cache .hypothesis overrides/assets/mdx
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# pip-compile (pip-tools, pinned in requirements-dev.lock) keeps each pin that
# still fits pyproject.toml (UPGRADE=1: the newest that fit) and writes the
# SHA-256 of every file the index has for it; pip then installs nothing else
# (--require-hashes). The dev lock holds the run lock's pins and its own.
PIP_COMPILE = CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet --generate-hashes \
	--allow-unsafe --strip-extras --no-emit-options $(if $(UPGRADE),--upgrade)

lock: $(DEV_STAMP) ## Re-pin the three requirements*.lock files from pyproject.toml, with their hashes; [UPGRADE=1] (needs the package index)
	$(PIP_COMPILE) --output-file requirements.lock pyproject.toml
	$(PIP_COMPILE) --extra dev --constraint requirements.lock --output-file requirements-dev.lock \
	  pyproject.toml
	grep -o 'zensical==[0-9.]*' pyproject.toml \
	  | $(PIP_COMPILE) --output-file requirements-zensical.lock -
