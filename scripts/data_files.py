"""The project's data files (schema, tags, placeholders...), read in one place."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

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


def bundles() -> dict[str, list[str] | dict]:
    return load("bundles.yml")


def unfinished_markers() -> list[str]:
    return load("unfinished.yml")["markers"]
