# Claimhouse: `make run` builds the warehouse from the configured sources, `make test` runs the test suite.
# Everything installs into .venv from uv.lock (uv itself comes from PyPI, pinned), so a fresh machine needs only
# Python 3.11 to 3.13, pip, git and make (another interpreter: `make run PYTHON=python3.13`).
SHELL := /bin/bash
PYTHON ?= python3
# The Python versions the lock file is made for (pyproject.toml's requires-python).
PY_FITS := import sys; sys.exit(not (3, 11) <= sys.version_info[:2] < (3, 14))
PY_VERSION := import sys; print("%d.%d" % sys.version_info[:2])
VENV := .venv
UV_VERSION := 0.13.9
UI_PORT ?= 3000
export DAGSTER_HOME ?= $(CURDIR)/.dagster
export UV_PYTHON_DOWNLOADS := never
STAMP := $(VENV)/.synced

.PHONY: run test ui sql lint bench install venv dagster-home chromium clean

# A command whose failures explain themselves (the CLI prints the cause and the fix): on failure make is stopped
# as by Ctrl-C (exit status 130), so it does not add its own "make: *** [run] Error 2" line (the pause lets make
# take the signal while it still waits for this shell; it does not slow a success). Where make ignores
# SIGINT (started in the background) or there is no /proc, the command's status is passed on as usual.
define explained
$(1) || { code=$$?; ign=$$(awk '/^SigIgn:/ {print $$2}' /proc/$$PPID/status 2>/dev/null); \
  if [ -n "$$ign" ] && (( (16#$$ign & 2) == 0 )); then kill -INT $$PPID; sleep 1; exit 0; fi; exit $$code; }
endef

install: venv
	@$(MAKE) --no-print-directory -s $(STAMP)

# .venv is (re)made when missing, when its interpreter is not 3.11-3.13, or when PYTHON names another version.
PY_HINT = Claimhouse needs Python 3.11, 3.12 or 3.13. Pick another, for example: make run PYTHON=python3.13
venv:
	@$(call explained,$(PYTHON) -c '$(PY_FITS)' 2>/dev/null || ( \
	  echo "claimhouse: '$(PYTHON)' is $$($(PYTHON) -V 2>/dev/null || echo "not found"). $(PY_HINT)" >&2; exit 2 ))
	@if ! $(VENV)/bin/python -c '$(PY_FITS)' 2>/dev/null || { [ "$(origin PYTHON)" != file ] && \
	    [ "$$($(VENV)/bin/python -c '$(PY_VERSION)')" != "$$($(PYTHON) -c '$(PY_VERSION)')" ]; }; then \
	  echo "making $(VENV) with $$($(PYTHON) -V)"; rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); fi

$(STAMP): uv.lock pyproject.toml
	@$(VENV)/bin/python -m pip install -q --disable-pip-version-check "uv==$(UV_VERSION)"
	@$(VENV)/bin/uv sync --frozen --quiet --compile-bytecode --python $(VENV)/bin/python
	@touch $@

dagster-home:
	@mkdir -p "$(DAGSTER_HOME)"
	@test -f "$(DAGSTER_HOME)/dagster.yaml" || cp config/dagster.yaml "$(DAGSTER_HOME)/dagster.yaml"

run: install dagster-home
	@$(call explained,$(VENV)/bin/python -m pipeline run $(if $(FULL),--full,))

test: install dagster-home chromium
	@$(VENV)/bin/python -m pytest -q -n 2 --dist loadgroup $(PYTEST_ARGS)

ui: install dagster-home
	@echo "Dagster UI on http://127.0.0.1:$(UI_PORT) (Ctrl-C stops it)"
	@VIRTUAL_ENV=$(CURDIR)/$(VENV) $(VENV)/bin/dg dev -h 127.0.0.1 -p $(UI_PORT)

sql: install
	@$(call explained,$(VENV)/bin/python -m pipeline sql)

lint: install
	@$(VENV)/bin/ruff check pipeline tests bench

# `make bench` runs the whole pipeline on real pages (exported once into bench/out/pages, never committed) next to
# trafilatura; SIZES=1000 for a quick look, SIZES="10000 100000" for the memory ratio too.
SIZES ?= 10000
PAGES ?= bench/out/pages
bench: install
	@[ -d "$(PAGES)" ] || $(VENV)/bin/python bench/real_pages.py "$(PAGES)"
	@$(VENV)/bin/python bench/bench_pipeline.py --pages "$(PAGES)" --sizes $(SIZES)
	@$(VENV)/bin/python bench/bench_publish.py bench/out/run-$(lastword $(SIZES))/warehouse.duckdb --repeat 1

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
