"""The end every recording script shares: judge each case with the Compose binary, two at a time (the
machine has two cores), and write one JSON line per case, sorted keys, so a re-recording diffs cleanly."""
import argparse
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor

from differential.judge import version


def record_cases(description, fixture, cases, record):
    """Parses `BINARY [--output FILE]`, runs `record(binary, case)` over `cases` and writes the lines."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("binary")
    parser.add_argument("--output", default=fixture)
    arguments = parser.parse_args()
    print(version(arguments.binary), file=sys.stderr)
    with ThreadPoolExecutor(max_workers=2) as pool:
        lines = list(pool.map(lambda entry: record(arguments.binary, entry), cases))
    os.makedirs(os.path.dirname(arguments.output) or ".", exist_ok=True)
    with open(arguments.output, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
    accepted = sum(line["composeAccepts"] for line in lines)
    print(f"{len(lines)} cases, {accepted} accepted by Compose", file=sys.stderr)
