# TrialReport — set-up, build, test and benchmarks.
# `make report` and `make test` install the missing Debian packages first (as root).

SYSTEM_PACKAGES := libcairo2-dev libpango1.0-dev fonts-liberation2 fonts-dejavu-core fonts-droid-fallback poppler-utils
SWIFT ?= swift
EXAMPLE := examples/uc-msc-t1d
OUTPUT := output

.PHONY: all deps build report test bench clean

all: report

# Installs only what is missing, so a second run starts at once.
deps:
	@missing=""; \
	for package in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" -ne 0 ]; then echo "Missing Debian packages:$$missing — install them as root."; exit 1; fi; \
	  echo "Installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product trialreport

report: build
	.build/release/trialreport render --data $(EXAMPLE) --out $(OUTPUT)

test: deps
	$(SWIFT) test

bench: build
	@echo "The benchmark suite is not built yet (see the performance issue)."

clean:
	rm -rf .build
