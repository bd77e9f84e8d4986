#!/usr/bin/env bash
# Regenerates the rule tables in README.md and docs/rules.md from the rule metadata
# (`stackc rules --format markdown`). A test fails when the committed tables are stale.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product stackc >/dev/null
table=$(.build/debug/stackc rules --format markdown)
python3 - "$table" <<'PY'
import sys, re
table = sys.argv[1].rstrip("\n")
for path in ["README.md", "docs/rules.md"]:
    text = open(path).read()
    new = re.sub(r"(<!-- rules:begin -->\n).*?(<!-- rules:end -->)", lambda m: m.group(1) + table + "\n" + m.group(2), text, flags=re.S)
    open(path, "w").write(new)
PY
