#!/usr/bin/env bash
# Installs the system libraries stackc links against (libyaml, libcurl with OpenSSL, libcrypto) and pkg-config,
# and the openssl CLI, which the submit tests use to make their certificates.
# SwiftPM only *warns* when a system library is missing and then fails late at link time
# ("cannot find -lcurl"), so check up front and say exactly what to run.
set -euo pipefail

packages=(pkg-config libyaml-dev libcurl4-openssl-dev libssl-dev openssl)
pc_modules=(yaml-0.1 libcurl libcrypto)

have_all() {
    command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "${pc_modules[@]}" && command -v openssl >/dev/null 2>&1
}

if have_all; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "stackc: installing ${packages[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends "${packages[@]}" >/dev/null 2>&1 \
        || { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${packages[@]}" >/dev/null; }
fi

if ! have_all; then
    echo "stackc: missing system libraries (pkg-config modules: ${pc_modules[*]}) or the openssl command." >&2
    echo "Install them with:  sudo apt-get install -y ${packages[*]}" >&2
    exit 1
fi
