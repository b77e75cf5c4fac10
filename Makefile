# journey — set-up and checks. `make demo` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-test
EXAMPLE := examples/harbour-view
OUT := out

.PHONY: demo test lint unit browser bench schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,xlsx]'
	touch $(VENV)/.installed $@

demo: $(VENV)/.installed
	$(BIN)/journey validate
	$(BIN)/journey catalog list --kind gates

lint: $(STAMP)
	$(BIN)/ruff check journey tests benchmarks
	$(BIN)/ruff format --check journey tests benchmarks
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest -q -m "not browser"

test: lint unit

schema: $(VENV)/.installed
	$(BIN)/python -m journey.schemas schema

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) $(OUT) build dist *.egg-info
