#!/usr/bin/env bash
# Installs what the tests use besides stackc: GNU time (per-child peak memory in the hostile-input tests)
# and a venv holding the independent tools the tests compare stackc with (Python's jsonschema; Alibaba's
# own SDK core, whose ROA signature composer checks `stackc sign`).
# Debian's python3 needs python3-venv for the venv; install missing packages when allowed.
set -euo pipefail
venv=${1:?usage: install-test-tools.sh VENV_DIR}

missing=()
[ -x /usr/bin/time ] || missing+=(time)
if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
    missing+=(python3-venv)
fi
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
        || { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
fi
[ -x /usr/bin/time ] || { echo "install-test-tools: GNU time is missing (apt-get install -y time)" >&2; exit 1; }

[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check jsonschema aliyun-python-sdk-core
