"""A Compose document read from a corpus file and written back as its author wrote each scalar.

Mutations work on plain Python dicts and lists, but a case must still be the real file: an unquoted
`80:80`, a quoted `"yes"` or a `!!str` tag means something different to Compose than the value a YAML
library would construct. So every scalar is kept as `Scalar` (a `str` remembering its style and tag)
and written back in that style; anchors are expanded into copies, so a mutation changes one place
only; comments are lost. `Raw` carries text a mutation wants written exactly so (`yes`, `1_000`,
`!!binary aGk=`, a repeated key): it is written as a placeholder, which `emit` then replaces.
"""

import yaml


class Scalar(str):
    """A scalar's text with its node style (None when plain) and its tag."""

    def __new__(cls, text, style=None, tag="tag:yaml.org,2002:str"):
        value = super().__new__(cls, text)
        value.style = style
        value.tag = tag
        return value


class Raw:
    """YAML text written verbatim where a value or a key goes (one line, flow style). Never equal to
    another key, so a mapping can hold a key twice."""

    def __init__(self, text):
        self.text = text


def load(text):
    """The document as dicts, lists and `Scalar`s, or None when it is no mapping or uses custom tags."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(node, yaml.MappingNode):
        return None
    try:
        return _convert(node)
    except ValueError:
        return None


def _convert(node):
    if isinstance(node, yaml.ScalarNode):
        return Scalar(node.value, node.style, node.tag)
    if node.tag not in ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
        raise ValueError(f"custom tag {node.tag}")
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item) for item in node.value]
    return {_convert(key): _convert(value) for key, value in node.value}


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def emit(document):
    """YAML text of the document, block style, with `Scalar`s as written and `Raw` text verbatim."""
    raws = []

    def raw(dumper, value):
        raws.append(value.text)
        return dumper.represent_scalar("tag:yaml.org,2002:str", f"__RAW{len(raws) - 1}__")

    def scalar(dumper, value):
        return yaml.ScalarNode(value.tag, str(value), style=value.style)

    dumper = type("CaseDumper", (_Dumper,), {})
    dumper.add_representer(Raw, raw)
    dumper.add_representer(Scalar, scalar)
    text = yaml.dump(document, Dumper=dumper, sort_keys=False, default_flow_style=False, allow_unicode=True, width=100000)
    # Last placeholder first, so __RAW1__ is never taken for the start of __RAW12__.
    for index in reversed(range(len(raws))):
        text = text.replace(f"__RAW{index}__", raws[index])
    return text
