# Astral: `make help` lists the targets. Everything runs from the project's own virtualenv.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## Create the virtualenv and install the project with its dev tools

run: $(STAMP) ## Set up, migrate the database and start the bot (a sandbox without BOT_TOKEN)
	$(BIN)/astralbot db upgrade
	$(BIN)/astralbot serve

lint: $(STAMP) ## ruff format check, ruff lint and mypy
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

test: lint ## Set up and run the whole test suite (lint, types, unit, end-to-end, browser)
	$(BIN)/pytest

format: $(STAMP) ## Reformat and autofix
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

bench: $(STAMP) ## Run the benchmarks and print their figures
	$(BIN)/python benchmarks/chart_engine.py
	$(BIN)/python benchmarks/full_reading.py
	$(BIN)/python benchmarks/webhook_load.py --quick

clean: ## Remove the virtualenv, caches and the local database
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache

.PHONY: help install run lint test format bench clean
