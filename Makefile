# Two commands do all the set-up on a fresh machine (Python 3.11 and make are all they need):
#   make demo   installs Kaidan in .venv, ingests the example documents into demo.db and prints what was found
#   make test   installs Kaidan with its test tools in .venv and runs the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Extras `make test` installs: test tools and the PostgreSQL driver. Ray (~240 MB) only when asked:
# `make test EXTRAS=dev,postgres,ray` (as .ci/run does); without it the Ray test skips with the reason.
EXTRAS ?= dev,postgres
# The versions the test suite was run with (pip freeze of the development virtualenv): every install
# resolves to them, so a new release of a dependency cannot change what a fresh checkout runs.
PIN    := -c constraints.txt

.PHONY: demo test install install-dev bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q $(PIN) -e .

install-dev: $(BIN)/python
	$(BIN)/pip install -q $(PIN) -e ".[$(EXTRAS)]"

demo: install
	$(BIN)/kaidan ingest --db demo.db examples/*.txt
	$(BIN)/kaidan documents --db demo.db
	@for f in examples/*.txt; do $(BIN)/kaidan show "$$f"; done

test: install-dev
	$(BIN)/pytest -q

bench: $(BIN)/python
	$(BIN)/pip install -q $(PIN) -e ".[bench]"
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm
