"""Strict YAML for front matter, with the line of every key and every problem.

PyYAML is permissive where authors slip: it keeps the last of two duplicate
keys, reads `No` as false and `2024-02-30` as a crash. This loader keeps
dates as text (the schema checks them), rejects anchors and aliases, reports
duplicates, and remembers on which line each top-level key stands.
Lines are file lines: the front matter starts on line 2, after `---`.
"""

from __future__ import annotations

import yaml
from frontmatter.default_handlers import YAMLHandler

FIRST_LINE = 2  # front matter text starts after the opening fence


class StrictLoader(yaml.SafeLoader):
    """SafeLoader that keeps timestamps as strings."""


StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class MetaError(Exception):
    """Front matter that cannot be read; carries (line, message) pairs."""

    def __init__(self, problems: list[tuple[int, str]]):
        super().__init__("; ".join(message for _, message in problems))
        self.problems = problems


class StrictYAMLHandler(YAMLHandler):
    """python-frontmatter handler that loads with StrictLoader and records lines."""

    def __init__(self) -> None:
        super().__init__()
        self.key_lines: dict[str, int] = {}
        self.raw_values: dict[str, str] = {}

    def load(self, fm: str, **kwargs: object) -> dict:
        fm = fm.removeprefix("\n")  # python-frontmatter keeps the fence's newline
        problems = anchor_problems(fm)
        node = compose(fm)
        if not isinstance(node, yaml.MappingNode):
            raise MetaError([(FIRST_LINE, not_a_mapping(node))])
        problems += duplicate_key_problems(node)
        if problems:
            raise MetaError(problems)
        for key, value in node.value:
            self.key_lines[str(key.value)] = key.start_mark.line + FIRST_LINE
            if isinstance(value, yaml.ScalarNode):
                self.raw_values[str(key.value)] = value.value
        try:
            return yaml.load(fm, Loader=StrictLoader)
        except yaml.YAMLError as exc:
            raise MetaError([yaml_problem(exc)]) from exc
        except (ValueError, TypeError, OverflowError) as exc:
            raise MetaError([(FIRST_LINE, f"front matter cannot be read: {exc}")]) from exc


def compose(fm: str) -> yaml.Node | None:
    try:
        return yaml.compose(fm, Loader=StrictLoader)
    except yaml.YAMLError as exc:
        raise MetaError([yaml_problem(exc)]) from exc
    except RecursionError as exc:
        raise MetaError([(FIRST_LINE, "front matter is nested too deeply")]) from exc


def anchor_problems(fm: str) -> list[tuple[int, str]]:
    """Anchors (&name) and aliases (*name): legal YAML, but hidden repetition."""
    problems = []
    try:
        for event in yaml.parse(fm, Loader=StrictLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                problems.append(
                    (
                        event.start_mark.line + FIRST_LINE,
                        (
                            "anchors and aliases (`&name`, `*name`) are not allowed in front "
                            "matter; write the value out"
                        ),
                    )
                )
    except yaml.YAMLError:
        return []  # compose() reports the syntax error with its line
    return problems


def duplicate_key_problems(node: yaml.MappingNode) -> list[tuple[int, str]]:
    seen: dict[str, int] = {}
    problems = []
    for key, _ in node.value:
        name, line = str(key.value), key.start_mark.line + FIRST_LINE
        if name in seen:
            problems.append(
                (
                    line,
                    (
                        f"duplicate key '{name}' (first on line {seen[name]}); YAML keeps only "
                        "the last one, so remove one of them"
                    ),
                )
            )
        seen.setdefault(name, line)
    return problems


def not_a_mapping(node: yaml.Node | None) -> str:
    if node is None:
        return "front matter is empty; add at least `title:` and `description:`"
    kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
    return f"front matter must be `key: value` lines, not {kind}"


YAML_HINTS = {
    "found character '\\t'": "YAML does not allow tabs; indent with spaces",
    "mapping values are not allowed here": "a value that contains ': ' must be in quotes",
    "could not find expected ':'": "each line must be `key: value`; check the indentation",
    "found undefined alias": "aliases (`*name`) are not allowed; write the value out",
}


def yaml_problem(exc: yaml.YAMLError) -> tuple[int, str]:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + FIRST_LINE if mark else FIRST_LINE
    problem = getattr(exc, "problem", None) or str(exc)
    hint = next((h for key, h in YAML_HINTS.items() if key in problem), None)
    message = f"front matter is not valid YAML: {problem}"
    return line, f"{message}; {hint}" if hint else message
