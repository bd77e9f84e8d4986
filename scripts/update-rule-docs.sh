#!/usr/bin/env bash
# Regenerates the rule documentation from the rule metadata (`make docs`): the table in README.md and
# docs/rules.md (`stackc rules --format markdown`), the README's table of opt-in security rules
# (`--category security`) and the per-rule reference in docs/rules.md (`stackc rules --format reference`).
# A test fails when the committed text is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product stackc >/dev/null
table=$(.build/debug/stackc rules --format markdown)
reference=$(.build/debug/stackc rules --format reference)
security=$(.build/debug/stackc rules --format markdown --category security)
python3 - "$table" "$reference" "$security" <<'PY'
import sys, re
table, reference, security = (text.rstrip("\n") for text in sys.argv[1:4])
def fill(text, name, body):
    return re.sub(r"(<!-- %s:begin -->\n).*?(<!-- %s:end -->)" % (name, name), lambda m: m.group(1) + body + "\n" + m.group(2), text, flags=re.S)
for path in ["README.md", "docs/rules.md"]:
    text = fill(open(path).read(), "rules", table)
    if path == "README.md":
        text = fill(text, "security-rules", security)
    if path == "docs/rules.md":
        text = fill(text, "reference", reference)
    open(path, "w").write(text)
PY
