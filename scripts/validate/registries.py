"""`make check` for the registries of scripts/data/ that pages print:
tags.yml (the label of each tag) and placeholders.yml (the label and example
of each name a letter leaves to fill), against their schemas. Problems carry
the line of the offending key or item."""

from __future__ import annotations

from jsonschema import Draft202012Validator, ValidationError

from scripts import data_files
from scripts.problems import Problem, error
from scripts.validate.data_file import (
    Located,
    line_path,
    located_problems,
    schema_message,
)
from scripts.validate.plain_text import FORMAT_CHECKER

# Each registry and its schema, both in scripts/data/.
REGISTRIES = {"tags.yml": "tags.schema.yml", "placeholders.yml": "placeholders.schema.yml"}


def registry_problems(text: str, name: str) -> list[Problem]:
    """Every problem of the text of the registry `name` (e.g. tags.yml)."""
    path = f"scripts/data/{name}"
    return located_problems(text, path, lambda data: shape_messages(data, REGISTRIES[name]))


def shape_messages(data: object, schema_name: str) -> Located:
    validator = Draft202012Validator(data_files.load(schema_name), format_checker=FORMAT_CHECKER)
    return [
        key_message(err, data) or (line_path(err, []), schema_message(err))
        for err in validator.iter_errors(data)
    ]


def key_message(err: ValidationError, data: object) -> tuple[list, str] | None:
    """A tag key of the wrong form, on its own line (jsonschema names no path)."""
    if err.validator != "pattern" or err.path or not isinstance(data, dict):
        return None
    if err.instance not in data:
        return None
    return [err.instance], (
        f"tag '{err.instance}' must be lower-case words joined by hyphens, e.g. 'late-delivery'"
    )


def registry_file_problems() -> list[Problem]:
    """The registries the checks and the templates read, checked before either uses them."""
    problems = []
    for name in REGISTRIES:
        try:
            text = (data_files.DATA_DIR / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(error(f"scripts/data/{name}", 1, f"cannot be read: {exc}"))
            continue
        problems += registry_problems(text, name)
    return problems
