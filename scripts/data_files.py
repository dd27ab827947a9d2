"""The project's data files (schema, tags, placeholders...), read in one place."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent / "data"
# libyaml's parser, in PyYAML's wheels, reads the data files several times
# faster than PyYAML's own, which stays the fallback and words the errors.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(text: str) -> tuple[yaml.Node | None, object]:
    """A YAML text's node tree (whose marks give lines) and its data, parsed
    once; yaml.YAMLError, as PyYAML words it, if the text is not YAML."""
    try:
        return _read_yaml(text, FAST_LOADER)
    except yaml.YAMLError:
        return _read_yaml(text, yaml.SafeLoader)


def _read_yaml(text: str, loader_class: type) -> tuple[yaml.Node | None, object]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()


@cache
def load(name: str) -> object:
    return read_yaml((DATA_DIR / name).read_text(encoding="utf-8"))[1]


def frontmatter_schema() -> dict:
    return load("frontmatter.schema.yml")


def tags() -> dict[str, str]:
    return load("tags.yml")


def placeholders() -> list[dict[str, str]]:
    return load("placeholders.yml")


def unsafe_html() -> dict[str, list[str]]:
    return load("unsafe_html.yml")


def bundles() -> dict[str, list[str] | dict]:
    return load("bundles.yml")


def unfinished_markers() -> list[str]:
    return load("unfinished.yml")["markers"]
