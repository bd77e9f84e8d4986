#!/usr/bin/env bash
# Creates the venv holding the independent tools the tests compare stackc with (Python's jsonschema).
# Debian's python3 needs python3-venv for this; install it when missing and allowed.
set -euo pipefail
venv=${1:?usage: install-test-tools.sh VENV_DIR}
if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-venv >/dev/null
    fi
fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check jsonschema
