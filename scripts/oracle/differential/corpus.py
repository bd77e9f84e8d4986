"""The corpus files mutations start from: small Compose files that Compose accepts on their own, and
whose re-written text (`document.emit`) Compose reads exactly as the original."""

import csv
import os

from . import document, judge

# Larger files add little to a case but much to the fixture.
MAX_BYTES = 2000


class Base:
    """One corpus file: its path in the corpus (the case's `source`), its text and its document."""

    def __init__(self, path, text, tree):
        self.path = path
        self.text = text
        self.tree = tree

    def services(self):
        """Names of the services a mutation may change: mappings without `profiles` or `extends`,
        which would make Compose skip or rewrite what the mutation wrote."""
        services = self.tree.get("services")
        if not isinstance(services, dict):
            return []
        return sorted(str(name) for name, body in services.items()
                      if isinstance(body, dict) and "profiles" not in body and "extends" not in body)


def candidates(corpus):
    """Corpus files Compose accepted as copied (the MANIFEST's oracle), small, each content once."""
    seen = set()
    with open(os.path.join(corpus, "MANIFEST.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["set"] != "main" or row["oracle_ok"] != "yes" or int(row["bytes"]) > MAX_BYTES:
                continue
            if row["sha256_16"] in seen:
                continue
            seen.add(row["sha256_16"])
            with open(os.path.join(corpus, row["corpus_path"]), encoding="utf-8") as text:
                content = text.read()
            tree = document.load(content)
            if tree is not None:
                base = Base(row["corpus_path"], content, tree)
                if base.services():
                    yield base


def faithful(binary, base):
    """True when Compose accepts the file and reads the re-written text as the original."""
    arguments = ("--format", "json")
    original = judge.run(binary, base.text, arguments=arguments)
    rewritten = judge.run(binary, document.emit(base.tree), arguments=arguments)
    return original[0] == 0 and rewritten[0] == 0 and original[1] == rewritten[1]
