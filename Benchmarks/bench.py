#!/usr/bin/env python3
"""Times stackc against its peers and the libyaml floor in one run and writes Benchmarks/RESULTS.md.

Run through Benchmarks/run.sh (make bench), which builds and installs everything used here;
`Benchmarks/run.sh --projects` times only the Compose projects and prints them, writing nothing.
stackc and the floor run in turns (their ratio is the number the targets are about); the peers are
medians of several hyperfine runs; peak RSS from GNU time. Everything is one run, so compare within it.
"""
import glob, json, os, platform, shlex, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, ".build")
STACKC = os.path.join(BUILD, "release", "stackc")
FLOOR = os.path.join(BUILD, "bench", "floor")
VENV = os.path.join(BUILD, "bench-venv")
COMPOSE = glob.glob(os.path.join(VENV, "lib", "python*", "site-packages", "compose", "docker-compose"))[0]
YAMLLINT = os.path.join(VENV, "bin", "yamllint")
CHECK_JSONSCHEMA = os.path.join(VENV, "bin", "check-jsonschema")
CORPUS = os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus"))
DATA = os.path.join(BUILD, "bench", "data")
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
# stackc and the floor run in turns, this many times each: their ratio is the headline number, and on a
# shared machine the load changes between two hyperfine series more than between two turns.
TURNS = int(os.environ.get("BENCH_TURNS", "21"))


def sh(command, **kwargs):
    return subprocess.run(command, shell=True, check=False, capture_output=True, text=True, **kwargs)


def hyperfine(commands, runs=RUNS, warmup=1):
    """Median wall seconds of each command, all in one hyperfine run (bash runs the command lines)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(["hyperfine", "--shell=bash", "--warmup", str(warmup), "--runs", str(runs), "--ignore-failure",
                        "--export-json", out.name] + commands, check=True, capture_output=True)
        return [statistics.median(r["times"]) for r in json.load(open(out.name))["results"]]


def in_turns(commands, turns=TURNS):
    """Median wall seconds of each (argv, stdin path) command, run in turns a, b, a, b, … after one warm-up
    each, without a shell."""
    def once(argv, stdin):
        with open(stdin or os.devnull) as source:
            start = time.perf_counter()
            subprocess.run(argv, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            return time.perf_counter() - start
    for argv, stdin in commands:
        once(argv, stdin)
    samples = [[] for _ in commands]
    for _ in range(turns):
        for index, (argv, stdin) in enumerate(commands):
            samples[index].append(once(argv, stdin))
    return [statistics.median(times) for times in samples]


def peak_rss_kb(command):
    result = sh(f"/usr/bin/time -f '%M' bash -c {shlex.quote(command)} > /dev/null 2> /tmp/bench-rss; tail -1 /tmp/bench-rss")
    try:
        return int(result.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return -1


def file_list(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                files += [os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith((".yml", ".yaml"))]
        else:
            files.append(path)
    return files


def write_list(name, files):
    path = os.path.join(DATA, "".join(c if c.isalnum() else "-" for c in name) + ".list")
    with open(path, "w") as f:
        f.write("\n".join(files) + "\n")
    return path


def compose_loop(list_path):
    """docker compose must be called once per project: a loop over the files, in one timed command."""
    return (f"while read -r f; do {COMPOSE} -p bench -f \"$f\" config -q >/dev/null 2>&1; done < {shlex.quote(list_path)}")


def compose_project_loop(folders):
    """docker compose run in each project folder, finding its files as users rely on it to."""
    return "; ".join(f"(cd {shlex.quote(folder)} && {COMPOSE} -p bench config -q >/dev/null 2>&1)" for folder in folders)


def main():
    os.makedirs(DATA, exist_ok=True)
    only_projects = "--projects" in sys.argv[1:]
    sizes = [] if only_projects else [1250, 2500, 5000]
    for services in sizes:
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate.py"), DATA, "--services", str(services), "--files", "0"], check=True)
    if not only_projects:
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate.py"), DATA, "--services", "10", "--files", "10000"], check=True)

    rows = []

    def measure(label, files, peers, stackc_args=None, project_folders=None):
        """`project_folders`: the inputs are Compose projects, which Docker Compose reads folder by folder."""
        list_path = write_list(label.replace(" ", "-").replace(",", ""), files)
        size = sum(os.path.getsize(f) for f in files)
        stackc = f"{STACKC} lint {' '.join(map(shlex.quote, stackc_args or files))} >/dev/null"
        floor = f"{FLOOR} - < {shlex.quote(list_path)} >/dev/null"
        commands = {"stackc": stackc, "libyaml floor": floor}
        for peer in peers:
            if peer == "docker compose config -q":
                commands[peer] = compose_project_loop(project_folders) if project_folders else compose_loop(list_path)
            elif peer == "yamllint":
                commands[peer] = f"xargs -d '\\n' -a {shlex.quote(list_path)} {YAMLLINT} -d relaxed >/dev/null 2>&1"
            elif peer == "check-jsonschema":
                commands[peer] = f"xargs -d '\\n' -a {shlex.quote(list_path)} {CHECK_JSONSCHEMA} --builtin-schema vendor.compose-spec >/dev/null 2>&1"
        # Docker Compose takes minutes on the large inputs: one run of it, several of the other peers;
        # stackc and the floor in turns (see TURNS).
        slow = {"docker compose config -q"} & set(commands) if len(files) > 50 or size > 1_000_000 else set()
        times = dict(zip(["stackc", "libyaml floor"],
                         in_turns([([STACKC, "lint", *(stackc_args or files)], None), ([FLOOR, "-"], list_path)])))
        peer_names = [n for n in commands if n not in slow and n not in times]
        if peer_names:
            times.update(zip(peer_names, hyperfine([commands[n] for n in peer_names])))
        for name in slow:
            times[name] = hyperfine([commands[name]], runs=1, warmup=0)[0]
        rss = {name: peak_rss_kb(commands[name].replace(" >/dev/null", "")) for name in ("stackc", "libyaml floor")}
        rows.append((label, len(files), size, times, rss))
        print(f"{label}: " + ", ".join(f"{k} {v * 1000:.1f} ms" for k, v in times.items()), flush=True)

    if only_projects:
        measure_projects(measure)
        return
    corpus_files = file_list([os.path.join(CORPUS, "compose"), os.path.join(CORPUS, "pod")])
    measure("corpus (compose + pod)", corpus_files, ["docker compose config -q", "yamllint", "check-jsonschema"],
            stackc_args=[os.path.join(CORPUS, "compose"), os.path.join(CORPUS, "pod")])
    for services in sizes:
        measure(f"{services}-service Compose file", [os.path.join(DATA, f"compose-{services}.yaml")], ["docker compose config -q", "yamllint"] if services == 5000 else [])
    small = file_list([os.path.join(DATA, "small-10000")])
    measure("10,000 small files", small, ["yamllint"], stackc_args=[os.path.join(DATA, "small-10000")])
    measure("one small file (pre-commit)", [os.path.join(ROOT, "samples", "compose", "valid.yaml")],
            ["docker compose config -q", "yamllint", "check-jsonschema"])
    loading = measure_projects(measure)
    # Growth is judged on the three sizes run in turns: measured minutes apart, as the rows above are,
    # they compare two speeds of the machine as much as two sizes.
    growth = dict(zip(sizes, in_turns([([STACKC, "lint", os.path.join(DATA, f"compose-{n}.yaml")], None) for n in sizes])))
    print("growth, in turns: " + ", ".join(f"{n} services {t * 1000:.1f} ms" for n, t in growth.items()), flush=True)
    write_results(rows, growth, loading)


def measure_projects(measure):
    """Compose projects of five files (base, override, an `extends` base, an included project with its
    own `.env`, an env file): 100 small ones linted as a folder, as a pre-commit or CI run meets them,
    and one of 5,000 services named with -f. What loading costs is the project's time less the time of
    the same services in one file (the project rendered by stackc itself): read, merged and resolved
    against read once. Returns the two times, the project's and the one file's."""
    subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate.py"), DATA, "--services", "0", "--files", "0",
                    "--projects", "100", "--project-services", "5000"], check=True)
    folders = sorted(glob.glob(os.path.join(DATA, "projects-100", "p*")))
    measure("100 projects of 5 files (lint DIR)", file_list(folders), ["docker compose config -q"],
            stackc_args=[os.path.join(DATA, "projects-100")], project_folders=folders)
    big = os.path.join(DATA, "project-5000")
    files = [os.path.join(big, "compose.yaml"), os.path.join(big, "compose.override.yaml")]
    named = [argument for path in files for argument in ("-f", path)]
    project_files = file_list([big])
    merged = os.path.join(big, "merged.yaml")
    with open(merged, "w") as out:
        subprocess.run([STACKC, "render", *named], stdout=out, check=True)
    measure("5000-service project (lint -f)", [f for f in project_files if f != merged], [], stackc_args=named)
    project, single = in_turns([([STACKC, "lint", *named], None), ([STACKC, "lint", merged], None)])
    print(f"loading: project {project * 1000:.1f} ms, the same services in one file {single * 1000:.1f} ms", flush=True)
    return project, single


def verdicts(rows, growth):
    """One line per target of issue 7: met or not, with the numbers of this run."""
    by_label = {label: (size, times, rss) for label, _, size, times, rss in rows}
    lines = ["| target | this run | met |", "| --- | --- | --- |"]

    def add(target, measured, met):
        lines.append(f"| {target} | {measured} | {'yes' if met else '**no**'} |")

    if "corpus (compose + pod)" in by_label:
        _, times, _ = by_label["corpus (compose + pod)"]
        for peer, bound in (("docker compose config -q", 50), ("yamllint", 10)):
            if peer in times:
                ratio = times[peer] / times["stackc"]
                add(f"corpus ≥ {bound}× {peer}", f"{ratio:.0f}×", ratio >= bound)
    for label in ("5000-service Compose file", "10,000 small files"):
        if label in by_label:
            size, times, rss = by_label[label]
            ratio = times["stackc"] / times["libyaml floor"]
            add(f"{label} ≤ 3× the floor", f"{ratio:.2f}×", ratio <= 3)
            if rss.get("stackc", 0) > 0:
                limit = 4 * size / 1e6 + 30
                # GNU time reports KiB; the limit is in MB (10⁶ bytes), like the input size.
                megabytes = rss["stackc"] * 1024 / 1e6
                add(f"{label} peak RSS ≤ {limit:.1f} MB", f"{megabytes:.1f} MB", megabytes <= limit)
    if "one small file (pre-commit)" in by_label:
        _, times, _ = by_label["one small file (pre-commit)"]
        add("one small file ≤ 10 ms", f"{times['stackc'] * 1000:.1f} ms", times["stackc"] <= 0.010)
    if growth:
        times = [growth[n] for n in sorted(growth)]
        steps = [times[i + 1] / times[i] for i in range(len(times) - 1)]
        measured = " and ".join(f"{step:.2f}×" for step in steps) + " (" + ", ".join(f"{t * 1000:.1f}" for t in times) + " ms, in turns)"
        add("linear: doubling the input about doubles the time", measured, all(1.5 <= step <= 2.5 for step in steps))
    return lines


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
    memory = next((line.split(":", 1)[1].strip() for line in open("/proc/meminfo") if line.startswith("MemTotal")), "?")
    return f"{os.cpu_count()} cores, {cpu}, {memory} RAM, {platform.platform()}"


def write_results(rows, growth, loading):
    version = lambda cmd: sh(cmd).stdout.strip().splitlines()[0] if sh(cmd).stdout.strip() else "?"
    lines = [
        "# Benchmark results", "",
        f"Machine: {machine()}.",
        f"Peers: {version(COMPOSE + ' version')}; {version(YAMLLINT + ' --version')}; check-jsonschema {version(CHECK_JSONSCHEMA + ' --version')}.",
        f"stackc and the floor: medians of {TURNS} runs taken in turns; peers: medians of {RUNS} hyperfine runs (docker compose over",
        "many files: 1 run — it takes minutes); all in one run of `make bench`.",
        "", "| input | files | MB | tool | median | files/s | MB/s | stackc is … faster | peak RSS |", "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, count, size, times, rss in rows:
        base = times["stackc"]
        for tool, seconds in times.items():
            ratio = "—" if tool == "stackc" else (f"{seconds / base:.1f}×" if tool != "libyaml floor" else f"{seconds / base:.2f}× (stackc/floor {base / seconds:.2f})")
            memory = f"{rss[tool] * 1024 / 1e6:.1f} MB" if tool in rss and rss[tool] > 0 else ""
            lines.append(f"| {label} | {count} | {size / 1e6:.2f} | {tool} | {seconds * 1000:.1f} ms | {count / seconds:,.0f} | {size / 1e6 / seconds:.1f} | {ratio} | {memory} |")
    lines += ["", "Targets (issue 7): corpus ≥ 50× docker compose and ≥ 10× yamllint; large inputs within 3× of the floor with",
              "peak RSS ≤ 4× input + 30 MB; one small file ≤ 10 ms; time linear in size (1250 / 2500 / 5000 services, run in turns).", ""]
    lines += verdicts(rows, growth)
    project, single = loading
    lines += ["", f"Loading a project (issue 20): the 5000-service project of five files takes {project * 1000:.1f} ms to lint with -f, the same",
              f"services rendered into one file {single * 1000:.1f} ms (in turns): reading, merging, `extends`, `include` and env files cost",
              f"{(project - single) * 1000:.1f} ms ({(project - single) / single * 100:+.0f} %, {(project - single) / 5000 * 1e6:.1f} µs a service)."]
    lines += ["", "Where the time goes, measured with perf and callgrind: `Benchmarks/PROFILE.md`.", ""]
    with open(os.path.join(ROOT, "Benchmarks", "RESULTS.md"), "w") as f:
        f.write("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
