# worldgan — set-up, build, demo and tests on Debian/Ubuntu.
#   make demo   install what is missing, build, run the main job on the shipped sample world
#   make test   install what is missing, build, run every test (unit, CLI, interop)
SHELL := /bin/bash
APT_PACKAGES := zlib1g-dev liblz4-dev libopenblas-dev libopenblas0-pthread pkg-config
SWIFT ?= swift
CONFIG ?= release
BIN := .build/$(CONFIG)/worldgan

.PHONY: setup build demo test test-unit test-interop fuzz clean

setup:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: setup
	$(SWIFT) build -c $(CONFIG) --product worldgan

# The main job on the shipped sample world; everything it makes goes to out/demo/.
DEMO := out/demo
demo: build
	rm -rf $(DEMO) && mkdir -p $(DEMO)
	$(BIN) info worlds/ruins
	$(BIN) extract worlds/ruins --from 48 -63 48 --to 95 -47 95 -o $(DEMO)/ruins.schem
	$(BIN) render $(DEMO)/ruins.schem -o $(DEMO)/ruins.png
	$(BIN) embed $(DEMO)/ruins.schem -o $(DEMO)/ruins-embeddings.txt --seed 1
	cp -r worlds/ruins $(DEMO)/world
	$(BIN) paste $(DEMO)/ruins.schem --world $(DEMO)/world --at 200 -63 48 --backup
	$(BIN) render $(DEMO)/world --from 180 -64 30 --to 260 -40 110 -o $(DEMO)/pasted.png
	@echo "demo outputs in $(DEMO)/"

test: test-unit test-interop

test-unit: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Independent readers (anvil-parser2, nbtlib from PyPI) check the worlds and schematics we write.
VENV := .venv-interop
$(VENV)/ok:
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q nbtlib anvil-parser2
	touch $@

test-interop: build $(VENV)/ok
	$(VENV)/bin/python Tests/Interop/interop_test.py $(BIN) ../shared

clean:
	rm -rf .build out
