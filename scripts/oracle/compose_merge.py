#!/usr/bin/env python3
"""Record how Docker Compose merges a project of two files (`-f compose.yaml -f override.yaml`).

A small generator over the keys whose merge compose-go's `override` package treats specially
(environment, labels, ports, volumes, depends_on, networks, dns, extra_hosts, cap_add, expose,
command, entrypoint, healthcheck.test) and over plain mappings (image, top-level networks), each
written in its short and long forms, with `!reset` and `!override` on some keys of the override file.
Pairs are drawn with a fixed seed; the real binary's `config --format json` of each merged pair is
recorded. The answers become Tests/DriverTests/Fixtures/compose-merge.jsonl, which
ComposeMergeDifferentialTests replays through `stackc render -f … --format json` in-process and
compares, key by key, after writing both in Compose's canonical form.

How it was run (the fixture in the repository was produced exactly like this):

    python3 scripts/oracle/compose_merge.py \
        /tmp/compose-venv/lib/python3.11/site-packages/compose/docker-compose

    `docker-compose version` -> Docker Compose version v2.40.3

Each output line is {"name", "files": [base, override], "composeAccepts", "compose"?, "error"?}:
`compose` is the `services` of Compose's JSON. Python 3
standard library only; the output order is the order of the seeds.
"""

import json
import os
import random
import subprocess
import tempfile

from differential.recording import record_cases
from differential.judge import BASE_ENV, PROJECT_FOLDER, first_error

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "DriverTests", "Fixtures", "compose-merge.jsonl")
CASES = 200


def pick(rng, values, low=1, high=2):
    return rng.sample(values, rng.randint(low, min(high, len(values))))


def flow(items):
    return "[" + ", ".join(items) + "]"


def key_values(rng, keys, values):
    """A mapping or a `KEY=value` list, in flow or block style."""
    chosen = pick(rng, keys, 1, 3)
    pairs = [(k, rng.choice(values)) for k in chosen]
    form = rng.choice(["map", "list", "block-map", "block-list"])
    if form == "map":
        # `{A: null}`: libyaml refuses the shorter `{A:, B: 1}`, which Go's YAML reads (a reader difference, not a merge one).
        return "{" + ", ".join(f"{k}: {v if v is not None else 'null'}" for k, v in pairs) + "}"
    if form == "list":
        return flow([f'"{k}={v}"' if v is not None else k for k, v in pairs])
    if form == "block-map":
        return "".join(f"\n      {k}: {v if v is not None else ''}" for k, v in pairs)
    return "".join(f"\n      - {k}={v}" if v is not None else f"\n      - {k}" for k, v in pairs)


# Each generator returns the text after `key:` (flow on the same line, or block lines that follow).
SERVICE_KEYS = {
    "image": lambda rng: rng.choice(["nginx:1", "nginx:2", "busybox"]),
    "command": lambda rng: flow(pick(rng, ["run", "--fast", "serve", "-v"], 1, 3)),
    "entrypoint": lambda rng: flow(pick(rng, ["/bin/sh", "-c", "/entry"], 1, 2)),
    "environment": lambda rng: key_values(rng, ["A", "B", "C"], ["1", "two", "x y", None]),
    "labels": lambda rng: key_values(rng, ["l.one", "l.two", "l.three"], ["a", "b", "on"]),
    # One host port and one mount target per file: two in one file are a finding of their own (stackc's
    # host-port-conflict and mount-conflict), while across files Compose keeps one entry per key.
    "ports": lambda rng: flow(f'"{p}"' for p in pick(rng, ["8080:80", "8081:80", "8082:81", "9000:90/udp", "80"], 1, 3)),
    "volumes": lambda rng: flow(f'"{rng.choice(group)}"' for group in pick(rng, [["/srv/a:/data", "/srv/b:/data"], ["/srv/c:/cache"],
                                                                              ["logs:/logs"], ["/tmp"]], 1, 3)),
    "depends_on": lambda rng: rng.choice([
        flow(["db"]),
        "{db: {condition: " + rng.choice(["service_started", "service_healthy"]) + "}}",
        "\n      db:\n        condition: " + rng.choice(["service_started", "service_completed_successfully"]) + "\n        required: "
        + rng.choice(["true", "false"]),
    ]),
    "networks": lambda rng: rng.choice([flow(pick(rng, ["front", "back"])), "{" + ", ".join(f"{n}: {{}}" for n in pick(rng, ["front", "back"])) + "}",
                                        "{front: {aliases: [" + rng.choice(["web", "www"]) + "]}}"]),
    "dns": lambda rng: rng.choice(["8.8.8.8", flow(pick(rng, ["8.8.8.8", "1.1.1.1", "9.9.9.9"]))]),
    "extra_hosts": lambda rng: flow(f'"{h}"' for h in pick(rng, ["db.local:10.0.0.1", "cache.local:10.0.0.2", "db.local:10.0.0.9"])),
    "cap_add": lambda rng: flow(pick(rng, ["NET_ADMIN", "SYS_TIME", "CHOWN"])),
    "expose": lambda rng: flow(f'"{p}"' for p in pick(rng, ["80", "81", "9000"])),
    "healthcheck": lambda rng: "{test: " + flow(["CMD", rng.choice(["true", "/check", "ping"])]) + ", retries: " + str(rng.randint(1, 5)) + "}",
}
TAGGABLE = ["environment", "labels", "ports", "volumes", "depends_on", "networks", "dns", "cap_add", "command", "healthcheck", "expose"]


def service(rng, name, keys, tags):
    lines = [f"  {name}:"]
    for key in keys:
        value = SERVICE_KEYS[key](rng)
        tag = tags.get(key)
        if tag == "!reset":
            lines.append(f"    {key}: !reset " + ("{}" if key in ("environment", "labels", "depends_on", "networks", "healthcheck") else "[]"))
        elif value.startswith("\n"):
            lines.append(f"    {key}:" + (f" {tag}" if tag else "") + value)
        else:
            lines.append(f"    {key}: " + (f"{tag} " if tag else "") + value)
    return "\n".join(lines)


def case(seed):
    rng = random.Random(seed)
    keys = list(SERVICE_KEYS)
    base_keys = ["image"] + pick(rng, keys[1:], 3, 7)
    over_keys = pick(rng, keys[1:], 2, 6)
    tags = {}
    if rng.random() < 0.5:
        for key in pick(rng, [k for k in over_keys if k in TAGGABLE] or ["environment"], 1, 2):
            if key in over_keys:
                tags[key] = rng.choice(["!reset", "!override"])
    base = "services:\n" + service(rng, "web", base_keys, {}) + "\n  db:\n    image: postgres\n" \
        + "networks:\n  front: {}\n  back: {}\nvolumes:\n  logs: {}\n"
    over = "services:\n" + service(rng, "web", over_keys, tags) + "\n"
    if rng.random() < 0.3:
        over += "  db:\n    image: postgres:16\n    environment: [\"POSTGRES_DB=app\"]\n"
    return {"name": f"merge/{seed}", "files": [base, over]}


def record(binary, entry):
    with tempfile.TemporaryDirectory() as parent:
        folder = os.path.join(os.path.realpath(parent), PROJECT_FOLDER)
        os.mkdir(folder)
        for name, text in zip(["compose.yaml", "override.yaml"], entry["files"]):
            with open(os.path.join(folder, name), "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        proc = subprocess.run([binary, "-f", "compose.yaml", "-f", "override.yaml", "config", "--format", "json"], cwd=folder,
                              env=BASE_ENV, capture_output=True, text=True, timeout=60)
        if proc.returncode != 0:
            return {**entry, "composeAccepts": False, "error": first_error(proc.stderr).replace(folder + os.sep, "")}
    config = json.loads(proc.stdout)
    return {**entry, "composeAccepts": True, "compose": config["services"]}


def main():
    record_cases(__doc__.splitlines()[0], FIXTURE, [case(seed) for seed in range(CASES)], record)


if __name__ == "__main__":
    main()
