# Quick start: `make demo` and `make test` set up everything on a fresh Debian 12 machine.
BUILD ?= build
CMAKE_FLAGS ?=
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
DEBIAN_PACKAGES := cmake g++ make pkg-config libyaml-cpp-dev libfyaml-dev libgoogle-perftools-dev libboost-graph-dev libcli11-dev libfmt-dev doctest-dev strace git pre-commit
# The man page (help2man) and the .deb's Depends (dpkg-shlibdeps, in dpkg-dev): `make install`, `make package`.
DEBIAN_PACKAGES += help2man dpkg-dev
# `make install` puts faultline under $(PREFIX) (bin/, share/man/man1/, share/doc/faultline/);
# DESTDIR=DIR stages it below DIR, as packagers do.
PREFIX ?= /usr/local
DEMO_INPUT := fixtures/examples/runai-control-plane.yaml
# The default Run:ai example, on an inventory with a single Run:ai system node.
DEMO_NODES := fixtures/inventories/runai-system-1-nodes-1-zones.yaml
DEMO_ARGS := --nodes $(DEMO_NODES) $(DEMO_INPUT)

# `make test-sanitize` and `make fuzz` share one clang build (ASan, UBSan and libFuzzer's coverage
# instrumentation), so running both compiles the library once (README "Robustness").
SANITIZE_BUILD ?= build-sanitize
FUZZ_SECONDS ?= 60
FUZZ_CORPUS ?= $(SANITIZE_BUILD)/corpus
# clang and its libFuzzer/sanitizer runtimes, from Debian.
SANITIZE_PACKAGES := clang libclang-rt-14-dev

.PHONY: all deps configure build demo test sanitize-configure test-sanitize lint fuzz bench bench-1g graph-picture install package clean

all: build

# Installs only the Debian packages that are missing: as root directly, otherwise with sudo when
# it works without a password prompt; else prints the one command to ask an administrator for.
deps:
	@missing=""; for p in $(DEBIAN_PACKAGES) $(EXTRA_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=sudo; \
	  else \
	    echo "faultline needs these Debian packages:$$missing" >&2; \
	    echo "ask an administrator to run:  apt-get update && apt-get install -y --no-install-recommends$$missing" >&2; \
	    exit 2; \
	  fi; \
	  echo "Installing:$$missing"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

configure: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS) --target faultline

demo: build
	@echo "$$ faultline check $(DEMO_ARGS)"
	@./$(BUILD)/faultline check $(DEMO_ARGS); status=$$?; \
	echo "(faultline exited with $$status: 1 means it found errors, which this example is meant to show)"; \
	test $$status -le 1

test: configure
	@cmake --build $(BUILD) -j $(JOBS) --target faultline faultline_tests
	@cd $(BUILD) && ctest --output-on-failure

# The stripped binary, its man page and the docs (README "Install").
install: configure
	@cmake --build $(BUILD) -j $(JOBS) --target faultline faultline_man
	@cmake --install $(BUILD) --strip --prefix $(PREFIX)

# A Debian package of the same files, $(BUILD)/faultline_<version>-1_<arch>.deb (README "Install").
package: configure
	@cmake --build $(BUILD) -j $(JOBS) --target faultline faultline_man
	@cd $(BUILD) && cpack -G DEB
	@ls $(BUILD)/faultline_*.deb

sanitize-configure:
	@$(MAKE) --no-print-directory deps EXTRA_PACKAGES="$(SANITIZE_PACKAGES)"
	@CC=clang CXX=clang++ cmake -S . -B $(SANITIZE_BUILD) -DFAULTLINE_FUZZ=ON $(CMAKE_FLAGS) >/dev/null

# The whole suite (regression corpus included) under AddressSanitizer and UBSan, then the fuzz
# target over the regression corpus (each file run once), so the target keeps building.
test-sanitize: sanitize-configure
	@cmake --build $(SANITIZE_BUILD) -j $(JOBS) --target faultline faultline_tests faultline_fuzz
	@cd $(SANITIZE_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure
	@./$(SANITIZE_BUILD)/faultline_fuzz -runs=1 fixtures/regressions/*.yaml 2>$(SANITIZE_BUILD)/fuzz-replay.log || \
	  { cat $(SANITIZE_BUILD)/fuzz-replay.log; exit 1; }

# cppcheck on analyzer/ with the project's configuration (.cppcheck); any finding fails.
lint:
	@$(MAKE) --no-print-directory deps EXTRA_PACKAGES=cppcheck
	@cppcheck --enable=warning,style,performance,portability --std=c++20 --language=c++ --error-exitcode=1 \
	  --inline-suppr --suppressions-list=.cppcheck --quiet -j $(JOBS) -I include -I analyzer analyzer

# libFuzzer over the whole pipeline under ASan+UBSan for FUZZ_SECONDS, seeded from fixtures/
# (README "Robustness"). New inputs go to FUZZ_CORPUS, crashes to $(SANITIZE_BUILD)/artifacts/.
fuzz: sanitize-configure
	@cmake --build $(SANITIZE_BUILD) -j $(JOBS) --target faultline_fuzz
	@mkdir -p $(FUZZ_CORPUS) $(SANITIZE_BUILD)/artifacts
	./$(SANITIZE_BUILD)/faultline_fuzz -max_total_time=$(FUZZ_SECONDS) -dict=fuzz/yaml.dict -max_len=16384 \
	  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=$(SANITIZE_BUILD)/artifacts/ \
	  $(FUZZ_CORPUS) fixtures

# The benchmark compares with PyYAML's C loader, so it needs python3-yaml on top of the build packages.
bench bench-1g: DEBIAN_PACKAGES += python3-yaml
bench bench-1g: configure
	@cmake --build $(BUILD) -j $(JOBS) --target faultline faultline_bench
	@./$(BUILD)/faultline_bench $(BENCH_ARGS)

# Adds a generated cluster dump of about 1 GB (184,000 workloads) to the scales.
bench-1g: BENCH_ARGS += --1g

# The README's picture: the bundled Run:ai example on a three-zone inventory, rendered by Graphviz.
graph-picture: build
	@command -v dot >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends graphviz; }
	@mkdir -p docs
	@./$(BUILD)/faultline graph --nodes fixtures/graph/runai-nodes.yaml $(DEMO_INPUT) > $(BUILD)/runai-control-plane.dot
	@dot -Tsvg $(BUILD)/runai-control-plane.dot -o docs/runai-control-plane.svg
	@echo "wrote docs/runai-control-plane.svg"

clean:
	rm -rf $(BUILD)
