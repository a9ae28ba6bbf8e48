# Two entry points for a fresh Debian machine (Python 3.11+, root or sudo):
#   make demo   set everything up, build the demo data from corpora/ and serve it
#   make test   set everything up and run the whole test suite
VENV ?= .venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SYSTEM_PACKAGES = tesseract-ocr tesseract-ocr-vie poppler-utils chromium antiword catdoc fonts-dejavu-core
PGCLUSTER = $(shell ls /etc/postgresql 2>/dev/null | head -n 1)

.PHONY: setup system-packages services demo test

setup: system-packages $(VENV)/.installed

system-packages:
	@dpkg -s $(SYSTEM_PACKAGES) >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(SYSTEM_PACKAGES); }

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e ".[test]"
	touch $@

# PostgreSQL is used by the tests marked `postgres`; start it if the machine has it stopped.
services:
	@pg_isready -q -h 127.0.0.1 -p 5432 || { [ -n "$(PGCLUSTER)" ] && \
	  pg_ctlcluster --skip-systemctl-redirect $(PGCLUSTER) main start; }

demo: setup
	$(VENV)/bin/theodoi demo

test: setup services
	$(VENV)/bin/pytest
