"""The project's data files (schema, tags, placeholders...), read in one place."""

from __future__ import annotations

from collections.abc import Iterator
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


class DataFileProblem(Exception):
    """A data file that cannot be read or parsed: where, and why."""

    def __init__(self, path: str, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


def duplicate_keys(node: yaml.Node) -> Iterator[tuple[int, str]]:
    """A key written twice in one mapping, at any depth: (line, message)."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            name, line = str(key.value), key.start_mark.line + 1
            if isinstance(key, yaml.ScalarNode) and name in seen:
                yield (
                    line,
                    (
                        f"duplicate key '{name}' (first on line {seen[name]}); YAML keeps only "
                        "the last one, so remove one of them"
                    ),
                )
            seen.setdefault(name, line)
            yield from duplicate_keys(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from duplicate_keys(item)


@cache
def load(name: str) -> object:
    """A data file's data; DataFileProblem if it is unreadable, not YAML,
    empty or holds a key twice (`make check` says more: validate/data_files.py)."""
    path = f"scripts/data/{name}"
    try:
        node, data = read_yaml((DATA_DIR / name).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileProblem(path, 1, f"cannot be read: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        message = " ".join(str(getattr(exc, "problem", None) or exc).split())
        hint = "check the quotes, brackets and indentation"
        raise DataFileProblem(path, line, f"not valid YAML: {message}; {hint}") from exc
    if node is None or data is None:
        raise DataFileProblem(path, 1, "is empty; it must hold the data its comment describes")
    for line, message in duplicate_keys(node):
        raise DataFileProblem(path, line, message)
    return data


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
