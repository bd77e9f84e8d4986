# The two commands of the README's quick start are `make run` and `make test`; both install the system
# libraries they need first (scripts/install-deps.sh), so a fresh Debian machine needs nothing else.
SWIFT ?= swift
export PATH := $(PATH):/opt/swift/usr/bin

.PHONY: deps build release dist run test test-tools test-asan test-ubsan fuzz bench docs clean

deps:
	@scripts/install-deps.sh

# Independent peers the tests check stackc against (Python's jsonschema, Alibaba's SDK core), in a throwaway venv.
TEST_VENV := .build/test-venv
# Rebuilt when the script changes, so a tool added there reaches venvs made before.
$(TEST_VENV)/.ready: scripts/install-test-tools.sh
	@scripts/install-test-tools.sh $(TEST_VENV)
	@touch $@
test-tools: $(TEST_VENV)/.ready

build: deps
	$(SWIFT) build

# The one release build (scripts/release-build.sh): Swift runtime, libyaml and libstdc++ linked in.
release: deps
	SWIFT=$(SWIFT) scripts/release-build.sh

# A tarball that runs without a Swift toolchain, and its checksum, in .build/dist/ (README "Install").
dist: deps
	SWIFT=$(SWIFT) scripts/dist.sh

# Lint the bundled samples: the valid ones print nothing, the invalid ones print their findings.
run: release
	@echo "== stackc lint samples/"
	@.build/release/stackc lint samples/; status=$$?; echo "== exit status $$status (1 = findings, as expected for samples/*/invalid*)"; \
	  [ $$status -le 1 ]

# The hostile-input tests hold the release binary to the 1 s bound (the debug one gets 3 s); the
# distribution tests run the tarball `make dist` makes from that same binary.
test: deps test-tools
	$(SWIFT) build --build-tests
	SWIFT=$(SWIFT) scripts/dist.sh > .build/dist-tarball
	STACKC_TEST_PYTHON=$(abspath $(TEST_VENV))/bin/python3 STACKC_RELEASE_BINARY=$(abspath .build/release/stackc) \
	  STACKC_DIST_TARBALL=$$(cat .build/dist-tarball) $(SWIFT) test --skip-build

# The whole suite again with every module built under AddressSanitizer; the CLI tests run the
# instrumented stackc next to the tests. LeakSanitizer stays off: it takes the schema tables, built once
# and kept for the process, for leaks (docs/fuzzing.md).
test-asan: deps test-tools
	$(SWIFT) build --build-tests -Xswiftc -sanitize=address --scratch-path .build-asan
	STACKC_SANITIZER=address ASAN_OPTIONS=detect_leaks=0 STACKC_TEST_PYTHON=$(abspath $(TEST_VENV))/bin/python3 \
	  $(SWIFT) test --skip-build --scratch-path .build-asan

# The whole suite with UndefinedBehaviorSanitizer over libyaml (swiftc has no -sanitize=undefined on Linux).
test-ubsan: deps test-tools
	STACKC_TEST_PYTHON=$(abspath $(TEST_VENV))/bin/python3 scripts/test-ubsan.sh

# libFuzzer over read → interpolate → check → rules → lowering (FuzzTesting/, docs/fuzzing.md), for
# FUZZ_SECONDS (default 60); crashing inputs land in .build-fuzz/artifacts/.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

# Times stackc against Docker Compose, yamllint, check-jsonschema and the libyaml floor; writes Benchmarks/RESULTS.md.
bench:
	Benchmarks/run.sh

# Regenerates the rule tables and the per-rule reference (docs/rules.md) from the rule metadata.
docs:
	scripts/update-rule-docs.sh

clean:
	rm -rf .build
