# Thin bootstrap (design.md §2): create or refresh .venv from the locked requirements when they
# changed, then run the task of the same name with invoke. Every task lives in tasks.py.
# Editors' tasks install only the runtime lock (requirements.txt); test, bench and lint also the
# development lock (requirements-dev.txt). Both are pinned with hashes (pip --require-hashes).
PYTHON ?= python3
VENV := .venv
RUNTIME := $(VENV)/.installed-runtime
DEV := $(VENV)/.installed-dev
ifeq ($(OS),Windows_NT)
  BIN := $(VENV)/Scripts
else
  BIN := $(VENV)/bin
endif
RUNTIME_TASKS := build serve check holidays translations new clean
DEV_TASKS := test bench lint
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes

.PHONY: $(RUNTIME_TASKS) $(DEV_TASKS) venv venv-dev requirements
$(RUNTIME_TASKS): $(RUNTIME)
	$(BIN)/invoke $@ $(ARGS)

$(DEV_TASKS): $(DEV)
	$(BIN)/invoke $@ $(ARGS)

venv: $(RUNTIME)
venv-dev: $(DEV)

$(VENV)/.created:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@touch $@

$(RUNTIME): requirements.txt $(VENV)/.created
	$(PIP) -r requirements.txt
	@touch $@

$(DEV): requirements.txt requirements-dev.txt $(VENV)/.created
	$(PIP) -r requirements-dev.txt
	@touch $@ $(RUNTIME)

# Re-lock after changing requirements.in or requirements-dev.in (hashes from PyPI).
requirements: $(DEV)
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements-dev.txt requirements-dev.in
