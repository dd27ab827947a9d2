"""`make check` for scripts/data/checker-rules.yml: its shape (the schema in
checker-rules.schema.yml), unique ids, every pattern inside the subset both
engines read the same way, and every link pointing at a heading that exists.
Problems carry the line of the offending key or list item."""

from __future__ import annotations

from pathlib import Path

import yaml
from jsonschema import Draft202012Validator, ValidationError

from scripts import data_files
from scripts.apology.checker_patterns import PatternError, compile_pattern
from scripts.problems import Problem, error
from scripts.validate.links import SiteIndex, anchor_problem

RULES_PATH = "scripts/data/checker-rules.yml"


def node_at(node: yaml.Node, path: list) -> yaml.Node:
    """The deepest node of a composed document along path (keys and indexes)."""
    for step in path:
        if isinstance(node, yaml.MappingNode):
            found = next((value for key, value in node.value if key.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            found = node.value[step] if step < len(node.value) else None
        else:
            found = None
        if found is None:
            break
        node = found
    return node


def line_at(node: yaml.Node | None, path: list) -> int:
    return node_at(node, path).start_mark.line + 1 if node is not None else 1


def where(path: list) -> str:
    """'rules[2].patterns[0]' for ['rules', 2, 'patterns', 0]."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else f".{step}" if text else str(step)
    return text or "the file"


def schema_message(err: ValidationError, path: list | None = None) -> str:
    path = list(err.absolute_path) if path is None else path
    if err.validator == "additionalProperties":
        allowed = sorted(err.schema.get("properties", {}))
        unknown = [key for key in err.instance if key not in allowed]
        return f"{where(path)}: unknown key '{unknown[0]}'; the keys are {', '.join(allowed)}"
    if err.validator == "required":
        return f"{where(path)}: {err.message}; add it"
    if err.validator == "pattern" and path and path[-1] == "id":
        return f"{where(path)}: id '{err.instance}' must be lower-case words joined by hyphens"
    if err.validator == "pattern" and path and path[-1] == "link":
        return (
            f"{where(path)}: link '{err.instance}' must name a page and a section, "
            "e.g. 'mistakes.md#making-excuses'"
        )
    return f"{where(path)}: {err.message}"


def validator(schema: dict, definition: str | None = None) -> Draft202012Validator:
    if definition:
        schema = {"$defs": schema["$defs"], **schema["$defs"][definition]}
    return Draft202012Validator(schema)


def shape_problems(data: object, schema: dict) -> tuple[list[tuple[list, str]], set[int]]:
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


def line_path(err: ValidationError, prefix: list) -> list:
    """Where to point: at the unknown key itself rather than its mapping."""
    path = prefix + list(err.absolute_path)
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        allowed = err.schema.get("properties", {})
        path += [next(key for key in err.instance if key not in allowed)]
    return path


def content_problems(data: dict, index: SiteIndex | None, skip: set[int]) -> list[tuple[list, str]]:
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


def link_message(link: str, index: SiteIndex) -> str | None:
    page, _, anchor = link.partition("#")
    if page not in index.page_ids:
        return f"link '{link}' points to '{page}', which is not a page of docs/"
    return anchor_problem(link, anchor, index.page_ids[page], page)


def parse_data_file(text: str, path: str) -> tuple[yaml.Node, object, list[Problem]]:
    """A data file's YAML: its node tree (for lines), its data, or the problem."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader), yaml.safe_load(text), []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, None, [error(path, mark.line + 1 if mark else 1, f"not valid YAML: {exc}")]


def check_rules_text(text: str, index: SiteIndex | None, path: str = RULES_PATH) -> list[Problem]:
    """Every problem of a rules file's text; index=None skips the link checks."""
    node, data, problems = parse_data_file(text, path)
    if problems:
        return problems
    schema = data_files.load("checker-rules.schema.yml")
    found, refused = shape_problems(data, schema)
    if not found or refused:
        found += content_problems(data, index, refused)
    return [error(path, line_at(node, where_to), message) for where_to, message in found]


def check_rules(root: Path, index: SiteIndex) -> list[Problem]:
    """The repository's checker rules, if it has them (test sites do not)."""
    return data_files.check_repository_file(
        root, RULES_PATH, lambda text: check_rules_text(text, index)
    )
