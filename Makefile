# worldgan — set-up, build, demo and tests on Debian/Ubuntu.
#   make demo   install what is missing, build, run the main job on the shipped sample world
#   make test   install what is missing, build, run every test (unit, CLI, interop)
#   make fuzz   libFuzzer + ASan on the NBT reader, region/chunk decoding and schematic readers (FUZZ_SECONDS each)
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

# The main job on the shipped sample world; everything it makes goes to out/demo/:
# extract the ruin, train (quick preset, ≤ 10 minutes on 2 cores), generate samples with and
# without a style, a new Minecraft world holding them, PNG renders and quality metrics.
DEMO := out/demo
demo: build
	rm -rf $(DEMO) && mkdir -p $(DEMO)
	$(BIN) info worlds/ruins
	$(BIN) extract worlds/ruins --from 48 -63 48 --to 95 -47 95 -o $(DEMO)/ruins.schem
	$(BIN) render $(DEMO)/ruins.schem -o $(DEMO)/ruins.png
	$(BIN) train $(DEMO)/ruins.schem -o $(DEMO)/run --preset quick --seed 1
	$(BIN) generate $(DEMO)/run --count 4 --seed 1 --render --view -o $(DEMO)/samples
	$(BIN) generate $(DEMO)/run --count 4 --seed 1 --render --style desert -o $(DEMO)/samples-desert
	$(BIN) generate $(DEMO)/run --count 4 --seed 1 --scale 1.5 1 1.5 --new-world $(DEMO)/worldgan-ruins -o $(DEMO)/samples-wide
	$(BIN) eval $(DEMO)/run $(DEMO)/samples/*.schem
	@echo "demo outputs in $(DEMO)/: samples*/samples.png are the renders, samples/view.html turns them around in 3D; copy $(DEMO)/worldgan-ruins into .minecraft/saves to walk through it"

test: test-unit test-interop

test-unit: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Independent readers (anvil-parser2, nbtlib, litemapy, nbtschematic and Amulet from PyPI) check the
# worlds and schematics we write. The venv is brought up to date whenever this Makefile changes.
VENV := .venv-interop
INTEROP_PACKAGES := nbtlib anvil-parser2 litemapy nbtschematic amulet-core
$(VENV)/ok: Makefile
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q $(INTEROP_PACKAGES)
	touch $@

test-interop: build $(VENV)/ok
	$(VENV)/bin/python Tests/Interop/interop_test.py $(BIN) ../shared
	$(VENV)/bin/python Tests/Interop/formats_test.py $(BIN)

# Fuzzing: the harnesses in Tests/Fuzz/ exist only when WORLDGAN_FUZZ=1 (see Package.swift); they are
# seeded from ../shared/worlds/real and keep their corpus in .build/fuzz-corpus; crashing, slow or
# leaking inputs land in .build/fuzz-artifacts (replay one: .build/fuzz/release/FuzzRegion <file>).
FUZZ_SECONDS ?= 300
FUZZ_BUILD := WORLDGAN_FUZZ=1 $(SWIFT) build --build-path .build/fuzz -c release -Xswiftc -sanitize=fuzzer,address
FUZZ_SEEDS := ../shared/worlds/real
NBT_SEEDS = $(shell find $(FUZZ_SEEDS) -type f \( -name '*.dat' -o -name '*.nbt' -o -name '*.raw' \) 2>/dev/null | paste -sd, -)
REGION_SEEDS = $(shell find $(FUZZ_SEEDS) -type f -name '*.mca' -size -1200k 2>/dev/null | paste -sd, -)

fuzz: setup
	$(FUZZ_BUILD) --product FuzzNBT
	$(FUZZ_BUILD) --product FuzzRegion
	$(FUZZ_BUILD) --product FuzzSchematic
	mkdir -p .build/fuzz-corpus/nbt .build/fuzz-corpus/region .build/fuzz-corpus/schematic .build/fuzz-artifacts
	.build/fuzz/release/FuzzNBT -max_total_time=$(FUZZ_SECONDS) -max_len=16384 -timeout=10 -artifact_prefix=.build/fuzz-artifacts/nbt- \
	  $(if $(NBT_SEEDS),-seed_inputs=$(NBT_SEEDS)) .build/fuzz-corpus/nbt $(wildcard $(FUZZ_SEEDS)/fastnbt)
	.build/fuzz/release/FuzzRegion -max_total_time=$(FUZZ_SECONDS) -max_len=262144 -rss_limit_mb=3000 -timeout=20 -artifact_prefix=.build/fuzz-artifacts/region- \
	  $(if $(REGION_SEEDS),-seed_inputs=$(REGION_SEEDS)) .build/fuzz-corpus/region
	.build/fuzz/release/FuzzSchematic -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=3000 -timeout=10 -artifact_prefix=.build/fuzz-artifacts/schematic- \
	  .build/fuzz-corpus/schematic Tests/Fuzz/FuzzSchematic/seeds

clean:
	rm -rf .build out
