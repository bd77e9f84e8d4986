#!/usr/bin/env python3
"""Collect every image reference written in the shared corpus, for the image-reference differential test.

The values become Tests/ModelTests/Fixtures/corpus-images.jsonl (one JSON string per line, sorted, without
duplicates), which ImageReferenceDifferentialTests parses with both the current `ImageReference.parse` and
the frozen copy of the implementation it replaced: real references are the inputs that matter most, and
the corpus is not present beside every checkout, so the values are committed.

A value is every scalar under a key `image`, `imageRef` or `image_name`, at any depth, read with PyYAML's
BaseLoader so that every scalar stays the text as written (`1.0` stays "1.0"). Variables are left as
written (`${REGISTRY}/app`): their `$`, `{` and `}` are inputs the parser must reject the same way.

    python3 scripts/oracle/corpus_images.py ../shared/corpus > Tests/ModelTests/Fixtures/corpus-images.jsonl
"""
import json
import pathlib
import sys

import yaml

KEYS = {"image", "imageRef", "image_name"}


def images(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in KEYS and isinstance(value, str):
                yield value
            else:
                yield from images(value)
    elif isinstance(node, list):
        for item in node:
            yield from images(item)


def main(root):
    found = set()
    for path in sorted(pathlib.Path(root).rglob("*.yaml")):
        try:
            for document in yaml.load_all(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader):
                found.update(images(document))
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            print(f"skipped {path}: {type(error).__name__}", file=sys.stderr)
    for value in sorted(found):
        print(json.dumps(value, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
