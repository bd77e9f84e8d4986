#!/usr/bin/env python3
"""Record how Docker Compose loads multi-file projects: which files it finds, `extends`, `include`.

Each case is a small tree of files under a fresh folder, a folder to run in, command-line arguments
(`-f`, `--project-directory`, `-p`) and variables. Families: default file discovery (each default and
override name, two candidates at once, walking up from sub-folders, no file at all, COMPOSE_FILE with
COMPOSE_PATH_SEPARATOR, --project-directory, the project name from -p, COMPOSE_PROJECT_NAME and
`name:`), `extends` (same file and `file:`, chains, cycles, missing services and files, merge rules,
relative paths of another folder), `include` (short and long syntax, several paths, project_directory,
env_file, conflicts, cycles, missing files, nested includes), and compose-go's own loader test projects
(vendored with their licence beside the fixture). The real binary's `config --format json`
of each case is recorded in Tests/CLITests/Fixtures/ProjectCases/load/cases.jsonl, which
ProjectLoadDifferentialTests replays through `stackc render … --format json` in the same folders.

How it was run (the fixture in the repository was produced exactly like this):

    python3 scripts/oracle/compose_projects.py \
        /tmp/compose-venv/lib/python3.11/site-packages/compose/docker-compose

    `docker-compose version` -> Docker Compose version v2.40.3

Each output line is {"name", "files": {path: text}, "cwd", "args", "env", "projectDir", "composeAccepts",
"error"?, "compose"?}: `projectDir` is the folder relative paths resolve against, as Compose documents
it (the test checks it through every path Compose prints); `compose` holds Compose's project `name` and,
per service, `image`, the build `context`, `environment` as sorted `KEY=value` and bind-mount `volumes`
as `source:target`, every path written relative to the case's root folder. Python 3 standard library only.
"""

import json
import os
import subprocess
import tempfile

from differential.recording import record_cases
from differential.judge import BASE_ENV, first_error

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "CLITests", "Fixtures", "ProjectCases", "load", "cases.jsonl")
# compose-go's own loader test projects (v2.9.1, Apache-2.0; see MANIFEST.md there), vendored unchanged.
COMPOSE_GO = os.path.join(os.path.dirname(FIXTURE), "compose-go")
COMPOSE_GO_ENTRIES = ["combined/compose.yaml", "compose-include.yaml", "compose-include-cycle.yaml", "compose-test-extends.yaml",
                      "compose-test-extends-with-context-url.yaml", "extends/base.yaml", "extends/depends_on.yaml", "extends/interpolated.yaml",
                      "extends/nested.yaml", "extends/ports.yaml", "extends/reset.yaml", "extends/sibling.yaml", "extends/withdir/compose.yaml",
                      "include/compose.yaml", "include/project-directory.yaml"]
MAIN_NAMES = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"]
OVERRIDE_NAMES = ["compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml"]


def service(name, image, extra=""):
    return f"  {name}:\n    image: {image}\n" + extra


def case(name, files, cwd="p", args=(), env=None, project_dir="p"):
    return {"name": name, "files": files, "cwd": cwd, "args": list(args), "env": env or {}, "projectDir": project_dir}


def discovery_cases():
    cases = []
    # Each main name alone, with each override name or none: which ones Compose reads.
    for main in MAIN_NAMES:
        for override in [None] + OVERRIDE_NAMES:
            files = {f"p/{main}": "services:\n" + service("web", "main-" + main.replace(".", "-"))}
            if override:
                files[f"p/{override}"] = "services:\n  web:\n    environment: [FROM=" + override + "]\n"
            cases.append(case(f"discovery/{main}+{override}", files))
    # Two main names, or two override names: the first in Compose's order wins.
    for first, second in [(0, 1), (0, 3), (1, 2), (2, 3)]:
        files = {f"p/{MAIN_NAMES[i]}": "services:\n" + service("web", f"main{i}") for i in (first, second)}
        cases.append(case(f"discovery/two-mains-{first}-{second}", files))
        files = {"p/compose.yaml": "services:\n" + service("web", "main")}
        files.update({f"p/{OVERRIDE_NAMES[i]}": f"services:\n  web:\n    environment: [O={i}]\n" for i in (first, second)})
        cases.append(case(f"discovery/two-overrides-{first}-{second}", files))
    # Walking up from sub-folders; a nearer folder's file wins over a parent's; overrides only beside the main file.
    for depth in range(1, 4):
        sub = "p" + "/d" * depth
        files = {"p/compose.yaml": "services:\n" + service("web", "top", "    build: ./app\n"), f"{sub}/readme.txt": "x\n"}
        cases.append(case(f"walk/depth-{depth}", files, cwd=sub))
        files["p/compose.override.yaml"] = "services:\n  web:\n    volumes: [\"./data:/data\"]\n"
        cases.append(case(f"walk/depth-{depth}-override", files, cwd=sub))
        near = dict(files)
        near[f"{sub}/docker-compose.yml"] = "services:\n" + service("web", "near")
        cases.append(case(f"walk/depth-{depth}-nearer", near, cwd=sub, project_dir=sub))
        lone = {f"{sub}/compose.override.yaml": "services:\n" + service("web", "lone"), "p/compose.yaml": "services:\n" + service("web", "top")}
        cases.append(case(f"walk/depth-{depth}-override-alone-below", lone, cwd=sub))
    cases.append(case("discovery/none", {"p/readme.txt": "x\n"}))
    cases.append(case("discovery/only-override", {"p/compose.override.yaml": "services:\n" + service("web", "o")}))
    # COMPOSE_FILE and its separator; -f wins over it.
    two = {"p/a.yaml": "services:\n" + service("web", "a"), "p/b.yaml": "services:\n  web:\n    environment: [B=1]\n",
           "p/compose.yaml": "services:\n" + service("web", "default")}
    cases.append(case("compose-file/one", two, env={"COMPOSE_FILE": "a.yaml"}))
    cases.append(case("compose-file/two", two, env={"COMPOSE_FILE": "a.yaml:b.yaml"}))
    cases.append(case("compose-file/separator", two, env={"COMPOSE_FILE": "a.yaml,b.yaml", "COMPOSE_PATH_SEPARATOR": ","}))
    cases.append(case("compose-file/flag-wins", two, args=["-f", "b.yaml", "-f", "a.yaml"], env={"COMPOSE_FILE": "a.yaml"}))
    cases.append(case("compose-file/missing", two, env={"COMPOSE_FILE": "nope.yaml"}))
    sub_two = {"p/sub/a.yaml": "services:\n" + service("web", "a", "    build: ./ctx\n"),
               "p/sub/b.yaml": "services:\n  web:\n    volumes: [\"./v:/v\"]\n"}
    cases.append(case("compose-file/subfolder", sub_two, env={"COMPOSE_FILE": "sub/a.yaml:sub/b.yaml"}, project_dir="p/sub"))
    # -f with an override in a sub-folder: its relative paths resolve from the first file's folder.
    over = {"p/compose.yaml": "services:\n" + service("web", "base"),
            "p/env/dev.yaml": "services:\n  web:\n    build: ./app\n    volumes: [\"./src:/src\"]\n"}
    cases.append(case("override/sub-folder", over, args=["-f", "compose.yaml", "-f", "env/dev.yaml"]))
    cases.append(case("override/first-in-sub-folder", over, args=["-f", "env/dev.yaml", "-f", "compose.yaml"], project_dir="p/env"))
    # --project-directory: where default files are looked for and paths resolve.
    proj = {"p/app/compose.yaml": "services:\n" + service("web", "app-${COMPOSE_PROJECT_NAME}", "    build: ./ctx\n"),
            "p/other/x.yaml": "services:\n" + service("web", "x-${COMPOSE_PROJECT_NAME}", "    build: ./ctx\n")}
    cases.append(case("project-directory/defaults", proj, args=["--project-directory", "app"], project_dir="p/app"))
    cases.append(case("project-directory/with-file", proj, args=["--project-directory", "app", "-f", "other/x.yaml"], project_dir="p/app"))
    cases.append(case("project-directory/with-file-elsewhere", proj, args=["-f", "other/x.yaml"], project_dir="p/other"))
    # The project name: -p, COMPOSE_PROJECT_NAME, `name:`, the folder (normalised).
    named = lambda top: {"p/My_App.1/compose.yaml": top + "services:\n" + service("web", "nginx", "    environment:\n      - NAME=${COMPOSE_PROJECT_NAME}\n")}
    for label, top, args, env in [("folder", "", [], {}), ("top-level", "name: shop\n", [], {}), ("variable", "name: shop\n", [], {"COMPOSE_PROJECT_NAME": "fromenv"}),
                                  ("flag", "name: shop\n", ["-p", "flagged"], {"COMPOSE_PROJECT_NAME": "fromenv"}), ("flag-upper", "", ["-p", "Bad Name"], {}),
                                  ("top-level-upper", "name: Shop\n", [], {}), ("empty-variable", "name: shop\n", [], {"COMPOSE_PROJECT_NAME": ""})]:
        cases.append(case(f"name/{label}", named(top), cwd="p/My_App.1", args=args, env=env, project_dir="p/My_App.1"))
    cases.append(case("name/dotenv", {**named(""), "p/My_App.1/.env": "COMPOSE_PROJECT_NAME=dotted\n"}, cwd="p/My_App.1", project_dir="p/My_App.1"))
    cases += name_cases(named)
    cases.append(case("walk/depth-2-dotenv", {"p/compose.yaml": "services:\n" + service("web", "nginx:${TAG}"), "p/.env": "TAG=1.25\n",
                                              "p/a/b/readme": "x\n"}, cwd="p/a/b"))
    return cases


def name_cases(named):
    """What Compose refuses as a project name: -p and COMPOSE_PROJECT_NAME (the process's or .env's) must be
    normalised already (lower-case `a-z 0-9 _ -`, not starting with `_` or `-`); `name:` (interpolated
    first) and the folder's name are normalised instead, and refused only when nothing is left."""
    cases = []
    for label, value in [("capitalised", "Shop"), ("space", "my shop"), ("leading-dash", "-shop"), ("leading-underscore", "_shop"),
                         ("dots", "www.shop"), ("unicode", "shöp"), ("digit-first", "1shop_x-y"), ("empty", "")]:
        args = [f"--project-name={value}"] if value else ["-p", ""]
        cases.append(case(f"name/flag-{label}", named("name: shop\n"), cwd="p/My_App.1", args=args, project_dir="p/My_App.1"))
    for label, value in [("upper", "Shop"), ("space", "my shop"), ("leading-underscore", "_shop"), ("dots", "www.shop"), ("good", "shop-2")]:
        cases.append(case(f"name/variable-{label}", named("name: shop\n"), cwd="p/My_App.1", env={"COMPOSE_PROJECT_NAME": value}, project_dir="p/My_App.1"))
    cases.append(case("name/dotenv-upper", {**named(""), "p/My_App.1/.env": "COMPOSE_PROJECT_NAME=Dotted\n"}, cwd="p/My_App.1", project_dir="p/My_App.1"))
    cases.append(case("name/flag-over-bad-variable", named(""), cwd="p/My_App.1", args=["-p", "good"], env={"COMPOSE_PROJECT_NAME": "Bad"},
                      project_dir="p/My_App.1"))
    for label, top, env in [("space", "name: My Shop\n", {}), ("leading-dash", "name: \"-shop\"\n", {}), ("leading-underscore", "name: _shop\n", {}),
                            ("dots", "name: www.shop.com\n", {}), ("unicode", "name: 日本\n", {}), ("unicode-mixed", "name: café\n", {}),
                            ("empty", "name: \"\"\n", {}), ("only-punctuation", "name: \"--\"\n", {}),
                            ("interpolated", "name: ${NAME}\n", {"NAME": "Shop_1"}), ("interpolated-dots", "name: \"${NAME}\"\n", {"NAME": "my.shop"}),
                            ("interpolated-unset", "name: ${NAME:-}\n", {}), ("interpolated-default", "name: ${NAME:-Fallback}\n", {})]:
        cases.append(case(f"name/top-level-{label}", named(top), cwd="p/My_App.1", env=env, project_dir="p/My_App.1"))
    override = {**named("name: shop\n"), "p/My_App.1/o.yaml": "name: Over Ride\n"}
    cases.append(case("name/override-file", override, cwd="p/My_App.1", args=["-f", "compose.yaml", "-f", "o.yaml"], project_dir="p/My_App.1"))
    for label, folder in [("upper-dots", "My.Shop"), ("leading-underscore", "_build"), ("leading-dash", "-x"), ("unicode", "日本"), ("space", "my shop")]:
        files = {f"p/{folder}/compose.yaml": "services:\n" + service("web", "nginx", "    environment:\n      - NAME=${COMPOSE_PROJECT_NAME}\n")}
        cases.append(case(f"name/folder-{label}", files, cwd=f"p/{folder}", project_dir=f"p/{folder}"))
    return cases


def extends_cases():
    cases = []
    base_keys = {
        "env-list": ("    environment: [A=1, B=2]\n", "    environment: [B=3, C=4]\n"),
        "env-map": ("    environment: {A: '1', B: '2'}\n", "    environment: {B: '3'}\n"),
        "env-mixed": ("    environment: [A=1]\n", "    environment: {B: '2'}\n"),
        "command": ("    command: [a, b]\n", "    command: [c]\n"),
        # No host port: the base is a service of its own too, and one host port twice is stackc's host-port-conflict.
        "ports": ("    ports: [\"80\", \"90/udp\"]\n", "    ports: [\"81\", \"90/udp\"]\n"),
        "volumes": ("    volumes: [\"./a:/data\"]\n", "    volumes: [\"./b:/data\"]\n"),
        "image": ("    image: base:1\n", "    image: own:2\n"),
        "reset": ("    environment: [A=1]\n", "    environment: !reset []\n"),
    }
    # Same file: the string and the mapping form, every merge flavour.
    for form in ("string", "mapping"):
        for label, (base, own) in base_keys.items():
            extends = "    extends: base\n" if form == "string" else "    extends: {service: base}\n"
            text = "services:\n  base:\n    image: nginx\n" + base.replace("    image: base:1\n", "") + "  web:\n" + extends + own
            cases.append(case(f"extends/same-{form}-{label}", {"p/compose.yaml": text}))
    # Chains and cycles.
    chain = "services:\n  a:\n    image: nginx\n    environment: [A=1]\n  b:\n    extends: a\n    environment: [B=1]\n  c:\n    extends: b\n    environment: [C=1]\n"
    cases.append(case("extends/chain-3", {"p/compose.yaml": chain}))
    cases.append(case("extends/chain-order", {"p/compose.yaml": "services:\n  c:\n    extends: b\n  b:\n    extends: a\n  a:\n    image: nginx\n"}))
    for size in (1, 2, 3):
        names = [f"s{i}" for i in range(size)]
        text = "services:\n" + "".join(f"  {n}:\n    image: nginx\n    extends: {names[(i + 1) % size]}\n" for i, n in enumerate(names))
        cases.append(case(f"extends/cycle-{size}", {"p/compose.yaml": text}))
    cases.append(case("extends/cycle-beside-valid", {"p/compose.yaml": "services:\n  ok:\n    image: nginx\n  a:\n    extends: b\n  b:\n    extends: a\n"}))
    cases.append(case("extends/missing-service", {"p/compose.yaml": "services:\n  web:\n    image: nginx\n    extends: nothere\n"}))
    cases.append(case("extends/missing-service-mapping", {"p/compose.yaml": "services:\n  web:\n    image: nginx\n    extends: {service: nothere}\n"}))
    cases.append(case("extends/no-service-key", {"p/compose.yaml": "services:\n  base:\n    image: nginx\n  web:\n    extends: {file: compose.yaml}\n"}))
    # Another file: beside, in a sub-folder, in a parent; its relative paths rebased.
    common = "services:\n  base:\n    image: nginx\n    build: ./app\n    environment: [A=1]\n    volumes: [\"./data:/data\", \"named:/named\"]\n"
    for where, cwd, ref, project in [("beside", "p", "common.yml", "p"), ("sub", "p", "lib/common.yml", "p"), ("parent", "p/app", "../shared/common.yml", "p/app"),
                                     ("deep", "p", "a/b/common.yml", "p"), ("dot", "p", "./lib/common.yml", "p")]:
        path = os.path.normpath(os.path.join(cwd, ref))
        files = {path: common, f"{cwd}/compose.yaml": f"services:\n  web:\n    extends:\n      file: {ref}\n      service: base\n    environment: [B=2]\nvolumes:\n  named: {{}}\n"}
        cases.append(case(f"extends/file-{where}", files, cwd=cwd, project_dir=project))
        missing = {f"{cwd}/compose.yaml": files[f"{cwd}/compose.yaml"]}
        cases.append(case(f"extends/file-{where}-missing", missing, cwd=cwd, project_dir=project))
        wrong = {path: common.replace("  base:", "  other:"), f"{cwd}/compose.yaml": files[f"{cwd}/compose.yaml"]}
        cases.append(case(f"extends/file-{where}-missing-service", wrong, cwd=cwd, project_dir=project))
    # An env_file of an extended service is relative to the extended file's folder.
    for label, present in [("present", True), ("missing", False)]:
        files = {"p/compose.yaml": "services:\n  web:\n    extends: {file: lib/base.yml, service: base}\n",
                 "p/lib/base.yml": "services:\n  base:\n    image: nginx\n    env_file: [app.env]\n"}
        if present:
            files["p/lib/app.env"] = ""
        cases.append(case(f"extends/env-file-{label}", files))
    # Nested: an extended file extends a third file relative to itself.
    nested = {"p/compose.yaml": "services:\n  web:\n    extends: {file: lib/mid.yml, service: mid}\n",
              "p/lib/mid.yml": "services:\n  mid:\n    extends: {file: base/base.yml, service: root}\n    environment: [MID=1]\n",
              "p/lib/base/base.yml": "services:\n  root:\n    image: nginx\n    build: ./ctx\n    env_file: [root.env]\n",
              "p/lib/base/root.env": ""}
    cases.append(case("extends/nested-files", nested))
    nested_same = dict(nested)
    nested_same["p/lib/mid.yml"] = "services:\n  mid:\n    extends: inner\n  inner:\n    extends: {file: base/base.yml, service: root}\n"
    cases.append(case("extends/nested-same-then-file", nested_same))
    cyc = {"p/compose.yaml": "services:\n  web:\n    image: nginx\n    extends: {file: b.yml, service: b}\n",
           "p/b.yml": "services:\n  b:\n    image: nginx\n    extends: {file: compose.yaml, service: web}\n"}
    cases.append(case("extends/cycle-across-files", cyc))
    cases.append(case("extends/bad-yaml-file", {"p/compose.yaml": "services:\n  web:\n    extends: {file: bad.yml, service: b}\n",
                                               "p/bad.yml": "services:\n  b: [unclosed\n"}))
    cases.append(case("extends/file-no-services", {"p/compose.yaml": "services:\n  web:\n    image: nginx\n    extends: {file: empty.yml, service: b}\n",
                                                  "p/empty.yml": "volumes:\n  v: {}\n"}))
    # Extends with overrides: the override's service extends; the base file's extends merged first.
    cases.append(case("extends/in-override", {"p/compose.yaml": "services:\n  base:\n    image: nginx\n    environment: [A=1]\n  web:\n    image: web\n",
                                             "p/compose.override.yaml": "services:\n  web:\n    extends: base\n"}))
    cases.append(case("extends/target-only-in-override", {"p/compose.yaml": "services:\n  web:\n    image: web\n    extends: base\n",
                                                          "p/compose.override.yaml": "services:\n  base:\n    image: nginx\n"}))
    # A service extended by several; an extended service with depends_on and ports merged by key.
    many = "services:\n  base:\n    image: nginx\n    ports: [\"80\"]\n    labels: {a: '1'}\n" + "".join(
        f"  w{i}:\n    extends: base\n    labels: {{b: '{i}'}}\n" for i in range(3))
    cases.append(case("extends/shared-base", {"p/compose.yaml": many}))
    return cases


def include_cases():
    cases = []
    lib = "services:\n  db:\n    image: postgres\n    build: ./dbctx\n    volumes: [\"./init:/init\"]\n"
    local = "services:\n  web:\n    image: nginx\n    depends_on: [db]\n"
    for label, entry in [("short", "  - lib/compose.yaml\n"), ("long", "  - path: lib/compose.yaml\n"), ("long-list", "  - path: [lib/compose.yaml]\n"),
                         ("dot", "  - ./lib/compose.yaml\n")]:
        files = {"p/compose.yaml": "include:\n" + entry + local, "p/lib/compose.yaml": lib}
        cases.append(case(f"include/{label}", files))
        cases.append(case(f"include/{label}-missing", {"p/compose.yaml": files["p/compose.yaml"]}))
        from_sub = {k.replace("p/", "p/app/", 1): v for k, v in files.items()}
        cases.append(case(f"include/{label}-walked-up", {**from_sub, "p/app/x/readme": "x\n"}, cwd="p/app/x", project_dir="p/app"))
    # Several paths: the second merged onto the first, paths relative to the first's folder.
    multi = {"p/compose.yaml": "include:\n  - path: [lib/compose.yaml, lib/extra.yaml]\n" + local, "p/lib/compose.yaml": lib,
             "p/lib/extra.yaml": "services:\n  db:\n    environment: [EXTRA=1]\n    volumes: [\"./more:/more\"]\n"}
    cases.append(case("include/path-list", multi))
    cases.append(case("include/path-list-second-missing", {k: v for k, v in multi.items() if k != "p/lib/extra.yaml"}))
    other = dict(multi)
    other["p/compose.yaml"] = "include:\n  - path: [lib/compose.yaml, over/extra.yaml]\n" + local
    other["p/over/extra.yaml"] = other.pop("p/lib/extra.yaml")
    cases.append(case("include/path-list-other-folder", other))
    # project_directory: relative paths of the included file resolve against it.
    for label, directory in [("sub", "lib"), ("root", "."), ("other", "elsewhere")]:
        files = {"p/compose.yaml": f"include:\n  - path: lib/compose.yaml\n    project_directory: {directory}\n" + local, "p/lib/compose.yaml": lib}
        cases.append(case(f"include/project-directory-{label}", files))
    # env_file: must exist; relative to the including file's folder.
    for label, env_file, present in [("present", "lib/db.env", True), ("missing", "lib/nope.env", False), ("list", "[lib/db.env, lib/db.env]", True)]:
        files = {"p/compose.yaml": f"include:\n  - path: lib/compose.yaml\n    env_file: {env_file}\n" + local, "p/lib/compose.yaml": lib}
        if present:
            files["p/lib/db.env"] = "X=1\n"
        cases.append(case(f"include/env-file-{label}", files))
    # Conflicts: a resource defined locally and by the include.
    for kind, local_text, included_text in [
        ("service-differs", "services:\n  db:\n    image: mysql\n", "services:\n  db:\n    image: postgres\n"),
        ("service-same", "services:\n  db:\n    image: postgres\n", "services:\n  db:\n    image: postgres\n"),
        ("network-differs", "services:\n  web:\n    image: nginx\nnetworks:\n  n:\n    driver: bridge\n", "services:\n  db:\n    image: postgres\nnetworks:\n  n:\n    driver: overlay\n"),
        ("network-same", "services:\n  web:\n    image: nginx\nnetworks:\n  n: {}\n", "services:\n  db:\n    image: postgres\nnetworks:\n  n: {}\n"),
        ("volume-differs", "services:\n  web:\n    image: nginx\nvolumes:\n  v:\n    driver: local\n", "services:\n  db:\n    image: postgres\nvolumes:\n  v:\n    driver: other\n"),
        ("volume-same", "services:\n  web:\n    image: nginx\nvolumes:\n  v: {}\n", "services:\n  db:\n    image: postgres\nvolumes:\n  v: {}\n"),
        ("secret-differs", "services:\n  web:\n    image: nginx\nsecrets:\n  s:\n    file: ./a.txt\n", "services:\n  db:\n    image: postgres\nsecrets:\n  s:\n    file: ./b.txt\n"),
        ("config-differs", "services:\n  web:\n    image: nginx\nconfigs:\n  c:\n    file: ./a.txt\n", "services:\n  db:\n    image: postgres\nconfigs:\n  c:\n    file: ./b.txt\n"),
        ("override-service", "services:\n  web:\n    image: nginx\n", "services:\n  web:\n    image: nginx\n"),
    ]:
        files = {"p/compose.yaml": "include:\n  - inc.yaml\n" + local_text, "p/inc.yaml": included_text, "p/a.txt": "a\n", "p/b.txt": "b\n"}
        cases.append(case(f"include/conflict-{kind}", files))
    # A conflict with an override file is no conflict: the override merges after the include.
    cases.append(case("include/override-after-include", {"p/compose.yaml": "include:\n  - inc.yaml\nservices:\n  web:\n    image: nginx\n",
                                                         "p/inc.yaml": "services:\n  db:\n    image: postgres\n",
                                                         "p/compose.override.yaml": "services:\n  db:\n    image: mysql\n"}))
    # Two includes defining the same service.
    cases.append(case("include/two-define-same", {"p/compose.yaml": "include:\n  - a.yaml\n  - b.yaml\n",
                                                  "p/a.yaml": "services:\n  db:\n    image: postgres\n", "p/b.yaml": "services:\n  db:\n    image: mysql\n"}))
    # An env_file of an included service is relative to the included project's folder.
    for label, present in [("present", True), ("missing", False)]:
        files = {"p/compose.yaml": "include:\n  - lib/compose.yaml\n", "p/lib/compose.yaml": "services:\n  db:\n    image: postgres\n    env_file: db.env\n"}
        if present:
            files["p/lib/db.env"] = ""
        cases.append(case(f"include/service-env-file-{label}", files))
    # Cycles and nesting.
    cases.append(case("include/self", {"p/compose.yaml": "include:\n  - compose.yaml\nservices:\n  web:\n    image: nginx\n"}))
    cases.append(case("include/cycle-2", {"p/compose.yaml": "include:\n  - a.yaml\nservices:\n  web:\n    image: nginx\n",
                                          "p/a.yaml": "include:\n  - compose.yaml\nservices:\n  a:\n    image: nginx\n"}))
    cases.append(case("include/cycle-3", {"p/compose.yaml": "include:\n  - a/a.yaml\nservices:\n  web:\n    image: nginx\n",
                                          "p/a/a.yaml": "include:\n  - ../b/b.yaml\nservices:\n  a:\n    image: nginx\n",
                                          "p/b/b.yaml": "include:\n  - ../a/a.yaml\nservices:\n  b:\n    image: nginx\n"}))
    nested = {"p/compose.yaml": "include:\n  - a/compose.yaml\nservices:\n  web:\n    image: nginx\n",
              "p/a/compose.yaml": "include:\n  - b/compose.yaml\nservices:\n  a:\n    image: nginx\n    build: ./ctx\n",
              "p/a/b/compose.yaml": "services:\n  b:\n    image: nginx\n    build: ./ctx\n    volumes: [\"../data:/data\"]\n"}
    cases.append(case("include/nested", nested))
    cases.append(case("include/nested-missing", {k: v for k, v in nested.items() if k != "p/a/b/compose.yaml"}))
    cases.append(case("include/same-file-twice", {"p/compose.yaml": "include:\n  - a.yaml\n  - a.yaml\n", "p/a.yaml": "services:\n  a:\n    image: nginx\n"}))
    # Extends inside an included file, relative to the included project.
    cases.append(case("include/with-extends", {"p/compose.yaml": "include:\n  - lib/compose.yaml\n",
                                               "p/lib/compose.yaml": "services:\n  db:\n    extends: {file: base.yml, service: base}\n",
                                               "p/lib/base.yml": "services:\n  base:\n    image: postgres\n    build: ./ctx\n"}))
    cases.append(case("include/not-a-list", {"p/compose.yaml": "include: lib/compose.yaml\nservices:\n  web:\n    image: nginx\n", "p/lib/compose.yaml": lib}))
    cases.append(case("include/bad-yaml", {"p/compose.yaml": "include:\n  - bad.yaml\nservices:\n  web:\n    image: nginx\n", "p/bad.yaml": "services: [\n"}))
    # Variables: the including project's environment reaches the included file.
    cases.append(case("include/variables", {"p/compose.yaml": "include:\n  - lib/compose.yaml\n",
                                            "p/lib/compose.yaml": "services:\n  db:\n    image: \"postgres:${TAG:-15}\"\n"}, env={"TAG": "16"}))
    return cases


def compose_go_cases():
    """Each entry file of compose-go's loader test data as `-f FILE`, the whole vendored folder around it."""
    files = {}
    for folder, _, names in os.walk(COMPOSE_GO):
        for name in names:
            if name not in ("LICENSE", "MANIFEST.md"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as f:
                    files["p/" + os.path.relpath(path, COMPOSE_GO)] = f.read()
    files = dict(sorted(files.items()))
    return [case(f"compose-go/{entry}", files, args=["-f", entry], project_dir=os.path.dirname("p/" + entry)) for entry in COMPOSE_GO_ENTRIES]


def relative(value, root):
    return value.replace(root + os.sep, "").replace(root, ".") if isinstance(value, str) else value


def summary(config, root):
    """Compose's project name and, per service, the fields the loader decides."""
    services = {}
    for name, svc in sorted(config.get("services", {}).items()):
        environment = svc.get("environment") or {}
        services[name] = {
            "image": svc.get("image"),
            "context": relative(svc.get("build", {}).get("context"), root) if svc.get("build") else None,
            "environment": sorted(f"{k}={v}" for k, v in environment.items()),
            "volumes": [f"{relative(v.get('source'), root)}:{v.get('target')}" for v in svc.get("volumes", []) if v.get("type") == "bind"],
        }
    return {"name": config.get("name"), "services": services}


def record(binary, entry):
    with tempfile.TemporaryDirectory() as parent:
        root = os.path.realpath(parent)
        for path, text in entry["files"].items():
            os.makedirs(os.path.dirname(os.path.join(root, path)), exist_ok=True)
            with open(os.path.join(root, path), "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        cwd = os.path.join(root, entry["cwd"])
        os.makedirs(cwd, exist_ok=True)
        proc = subprocess.run([binary, *entry["args"], "config", "--format", "json"], cwd=cwd, env={**BASE_ENV, **entry["env"]},
                              capture_output=True, text=True, timeout=60)
        if proc.returncode != 0:
            return {**entry, "composeAccepts": False, "error": relative(first_error(proc.stderr), root)}
        return {**entry, "composeAccepts": True, "compose": summary(json.loads(proc.stdout), root)}


def main():
    record_cases(__doc__.splitlines()[0], FIXTURE, discovery_cases() + extends_cases() + include_cases() + compose_go_cases(), record)


if __name__ == "__main__":
    main()
