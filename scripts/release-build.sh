#!/usr/bin/env bash
# The one release build: `make release`, `make test`, `make dist` and the benchmarks all run this, so the
# binary that is tested is the binary that ships. The Swift runtime is linked statically (a pre-commit run
# starts in ~5 ms instead of ~8 ms), and so are libyaml and libstdc++ when their archives are installed:
# a folder holding only the archives goes first on the linker's search path, through a copy of libyaml's
# pkg-config file (SwiftPM places pkg-config's -L before the system folders; a plain -Xlinker -L comes too
# late). What stays dynamic is glibc (libc, libm), libgcc_s and the loader; libcurl and libcrypto are opened
# at run time, by `submit`, `sign` and `trigger` only (Package.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
static="$PWD/.build/static-libs"
mkdir -p "$static/pkgconfig"
yaml_pc="$(pkg-config --variable=pcfiledir yaml-0.1)/yaml-0.1.pc"
yaml_archive="$(pkg-config --variable=libdir yaml-0.1)/libyaml.a"
# Any of the C/C++ drivers knows where libstdc++.a is (Swift on Linux needs libstdc++'s development files).
stdcxx_archive=""
for driver in "${CXX:-g++}" gcc clang; do
    candidate="$("$driver" -print-file-name=libstdc++.a 2>/dev/null || true)"
    if [ -f "$candidate" ]; then stdcxx_archive="$candidate"; break; fi
done
for archive in "$yaml_archive" "$stdcxx_archive"; do
    if [ -f "$archive" ]; then ln -sf "$archive" "$static/"; fi
done
sed -e "s|^Libs:.*|Libs: -L$static -lyaml|" "$yaml_pc" > "$static/pkgconfig/yaml-0.1.pc"
export PKG_CONFIG_PATH="$static/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
exec "${SWIFT:-swift}" build -c release --static-swift-stdlib --product stackc "$@"
