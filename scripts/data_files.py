"""The project's data files (schema, tags, placeholders...), read in one place."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import yaml

from scripts.problems import Problem, error

DATA_DIR = Path(__file__).parent / "data"


@cache
def load(name: str) -> object:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def frontmatter_schema() -> dict:
    return load("frontmatter.schema.yml")


def tags() -> dict[str, str]:
    return load("tags.yml")


def placeholders() -> list[dict[str, str]]:
    return load("placeholders.yml")


def unsafe_html() -> dict[str, list[str]]:
    return load("unsafe_html.yml")


def bundles() -> dict[str, list[str]]:
    return load("bundles.yml")


def unfinished_markers() -> list[str]:
    return load("unfinished.yml")["markers"]


def check_repository_file(
    root: Path, relative: str, check_text: Callable[[str], list[Problem]]
) -> list[Problem]:
    """check_text's problems with a data file of the repository at root, if it
    has the file (the small sites the tests build do not)."""
    source = root / relative
    if not source.is_file():
        return []
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [error(relative, 1, f"cannot be read: {exc}")]
    return check_text(text)
