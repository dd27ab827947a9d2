"""`make check` for scripts/data/checker-rules.yml: its shape (the schema in
checker-rules.schema.yml), unique ids, every pattern inside the subset both
engines read the same way, and every link pointing at a heading that exists.
Problems carry the line of the offending key or list item."""

from __future__ import annotations

from pathlib import Path

from jsonschema import Draft202012Validator

from scripts import data_files
from scripts.apology.patterns import PatternError, compile_pattern
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

RULES_PATH = "scripts/data/checker-rules.yml"


def validator(schema: dict, definition: str | None = None) -> Draft202012Validator:
    if definition:
        schema = {"$defs": schema["$defs"], **schema["$defs"][definition]}
    return Draft202012Validator(schema, format_checker=FORMAT_CHECKER)


def shape_messages(data: object, schema: dict) -> tuple[Located, set[int]]:
    """(path, message) for everything the schema refuses, each rule checked
    against its kind's definition; and the indexes of the rules refused."""
    errors = list(validator(schema).iter_errors(data))
    if errors:
        return [(line_path(err, []), schema_message(err)) for err in errors], set()
    found, refused = [], set()
    for index, rule in enumerate(data["rules"]):
        for err in validator(schema, rule["kind"]).iter_errors(rule):
            prefix = ["rules", index]
            found.append((line_path(err, prefix), schema_message(err, prefix + list(err.path))))
            refused.add(index)
    return found, refused


def content_messages(data: dict, index: SiteIndex | None, skip: set[int]) -> Located:
    """Duplicate ids, patterns outside the subset, links to nowhere."""
    problems = []
    first_of: dict[str, int] = {}
    for number, rule in enumerate(data["rules"]):
        if number in skip:
            continue
        first = first_of.setdefault(rule["id"], number)
        if first != number:
            problems.append(
                (["rules", number, "id"], f"duplicate id '{rule['id']}' (also rules[{first}])")
            )
        for item, pattern in enumerate(rule["patterns"]):
            try:
                compile_pattern(pattern)
            except PatternError as exc:
                problems.append((["rules", number, "patterns", item], f"pattern: {exc}"))
        message = link_message(rule["link"], index) if index else None
        if message:
            problems.append((["rules", number, "link"], message))
    return problems


def apology_rules_problems(
    text: str, index: SiteIndex | None, path: str = RULES_PATH
) -> list[Problem]:
    """Every problem of a rules file's text; index=None skips the link checks."""
    return located_problems(text, path, lambda data: rules_messages(data, index))


def rules_messages(data: object, index: SiteIndex | None) -> Located:
    found, refused = shape_messages(data, data_files.load("checker-rules.schema.yml"))
    if not found or refused:
        found += content_messages(data, index, refused)
    return found


def apology_rules_file_problems(root: Path, index: SiteIndex) -> list[Problem]:
    """The repository's checker rules, if it has them (test sites do not)."""
    return repository_file_problems(
        root, RULES_PATH, lambda text: apology_rules_problems(text, index)
    )
