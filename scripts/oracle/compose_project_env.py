#!/usr/bin/env python3
"""Record how Docker Compose reads a project's env_file, label_file and profiles.

Generated projects of two Compose files (`-f compose.yaml -f override.yaml`) with env and label files
beside them: `env_file` short and long syntax, several files, `required: false`, `format: raw`, files
missing or with a statement Compose refuses, values overridden by `environment`/`labels`, `${…}` in
the files; services under profiles enabled by `--profile`, by `COMPOSE_PROFILES` (process or `.env`)
or by none, and `depends_on` a service whose profile is off. Each case has its own variables. Cases
are drawn with a fixed seed; the real binary's `config --format json` of each is recorded. The answers
become Tests/DriverTests/Fixtures/ProjectCases/env/cases.jsonl, which ComposeProjectEnvTests replays
through stackc in-process: the same verdict, and for an accepted project each service Compose runs with
the same `environment` and `labels`.

How it was run (the fixture in the repository was produced exactly like this):

    python3 scripts/oracle/compose_project_env.py \
        /tmp/compose-venv/lib/python3.11/site-packages/compose/docker-compose

    `docker-compose version` -> Docker Compose version v2.40.3

Each output line is {"name", "files": {name: text}, "composeFiles", "profiles", "env", "composeAccepts",
"error"?, "services"?}: `services` maps each service Compose runs to its `environment` and `labels`, with
Compose's `$$` written back as `$`. Python 3 standard library only; the output order is the seeds'.
"""

import json
import os
import random
import subprocess
import tempfile

from differential.recording import record_cases
from differential.judge import BASE_ENV, PROJECT_FOLDER, first_error

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "DriverTests", "Fixtures", "ProjectCases", "env", "cases.jsonl")
CASES = 160

# Env files a case may name; the invalid ones are refused by Compose as a whole.
ENV_FILES = {
    "app.env": "# settings\nMODE=prod\nLEVEL=info\nGREETING=\"hello world\"\n",
    "more.env": "MODE=staging\nEXTRA='single $quoted'\nHOMEDIR=${HOME}/app\n",
    "interp.env": "BASE=one\nDERIVED=${BASE}-two\nFALLBACK=${UNSET_VAR:-default}\nFROM_ENV=${CASE_VAR}\n",
    "export.env": "export EXPORTED=yes\nSPACED = padded\nEMPTY=\n",
    "bare.env": "CASE_VAR\nINLINE=value # comment\n",
    "bad-quote.env": "OK=1\nBROKEN=\"unterminated\n",
    "bad-name.env": "GOOD=1\nNOT VALID=2\n",
}
RAW_FILES = {
    "raw.env": "RAW=\"kept $as written\"\n  INDENTED=x  \n# note\nCASE_VAR\n",
    "raw-bad.env": "FINE=1\nexport BAD=2\n",
}
LABEL_FILES = {
    "labels.env": "team=core\ncom.example.tier=${team}-web\n",
    "labels2.env": "com.example.tier=backend\ncom.example.owner=ops\n",
    "labels-bad.env": "com.example.x='open\n",
}
MISSING = ["missing.env", "nowhere/gone.env"]


def flow(items):
    return "[" + ", ".join(items) + "]"


def env_file_value(rng, names):
    """`env_file` in one of its forms over `names` (each may be written long, optional or raw)."""
    if len(names) == 1 and rng.random() < 0.4:
        return names[0]
    entries = []
    for name in names:
        if name in RAW_FILES:
            entries.append("{path: " + name + ", format: raw}")
        elif name in MISSING and rng.random() < 0.6:
            entries.append("{path: " + name + ", required: false}")
        elif rng.random() < 0.3:
            entries.append("{path: " + name + ", required: true}")
        else:
            entries.append(name)
    return flow(entries)


def key_values(rng, pairs):
    form = rng.choice(["map", "list"])
    if form == "map":
        return "{" + ", ".join(f"{k}: {'null' if v is None else json.dumps(v)}" for k, v in pairs) + "}"
    return flow(json.dumps(k if v is None else f"{k}={v}") for k, v in pairs)


def case(seed):
    rng = random.Random(seed)
    files = {}
    env = {"CASE_VAR": rng.choice(["from-process", "x y"])} if rng.random() < 0.6 else {}
    valid_env = ["app.env", "more.env", "interp.env", "export.env", "bare.env"]
    invalid_env = ["bad-quote.env", "bad-name.env"]
    # Mostly valid projects: an invalid piece in about a third of the cases.
    broken = rng.random() < 0.3
    web_env = rng.sample(valid_env, rng.randint(1, 3))
    if rng.random() < 0.25:
        web_env.append(rng.choice(list(RAW_FILES) if broken and rng.random() < 0.5 else ["raw.env"]))
    if broken:
        kind = rng.choice(["missing", "syntax", "format", "label-missing", "label-syntax", "dependency", "optional-missing"])
    else:
        kind = rng.choice(["none", "optional-missing", "inactive-missing"])
    if kind in ("missing", "optional-missing"):
        web_env.append(rng.choice(MISSING))
    if kind == "syntax":
        web_env.append(rng.choice(invalid_env))
    lines = ["services:", "  web:", "    image: nginx:1.25"]
    if kind == "format":
        lines.append("    env_file: [{path: app.env, format: " + rng.choice(["json", "yaml", "dotenv"]) + "}]")
    else:
        lines.append("    env_file: " + env_file_value(rng, web_env))
    if kind == "optional-missing":
        lines[-1] = "    env_file: " + flow([n if n not in MISSING else "{path: " + n + ", required: false}" for n in web_env])
    if rng.random() < 0.6:
        lines.append("    environment: " + key_values(rng, rng.sample([("MODE", "from-environment"), ("LEVEL", None), ("OWN", "own"),
                                                                      ("GREETING", "${CASE_VAR:-hi}")], rng.randint(1, 3))))
    label_files = rng.sample(list(LABEL_FILES)[:2], rng.randint(0, 2))
    if kind == "label-missing":
        label_files.append("missing.labels")
    if kind == "label-syntax":
        label_files.append("labels-bad.env")
    if label_files:
        lines.append("    label_file: " + (label_files[0] if len(label_files) == 1 and rng.random() < 0.5 else flow(label_files)))
        if rng.random() < 0.5:
            lines.append("    labels: " + key_values(rng, [("com.example.tier", "override")]))
    profile = rng.choice(["debug", "tools"])
    dependency = kind == "dependency" or rng.random() < 0.2
    if dependency:
        required = "" if kind == "dependency" else ", required: false"
        lines.append("    depends_on: " + rng.choice([flow(["helper"]), "{helper: {condition: service_started" + required + "}}"]))
    lines += ["  helper:", f"    image: busybox:1.36", f"    profiles: [{profile}]"]
    if kind == "inactive-missing" or rng.random() < 0.3:
        lines.append("    env_file: " + rng.choice(MISSING + ["app.env"]))
    if rng.random() < 0.4:
        lines += ["  tool:", "    profiles: [tools]", "    build: ."] if rng.random() < 0.5 else ["  tool:", "    profiles: [\"${TOOL_PROFILE}\"]", "    image: alpine:3"]
    files["compose.yaml"] = "\n".join(lines) + "\n"

    over = ["services:", "  web:"]
    change = rng.choice(["env_file", "environment", "label", "profiles", "image"])
    if change == "env_file":
        over.append("    env_file: " + env_file_value(rng, rng.sample(valid_env, 1)))
    elif change == "environment":
        over.append("    environment: " + key_values(rng, [("LEVEL", "debug"), ("ADDED", "yes")]))
    elif change == "label":
        over.append("    labels: " + key_values(rng, [("com.example.owner", "override-owner")]))
    elif change == "profiles":
        over += ["    image: nginx:1.26", "  helper:", "    profiles: [" + rng.choice(["debug", "other"]) + "]"]
    else:
        over.append("    image: nginx:1.27")
    files["override.yaml"] = "\n".join(over) + "\n"

    named = set()
    for text in (files["compose.yaml"], files["override.yaml"]):
        for name in {**ENV_FILES, **RAW_FILES, **LABEL_FILES}:
            if name in text:
                named.add(name)
    for name in sorted(named):
        files[name] = {**ENV_FILES, **RAW_FILES, **LABEL_FILES}[name]

    profiles = []
    choice = rng.choice(["none", "none", "flag", "flags", "variable", "dotenv", "star"])
    if choice == "flag":
        profiles = [profile if rng.random() < 0.7 else "other"]
    elif choice == "flags":
        profiles = ["debug", "tools"]
    elif choice == "variable":
        env["COMPOSE_PROFILES"] = rng.choice([profile, "debug,tools", "other"])
    elif choice == "dotenv":
        files[".env"] = f"COMPOSE_PROFILES={profile}\n"
    elif choice == "star":
        profiles = ["*"]
    if rng.random() < 0.2:
        env["TOOL_PROFILE"] = "tools"
    return {"name": f"env/{seed}", "files": files, "composeFiles": ["compose.yaml", "override.yaml"], "profiles": profiles, "env": env}


def record(binary, entry):
    with tempfile.TemporaryDirectory() as parent:
        folder = os.path.join(os.path.realpath(parent), PROJECT_FOLDER)
        os.mkdir(folder)
        for name, text in entry["files"].items():
            with open(os.path.join(folder, name), "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        arguments = [binary] + [a for f in entry["composeFiles"] for a in ("-f", f)] + [a for p in entry["profiles"] for a in ("--profile", p)]
        proc = subprocess.run(arguments + ["config", "--format", "json"], cwd=folder, env={**BASE_ENV, **entry["env"]},
                              capture_output=True, text=True, timeout=60)
        if proc.returncode != 0:
            return {**entry, "composeAccepts": False, "error": first_error(proc.stderr).replace(folder + os.sep, "")}
    config = json.loads(proc.stdout)

    def unescaped(mapping):
        return {k: (None if v is None else v.replace("$$", "$")) for k, v in (mapping or {}).items()}
    services = {name: {"environment": unescaped(s.get("environment")), "labels": unescaped(s.get("labels"))}
                for name, s in config["services"].items()}
    return {**entry, "composeAccepts": True, "services": services}


def main():
    record_cases(__doc__.splitlines()[0], FIXTURE, [case(seed) for seed in range(CASES)], record)


if __name__ == "__main__":
    main()
