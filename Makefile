# Thin bootstrap (design.md §2): create or refresh .venv from the pinned requirements when they
# changed, then run the task of the same name with invoke. Every task lives in tasks.py.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed
ifeq ($(OS),Windows_NT)
  BIN := $(VENV)/Scripts
else
  BIN := $(VENV)/bin
endif
TASKS := build serve test check holidays bench translations new clean lint

.PHONY: $(TASKS) venv
$(TASKS): $(STAMP)
	$(BIN)/invoke $@ $(ARGS)

venv: $(STAMP)

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $(STAMP)
