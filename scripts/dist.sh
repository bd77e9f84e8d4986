#!/usr/bin/env bash
# `make dist`: a release tarball for Linux x86_64 that runs without a Swift toolchain, and its SHA-256 file.
#   .build/dist/stackc-VERSION-linux-x86_64.tar.gz  (stackc-VERSION-linux-x86_64/{stackc,README.md})
#   .build/dist/stackc-VERSION-linux-x86_64.tar.gz.sha256  (`sha256sum -c` format)
# The binary is the one `make test` tests (scripts/release-build.sh). Refuses to package a binary that needs
# a shared library README's "Install" section does not name.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/release-build.sh >&2
binary="$(scripts/release-build.sh --show-bin-path)/stackc"
version="$("$binary" --version)"
arch="$(uname -m)"
name="stackc-$version-linux-$arch"
out=.build/dist
stage="$out/$name"
rm -rf "$stage" && mkdir -p "$stage"
install -m 0755 "$binary" "$stage/stackc"
strip --strip-unneeded "$stage/stackc" 2>/dev/null || true
cp README.md "$stage/"

# What the binary may need from the system: glibc's libc and libm, libgcc_s and the loader.
needed="$(objdump -p "$stage/stackc" | awk '/NEEDED/ {print $2}' | sort | tr '\n' ' ')"
for library in $needed; do
    case "$library" in
        libc.so.6|libm.so.6|libgcc_s.so.1|ld-linux-x86-64.so.2) ;;
        *) echo "dist: the binary needs $library, which README's install section does not list" >&2; exit 1 ;;
    esac
done

tar -C "$out" --owner=0 --group=0 --numeric-owner --sort=name -czf "$out/$name.tar.gz" "$name"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "$PWD/$out/$name.tar.gz"
