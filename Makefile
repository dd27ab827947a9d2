# Empathetic Apology Letters to Clients. `make help` lists the targets.
# Every target sets up .venv from requirements.lock first, so a fresh clone
# needs only Python 3.11+ and make.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < requirements.lock | cut -d' ' -f1)
PIPELINE := $(BIN)/python -m scripts
# Node tools (axe-core for the accessibility tests, ESLint, Lighthouse), pinned by package-lock.json.
NODE_STAMP := node_modules/.installed-$(shell cksum < package-lock.json | cut -d' ' -f1)

.DEFAULT_GOAL := help
.PHONY: help serve test check build lint clean lock check-links new-letter bench

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@rm -f $(VENV)/.installed-* && touch $@

$(NODE_STAMP): package-lock.json
	@echo "installing the pinned Node tools from package-lock.json ..."
	npm ci --no-audit --no-fund --loglevel=error
	@rm -f node_modules/.installed-* && touch $@

serve: $(STAMP) ## Validate, then serve the site with live reload on http://127.0.0.1:8000
	$(PIPELINE) serve

test: $(STAMP) $(NODE_STAMP) lint ## Lint, then run every test (browser tests included)
	$(BIN)/python -m pytest

check: $(STAMP) ## Validate docs/ only; writes nothing
	$(PIPELINE) check

build: $(STAMP) ## Validate, then render into site/ (kept as it was if anything fails)
	$(PIPELINE) build

check-links: $(STAMP) ## Check every external link in docs/ for real (needs the network)
	$(PIPELINE) check-links

new-letter: $(STAMP) ## Start a letter page: make new-letter SLUG=late-delivery
	$(PIPELINE) new-letter "$(SLUG)"

bench: $(STAMP) $(NODE_STAMP) ## This site against plain Material: make bench [RUNS=3] [PAGES=/tips/,/faq/]
	$(BIN)/python -m scripts.bench $(if $(RUNS),--runs $(RUNS)) $(if $(PAGES),--pages "$(PAGES)")

lint: $(STAMP) ## Ruff on the Python code
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests

clean: ## Remove the built site, caches and the virtual environment
	rm -rf site .site-staging-* .site-old-* $(VENV) node_modules .bench .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

lock: ## Re-pin requirements.lock from pyproject.toml (needs the network)
	rm -rf /tmp/lock-venv && $(PYTHON) -m venv /tmp/lock-venv
	/tmp/lock-venv/bin/pip install --quiet '.[dev]'
	{ echo "# Exact versions of every package the project installs (make installs this file)."; \
	  echo "# Regenerate with: make lock"; \
	  /tmp/lock-venv/bin/pip freeze --exclude apology-letters-guide; } > requirements.lock
