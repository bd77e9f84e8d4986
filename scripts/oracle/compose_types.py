#!/usr/bin/env python3
"""Record the type Docker Compose gives each substituted value, for `stackc render --format json`.

compose-go substitutes every string of a Compose file, then casts the strings at its typed paths
(`interpolateTypeCastMapping`: `cpus`, `privileged`, `deploy.replicas`, `ports[].target` …) to numbers
and booleans; everywhere else a substituted value stays a string. This script plants a value at every
one of those typed paths and at a sample of untyped ones (labels, environment, build args, `x-`
extensions, `published`, image, command …), written `${V}`, `"${V}"`, `${U:-…}` and, at the typed
paths, as a quoted literal, with V set to values that read as numbers, booleans or nothing. It asks the
real binary for `config --format json` and records the value found at the planted path. The answers
become Tests/DriverTests/Fixtures/compose-types.jsonl, which ComposeTypesDifferentialTests replays
through `stackc render --format json` in-process: where both print a value, its JSON type and value
must agree, and render must refuse exactly the cases Compose refuses.

How it was run (the fixture in the repository was produced exactly like this):

    python3 scripts/oracle/compose_types.py \
        /tmp/compose-venv/lib/python3.11/site-packages/compose/docker-compose

    `docker-compose version` -> Docker Compose version v2.40.3

Each output line is {"name", "yaml", "env", "path", "composeAccepts", "composeValue"?}: `path` lists the
keys and list indexes of the planted value, the same in the file and in Compose's JSON (long syntax
only, which Compose does not rewrite); `composeValue` is absent when Compose's JSON leaves the path out
(a false boolean it omits, a value it normalises elsewhere). Python 3 standard library only; the
output order is the order of the cases below.
"""

import argparse
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor

from differential import judge

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "DriverTests", "Fixtures", "compose-types.jsonl")

# compose-go v2.9.1's cast table, one planted field each: (name, YAML around the value with {v} for it,
# the path of {v}, the kind of cast).
SERVICE = "services:\n  web:\n    image: busybox\n"
TYPED = [
    ("cpu_count", SERVICE + "    cpu_count: {v}\n", ["services", "web", "cpu_count"], "int"),
    ("cpu_percent", SERVICE + "    cpu_percent: {v}\n", ["services", "web", "cpu_percent"], "float"),
    ("cpu_period", SERVICE + "    cpu_period: {v}\n", ["services", "web", "cpu_period"], "int"),
    ("cpu_quota", SERVICE + "    cpu_quota: {v}\n", ["services", "web", "cpu_quota"], "int"),
    ("cpu_rt_period", SERVICE + "    cpu_rt_period: {v}\n", ["services", "web", "cpu_rt_period"], "int"),
    ("cpu_rt_runtime", SERVICE + "    cpu_rt_runtime: {v}\n", ["services", "web", "cpu_rt_runtime"], "int"),
    ("cpus", SERVICE + "    cpus: {v}\n", ["services", "web", "cpus"], "float"),
    ("cpu_shares", SERVICE + "    cpu_shares: {v}\n", ["services", "web", "cpu_shares"], "int"),
    ("init", SERVICE + "    init: {v}\n", ["services", "web", "init"], "bool"),
    ("deploy-replicas", SERVICE + "    deploy:\n      replicas: {v}\n", ["services", "web", "deploy", "replicas"], "int"),
    ("update-parallelism", SERVICE + "    deploy:\n      update_config:\n        parallelism: {v}\n",
     ["services", "web", "deploy", "update_config", "parallelism"], "int"),
    ("update-failure-ratio", SERVICE + "    deploy:\n      update_config:\n        max_failure_ratio: {v}\n",
     ["services", "web", "deploy", "update_config", "max_failure_ratio"], "float"),
    ("rollback-parallelism", SERVICE + "    deploy:\n      rollback_config:\n        parallelism: {v}\n",
     ["services", "web", "deploy", "rollback_config", "parallelism"], "int"),
    ("rollback-failure-ratio", SERVICE + "    deploy:\n      rollback_config:\n        max_failure_ratio: {v}\n",
     ["services", "web", "deploy", "rollback_config", "max_failure_ratio"], "float"),
    ("restart-max-attempts", SERVICE + "    deploy:\n      restart_policy:\n        max_attempts: {v}\n",
     ["services", "web", "deploy", "restart_policy", "max_attempts"], "int"),
    ("max-replicas-per-node", SERVICE + "    deploy:\n      placement:\n        max_replicas_per_node: {v}\n",
     ["services", "web", "deploy", "placement", "max_replicas_per_node"], "int"),
    ("healthcheck-retries", SERVICE + "    healthcheck:\n      test: [CMD, true]\n      retries: {v}\n",
     ["services", "web", "healthcheck", "retries"], "int"),
    ("healthcheck-disable", SERVICE + "    healthcheck:\n      disable: {v}\n", ["services", "web", "healthcheck", "disable"], "bool"),
    ("oom_kill_disable", SERVICE + "    oom_kill_disable: {v}\n", ["services", "web", "oom_kill_disable"], "bool"),
    ("oom_score_adj", SERVICE + "    oom_score_adj: {v}\n", ["services", "web", "oom_score_adj"], "int"),
    ("pids_limit", SERVICE + "    pids_limit: {v}\n", ["services", "web", "pids_limit"], "int"),
    ("port-target", SERVICE + "    ports:\n      - target: {v}\n", ["services", "web", "ports", 0, "target"], "int"),
    ("privileged", SERVICE + "    privileged: {v}\n", ["services", "web", "privileged"], "bool"),
    ("read_only", SERVICE + "    read_only: {v}\n", ["services", "web", "read_only"], "bool"),
    ("scale", SERVICE + "    scale: {v}\n", ["services", "web", "scale"], "int"),
    ("stdin_open", SERVICE + "    stdin_open: {v}\n", ["services", "web", "stdin_open"], "bool"),
    ("tty", SERVICE + "    tty: {v}\n", ["services", "web", "tty"], "bool"),
    ("ulimit-single", SERVICE + "    ulimits:\n      nproc: {v}\n", ["services", "web", "ulimits", "nproc"], "int"),
    ("ulimit-soft", SERVICE + "    ulimits:\n      nofile:\n        soft: {v}\n        hard: 40000\n",
     ["services", "web", "ulimits", "nofile", "soft"], "int"),
    ("ulimit-hard", SERVICE + "    ulimits:\n      nofile:\n        soft: 2\n        hard: {v}\n",
     ["services", "web", "ulimits", "nofile", "hard"], "int"),
    ("volume-read-only", SERVICE + "    volumes:\n      - type: volume\n        source: data\n        target: /data\n        read_only: {v}\nvolumes:\n  data: {{}}\n",
     ["services", "web", "volumes", 0, "read_only"], "bool"),
    ("volume-nocopy", SERVICE + "    volumes:\n      - type: volume\n        source: data\n        target: /data\n        volume:\n          nocopy: {v}\nvolumes:\n  data: {{}}\n",
     ["services", "web", "volumes", 0, "volume", "nocopy"], "bool"),
    ("network-external", SERVICE + "networks:\n  front:\n    external: {v}\n", ["networks", "front", "external"], "bool"),
    ("network-internal", SERVICE + "networks:\n  front:\n    internal: {v}\n", ["networks", "front", "internal"], "bool"),
    ("network-attachable", SERVICE + "networks:\n  front:\n    attachable: {v}\n", ["networks", "front", "attachable"], "bool"),
    ("network-enable-ipv4", SERVICE + "networks:\n  front:\n    enable_ipv4: {v}\n", ["networks", "front", "enable_ipv4"], "bool"),
    ("network-enable-ipv6", SERVICE + "networks:\n  front:\n    enable_ipv6: {v}\n", ["networks", "front", "enable_ipv6"], "bool"),
    ("volume-external", SERVICE + "volumes:\n  data:\n    external: {v}\n", ["volumes", "data", "external"], "bool"),
    ("secret-external", SERVICE + "secrets:\n  token:\n    external: {v}\n", ["secrets", "token", "external"], "bool"),
    ("config-external", SERVICE + "configs:\n  settings:\n    external: {v}\n", ["configs", "settings", "external"], "bool"),
]

# Fields Compose keeps as strings, where a substitution must stay one (`"1"`, `"true"`, `""`).
UNTYPED = [
    ("label", SERVICE + "    labels:\n      level: {v}\n", ["services", "web", "labels", "level"]),
    ("environment", SERVICE + "    environment:\n      LEVEL: {v}\n", ["services", "web", "environment", "LEVEL"]),
    ("build-arg", "services:\n  web:\n    build:\n      context: .\n      args:\n        LEVEL: {v}\n", ["services", "web", "build", "args", "LEVEL"]),
    ("published", SERVICE + "    ports:\n      - target: 80\n        published: {v}\n", ["services", "web", "ports", 0, "published"]),
    ("hostname", SERVICE + "    hostname: {v}\n", ["services", "web", "hostname"]),
    ("x-extension", SERVICE + "x-level: {v}\n", ["x-level"]),
    ("x-extension-nested", SERVICE + "x-settings:\n  level: {v}\n", ["x-settings", "level"]),
    ("x-extension-list", SERVICE + "x-levels:\n  - {v}\n", ["x-levels", 0]),
]

# The values V takes, by cast, with the default written in `${U:-…}` (U is never set).
VALUES = {
    "int": ["3", "007", "-1", "2.5", "three", ""],
    "float": ["1.5", "2", "1e1", "0.25", "many", ""],
    "bool": ["true", "yes", "FALSE", "off", "1", ""],
    "untyped": ["1", "1.5", "true", "yes", "null", "", "~", "text"],
}


def forms(value):
    """How a planted value is written: substituted plain and quoted, and as a default."""
    return [("plain", "${V}", {"V": value}), ("quoted", '"${V}"', {"V": value}),
            ("default", '"${U:-' + value + '}"', {})]


def generate():
    cases = []
    for name, template, path, cast in TYPED:
        for value in VALUES[cast]:
            for form, text, env in forms(value):
                cases.append({"name": f"typed/{name}/{form}/{value}", "yaml": template.format(v=text), "env": env, "path": path})
            # A quoted literal at a typed path is cast too (compose-go casts every string there).
            cases.append({"name": f"typed/{name}/literal/{value}", "yaml": template.format(v=json.dumps(value)), "env": {}, "path": path})
    for name, template, path in UNTYPED:
        for value in VALUES["untyped"]:
            for form, text, env in forms(value):
                cases.append({"name": f"untyped/{name}/{form}/{value}", "yaml": template.format(v=text), "env": env, "path": path})
    return cases


def lookup(document, path):
    """The value at `path`, or a marker when the JSON has none there."""
    for part in path:
        if isinstance(part, int):
            if not isinstance(document, list) or part >= len(document):
                return lookup
            document = document[part]
        else:
            if not isinstance(document, dict) or part not in document:
                return lookup
            document = document[part]
    return document


def judge_types(binary, case):
    code, stdout, _ = judge.run(binary, case["yaml"], case["env"], None, ("--format", "json"))
    record = dict(case, composeAccepts=code == 0)
    if code == 0:
        found = lookup(json.loads(stdout), case["path"])
        if found is not lookup:
            record["composeValue"] = found
    return record


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", help="the docker-compose Go binary")
    parser.add_argument("--jobs", type=int, default=2, help="cases judged at once")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    print(judge.version(binary), file=sys.stderr)
    cases = generate()
    with ThreadPoolExecutor(arguments.jobs) as pool:
        records = list(pool.map(lambda case: judge_types(binary, case), cases))
    with open(FIXTURE, "w", encoding="utf-8", newline="\n") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    accepted = sum(record["composeAccepts"] for record in records)
    valued = sum("composeValue" in record for record in records)
    print(f"{len(records)} cases ({accepted} accepted, {valued} with a value) -> {os.path.normpath(FIXTURE)}", file=sys.stderr)


if __name__ == "__main__":
    main()
