#!/usr/bin/env bash
# Regenerates schemas/ from stackc's schema tables (`stackc schema NAME`). A test fails when they are stale.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product stackc >/dev/null
rm -rf schemas/templates schemas/requests
mkdir -p schemas/templates schemas/requests
.build/debug/stackc schema --list | while read -r name file; do
  .build/debug/stackc schema "$name" > "schemas/$file"
done
