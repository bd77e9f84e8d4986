# The two commands of the README's quick start are `make run` and `make test`; both install the system
# libraries they need first (scripts/install-deps.sh), so a fresh Debian machine needs nothing else.
SWIFT ?= swift
export PATH := $(PATH):/opt/swift/usr/bin

.PHONY: deps build release run test test-tools bench clean

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

# The Swift runtime is linked statically: a pre-commit run starts in ~5 ms instead of ~8 ms.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product stackc

# Lint the bundled samples: the valid ones print nothing, the invalid ones print their findings.
run: release
	@echo "== stackc lint samples/"
	@.build/release/stackc lint samples/; status=$$?; echo "== exit status $$status (1 = findings, as expected for samples/*/invalid*)"; \
	  [ $$status -le 1 ]

# The hostile-input tests hold the release binary to the 1 s bound (the debug one gets 3 s).
test: deps test-tools
	$(SWIFT) build --build-tests
	$(SWIFT) build -c release --static-swift-stdlib --product stackc
	STACKC_TEST_PYTHON=$(abspath $(TEST_VENV))/bin/python3 STACKC_RELEASE_BINARY=$(abspath .build/release/stackc) \
	  $(SWIFT) test --skip-build

# Times stackc against Docker Compose, yamllint, check-jsonschema and the libyaml floor; writes Benchmarks/RESULTS.md.
bench:
	Benchmarks/run.sh

clean:
	rm -rf .build
