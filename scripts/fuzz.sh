#!/usr/bin/env bash
# Builds the libFuzzer harness (FuzzTesting/, instrumented with -sanitize=fuzzer,address) into .build-fuzz/ and
# runs it for FUZZ_SECONDS (default 60) on a scratch corpus seeded from samples/ and, when present, the
# shared corpus (STACKC_FUZZ_SEEDS, default /work/shared/corpus). Crashing
# inputs are written to .build-fuzz/artifacts/; the scratch corpus grows across runs.
# Extra arguments go to libFuzzer and win over the defaults, e.g. `scripts/fuzz.sh -timeout=30` on a busy machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

# LeakSanitizer would report the Swift runtime's and the schemas' lazily built globals, which live for the process.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
FUZZ_MAX_LEN="${FUZZ_MAX_LEN:-65536}"
SCRATCH=.build-fuzz
CORPUS="$SCRATCH/corpus"
ARTIFACTS="$SCRATCH/artifacts"
SEEDS="${STACKC_FUZZ_SEEDS:-/work/shared/corpus}"

swift build --package-path FuzzTesting --scratch-path "$SCRATCH" -c debug \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product StackcFuzz
binary="$(swift build --package-path FuzzTesting --scratch-path "$SCRATCH" -c debug --show-bin-path)/StackcFuzz"

# Seeds are copied (by content hash, so reruns add nothing twice) into a corpus only the fuzzer writes to.
mkdir -p "$CORPUS" "$ARTIFACTS"
seed_dirs=()
for dir in samples "$SEEDS"; do [ -d "$dir" ] && seed_dirs+=("$dir"); done
find "${seed_dirs[@]}" -type f \( -name '*.yaml' -o -name '*.yml' \) -size -"$FUZZ_MAX_LEN"c -print0 | xargs -0 -r sha1sum |
  while read -r hash seed; do [ -e "$CORPUS/seed-$hash" ] || cp "$seed" "$CORPUS/seed-$hash"; done

exec "$binary" "$CORPUS" \
  -dict=FuzzTesting/stackc.dict -max_len="$FUZZ_MAX_LEN" -rss_limit_mb=2048 -timeout=5 \
  -max_total_time="$FUZZ_SECONDS" -artifact_prefix="$ARTIFACTS/" -print_final_stats=1 "$@"
