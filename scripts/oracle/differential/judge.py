"""The real Docker Compose binary as the judge of one case: `config -q` in a fresh folder."""

import os
import subprocess
import tempfile

# Compose sees these and the case's own variables, nothing else: no stray variable or `.env` decides a case.
BASE_ENV = {"PATH": "/usr/bin:/bin", "HOME": "/tmp"}
# Every case runs in a folder of this name, so the project name Compose derives from it is always the same.
PROJECT_FOLDER = "project"


def version(binary):
    return subprocess.run([binary, "version"], capture_output=True, text=True, check=True).stdout.strip()


def run(binary, yaml_text, env=None, dotenv=None, arguments=("-q",)):
    """(exit status, stdout, stderr) of `docker-compose -f compose.yaml config ARGUMENTS`, with the
    case's folder written as `.` in the output."""
    with tempfile.TemporaryDirectory() as parent:
        folder = os.path.join(os.path.realpath(parent), PROJECT_FOLDER)
        os.mkdir(folder)
        with open(os.path.join(folder, "compose.yaml"), "w", encoding="utf-8", newline="\n") as f:
            f.write(yaml_text)
        if dotenv is not None:
            with open(os.path.join(folder, ".env"), "w", encoding="utf-8", newline="\n") as f:
                f.write(dotenv)
        proc = subprocess.run([binary, "-f", "compose.yaml", "config", *arguments], cwd=folder,
                              env={**BASE_ENV, **(env or {})}, capture_output=True, text=True, timeout=60)
        def stable(text):
            return text.replace(folder + os.sep, "").replace(folder, ".")
        return proc.returncode, stable(proc.stdout), stable(proc.stderr)


def first_error(stderr):
    """The first line that is no warning, trimmed; when it only introduces a list ("…error(s):"), the
    next line is added, since it holds the message."""
    lines = [line.strip() for line in stderr.splitlines()
             if line.strip() and not (line.startswith("time=") and "level=warning" in line)]
    if not lines:
        return ""
    if lines[0].endswith(":") and len(lines) > 1:
        return lines[0] + " " + lines[1]
    return lines[0]


def judge(binary, yaml_text, env=None, dotenv=None):
    """(Compose accepts the case, its error)."""
    code, _, stderr = run(binary, yaml_text, env, dotenv)
    return code == 0, "" if code == 0 else first_error(stderr)
