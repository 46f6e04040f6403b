# Claimhouse: `make run` builds the warehouse from the configured sources, `make test` runs the test suite.
# Everything installs into .venv from uv.lock (uv itself comes from PyPI, pinned), so a fresh machine needs only
# Python 3.11, pip, git and make.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
UV_VERSION := 0.13.9
export DAGSTER_HOME ?= $(CURDIR)/.dagster
export UV_PYTHON_DOWNLOADS := never
STAMP := $(VENV)/.synced

.PHONY: run test ui sql lint bench install dagster-home chromium clean

install: $(STAMP)

$(STAMP): uv.lock pyproject.toml
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/python -m pip install -q --disable-pip-version-check "uv==$(UV_VERSION)"
	@$(VENV)/bin/uv sync --frozen --quiet --compile-bytecode --python $(VENV)/bin/python
	@touch $@

dagster-home:
	@mkdir -p "$(DAGSTER_HOME)"
	@test -f "$(DAGSTER_HOME)/dagster.yaml" || cp dagster.yaml "$(DAGSTER_HOME)/dagster.yaml"

run: install dagster-home
	@$(VENV)/bin/python -m pipeline run $(if $(FULL),--full,)

test: install dagster-home chromium
	@$(VENV)/bin/python -m pytest -q -n 2 --dist loadgroup $(PYTEST_ARGS)

ui: install dagster-home
	@echo "Dagster UI on http://127.0.0.1:3000 (Ctrl-C stops it)"
	@$(VENV)/bin/dagster dev -h 127.0.0.1 -p 3000

sql: install
	@$(VENV)/bin/python -m pipeline sql

lint: install
	@$(VENV)/bin/ruff check pipeline tests bench

# `make bench` runs the whole pipeline on real pages (exported once into bench/out/pages, never committed) next to
# trafilatura; SIZES=1000 for a quick look, SIZES="10000 100000" for the memory ratio too.
SIZES ?= 10000
PAGES ?= bench/out/pages
bench: install
	@[ -d "$(PAGES)" ] || $(VENV)/bin/python bench/real_pages.py "$(PAGES)"
	@$(VENV)/bin/python bench/bench_pipeline.py --pages "$(PAGES)" --sizes $(SIZES)

# Browser tests need Debian's chromium: installed here when missing and we are root (as on CI); otherwise
# those tests report themselves skipped with the reason.
chromium:
	@if ! command -v chromium >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null) \
	    || echo "could not install chromium; browser tests will be skipped"; \
	fi

clean:
	rm -rf $(VENV) .dagster data
