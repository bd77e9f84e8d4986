"""Mutations as data: a `Template` names its class, its edits and the variables of its run, and is
applied to a few corpus files picked at random (seeded, so every run makes the same cases).

Edits write YAML text (`document.Raw`) at a path of the chosen service (`S`), of the document (`T`),
or as a repeated key (`D`); `X` removes a key of the service, `XT` one of the document. A path's keys
are separated by `/`. In paths and text `@svc` stands for the chosen service's name and `@other` for
another service of the file (templates using it pick files with at least two services). The chosen
service is one a mutation may change (`corpus.Base.services`).
"""

import random

from .document import Raw, Scalar

SEED = 18


class Template:
    """One mutation of class `cls`, applied to `count` corpus files."""

    def __init__(self, cls, name, *edits, env=None, dotenv=None, count=5, where=None):
        """`env`: the case's variables; `dotenv`: its `.env` file; `where`: a test of the corpus file
        (`corpus.Base`) this template needs, such as a top-level section."""
        self.cls = cls
        self.name = name
        self.edits = edits
        self.env = env
        self.dotenv = dotenv
        self.count = count
        self.where = where or (lambda base: True)

    def needs_other(self):
        return any("@other" in edit.text or "@other" in edit.path for edit in self.edits)

    def cases(self, bases):
        """(case name, base, mutated document) for the files this template is applied to."""
        rng = random.Random(f"{SEED}/{self.cls}/{self.name}")
        minimum = 2 if self.needs_other() else 1
        eligible = [base for base in bases if len(base.services()) >= minimum and self.where(base)]
        for base in sorted(rng.sample(eligible, min(self.count, len(eligible))), key=lambda b: b.path):
            services = base.services()
            chosen = rng.choice(services)
            other = rng.choice([name for name in services if name != chosen] or [chosen])
            tree = copy_tree(base.tree)
            for edit in self.edits:
                keys = [_key(key) for key in _fill(edit.path, chosen, other).split("/")]
                edit.apply(tree, chosen, keys, _fill(edit.text, chosen, other))
            source = base.path.removeprefix("compose/").removesuffix(".yaml")
            yield f"{self.cls}/{self.name}/{source}", base, tree


def _fill(text, chosen, other):
    return text.replace("@svc", chosen).replace("@other", other)


def copy_tree(tree):
    """A copy of the document's mappings and lists (scalars are shared: nothing changes them), so the
    edits of one case never reach another."""
    if isinstance(tree, dict):
        return {key: copy_tree(value) for key, value in tree.items()}
    if isinstance(tree, list):
        return [copy_tree(item) for item in tree]
    return tree


def _walk(mapping, keys):
    """The mapping at `keys` below `mapping`, made (replacing what is no mapping) where missing."""
    for key in keys:
        if not isinstance(mapping.get(key), dict):
            mapping[key] = {}
        mapping = mapping[key]
    return mapping


def _key(name):
    """A key as YAML reads it when written plain: `<<` merges."""
    return Scalar(name, None, "tag:yaml.org,2002:merge") if name == "<<" else name


class _Edit:
    """A change to the document: `apply` gets the filled-in path as keys and the filled-in text."""

    def __init__(self, path, text=""):
        self.path = path
        self.text = text


class S(_Edit):
    """Sets the chosen service's `path` to YAML text."""

    def apply(self, tree, service, keys, text):
        _walk(tree, ["services", service, *keys[:-1]])[keys[-1]] = Raw(text)


class T(_Edit):
    """Sets the document's `path` to YAML text."""

    def apply(self, tree, service, keys, text):
        _walk(tree, keys[:-1])[keys[-1]] = Raw(text)


class D(_Edit):
    """Writes the last key of the document's `path` once more in its mapping, at the mapping's end."""

    def apply(self, tree, service, keys, text):
        _walk(tree, keys[:-1])[Raw(keys[-1])] = Raw(text)


class X(_Edit):
    """Removes the chosen service's key `path` (one key)."""

    def apply(self, tree, service, keys, text):
        tree["services"][service].pop(keys[0], None)


class XT(_Edit):
    """Removes the document's top-level key `path`."""

    def apply(self, tree, service, keys, text):
        tree.pop(keys[0], None)
