#!/usr/bin/env python3
"""Record what `docker compose config` prints for a project: `--format json` and the listings.

`stackc render --normalize` must print the same JSON as `docker compose config --format json`, and
`render --services/--images/--volumes/--profiles/--variables` the same listings. This script builds
the cases and asks the real binary:

- every small file of the shared corpus (`/work/shared/corpus/compose`, the ones Compose accepted as
  copied, each content once) as it is;
- mutations of corpus files: one service's key replaced by a value in short syntax that Compose
  rewrites (ports, volumes, environment, healthcheck, durations, sizes, command strings …);
- synthetic cases aimed at each normalisation, with per-case variables, a `.env` file or profiles;
- projects of two files (`-f compose.yaml -f override.yaml`);
- `models` (top-level, which Compose's JSON leaves out, and a service's, short and long syntax) and
  `label_file` (its files written beside the project, folded into `labels`), valid and refused.

Each case runs in a fresh folder named `project` with only PATH and HOME=/tmp set besides the case's
variables; the folder's absolute path is written `.` (`FOLDER/x` as `x`, a path beside the folder
as `../x`) in everything recorded (`relative`). The answers become Tests/DriverTests/Fixtures/compose-normalize.jsonl,
which ComposeNormalizeDifferentialTests replays through `stackc render` in-process.

How it was run (the fixture in the repository was produced exactly like this):

    python3 scripts/oracle/compose_normalize.py \\
        /tmp/compose-venv/lib/python3.11/site-packages/compose/docker-compose \\
        --corpus /work/shared/corpus

    `docker-compose version` -> Docker Compose version v2.40.3

Each output line is {"name", "source", "origin"?, "files": [text…], "tree"?: {path: text}, "env", "composeAccepts",
"error"?, "json"?, "services"?, "images"?, "volumes"?, "profiles"?, "variables"?}: the listings as
lists of lines, sorted where Compose prints them in Go's random map order (images, volumes, services,
variables below their header: `in_stable_order`), so recording again gives the same bytes; `tree` holds more files the project reads
(included files, `.env`), written relative to the project folder. A case made from a corpus file carries
its `origin`: the public repository, commit, path and licence it was copied from. Needs PyYAML (for
the mutations).
"""

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

from differential import document
from differential.judge import BASE_ENV, PROJECT_FOLDER, first_error, version

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "DriverTests", "Fixtures", "compose-normalize.jsonl")
SEED = 20
# Larger corpus files add little to a case but much to the fixture.
MAX_BYTES = 3000
LISTINGS = ["services", "images", "volumes", "profiles", "variables"]

S = "services:\n  web:\n    image: nginx\n"

# (name, compose.yaml, variables): one normalisation each.
SYNTHETIC = [
    # Ports: short syntax, ranges, host addresses, protocols, long syntax defaults.
    ("ports/short", S + "    ports: ['80', '8080:80', '127.0.0.1:8081:81', '9000:90/udp', '[::1]:7000:70']\n", {}),
    ("ports/ranges", S + "    ports: ['5000-5002:6000-6002', '7000-7001:80', '9-10', '3000-3001']\n", {}),
    ("ports/number", S + "    ports: [80, 443]\n", {}),
    ("ports/long", S + "    ports:\n      - target: 80\n      - {target: 81, published: 8081, protocol: udp, mode: host}\n"
     "      - {target: 82, published: '8082', host_ip: 0.0.0.0, name: web, app_protocol: http}\n", {}),
    ("ports/variable", S + "    ports: ['${PORT:-8080}:80', '${HOST_IP}:${P2}:81']\n", {"HOST_IP": "10.0.0.1", "P2": "9090"}),
    ("ports/ipv6-bare", S + "    ports: ['::1:18080:80']\n", {}),
    ("ports/empty-host", S + "    ports: ['127.0.0.1::80', ':81']\n", {}),
    ("ports/protocol-case", S + "    ports: ['80/tcp', '53:53/udp', '132/sctp']\n", {}),
    # Volumes: short syntax in every form, long syntax, paths, options.
    ("volumes/short", S + "    volumes: ['./data:/data', 'logs:/logs', '/tmp', '/srv:/srv:ro', '../up:/up:rw']\nvolumes:\n  logs: {}\n", {}),
    ("volumes/options", S + "    volumes: ['./a:/a:ro,z', './b:/b:Z', './c:/c:rshared', 'cache:/cache:nocopy', './d:/d:ro,rslave']\nvolumes:\n  cache: {}\n", {}),
    ("volumes/home", S + "    volumes: ['~/conf:/conf', '~:/home']\n", {}),
    ("volumes/target-clean", S + "    volumes: ['./a:/data/', './b:/x/../y', 'v:/z//w']\nvolumes:\n  v: {}\n", {}),
    ("volumes/long", S + "    volumes:\n      - type: bind\n        source: ./src\n        target: /src\n        read_only: true\n"
     "      - type: volume\n        source: data\n        target: /data\n        volume: {nocopy: true, subpath: sub}\n"
     "      - type: tmpfs\n        target: /cache\n        tmpfs: {size: 64m, mode: 1777}\n"
     "      - {type: bind, source: /abs, target: /abs, bind: {propagation: rprivate, create_host_path: true}}\nvolumes:\n  data: {}\n", {}),
    ("volumes/named-external", S + "    volumes: ['ext:/ext', 'named:/named']\nvolumes:\n  ext: {external: true}\n  named: {name: custom-name}\n  unused: {}\n", {}),
    ("volumes/driver-opts", S + "    volumes: ['bound:/b']\nvolumes:\n  bound:\n    driver: local\n    driver_opts: {type: none, o: bind, device: ./host}\n", {}),
    ("volumes/variable", S + "    volumes: ['${SRC:-./src}:/src', '${DATA}:/data']\n", {"DATA": "/var/data"}),
    ("volumes/windows", S + "    volumes: ['C:\\\\data:/data']\n", {}),
    ("volumes/labels", S + "    volumes: [v:/v]\nvolumes:\n  v:\n    labels: [a=1, b]\n    driver_opts: {size: 10}\n", {}),
    # Environment and labels in list and mapping form, values typed by YAML, resolved from the environment.
    ("environment/list", S + "    environment: [A=1, 'B=two words', C, D=, E=x=y]\n", {"C": "from-env"}),
    ("environment/map", S + "    environment: {A: 1, B: true, C: 1.5, D: null, E: '', F: 0x10, G: 1e3}\n", {"D": "set"}),
    ("environment/unset", S + "    environment: [UNSET_ONE]\n    labels: [lone]\n", {}),
    ("environment/dollar", S + "    environment: {PRICE: '$$5', REF: '${REF}', LITERAL: 'a$$b$$$$c'}\n", {"REF": "v$$x"}),
    ("environment/html", S + "    environment: {HTML: '<a href=\"x\">&amp;</a>', TAB: \"a\\tb\", NL: \"l1\\nl2\", UNI: 'é→✓'}\n", {}),
    ("labels/forms", S + "    labels: [a=1, b=, c, 'd=x=y']\n  other:\n    image: busybox\n    labels: {x: 1, y: true, z: null, w: 2.50}\n", {}),
    ("labels/deploy", S + "    deploy:\n      labels: [a=b]\n", {}),
    # Commands, entrypoints, healthcheck tests.
    ("command/string", S + "    command: echo \"hello world\" 'single quoted' plain\\ escaped\n", {}),
    ("command/list", S + "    command: [echo, 'a b', '1']\n    entrypoint: [/bin/sh, -c]\n", {}),
    ("command/empty", S + "    command: ''\n    entrypoint: []\n", {}),
    ("command/operators", S + "    command: 'sh -c \"a && b\" ; echo dropped'\n", {}),
    ("command/dollar", S + "    command: 'echo $$HOME $${PATH}'\n    entrypoint: sh -c 'exec \"$$0\"'\n", {}),
    ("command/subshell", S + "    command: echo $(date) `uname`\n", {}),
    ("command/numbers", S + "    command: [sleep, 10]\n", {}),
    ("healthcheck/string", S + "    healthcheck:\n      test: curl -f http://localhost/ || exit 1\n      interval: 30s\n      timeout: 10s\n      retries: 3\n      start_period: 1m\n      start_interval: 5s\n", {}),
    ("healthcheck/list", S + "    healthcheck:\n      test: [CMD, curl, -f, http://localhost]\n      interval: 1m30s\n", {}),
    ("healthcheck/disable", S + "    healthcheck:\n      disable: true\n  other:\n    image: busybox\n    healthcheck:\n      test: [NONE]\n", {}),
    ("healthcheck/zero", S + "    healthcheck:\n      test: [CMD-SHELL, 'true']\n      retries: 0\n      interval: 0s\n", {}),
    # Durations as Go prints them.
    ("durations/units", S + "    stop_grace_period: 1d\n    healthcheck:\n      test: 'true'\n      interval: 1h30m\n      timeout: 1500ms\n      start_period: 90s\n      start_interval: 2m0s\n", {}),
    ("durations/small", S + "    stop_grace_period: 250ms\n    healthcheck:\n      test: 'true'\n      interval: 1.5s\n      timeout: 100us\n      start_period: 10ns\n", {}),
    ("durations/week", S + "    stop_grace_period: 1w\n    deploy:\n      update_config: {delay: 10s, monitor: 1m, parallelism: 2, max_failure_ratio: 0.3, order: start-first, failure_action: rollback}\n"
     "      rollback_config: {delay: 0s, parallelism: 0}\n      restart_policy: {condition: on-failure, delay: 5s, max_attempts: 3, window: 2m}\n", {}),
    ("durations/variable", S + "    stop_grace_period: ${GRACE}\n", {"GRACE": "45s"}),
    # Sizes in bytes.
    ("sizes/units", S + "    mem_limit: 512m\n    mem_reservation: 1g\n    memswap_limit: 2GB\n    shm_size: 64mb\n", {}),
    ("sizes/numbers", S + "    mem_limit: 1073741824\n    shm_size: '1024'\n    mem_swappiness: 60\n", {}),
    ("sizes/odd", S + "    mem_limit: 1.5g\n    shm_size: 10 KiB\n    memswap_limit: -1\n", {}),
    ("sizes/deploy", S + "    deploy:\n      resources:\n        limits: {memory: 256M, cpus: '0.5', pids: 100}\n        reservations: {memory: 128m, cpus: 0.25}\n", {}),
    ("sizes/tmpfs", S + "    tmpfs: [/run, '/tmp:size=64m']\n", {}),
    # Numbers and booleans.
    ("numbers/cpus", S + "    cpus: 1.5\n    cpu_shares: 512\n    cpu_percent: 50\n    cpu_count: 2\n    cpuset: '0,1'\n    cpu_period: 100000\n    cpu_quota: 50000\n", {}),
    ("numbers/floats", S + "    cpus: 0.1\n  other:\n    image: busybox\n    cpus: 0.333\n", {}),
    ("numbers/typed-variables", S + "    cpus: ${CPUS}\n    privileged: ${PRIV}\n    scale: ${SCALE}\n    init: ${INIT}\n", {"CPUS": "0.75", "PRIV": "true", "SCALE": "2", "INIT": "false"}),
    ("numbers/misc", S + "    oom_score_adj: -500\n    pids_limit: 50\n    oom_kill_disable: true\n    read_only: true\n    tty: true\n    stdin_open: true\n    privileged: false\n", {}),
    ("numbers/ulimits", S + "    ulimits:\n      nproc: 65535\n      nofile: {soft: 20000, hard: 40000}\n      core: 0\n", {}),
    ("numbers/blkio", S + "    blkio_config:\n      weight: 300\n      weight_device: [{path: /dev/sda, weight: 400}]\n      device_read_bps: [{path: /dev/sdb, rate: 12mb}]\n      device_write_iops: [{path: /dev/sdb, rate: 30}]\n", {}),
    # Dependencies and what implies them.
    ("depends_on/list", S + "    depends_on: [db, cache]\n  db:\n    image: postgres\n  cache:\n    image: redis\n", {}),
    ("depends_on/long", S + "    depends_on:\n      db: {condition: service_healthy, restart: true}\n      cache: {condition: service_started, required: false}\n"
     "  db:\n    image: postgres\n    healthcheck: {test: [CMD, pg_isready]}\n  cache:\n    image: redis\n", {}),
    ("depends_on/links", S + "    links: [db, 'cache:c']\n  db:\n    image: postgres\n  cache:\n    image: redis\n", {}),
    ("depends_on/network-mode", S + "    network_mode: service:db\n  db:\n    image: postgres\n  other:\n    image: busybox\n    ipc: service:db\n    pid: host\n", {}),
    ("depends_on/volumes-from", S + "    volumes_from: [db, 'cache:ro', 'container:abc']\n  db:\n    image: postgres\n  cache:\n    image: redis\n", {}),
    ("depends_on/chain", "services:\n  a:\n    image: a\n    depends_on: [b]\n  b:\n    image: b\n    depends_on: [c]\n  c:\n    image: c\n  d:\n    image: d\n    depends_on: [a, c]\n", {}),
    # Networks.
    ("networks/default", S + "  db:\n    image: postgres\n", {}),
    ("networks/list", S + "    networks: [front, back]\nnetworks:\n  front: {}\n  back: {driver: bridge}\n  unused: {}\n", {}),
    ("networks/long", S + "    networks:\n      front:\n        aliases: [www, web.local]\n        ipv4_address: 172.16.238.10\n        priority: 10\n      default: {}\n"
     "networks:\n  front:\n    ipam:\n      driver: default\n      config: [{subnet: 172.16.238.0/24, gateway: 172.16.238.1}]\n", {}),
    ("networks/external", S + "    networks: [ext, old]\nnetworks:\n  ext: {external: true}\n  old: {external: {name: legacy}}\n", {}),
    ("networks/named", S + "    networks: [n]\nnetworks:\n  n:\n    name: my-net\n    internal: true\n    attachable: true\n    enable_ipv6: true\n    labels: {a: b}\n    driver_opts: {com.docker.network.bridge.name: br0}\n", {}),
    ("networks/host-mode", S + "    network_mode: host\n  db:\n    image: postgres\n    network_mode: none\n", {}),
    ("networks/empty-list", S + "    networks: []\n", {}),
    ("networks/default-declared", S + "networks:\n  default:\n    name: shared\n    external: true\n", {}),
    # Secrets and configs.
    ("secrets/short", S + "    secrets: [token, other]\nsecrets:\n  token: {file: ./token.txt}\n  other: {environment: HOME}\n  unused: {file: ./x}\n", {}),
    ("secrets/long", S + "    secrets:\n      - source: token\n        target: custom\n        uid: '103'\n        gid: '103'\n        mode: 0440\n      - {source: token, target: /abs/path, mode: 384}\n"
     "secrets:\n  token: {file: /run/token}\n", {}),
    ("secrets/external", S + "    secrets: [ext]\nsecrets:\n  ext: {external: true}\n", {}),
    ("configs/short", S + "    configs: [conf, inline, env]\nconfigs:\n  conf: {file: ./conf.ini}\n  inline: {content: 'key=value $$x'}\n  env: {environment: HOME}\n", {}),
    ("configs/long", S + "    configs:\n      - {source: conf, target: /etc/app.conf, mode: '0644'}\n      - {source: conf, uid: '1'}\nconfigs:\n  conf: {file: conf.ini, labels: [a=1]}\n", {}),
    # Build.
    ("build/string", S + "    build: ./app\n", {}),
    ("build/long", "services:\n  web:\n    build:\n      context: ./app\n      dockerfile: Dockerfile.prod\n      args: [A=1, B, C=]\n      target: prod\n      labels: {a: b}\n      cache_from: [img:cache]\n"
     "      shm_size: 256m\n      network: host\n      extra_hosts: ['h:1.2.3.4']\n      tags: [t1, t2]\n      platforms: [linux/amd64]\n      no_cache: true\n      pull: true\n", {"B": "from-env"}),
    ("build/args-map", "services:\n  web:\n    image: app\n    build:\n      context: .\n      args: {A: 1, B: null, C: null, D: ''}\n", {"B": "bee"}),
    ("build/remote", "services:\n  web:\n    build: https://github.com/docker/compose.git#main\n  other:\n    build: {context: 'git@github.com:x/y.git'}\n", {}),
    ("build/inline", "services:\n  web:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM busybox\n        RUN echo hi\n", {}),
    ("build/additional", "services:\n  web:\n    build:\n      context: .\n      additional_contexts: [base=../base, 'img=docker-image://alpine']\n      ssh: [default]\n      secrets: [tok]\nsecrets:\n  tok: {file: ./t}\n", {}),
    ("build/image-and-build", "services:\n  web:\n    image: registry.local/web:${TAG:-dev}\n    build: .\n  worker:\n    build: {context: ./worker}\n", {}),
    # Deploy, devices, gpus, logging, misc fields.
    ("deploy/full", S + "    deploy:\n      mode: replicated\n      replicas: 3\n      endpoint_mode: vip\n      placement:\n        constraints: [node.role == manager]\n        preferences: [{spread: node.labels.zone}]\n        max_replicas_per_node: 2\n", {}),
    ("deploy/devices", S + "    deploy:\n      resources:\n        reservations:\n          devices:\n            - {capabilities: [gpu], driver: nvidia}\n            - {capabilities: [gpu], count: 2}\n            - {capabilities: [tpu], device_ids: ['0', '1']}\n", {}),
    ("deploy/gpus", S + "    gpus: all\n  other:\n    image: busybox\n    gpus: [{driver: nvidia, count: 1}]\n", {}),
    ("devices/short", S + "    devices: ['/dev/ttyUSB0', '/dev/sda:/dev/xvda', '/dev/fuse:/dev/fuse:rwm', '/dev/snd:/dev/snd:r']\n", {}),
    ("logging/options", S + "    logging:\n      driver: json-file\n      options: {max-size: 10m, max-file: 3}\n", {}),
    ("misc/strings", S + "    container_name: my-web\n    hostname: web\n    domainname: example.com\n    user: '1000:1000'\n    working_dir: /app\n    restart: unless-stopped\n    platform: linux/amd64\n    stop_signal: SIGTERM\n    pull_policy: if_not_present\n", {}),
    ("misc/lists", S + "    cap_add: [NET_ADMIN]\n    cap_drop: [ALL]\n    dns: 8.8.8.8\n    dns_search: example.com\n    dns_opt: [use-vc]\n    security_opt: ['label:user:USER']\n    group_add: [mail]\n    external_links: [redis]\n", {}),
    ("misc/extra-hosts", S + "    extra_hosts: ['db.local:10.0.0.1', 'db.local=10.0.0.2', 'v6:::1', 'br=[::2]']\n  other:\n    image: busybox\n    extra_hosts: {a: 1.1.1.1, b: [2.2.2.2, 3.3.3.3]}\n", {}),
    ("misc/sysctls", S + "    sysctls: [net.core.somaxconn=1024, 'net.ipv4.tcp_syncookies=0']\n  other:\n    image: busybox\n    sysctls: {net.core.somaxconn: 1024}\n", {}),
    ("misc/expose", S + "    expose: [80, '443', 8000-8010]\n", {}),
    ("misc/annotations", S + "    annotations: [com.example.a=1]\n    storage_opt: {size: 1G}\n", {}),
    ("misc/pull-policy", S + "    pull_policy: missing\n  other:\n    image: busybox\n    pull_policy: always\n", {}),
    ("misc/scale", S + "    scale: 2\n  other:\n    image: busybox\n    deploy: {replicas: 0}\n", {}),
    ("misc/hooks", S + "    post_start:\n      - command: echo started\n        user: root\n    pre_stop:\n      - {command: [sh, -c, 'echo stop'], environment: [A=1]}\n", {}),
    ("misc/develop", "services:\n  web:\n    build: .\n    develop:\n      watch:\n        - {path: ./src, action: sync, target: /app/src, ignore: [node_modules/]}\n        - {path: package.json, action: rebuild}\n", {}),
    ("misc/attach-init", S + "    attach: false\n    init: true\n    use_api_socket: true\n", {}),
    ("misc/mac-runtime", S + "    mac_address: 02:42:ac:11:65:43\n    runtime: runc\n    isolation: default\n    userns_mode: host\n    cgroup: private\n    uts: host\n", {}),
    # Entries Compose keeps once: the later of two with the same key, in the earlier one's place.
    ("unicity/ports", S + "    ports: ['80', '80', '8080:80', '3000', '3000-3001', {target: 80, published: '8080'}]\n", {}),
    ("unicity/lists", S + "    environment: [A=1, B=2, A=3]\n    cap_add: [NET_ADMIN, SYS_TIME, NET_ADMIN]\n    expose: ['80', 80, '81']\n    dns: [8.8.8.8, 8.8.8.8]\n", {}),
    ("unicity/mounts", S + "    volumes: ['./a:/data', '/tmp']\n    secrets: [s, {source: s, target: /run/secrets/s, mode: 0400}]\nsecrets:\n  s: {file: ./s}\n", {}),
    # Numbers as Go prints them.
    ("numbers/extension-floats", S + "x-numbers: {big: 1e21, small: 0.0000001, one: 1.0, neg: -2.5, int: 12345678901}\n", {}),
    ("numbers/environment-floats", S + "    environment: {BIG: 1e21, SMALL: 0.0000001, ONE: 1.0, MILLION: 1000000.0, PI: 3.14159}\n", {}),
    # Extensions, names, interpolation.
    ("extensions/top", S + "    x-service-ext: dropped\nx-common: &common {a: 1, b: [x, y], c: null, d: 1.5, e: '<b>'}\nx-zero: 0\n", {}),
    ("extensions/anchors", "x-base: &base\n  image: busybox\n  restart: always\nservices:\n  a:\n    <<: *base\n    command: [a]\n  b:\n    <<: *base\n    restart: 'no'\n", {}),
    ("name/top-level", "name: My_Project-1\n" + S, {}),
    ("name/variable", "name: ${NAME}\n" + S + "    volumes: [v:/v]\nvolumes:\n  v: {}\n", {"NAME": "fromvar"}),
    ("name/env", S + "    volumes: [v:/v]\nvolumes:\n  v: {}\n", {"COMPOSE_PROJECT_NAME": "envname"}),
    ("interpolation/defaults", "services:\n  web:\n    image: '${IMAGE:-nginx}:${TAG-latest}'\n    environment:\n      A: '${A:?A is required}'\n      B: '${B:+set}'\n      C: '${UNSET}'\n      D: '$$literal'\n", {"A": "a", "B": "b"}),
    ("interpolation/nested", "services:\n  web:\n    image: '${REG:-${DEFAULT_REG:-docker.io}}/app'\n    labels:\n      x: '${X:-a}-${Y:+b}-${Z-c}'\n", {"Y": "1"}),
    ("interpolation/braces", "services:\n  web:\n    image: nginx\n    command: echo ${A} $B ${C:-{x}} $$D\n", {"A": "1", "B": "2"}),
    ("interpolation/required-unused", "services:\n  web:\n    image: 'nginx:${V?must be set}'\n", {"V": "1"}),
    # Profiles.
    ("profiles/inactive", S + "  debug:\n    image: busybox\n    profiles: [debug]\n  tools:\n    image: alpine\n    profiles: [tools, debug]\n    volumes: [tv:/tv]\nvolumes:\n  tv: {}\n", {}),
    ("profiles/active", S + "  debug:\n    image: busybox\n    profiles: [debug]\n  tools:\n    image: alpine\n    profiles: [tools]\n", {"COMPOSE_PROFILES": "debug"}),
    ("profiles/all", S + "  debug:\n    image: busybox\n    profiles: [debug]\n  tools:\n    build: ./tools\n    profiles: [tools]\n", {"COMPOSE_PROFILES": "*"}),
    ("profiles/only", "services:\n  a:\n    image: a\n    profiles: [p1]\n  b:\n    image: b\n    profiles: [p2]\n", {"COMPOSE_PROFILES": "p2"}),
    # Refused by Compose: render must refuse too and print nothing.
    ("refused/port", S + "    ports: ['80:80:80:80']\n", {}),
    ("refused/volume", S + "    volumes: ['a:b:c:d']\n", {}),
    ("refused/undefined-volume", S + "    volumes: ['missing:/m']\n", {}),
    ("refused/undefined-network", S + "    networks: [missing]\n", {}),
    ("refused/undefined-secret", S + "    secrets: [missing]\n", {}),
    ("refused/cycle", "services:\n  a:\n    image: a\n    depends_on: [b]\n  b:\n    image: b\n    depends_on: [a]\n", {}),
    ("refused/required-variable", S + "    environment: {A: '${A:?A is required}'}\n", {}),
    ("refused/no-image", "services:\n  web:\n    command: [x]\n", {}),
    ("refused/bad-duration", S + "    stop_grace_period: 10 seconds\n", {}),
    ("refused/bad-size", S + "    mem_limit: lots\n", {}),
    ("refused/bad-command", S + "    command: 'echo \"unclosed'\n", {}),
    ("refused/unknown-key", S + "    colour: blue\n", {}),
    ("refused/depends-inactive", S + "    depends_on: [debug]\n  debug:\n    image: busybox\n    profiles: [debug]\n", {}),
]

# (name, the key of one service, the YAML written there, variables): applied to corpus files.
MUTATIONS = [
    ("ports", "ports", "['8080:80', '127.0.0.1:5000-5001:5000-5001/udp', '9229']", {}),
    ("volumes", "volumes", "['./data:/data:ro,z', '/var/run/docker.sock:/var/run/docker.sock', '/scratch', '~/.cache:/cache']", {}),
    ("environment", "environment", "[A=1, 'B=two words', C, D=]", {"C": "from-env"}),
    ("environment-map", "environment", "{A: 1, B: true, C: null, D: '$$5'}", {}),
    ("healthcheck", "healthcheck", "{test: 'curl -f http://localhost || exit 1', interval: 1m, timeout: 10s, retries: 3, start_period: 1d}", {}),
    ("command", "command", "'sh -c \"echo $$HOME && sleep 1\"'", {}),
    ("entrypoint", "entrypoint", "[/docker-entrypoint.sh, --verbose]", {}),
    ("sizes", "shm_size", "1gb", {}),
    ("grace", "stop_grace_period", "1m30s", {}),
    ("extra-hosts", "extra_hosts", "['db.local:10.0.0.1', 'other=10.0.0.2']", {}),
    ("labels", "labels", "[com.example.a=1, com.example.b=, com.example.c]", {}),
    ("image-variables", "image", "'${REGISTRY:-docker.io}/library/app:${TAG:?tag required}'", {"TAG": "1.2"}),
    ("restart-policy", "deploy", "{restart_policy: {condition: on-failure, delay: 5s, max_attempts: 3}, update_config: {delay: 10s}}", {}),
]
MUTATED_FILES = 6

# (name, compose.yaml, override.yaml, variables): projects of two files.
PAIRS = [
    ("pair/ports", S + "    ports: ['8080:80']\n", "services:\n  web:\n    ports: ['8081:81', '8080:80']\n", {}),
    ("pair/volumes", S + "    volumes: ['./a:/data', 'logs:/logs']\nvolumes:\n  logs: {}\n", "services:\n  web:\n    volumes: ['./b:/data']\n", {}),
    ("pair/environment", S + "    environment: [A=1, B=2]\n", "services:\n  web:\n    environment: {B: three, C: null}\n", {"C": "env"}),
    ("pair/command", S + "    command: echo base\n    entrypoint: [sh]\n", "services:\n  web:\n    command: [echo, override]\n", {}),
    ("pair/image", S, "services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres\n", {}),
    ("pair/networks", S + "    networks: [front]\nnetworks:\n  front: {}\n  back: {}\n", "services:\n  web:\n    networks: {back: {aliases: [api]}}\n", {}),
    ("pair/depends", S + "    depends_on: [db]\n  db:\n    image: postgres\n", "services:\n  web:\n    depends_on:\n      cache: {condition: service_started}\n  cache:\n    image: redis\n", {}),
    ("pair/healthcheck", S + "    healthcheck: {test: [CMD, a], interval: 10s}\n", "services:\n  web:\n    healthcheck: {test: 'b c', retries: 2}\n", {}),
    ("pair/reset", S + "    ports: ['80:80']\n    environment: {A: 1}\n", "services:\n  web:\n    ports: !reset []\n    environment: !override {B: 2}\n", {}),
    ("pair/labels", S + "    labels: {a: '1'}\n", "services:\n  web:\n    labels: [b=2, a=3]\n", {}),
    ("pair/build", "services:\n  web:\n    build: ./app\n", "services:\n  web:\n    build:\n      args: [X=1]\n", {}),
    ("pair/secrets", S + "    secrets: [a]\nsecrets:\n  a: {file: ./a.txt}\n", "services:\n  web:\n    secrets: [b]\nsecrets:\n  b: {file: ./b.txt}\n", {}),
    ("pair/profiles", S, "services:\n  debug:\n    image: busybox\n    profiles: [debug]\n", {}),
    ("pair/profiles-active", S, "services:\n  debug:\n    image: busybox\n    profiles: [debug]\n", {"COMPOSE_PROFILES": "debug"}),
    ("pair/extra-hosts", S + "    extra_hosts: ['a:1.1.1.1']\n", "services:\n  web:\n    extra_hosts: ['b:2.2.2.2', 'a:1.1.1.1']\n", {}),
    ("pair/dns", S + "    dns: 8.8.8.8\n", "services:\n  web:\n    dns: [1.1.1.1]\n", {}),
    ("pair/deploy", S + "    deploy: {replicas: 2, resources: {limits: {memory: 1g}}}\n", "services:\n  web:\n    deploy: {resources: {limits: {cpus: '0.5'}}}\n", {}),
    ("pair/ulimits", S + "    ulimits: {nofile: {soft: 1, hard: 2}}\n", "services:\n  web:\n    ulimits: {nproc: 10}\n", {}),
    ("pair/name", "name: base\n" + S, "name: override\n", {}),
    ("pair/x-extension", S + "x-a: 1\n", "x-a: 2\nx-b: [1]\n", {}),
    ("pair/volumes-top", S + "    volumes: [v:/v]\nvolumes:\n  v: {}\n", "volumes:\n  v: {driver: local, labels: [x=1]}\n", {}),
    ("pair/refused", S, "services:\n  web:\n    ports: ['x:y']\n", {}),
    ("pair/models", S + "    models: [llm]\nmodels:\n  llm: {model: ai/smollm2}\n",
     "services:\n  web:\n    models: [embed]\nmodels:\n  embed: {model: ai/mxbai-embed-large, context_size: 512}\n", {}),
]

M = "models:\n  llm:\n    model: ai/smollm2\n"

# (name, compose.yaml, variables): the top-level `models` (which Compose's JSON leaves out) and a service's `models`.
MODELS = [
    ("short", S + "    models: [llm]\n" + M, {}),
    ("short-several", S + "    models: [llm, embed]\n" + M + "  embed:\n    model: ai/mxbai-embed-large\n", {}),
    ("long", S + "    models:\n      llm:\n        endpoint_var: LLM_URL\n        model_var: LLM_NAME\n" + M, {}),
    ("long-endpoint-only", S + "    models:\n      llm: {endpoint_var: AI_URL}\n" + M, {}),
    ("long-model-var-only", S + "    models:\n      llm: {model_var: AI_MODEL}\n" + M, {}),
    ("long-empty", S + "    models:\n      llm: {}\n" + M, {}),
    ("long-null", S + "    models:\n      llm:\n" + M, {}),
    ("top-fields", S + "    models: [llm]\nmodels:\n  llm:\n    model: ai/smollm2\n    name: small\n    context_size: 4096\n"
     "    runtime_flags: ['--no-prefill-assistant', '--temp', '0.2']\n", {}),
    ("top-unused", S + M + "  spare:\n    model: ai/qwen3\n", {}),
    ("top-only", S + M, {}),
    ("shared", S + "    models: [llm]\n  worker:\n    image: busybox\n    models:\n      llm: {endpoint_var: URL}\n" + M, {}),
    ("variables", S + "    models:\n      llm: {endpoint_var: '${PREFIX}_URL'}\nmodels:\n  llm:\n    model: '${MODEL:-ai/smollm2}'\n    context_size: ${CTX}\n",
     {"PREFIX": "CHAT", "CTX": "2048"}),
    ("profile-inactive", S + "  ai:\n    image: busybox\n    profiles: [ai]\n    models: [llm]\n" + M, {}),
    ("profile-active", S + "  ai:\n    image: busybox\n    profiles: [ai]\n    models: [llm]\n" + M, {"COMPOSE_PROFILES": "ai"}),
    ("extension", S + "    models: [llm]\nmodels:\n  llm:\n    model: ai/smollm2\n    x-note: kept out\n", {}),
    ("quoted-names", S + "    models: ['my.model', 'with-dash']\nmodels:\n  my.model: {model: ai/a}\n  with-dash: {model: ai/b}\n", {}),
    ("anchors", "x-models: &models [llm]\n" + S + "    models: *models\n  other:\n    image: busybox\n    models: *models\n" + M, {}),
    # Refused: lint must refuse exactly these.
    ("refused/undefined-short", S + "    models: [missing]\n" + M, {}),
    ("refused/undefined-long", S + "    models:\n      missing: {endpoint_var: X}\n" + M, {}),
    ("refused/undefined-no-top", S + "    models: [llm]\n", {}),
    ("refused/missing-model", S + "    models: [llm]\nmodels:\n  llm: {context_size: 10}\n", {}),
    ("refused/unknown-field", S + "models:\n  llm:\n    model: ai/x\n    colour: red\n", {}),
    ("refused/context-string", S + "models:\n  llm:\n    model: ai/x\n    context_size: big\n", {}),
    ("refused/endpoint-number", S + "    models:\n      llm: {endpoint_var: 1}\n" + M, {}),
    ("refused/reference-unknown-field", S + "    models:\n      llm: {other: x}\n" + M, {}),
    ("refused/service-string", S + "    models: llm\n" + M, {}),
    ("refused/top-string", S + "models:\n  llm: ai/x\n", {}),
    ("refused/duplicate", S + "    models: [llm, llm]\n" + M, {}),
    ("refused/flags-string", S + "models:\n  llm:\n    model: ai/x\n    runtime_flags: --temp\n", {}),
]

# (name, compose.yaml, {path: text} of the other files, variables): `label_file` folded into `labels`.
LABEL_FILES = [
    ("one", S + "    label_file: app.labels\n", {"app.labels": "team=core\ncom.example.tier=web\n"}, {}),
    ("list-later-wins", S + "    label_file: [a.labels, b.labels]\n", {"a.labels": "tier=web\nteam=core\n", "b.labels": "tier=backend\n"}, {}),
    ("labels-win", S + "    label_file: app.labels\n    labels: {tier: written}\n", {"app.labels": "tier=file\nteam=core\n"}, {}),
    ("labels-list-form", S + "    label_file: app.labels\n    labels: [tier=written, extra]\n", {"app.labels": "tier=file\nteam=core\n"}, {}),
    ("reads-earlier", S + "    label_file: [a.labels, b.labels]\n", {"a.labels": "team=core\n", "b.labels": "owner=${team}-ops\nunset=${NOPE:-none}\n"}, {}),
    ("syntax", S + "    label_file: app.labels\n",
     {"app.labels": "# comment\nexport EXPORTED=yes\nQUOTED=\"two words\"\nSINGLE='$$literal'\nEMPTY=\nSPACED = padded\n"}, {}),
    ("empty-file", S + "    label_file: empty.labels\n    labels: {a: b}\n", {"empty.labels": ""}, {}),
    ("shared", S + "    label_file: common.labels\n  worker:\n    image: busybox\n    label_file: [common.labels]\n",
     {"common.labels": "team=core\n"}, {}),
    ("deploy-untouched", S + "    label_file: app.labels\n    deploy:\n      labels: [swarm=1]\n", {"app.labels": "team=core\n"}, {}),
    ("sub-folder", S + "    label_file: conf/app.labels\n", {"conf/app.labels": "team=core\n"}, {}),
    ("process-not-read", S + "    label_file: app.labels\n", {"app.labels": "owner=${OWNER:-nobody}\n"}, {"OWNER": "from-process"}),
    ("profile-inactive", S + "  tools:\n    image: busybox\n    profiles: [tools]\n    label_file: missing.labels\n", {}, {}),
    ("override", S + "    label_file: base.labels\n",
     {"override.yaml": "services:\n  web:\n    label_file: [over.labels]\n    labels: {c: written}\n", "base.labels": "a=1\nb=base\nc=base\n",
      "over.labels": "b=over\n"}, {}),
    ("refused/missing", S + "    label_file: missing.labels\n", {}, {}),
    ("refused/syntax", S + "    label_file: bad.labels\n", {"bad.labels": "ok=1\nbroken='open\n"}, {}),
]


def relative(text, folder):
    """Paths written relative to the project folder: `FOLDER/x` as `x`, `FOLDER` as `.`, and a path
    beside it (`../base`) as `../base`."""
    parent = os.path.dirname(folder)
    return text.replace(folder + os.sep, "").replace(folder, ".").replace(parent + os.sep, "../").replace(parent, "..")


def corpus_cases(corpus):
    """The small corpus files Compose accepted as copied, each content once, as (path, text, origin):
    `origin` names the file's repository, commit, path and licence (the corpus's MANIFEST.tsv)."""
    seen = set()
    with open(os.path.join(corpus, "MANIFEST.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["set"] != "main" or row["oracle_ok"] != "yes" or int(row["bytes"]) > MAX_BYTES or row["sha256_16"] in seen:
                continue
            seen.add(row["sha256_16"])
            origin = {"repository": f"https://github.com/{row['source_repo']}", "commit": row["commit"], "path": row["source_path"],
                      "license": row["license"]}
            with open(os.path.join(corpus, row["corpus_path"]), encoding="utf-8") as text:
                yield row["corpus_path"], text.read(), origin


def mutated_cases(files):
    """Each mutation on a few corpus files: one service's key replaced."""
    bases = []
    for path, text, origin in files:
        tree = document.load(text)
        services = tree.get("services") if tree else None
        if isinstance(services, dict):
            names = sorted(str(n) for n, body in services.items() if isinstance(body, dict) and "extends" not in body and "profiles" not in body)
            if names:
                bases.append((path, tree, names, origin))
    for name, key, value, env in MUTATIONS:
        rng = random.Random(f"{SEED}/{name}")
        for path, tree, names, origin in sorted(rng.sample(bases, min(MUTATED_FILES, len(bases))), key=lambda base: base[0]):
            chosen = rng.choice(names)
            copy = {k: v for k, v in tree.items()}
            copy["services"] = dict(tree["services"])
            service = dict(copy["services"][chosen])
            service[document.Scalar(key)] = document.Raw(value)
            copy["services"][chosen] = service
            yield {"name": f"mutation/{name}/{path.removeprefix('compose/').removesuffix('.yaml')}", "source": path, "origin": origin,
                   "files": [document.emit(copy)], "env": env}


def generate(corpus):
    files = list(corpus_cases(corpus)) if corpus else []
    cases = [{"name": f"synthetic/{name}", "source": "synthetic", "files": [text], "env": env} for name, text, env in SYNTHETIC]
    cases += [{"name": name, "source": "synthetic", "files": [base, override], "env": env} for name, base, override, env in PAIRS]
    cases += [{"name": f"models/{name}", "source": "synthetic", "files": [text], "env": env} for name, text, env in MODELS]
    # An `override.yaml` of a tree is the project's second `-f` file.
    cases += [{"name": f"label-file/{name}", "source": "synthetic", "files": [text] + ([tree["override.yaml"]] if "override.yaml" in tree else []),
               "tree": {path: body for path, body in tree.items() if path != "override.yaml"}, "env": env}
              for name, text, tree, env in LABEL_FILES]
    cases += [{"name": f"corpus/{path.removeprefix('compose/').removesuffix('.yaml')}", "source": path, "origin": origin, "files": [text],
               "env": {}} for path, text, origin in files]
    cases += list(mutated_cases(files))
    return cases


def record(binary, case):
    with tempfile.TemporaryDirectory() as parent:
        folder = os.path.join(os.path.realpath(parent), PROJECT_FOLDER)
        os.mkdir(folder)
        names = ["compose.yaml", "override.yaml"][:len(case["files"])]
        written = {**dict(zip(names, case["files"])), **case.get("tree", {})}
        for name, text in written.items():
            os.makedirs(os.path.dirname(os.path.join(folder, name)), exist_ok=True)
            with open(os.path.join(folder, name), "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        files = [argument for name in names for argument in ("-f", name)]

        def stable(text):
            return relative(text, folder)

        def run(*arguments):
            proc = subprocess.run([binary, *files, "config", *arguments], cwd=folder, env={**BASE_ENV, **case["env"]},
                                  capture_output=True, text=True, timeout=60)
            return proc.returncode, stable(proc.stdout), stable(proc.stderr)

        code, stdout, stderr = run("--format", "json")
        result = dict(case, composeAccepts=code == 0)
        if code != 0:
            result["error"] = first_error(stderr)
            return result
        result["json"] = stdout
        for listing in LISTINGS:
            code, stdout, stderr = run("--" + listing)
            result[listing] = in_stable_order(listing, stdout.splitlines()) if code == 0 else None
        return result


def in_stable_order(listing, lines):
    """A listing Compose prints in Go's random map order sorted (`--variables` below its header line), so
    that recording again gives the same bytes; `--profiles` is printed sorted already."""
    if listing == "variables":
        return lines[:1] + sorted(lines[1:])
    return lines if listing == "profiles" else sorted(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", help="the docker-compose Go binary")
    parser.add_argument("--corpus", help="the shared corpus folder (with MANIFEST.tsv)")
    parser.add_argument("--jobs", type=int, default=2, help="cases run at once")
    parser.add_argument("--output", default=FIXTURE)
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    print(version(binary), file=sys.stderr)
    cases = generate(arguments.corpus)
    with ThreadPoolExecutor(arguments.jobs) as pool:
        records = list(pool.map(lambda case: record(binary, case), cases))
    with open(arguments.output, "w", encoding="utf-8", newline="\n") as f:
        for line in records:
            f.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
    accepted = sum(line["composeAccepts"] for line in records)
    print(f"{len(records)} cases, {accepted} accepted by Compose -> {os.path.normpath(arguments.output)}", file=sys.stderr)


if __name__ == "__main__":
    main()
