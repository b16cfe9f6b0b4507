# The verbs a newcomer to the repo needs. Each installs what it needs on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run chat test lint content-validate content-status redis-server help

help:
	@echo "make run    - set up and start the bot (local chat when TELEGRAM_BOT_TOKEN is unset)"
	@echo "make test   - set up and run the checks and the tests (starts a private redis-server)"
	@echo "make lint   - ruff and mypy"

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

redis-server:
	@command -v redis-server >/dev/null || { \
	  echo "installing redis-server from Debian packages"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }

run: $(VENV)/.installed
	$(VENV)/bin/lotse run

chat: $(VENV)/.installed
	$(VENV)/bin/lotse chat

lint: $(VENV)/.installed
	$(PY) -m ruff check bot tests
	$(PY) -m mypy

content-validate: $(VENV)/.installed
	$(VENV)/bin/lotse content validate

content-status: $(VENV)/.installed
	$(VENV)/bin/lotse content status

test: $(VENV)/.installed redis-server
	$(PY) -m ruff check bot tests
	$(PY) -m ruff format --check bot tests
	$(PY) -m mypy
	$(VENV)/bin/lotse content validate
	$(PY) -m pytest
