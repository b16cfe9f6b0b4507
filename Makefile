# The verbs a newcomer to the repo needs. Each installs what it needs on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Rasa 3.6 needs Python < 3.11: it gets its own virtual environment.
PY310 ?= $(shell for p in python3.10 /root/.pyenv/versions/3.10.*/bin/python /usr/bin/python3.10 /usr/local/bin/python3.10; do $$p -c 'import sys; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1 && { $$p -c 'import sys; print(sys.executable)'; break; }; done)
NLU_VENV := nlu/.venv

.PHONY: lock run chat test lint content-validate content-status redis-server chromium help nlu-venv nlu-train nlu-serve nlu-eval bench-nlu bench-translate bench-booking bench-budget bench-load editor bench-editor editor-screenshots

help:
	@echo "make run    - set up and start the bot (local chat when TELEGRAM_BOT_TOKEN is unset)"
	@echo "make test   - set up and run the checks and the tests (starts a private redis-server)"
	@echo "make lint   - ruff and mypy"
	@echo "make nlu-train / nlu-serve / nlu-eval / bench-nlu - the Rasa NLU"
	@echo "make bench-booking / bench-translate - booking under load, translation memory"
	@echo "make bench-budget - time to the first reply with the NLU or translator slow or down"
	@echo "make bench-load - webhook, workers and the echo-bot ceiling under 50/200/1000 chats"
	@echo "make editor - set up and start the editors' web page (Lotse Redaktion) on EDITOR_LISTEN"
	@echo "make bench-editor - dashboard load time (12 topics x 12 languages), publish-to-bot delay"

# Both environments install exactly what the lock files say (versions and hashes); nothing is
# resolved at install time. `make lock` re-resolves on purpose (see README, "Upgrading").
$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv --clear $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(NLU_VENV)/.installed: nlu/requirements.lock
	@test -n "$(PY310)" || { echo "Python 3.10 is needed for Rasa 3.6 (set PY310=/path/to/python3.10)"; exit 1; }
	$(PY310) -m venv --clear $(NLU_VENV)
	$(NLU_VENV)/bin/pip install --quiet --require-hashes --no-deps -r nlu/requirements.lock
	touch $@

# `make lock` after editing pyproject.toml or nlu/requirements.in: resolves what changed, keeps
# every other pin. `make lock UPGRADE=1` moves everything to the newest versions the ranges
# allow, on purpose. Review the diff, run `make test`, commit the locks (README, "Upgrading").
UV_VERSION := 0.13.9
UV := .lotse/uv/bin/uv
LOCK_FLAGS := --generate-hashes --quiet $(if $(UPGRADE),--upgrade)
$(UV):
	$(PYTHON) -m venv .lotse/uv
	.lotse/uv/bin/pip install --quiet uv==$(UV_VERSION)

lock: $(UV)
	$(UV) pip compile pyproject.toml --extra dev --python-version 3.11 $(LOCK_FLAGS) -o requirements.lock
	$(UV) pip compile nlu/requirements.in --python-version 3.10 $(LOCK_FLAGS) -o nlu/requirements.lock
	for f in requirements requirements-convert; do \
	  $(UV) pip compile deploy/nllb/$$f.in --python-version 3.11 --python-platform x86_64-manylinux_2_28 $(LOCK_FLAGS) -o deploy/nllb/$$f.txt || exit 1; done

nlu-venv: $(NLU_VENV)/.installed

nlu-train: $(VENV)/.installed nlu-venv
	$(VENV)/bin/lotse nlu train

nlu-serve: nlu-train
	$(VENV)/bin/lotse nlu serve

nlu-eval: nlu-train
	$(VENV)/bin/lotse nlu eval

# BASELINE=path/to/older-model.tar.gz: that model is measured in the same run, for the ratio;
# BASELINE_NLU=path/to/older-checkout/nlu when it needs that checkout's components.
bench-nlu: nlu-train
	$(PY) bench/bench_nlu.py $(if $(BASELINE),--baseline $(BASELINE)) $(if $(BASELINE_NLU),--baseline-nlu $(BASELINE_NLU))

bench-translate: $(VENV)/.installed redis-server
	$(PY) bench/bench_translate.py

bench-booking: $(VENV)/.installed redis-server
	$(PY) bench/bench_booking.py

bench-budget: $(VENV)/.installed redis-server
	$(PY) bench/bench_budget.py
# Lotse behind its webhook on a loopback Bot API: all-in-one and ingress + 1/2/4 workers beside
# a bare PTB echo bot, 50/200/1,000 chats, with the real Redis and Rasa (README "Sizing").
bench-load: $(VENV)/.installed redis-server nlu-train
	$(PY) bench/bench_load.py

redis-server:
	@command -v redis-server >/dev/null || { \
	  echo "installing redis-server from Debian packages"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }

# The browser the editor's tests drive (Playwright with Debian's Chromium, never a download).
chromium:
	@command -v chromium >/dev/null || { \
	  echo "installing chromium from Debian packages"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# The editors' web page; without REDIS_URL it keeps its data in a private redis-server
# (.lotse/redis-editor). The first start prints the admin's one-time password.
editor: $(VENV)/.installed redis-server
	$(VENV)/bin/lotse editor

bench-editor: $(VENV)/.installed redis-server
	$(PY) bench/bench_editor.py

# docs/editor-*.png: the main pages in a real browser, from a copy of the content.
editor-screenshots: $(VENV)/.installed redis-server chromium
	$(PY) docs/editor_screenshots.py

# The local chat starts a private redis-server (bookings, handoffs) when REDIS_URL is unset.
run: $(VENV)/.installed redis-server nlu-train
	$(VENV)/bin/lotse run

chat: $(VENV)/.installed redis-server nlu-train
	$(VENV)/bin/lotse chat

lint: $(VENV)/.installed
	$(PY) -m ruff check bot tests bench deploy
	$(PY) -m mypy
	$(PY) -m mypy deploy/nllb/nllb_server.py

content-validate: $(VENV)/.installed
	$(VENV)/bin/lotse content validate

content-status: $(VENV)/.installed
	$(VENV)/bin/lotse content status

test: $(VENV)/.installed redis-server chromium nlu-train
	$(PY) nlu/scripts/check_data.py
	$(PY) -m ruff check bot tests bench deploy
	$(PY) -m ruff format --check bot tests bench deploy
	$(PY) -m mypy
	$(PY) -m mypy deploy/nllb/nllb_server.py
	$(VENV)/bin/lotse content validate
	$(PY) -m pytest
