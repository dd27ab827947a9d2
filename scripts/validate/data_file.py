"""What `make check` does for any YAML data file of scripts/data/: parse it
keeping each node's line, turn JSON-schema errors into messages that point at
the offending key, and check links to headings of docs/."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml
from jsonschema import ValidationError

from scripts import data_files
from scripts.problems import Problem, error
from scripts.validate.links import SiteIndex, anchor_problem
from scripts.validate.plain_text import format_error_message


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
    if err.validator == "format" and isinstance(err.instance, str):
        message = format_error_message(f"'{where(path)}'", err.validator_value, err.instance)
        if message:
            return message
    if err.validator == "pattern" and path and path[-1] == "id":
        return f"{where(path)}: id '{err.instance}' must be lower-case words joined by hyphens"
    if err.validator == "pattern" and path and path[-1] == "link":
        return (
            f"{where(path)}: link '{err.instance}' must name a page and a section, "
            "e.g. 'mistakes.md#making-excuses'"
        )
    return f"{where(path)}: {err.message}"


def line_path(err: ValidationError, prefix: list) -> list:
    """Where to point: at the unknown key itself rather than its mapping."""
    path = prefix + list(err.absolute_path)
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        allowed = err.schema.get("properties", {})
        path += [next(key for key in err.instance if key not in allowed)]
    return path


def link_message(link: str, index: SiteIndex) -> str | None:
    page, _, anchor = link.partition("#")
    if page not in index.page_ids:
        return f"link '{link}' points to '{page}', which is not a page of docs/"
    return anchor_problem(link, anchor, index.page_ids[page], page)


Located = list[tuple[list, str]]  # (where in the data, message)


def located_problems(text: str, path: str, find: Callable[[object], Located]) -> list[Problem]:
    """What find says of a data file's data, each on the line of the key or
    item it points at; or the one problem of YAML that cannot be read."""
    node, data, problems = parse_data_file(text, path)
    if problems:
        return problems
    return [error(path, line_at(node, where_to), message) for where_to, message in find(data)]


def parse_data_file(text: str, path: str) -> tuple[yaml.Node, object, list[Problem]]:
    """A data file's YAML: its node tree (for lines), its data, or the problem."""
    try:
        return *data_files.read_yaml(text), []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
        message = f"not valid YAML: {problem}; check the quotes, brackets and indentation"
        return None, None, [error(path, mark.line + 1 if mark else 1, message)]


def repository_file_problems(
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
