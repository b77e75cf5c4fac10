# journey — set-up and checks. `make demo` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-test
EXAMPLE := examples/harbour-view
PHASE1 := examples/harbour-view-1
OUT := out

.PHONY: demo test lint unit browser fuzz bench schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[xlsx]'
	touch $@

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,xlsx]'
	touch $(VENV)/.installed $@

# The example's data is dated: evaluate it as of a fixed day so the demo never drifts.
AS_OF := 2026-10-20
# The import demo: a copy of the example project in out/ whose project.yaml lists a second
# findings file, the third-party assessment imported from the inspection app's export (the
# example's own files stay as they are).
ASSESSED := $(OUT)/harbour-view
EXPORT := $(EXAMPLE)/import/海景二期-第三方评估-问题清单-20261020.xlsx

demo: $(VENV)/.installed
	$(BIN)/journey validate
	$(BIN)/journey --as-of $(AS_OF) validate $(EXAMPLE)
	@echo
	$(BIN)/journey --as-of $(AS_OF) gate open-day --project $(EXAMPLE) --soft-fail
	@echo
	$(BIN)/journey --as-of $(AS_OF) gate delivery --project $(EXAMPLE) --soft-fail
	@echo
	$(BIN)/journey --as-of $(AS_OF) gate open-day --project examples/lakeside
	@echo
	$(BIN)/journey --as-of $(AS_OF) site --project $(EXAMPLE) -o $(OUT)
	@echo
	$(BIN)/journey --as-of $(AS_OF) --lang zh export rectification --project $(EXAMPLE) -o $(OUT)/rectification.xlsx
	$(BIN)/journey --as-of $(AS_OF) --lang zh export actions --project $(EXAMPLE) -o $(OUT)/actions.xlsx
	$(BIN)/journey --as-of $(AS_OF) --lang zh export status --project $(EXAMPLE) -o $(OUT)/status.xlsx
	$(BIN)/journey --as-of $(AS_OF) --lang zh export units --project $(EXAMPLE) -o $(OUT)/units.xlsx
	@echo
	rm -rf $(ASSESSED)
	cp -R $(EXAMPLE) $(ASSESSED)
	sed 's#^findings: \[findings/acceptance.csv\]$$#findings: [findings/acceptance.csv, findings/assessment.csv]#' \
	  $(EXAMPLE)/project.yaml > $(ASSESSED)/project.yaml
	grep -q '^findings: .*findings/assessment.csv' $(ASSESSED)/project.yaml
	$(BIN)/journey import "$(EXPORT)" --map $(EXAMPLE)/import/map.yaml \
	  --project $(ASSESSED) -o $(ASSESSED)/findings/assessment.csv
	@echo
	$(BIN)/journey --as-of $(AS_OF) gate delivery --project $(ASSESSED) --soft-fail
	@echo
	$(BIN)/journey --as-of $(AS_OF) validate $(PHASE1)
	$(BIN)/journey --as-of $(AS_OF) gate warranty-review --project $(PHASE1) --soft-fail
	@echo
	$(BIN)/journey --as-of $(AS_OF) site --project $(PHASE1) -o $(OUT)/harbour-view-1
	@echo
	$(BIN)/journey --as-of $(AS_OF) portfolio examples/portfolio -o $(OUT)/portfolio
	@echo
	@echo "Reports written: open $(OUT)/index.html in a browser; the portfolio: $(OUT)/portfolio/index.html."
	@echo "Lists for the field: $(OUT)/rectification.xlsx (整改通知单), $(OUT)/actions.xlsx (责任清单), $(OUT)/status.xlsx, $(OUT)/units.xlsx (交付房屋清单)."
	@echo "Imported: $(ASSESSED)/findings/assessment.csv, rejected rows in assessment.rejects.csv."
	@echo "Phase 1, a year after handover: $(OUT)/harbour-view-1/ (its service report: zh/service.html)."

lint: $(STAMP)
	$(BIN)/ruff check journey tests benchmarks
	$(BIN)/ruff format --check journey tests benchmarks
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest -q -m "not browser"

# Browser tests render the reports in headless Chromium; they skip when it is absent.
# Chromium (and a CJK font) come from the system's packages when they are missing.
browser: $(STAMP)
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { [ "$$(id -u)" = 0 ] && SUDO= || SUDO=sudo; \
	    $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium fonts-wqy-microhei; } || \
	  echo "Chromium could not be installed: the browser tests will be skipped."
	$(BIN)/python -m pytest -q -m browser

test: lint unit browser

# The property-based fuzz tests at length (`make test` runs a short, fixed pass of them).
FUZZ_EXAMPLES ?= 1000
fuzz: $(STAMP)
	JOURNEY_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q -rxX tests/test_fuzz_cli.py

schema: $(VENV)/.installed
	$(BIN)/python -m journey.schemas schema

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) $(OUT) build dist *.egg-info
