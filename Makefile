# TrialReport — set-up, build, install, test and benchmarks.
# `make report`, `make install` and `make test` install the missing Debian packages first (as root).

SYSTEM_PACKAGES := libcairo2-dev libpango1.0-dev libharfbuzz-dev zlib1g-dev libtcmalloc-minimal4 fonts-liberation2 fonts-dejavu-core fonts-droid-fallback poppler-utils qpdf openssl man-db
# What only the tests need: LibreOffice opens every RTF and DOCX file of the TLF package
# (TLFLibreOfficeTests); python-docx reads report.docx's tables (ReportDOCXTests); ImageMagick,
# libtiff's tiffinfo and Ghostscript open the TIFF and EPS figures (TIFFEncoderTests, EPSTests).
TEST_PACKAGES := libreoffice-writer-nogui python3-docx imagemagick libtiff-tools ghostscript
# What only `make bench` needs: the reading anchors timed beside TrialReport's reader — R's
# data.table (Debian's) and Python's pyarrow (from PyPI, pinned, in a virtual environment under
# bench/cache/python).
BENCH_PACKAGES := r-base-core r-cran-data.table python3-venv
PYARROW_VERSION := 26.0.1
ANCHOR_PYTHON := bench/cache/python/bin/python
SWIFT ?= swift
EXAMPLE := examples/uc-msc-t1d
OUTPUT := output

# `make install`: PREFIX/bin/trialreport; its templates and example in PREFIX/share/trialreport/
# (where the binary looks for them, through any symbolic link to it); the man page; bash, zsh and
# fish completions. DESTDIR stages the files for a package; CONFIGURATION=debug installs the debug build.
PREFIX ?= /usr/local
DESTDIR ?=
CONFIGURATION ?= release
BUILT := .build/$(CONFIGURATION)
# Release builds link the Swift runtime and Foundation into the executable (the system's C
# libraries stay shared): a command starts in 8 ms instead of 14, fewer libraries to load.
STATIC := --static-swift-stdlib
BUILD_FLAGS := -c $(CONFIGURATION) $(if $(filter release,$(CONFIGURATION)),$(STATIC))
INSTALL_ROOT := $(DESTDIR)$(PREFIX)
SHARE := $(INSTALL_ROOT)/share
MANUAL_DATE ?= $(shell date -u -d @$${SOURCE_DATE_EPOCH:-$$(date +%s)} +%Y-%m-%d)

.PHONY: all deps test-deps install-packages build report install uninstall test test-install bench bench-anchors fuzz clean

all: report

# Installs only what is missing, so a second run starts at once.
deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(SYSTEM_PACKAGES)"

test-deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(SYSTEM_PACKAGES) $(TEST_PACKAGES)"

install-packages:
	@missing=""; \
	for package in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" -ne 0 ]; then echo "Missing Debian packages:$$missing — install them as root."; exit 1; fi; \
	  echo "Installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build -c release $(STATIC) --product trialreport

report: build
	.build/release/trialreport render --data $(EXAMPLE) --out $(OUTPUT)

# The man page is written by swift-argument-parser's generate-manual tool from the parser's help
# (`trialreport --experimental-dump-help`), built from the package's own checkout: no network.
install: deps
	$(SWIFT) build $(BUILD_FLAGS) --product trialreport
	$(SWIFT) build $(BUILD_FLAGS) --product generate-manual
	install -d $(INSTALL_ROOT)/bin $(SHARE)/trialreport/examples $(SHARE)/man/man1 \
	  $(SHARE)/bash-completion/completions $(SHARE)/zsh/site-functions $(SHARE)/fish/vendor_completions.d
	install -m 755 $(BUILT)/trialreport $(INSTALL_ROOT)/bin/trialreport
	rm -rf $(SHARE)/trialreport/templates $(SHARE)/trialreport/$(EXAMPLE)
	cp -R templates $(SHARE)/trialreport/templates
	cp -R $(EXAMPLE) $(SHARE)/trialreport/$(EXAMPLE)
	$(BUILT)/generate-manual $(BUILT)/trialreport --date $(MANUAL_DATE) --output-directory $(SHARE)/man/man1
	$(BUILT)/trialreport --generate-completion-script bash > $(SHARE)/bash-completion/completions/trialreport
	$(BUILT)/trialreport --generate-completion-script zsh > $(SHARE)/zsh/site-functions/_trialreport
	$(BUILT)/trialreport --generate-completion-script fish > $(SHARE)/fish/vendor_completions.d/trialreport.fish

uninstall:
	rm -rf $(INSTALL_ROOT)/bin/trialreport $(SHARE)/trialreport $(SHARE)/man/man1/trialreport.1 \
	  $(SHARE)/bash-completion/completions/trialreport $(SHARE)/zsh/site-functions/_trialreport \
	  $(SHARE)/fish/vendor_completions.d/trialreport.fish

test: test-deps
	$(SWIFT) test
	$(MAKE) test-install

# Installs the debug build into a temporary prefix and uses it as a user would (Tests/install.sh).
test-install: deps
	Tests/install.sh

# Release build, then the benchmark suite (Benchmarks/): every stage on studies of 53, 10,000,
# 100,000 and 1,000,000 participants (simulated once into bench/cache/), the whole render as a
# process, the reading anchors (bench/anchors/), TrialStats micro-benchmarks; prints the tables
# and writes bench/results.md.
# BENCH_FLAGS passes options, e.g. BENCH_FLAGS="--sizes 53,10000 --repetitions 3".
bench: build bench-anchors
	$(SWIFT) build -c release $(STATIC) --product trialreport-bench
	.build/release/trialreport-bench --python $(ANCHOR_PYTHON) $(BENCH_FLAGS)

bench-anchors:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(BENCH_PACKAGES)"
	@$(ANCHOR_PYTHON) -c 'import pyarrow; assert pyarrow.__version__ == "$(PYARROW_VERSION)"' 2>/dev/null || { \
	  /usr/bin/python3 -m venv bench/cache/python && \
	  $(ANCHOR_PYTHON) -m pip install --quiet --disable-pip-version-check pyarrow==$(PYARROW_VERSION); }

# libFuzzer targets (Fuzz/, a package of its own): each runs FUZZ_SECONDS, one at a time, starting
# from the committed seeds in Fuzz/corpus/<target> (new inputs go to Fuzz/.build/corpus/<target>;
# a crash is saved under Fuzz/artifacts/ and stops the run with a non-zero status).
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := FuzzCSV FuzzPlan FuzzMarkdown FuzzXPT FuzzJSON FuzzTemplates FuzzStudy

fuzz: deps
	cd Fuzz && $(SWIFT) build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address
	@mkdir -p Fuzz/artifacts
	@for target in $(FUZZ_TARGETS); do \
	  mkdir -p Fuzz/.build/corpus/$$target; \
	  echo "== $$target: $(FUZZ_SECONDS) s"; \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/Fuzz/lsan.supp Fuzz/.build/release/$$target Fuzz/.build/corpus/$$target Fuzz/corpus/$$target \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
	    -artifact_prefix=Fuzz/artifacts/$$target- -print_final_stats=1 > Fuzz/.build/$$target.log 2>&1; \
	  status=$$?; \
	  grep -E '^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|==[0-9]+==|SUMMARY|Test unit written)' Fuzz/.build/$$target.log; \
	  test $$status -eq 0 || { echo "$$target failed: see Fuzz/.build/$$target.log"; exit 1; }; \
	done

clean:
	rm -rf .build Fuzz/.build
