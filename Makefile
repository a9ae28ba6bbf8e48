# Two entry points for a fresh Debian machine (Python 3.11+, root or sudo):
#   make demo   set everything up, build the demo data from corpora/ and serve it
#   make test   set everything up and run the whole test suite
VENV ?= .venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SYSTEM_PACKAGES = tesseract-ocr tesseract-ocr-vie poppler-utils chromium antiword catdoc fonts-dejavu-core
PGCLUSTER = $(shell ls /etc/postgresql 2>/dev/null | head -n 1)

.PHONY: setup system-packages services demo test lock

setup: system-packages $(VENV)/.installed

system-packages:
	@dpkg -s $(SYSTEM_PACKAGES) >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(SYSTEM_PACKAGES); }

# Every dependency, direct and indirect, comes pinned with hashes from requirements.lock;
# pyproject.toml keeps the ranges a library user needs. `make lock` refreshes the lock.
$(VENV)/.installed: pyproject.toml requirements.lock
	rm -rf $(VENV)
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --require-hashes --no-deps -r requirements.lock
	$(VENV)/bin/pip install -q --no-deps --no-build-isolation -e .
	touch $@

UV_VERSION = 0.13.10
lock:
	python3 -m venv .lock-venv && .lock-venv/bin/pip install -q uv==$(UV_VERSION)
	printf 'setuptools>=77\n' | .lock-venv/bin/uv pip compile pyproject.toml - --extra test \
	  --python-version 3.11 --generate-hashes --quiet --custom-compile-command "make lock" -o requirements.lock
	rm -rf .lock-venv

# PostgreSQL is used by the tests marked `postgres`; start it if the machine has it stopped.
services:
	@pg_isready -q -h 127.0.0.1 -p 5432 || { [ -n "$(PGCLUSTER)" ] && \
	  pg_ctlcluster --skip-systemctl-redirect $(PGCLUSTER) main start; }

demo: setup
	$(VENV)/bin/theodoi demo

test: setup services
	$(VENV)/bin/pytest
