"""`make check` for scripts/data/guidance.yml, the questions beside the letter
editor: its shape (guidance.schema.yml) and every link pointing at a heading
that exists. Problems carry the line of the offending item or key."""

from __future__ import annotations

from pathlib import Path

from jsonschema import Draft202012Validator

from scripts import data_files
from scripts.problems import Problem
from scripts.validate.data_file import (
    Located,
    line_path,
    link_message,
    located_problems,
    repository_file_problems,
    schema_message,
)
from scripts.validate.links import SiteIndex
from scripts.validate.plain_text import FORMAT_CHECKER

GUIDANCE_PATH = "scripts/data/guidance.yml"


def guidance_problems(
    text: str, index: SiteIndex | None, path: str = GUIDANCE_PATH
) -> list[Problem]:
    """Every problem of the guidance file's text; index=None skips the link checks."""
    return located_problems(text, path, lambda data: guidance_messages(data, index))


def guidance_messages(data: object, index: SiteIndex | None) -> Located:
    schema = data_files.load("guidance.schema.yml")
    errors = list(Draft202012Validator(schema, format_checker=FORMAT_CHECKER).iter_errors(data))
    found = [(line_path(err, []), schema_message(err)) for err in errors]
    items = data if isinstance(data, list) else []
    for number, item in enumerate(items if index is not None else []):
        link = item.get("link") if isinstance(item, dict) else None
        message = link_message(link, index) if isinstance(link, str) else None
        if message:
            found.append(([number, "link"], message))
    return found


def guidance_file_problems(root: Path, index: SiteIndex) -> list[Problem]:
    """The repository's guidance questions, if it has them (test sites do not)."""
    return repository_file_problems(
        root, GUIDANCE_PATH, lambda text: guidance_problems(text, index)
    )
