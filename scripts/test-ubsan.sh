#!/usr/bin/env bash
# The whole test suite with UndefinedBehaviorSanitizer over the C code stackc runs: swiftc has no
# -sanitize=undefined for Linux (Swift code traps on overflow and bad indices by itself), so the part
# UBSan can check is libyaml, which reads every untrusted byte. libyaml is built from the copy Yams
# vendors (libyaml 0.2.5 plus upstream fixes, the same ABI) with -fsanitize=undefined into
# .build-ubsan/, and the tests and every stackc they start load it instead of the system's library.
# Any undefined behaviour aborts the process that hit it, which fails the test that ran it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

SCRATCH=.build-ubsan
YAMS_URL="${YAMS_URL:-https://github.com/jpsim/Yams.git}"
YAMS_TAG=6.2.2
CLANG="$(dirname "$(command -v swift)")/clang"
RUNTIME_DIR="$(dirname "$("$CLANG" -print-file-name=libclang_rt.ubsan_standalone-x86_64.so)")"

if [ ! -d "$SCRATCH/yams" ]; then
  git clone --quiet --depth 1 --branch "$YAMS_TAG" "$YAMS_URL" "$SCRATCH/yams"
fi
mkdir -p "$SCRATCH/lib"
# Newer libyaml stops at 1,000 nested collections with its own message; 0.2.5, which stackc is built
# against, has no such limit, and stackc's --max-depth is what the hostile tests expect to hear from.
cat > "$SCRATCH/lib/nest-level.c" <<'C'
#include <limits.h>
void yaml_set_max_nest_level(int max);
__attribute__((constructor)) static void stackc_no_nest_limit(void) { yaml_set_max_nest_level(INT_MAX); }
C
"$CLANG" -g -O1 -fsanitize=undefined -fno-sanitize-recover=undefined -shared-libsan -fPIC -shared \
  -Wl,-soname,libyaml-0.so.2 -I "$SCRATCH/yams/Sources/CYaml/include" "$SCRATCH"/yams/Sources/CYaml/src/*.c \
  "$SCRATCH/lib/nest-level.c" -o "$SCRATCH/lib/libyaml-0.so.2"

swift build --build-tests
export LD_LIBRARY_PATH="$PWD/$SCRATCH/lib:$RUNTIME_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
# Proof the sanitized library is the one loaded, not the system's.
ldd .build/debug/stackc | grep -q "$SCRATCH/lib/libyaml-0.so.2" || { echo "test-ubsan: the sanitized libyaml is not loaded" >&2; exit 1; }
swift test --skip-build "$@"
