#!/usr/bin/env python3
"""Record how Docker Compose interpolates an included project: with its own variables.

compose-go's `ApplyInclude` loads each `include:` entry with the including project's environment
(the process, then its `.env`), under which it layers the include's `env_file` entries — or, without
them, the `.env` of the include's project directory — the including side winning every conflict.
These synthetic projects probe that: a `${X:?}` only the included `.env` satisfies, env_file lists and
their precedence, a missing or broken include env file, nested includes each with their own `.env`,
`project_directory` pointing elsewhere, a variable set on both sides, values that never reach the
including file. Each case is a small tree of files in a folder `project` (paths beside it written
`../x`), recorded as `compose_normalize.py` records (`config --format json` and the listings), into
Tests/DriverTests/Fixtures/compose-normalize-include.jsonl, which ComposeNormalizeDifferentialTests
replays with the main recording.

How it was run (the fixture in the repository was produced exactly like this):

    python3 scripts/oracle/compose_include_env.py \\
        /tmp/compose-venv/lib/python3.11/site-packages/compose/docker-compose

    `docker-compose version` -> Docker Compose version v2.40.3

The lines have compose_normalize.py's form, `tree` holding every file besides compose.yaml and override.yaml. Python 3
standard library only (no mutation needs PyYAML); cases are fixed, in the order written here.
"""

import os

from compose_normalize import record
from differential.recording import record_cases

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "DriverTests", "Fixtures", "compose-normalize-include.jsonl")

LIB = "lib/compose.yaml"
WEB = "services:\n  web:\n    image: nginx\n"


def include(*entries):
    return "include:\n" + "".join(entries)


def db(image="postgres:${DB_TAG:?DB_TAG is required}", extra=""):
    return f"services:\n  db:\n    image: \"{image}\"\n" + extra


# (name, compose.yaml, {path: text} of the other files, variables)
CASES = [
    # The included project's .env satisfies what only it defines; the including file never sees it.
    ("dotenv/required", include(f"  - {LIB}\n") + WEB, {LIB: db(), "lib/.env": "DB_TAG=16\n"}, {}),
    ("dotenv/required-unset", include(f"  - {LIB}\n") + WEB, {LIB: db(), "lib/.env": "OTHER=1\n"}, {}),
    ("dotenv/required-no-file", include(f"  - {LIB}\n") + WEB, {LIB: db()}, {}),
    ("dotenv/long-syntax", include(f"  - path: {LIB}\n") + WEB, {LIB: db(), "lib/.env": "DB_TAG=16\n"}, {}),
    ("dotenv/path-list", include(f"  - path: [{LIB}, lib/extra.yaml]\n") + WEB,
     {LIB: db(), "lib/extra.yaml": "services:\n  db:\n    environment: {EXTRA: '${EXTRA_VALUE}'}\n", "lib/.env": "DB_TAG=16\nEXTRA_VALUE=x\n"}, {}),
    # (Both use one form of `${DB_TAG}`: `config --variables` prints the form of whichever use Go's map order meets first.)
    ("dotenv/not-in-includer", include(f"  - {LIB}\n") + "services:\n  web:\n    image: \"nginx:${DB_TAG:-none}\"\n",
     {LIB: db(image="postgres:${DB_TAG:-none}"), "lib/.env": "DB_TAG=16\n"}, {}),
    ("dotenv/not-in-includer-required", include(f"  - {LIB}\n") + "services:\n  web:\n    image: \"nginx:${DB_TAG:?}\"\n",
     {LIB: db(), "lib/.env": "DB_TAG=16\n"}, {}),
    ("dotenv/forms", include(f"  - {LIB}\n") + WEB,
     {LIB: db(extra="    environment:\n      A: '${A:-default}'\n      B: '${B:+alt}'\n      C: '${C?C is required}'\n      D: '${D-dash}'\n"),
      "lib/.env": "DB_TAG=16\nA=a\nB=b\nC=\nexport D=\"quoted value\"\n"}, {}),
    ("dotenv/empty-required", include(f"  - {LIB}\n") + WEB,
     {LIB: db(extra="    environment:\n      E: '${EMPTY:?must not be empty}'\n"), "lib/.env": "DB_TAG=16\nEMPTY=\n"}, {}),
    ("dotenv/typed", include(f"  - {LIB}\n") + WEB,
     {LIB: db(extra="    ports: ['${PORT}:5432']\n    scale: ${SCALE}\n    read_only: ${RO}\n"), "lib/.env": "DB_TAG=16\nPORT=15432\nSCALE=2\nRO=true\n"}, {}),
    ("dotenv/secret", include(f"  - {LIB}\n") + WEB,
     {LIB: db(extra="    environment: {POSTGRES_PASSWORD: '${DB_PASSWORD}'}\n"), "lib/.env": "DB_TAG=16\nDB_PASSWORD=s3cr3t-value\n"}, {}),
    ("dotenv/interpolates-includer", include(f"  - {LIB}\n") + WEB,
     {LIB: db(image="postgres:${DB_TAG}"), "lib/.env": "DB_TAG=${MAJOR}-alpine\n", ".env": "MAJOR=16\n"}, {}),
    ("dotenv/broken", include(f"  - {LIB}\n") + WEB, {LIB: db(), "lib/.env": "DB_TAG=16\nBROKEN=\"unterminated\n"}, {}),
    ("dotenv/extends", include(f"  - {LIB}\n") + WEB,
     {LIB: "services:\n  db:\n    extends: {file: base.yaml, service: base}\n",
      "lib/base.yaml": db().replace("  db:", "  base:"), "lib/.env": "DB_TAG=16\n"}, {}),
    ("dotenv/project-name", include(f"  - {LIB}\n") + WEB,
     {LIB: db(image="postgres:${DB_TAG}", extra="    container_name: '${COMPOSE_PROJECT_NAME}-db'\n"),
      "lib/.env": "DB_TAG=16\nCOMPOSE_PROJECT_NAME=from-lib\n"}, {}),
    ("dotenv/override-file", include(f"  - {LIB}\n") + WEB,
     {LIB: db(), "lib/.env": "DB_TAG=16\n", "override.yaml": "services:\n  db:\n    environment: {FROM_OVERRIDE: '${DB_TAG:?DB_TAG is required}'}\n"}, {}),
    # A variable set on both sides: the including project's environment wins.
    ("conflict/includer-dotenv", include(f"  - {LIB}\n") + WEB,
     {LIB: db(image="postgres:${DB_TAG}"), "lib/.env": "DB_TAG=16\n", ".env": "DB_TAG=15\n"}, {}),
    ("conflict/process", include(f"  - {LIB}\n") + WEB, {LIB: db(image="postgres:${DB_TAG}"), "lib/.env": "DB_TAG=16\n"}, {"DB_TAG": "14"}),
    ("conflict/includer-reaches", include(f"  - {LIB}\n") + WEB,
     {LIB: db(extra="    environment: {FROM_TOP: '${TOP_ONLY}'}\n"), "lib/.env": "DB_TAG=16\n", ".env": "TOP_ONLY=top\n"}, {}),
    ("conflict/two-includes", include("  - a/compose.yaml\n  - b/compose.yaml\n"),
     {"a/compose.yaml": "services:\n  a:\n    image: \"a:${TAG}\"\n", "a/.env": "TAG=one\n",
      "b/compose.yaml": "services:\n  b:\n    image: \"b:${TAG}\"\n", "b/.env": "TAG=two\n"}, {}),
    ("conflict/same-file-two-env-files", include(f"  - path: {LIB}\n    env_file: one.env\n  - path: {LIB}\n    env_file: two.env\n"),
     {LIB: db(image="postgres:${DB_TAG}"), "one.env": "DB_TAG=1\n", "two.env": "DB_TAG=2\n"}, {}),
    ("conflict/same-file-same-env", include(f"  - path: {LIB}\n    env_file: one.env\n  - path: {LIB}\n    env_file: one.env\n"),
     {LIB: db(image="postgres:${DB_TAG}"), "one.env": "DB_TAG=1\n"}, {}),
    # env_file: replaces the .env, relative to the including folder, in order, must exist.
    ("env-file/one", include(f"  - path: {LIB}\n    env_file: db.env\n") + WEB, {LIB: db(), "db.env": "DB_TAG=16\n"}, {}),
    ("env-file/replaces-dotenv", include(f"  - path: {LIB}\n    env_file: db.env\n") + WEB,
     {LIB: db(), "db.env": "OTHER=1\n", "lib/.env": "DB_TAG=16\n"}, {}),
    ("env-file/list-precedence", include(f"  - path: {LIB}\n    env_file: [first.env, second.env]\n") + WEB,
     {LIB: db(image="postgres:${DB_TAG}", extra="    environment: {ONLY_FIRST: '${ONLY_FIRST}', ONLY_SECOND: '${ONLY_SECOND}'}\n"),
      "first.env": "DB_TAG=15\nONLY_FIRST=1\n", "second.env": "DB_TAG=16\nONLY_SECOND=2\n"}, {}),
    ("env-file/list-reads-earlier", include(f"  - path: {LIB}\n    env_file: [first.env, second.env]\n") + WEB,
     {LIB: db(image="postgres:${DB_TAG}"), "first.env": "MAJOR=16\n", "second.env": "DB_TAG=${MAJOR}.1\n"}, {}),
    ("env-file/in-lib", include(f"  - path: {LIB}\n    env_file: lib/db.env\n") + WEB, {LIB: db(), "lib/db.env": "DB_TAG=16\n"}, {}),
    ("env-file/missing", include(f"  - path: {LIB}\n    env_file: nope.env\n") + WEB, {LIB: db(), "lib/.env": "DB_TAG=16\n"}, {}),
    ("env-file/one-of-two-missing", include(f"  - path: {LIB}\n    env_file: [db.env, nope.env]\n") + WEB,
     {LIB: db(), "db.env": "DB_TAG=16\n"}, {}),
    ("env-file/directory", include(f"  - path: {LIB}\n    env_file: lib\n") + WEB, {LIB: db(), "lib/.env": "DB_TAG=16\n"}, {}),
    ("env-file/process-wins", include(f"  - path: {LIB}\n    env_file: db.env\n") + WEB,
     {LIB: db(image="postgres:${DB_TAG}"), "db.env": "DB_TAG=16\n"}, {"DB_TAG": "13"}),
    # project_directory: the .env comes from there, not from the included file's folder.
    ("project-directory/elsewhere", include(f"  - path: {LIB}\n    project_directory: conf\n") + WEB,
     {LIB: db(), "conf/.env": "DB_TAG=16\n", "lib/.env": "DB_TAG=9\n"}, {}),
    ("project-directory/elsewhere-unset", include(f"  - path: {LIB}\n    project_directory: conf\n") + WEB,
     {LIB: db(), "lib/.env": "DB_TAG=16\n", "conf/readme": "no .env here\n"}, {}),
    ("project-directory/dot", include(f"  - path: {LIB}\n    project_directory: .\n") + WEB,
     {LIB: db(image="postgres:${DB_TAG:-none}"), "lib/.env": "DB_TAG=16\n"}, {}),
    ("project-directory/outside", include(f"  - path: {LIB}\n    project_directory: ../shared\n") + WEB,
     {LIB: db(), "../shared/.env": "DB_TAG=16\n"}, {}),
    # Nested includes, each with its own .env, layered: the outer include wins over the inner.
    ("nested/own-dotenvs", include("  - a/compose.yaml\n") + WEB,
     {"a/compose.yaml": include("  - b/compose.yaml\n") + "services:\n  a:\n    image: \"a:${A_TAG:?}\"\n", "a/.env": "A_TAG=1\n",
      "a/b/compose.yaml": "services:\n  b:\n    image: \"b:${B_TAG:?}\"\n    environment: {FROM_A: '${A_TAG:?}'}\n", "a/b/.env": "B_TAG=2\n"}, {}),
    ("nested/outer-wins", include("  - a/compose.yaml\n") + WEB,
     {"a/compose.yaml": include("  - b/compose.yaml\n") + "services:\n  a:\n    image: a\n", "a/.env": "SHARED=outer\n",
      "a/b/compose.yaml": "services:\n  b:\n    image: \"b:${SHARED}\"\n", "a/b/.env": "SHARED=inner\n"}, {}),
    ("nested/inner-not-outer", include("  - a/compose.yaml\n") + WEB,
     {"a/compose.yaml": include("  - b/compose.yaml\n") + "services:\n  a:\n    image: \"a:${B_TAG:?only b has it}\"\n",
      "a/b/compose.yaml": "services:\n  b:\n    image: \"b:${B_TAG}\"\n", "a/b/.env": "B_TAG=2\n"}, {}),
    ("nested/env-file-relative", include("  - a/compose.yaml\n") + WEB,
     {"a/compose.yaml": include("  - path: b/compose.yaml\n    env_file: b.env\n") + "services:\n  a:\n    image: a\n",
      "a/b.env": "B_TAG=3\n", "a/b/compose.yaml": "services:\n  b:\n    image: \"b:${B_TAG:?}\"\n"}, {}),
    # Variables that decide more than a value.
    ("bare-environment", include(f"  - {LIB}\n") + WEB,
     {LIB: db(image="postgres", extra="    environment: [FROM_LIB_DOTENV]\n"), "lib/.env": "FROM_LIB_DOTENV=lib\n"}, {}),
    ("profiles", include(f"  - {LIB}\n") + WEB,
     {LIB: db(image="postgres", extra="    profiles: ['${DB_PROFILE}']\n"), "lib/.env": "DB_PROFILE=db\n"}, {"COMPOSE_PROFILES": "db"}),
]


def cases():
    """The cases as recorded: an `override.yaml` of the tree is the project's second `-f` file."""
    return [{"name": f"include-env/{name}", "source": "synthetic", "files": [compose] + ([tree["override.yaml"]] if "override.yaml" in tree else []),
             "tree": {path: text for path, text in tree.items() if path != "override.yaml"}, "env": env}
            for name, compose, tree, env in CASES]


def main():
    record_cases(__doc__.splitlines()[0], FIXTURE, cases(), record)


if __name__ == "__main__":
    main()
