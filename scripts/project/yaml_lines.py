"""Strict YAML for front matter, with the line of every key and every problem.

PyYAML is permissive where authors slip: it keeps the last of two duplicate
keys, reads `No` as false and `2024-02-30` as a crash. This loader keeps
dates as text (the schema checks them), rejects anchors and aliases, reports
duplicates, and remembers on which line each top-level key stands.
Lines are file lines: the front matter starts on line 2, after `---`.
"""

from __future__ import annotations

import re

import yaml
from frontmatter.default_handlers import YAMLHandler

FIRST_LINE = 2  # front matter text starts after the opening fence


class StrictLoader(yaml.SafeLoader):
    """SafeLoader that keeps timestamps as strings."""


# The same, parsing with libyaml (C, some ten times faster) where PyYAML was
# built with it. Used only for front matter nested no deeper than
# FAST_MAX_DEPTH (libyaml's recursion has no guard) and never for an error's
# message: StrictLoader words errors as the tests and readers know them.
FastStrictLoader = type("FastStrictLoader", (getattr(yaml, "CSafeLoader", StrictLoader),), {})
FAST_MAX_DEPTH = 64
BLOCK_INDICATOR = re.compile(r"(?:^|\s)[-?:](?=\s|$)")

TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
STR_TAG = "tag:yaml.org,2002:str"
StrictLoader.yaml_implicit_resolvers = FastStrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# What MkDocs' loader reads as a date: such a value in a text field becomes a
# date object there, or, if the date is impossible, drops the whole front matter.
TIMESTAMP = next(
    regexp
    for resolvers in yaml.SafeLoader.yaml_implicit_resolvers.values()
    for tag, regexp in resolvers
    if tag == TIMESTAMP_TAG
)


class MetaError(Exception):
    """Front matter that cannot be read; carries (line, message) pairs."""

    def __init__(self, problems: list[tuple[int, str]]):
        super().__init__("; ".join(message for _, message in problems))
        self.problems = problems


class StrictYAMLHandler(YAMLHandler):
    """python-frontmatter handler that loads with StrictLoader and records lines."""

    # Split exactly where project/pages.py (and MkDocs) see the fences; the default
    # also splits at `----` lines inside the YAML.
    FM_BOUNDARY = re.compile(r"^---[ \t]*$", re.MULTILINE)

    def __init__(self) -> None:
        super().__init__()
        self.key_lines: dict[str, int] = {}
        self.item_lines: dict[str, list[int]] = {}
        self.item_key_lines: dict[str, list[dict[str, int]]] = {}
        self.raw_values: dict[str, str] = {}
        self.dates: dict[str, str] = {}

    def load(self, fm: str, **kwargs: object) -> dict:
        fm = fm.removeprefix("\n")  # python-frontmatter keeps the fence's newline
        too_deep = nesting_problem(fm)
        if too_deep:
            raise MetaError([too_deep])
        problems = anchor_problems(fm)
        node = compose(fm)
        if not isinstance(node, yaml.MappingNode):
            line = node.start_mark.line + FIRST_LINE if node else FIRST_LINE
            raise MetaError([(line, not_a_mapping(node))])
        problems += complex_key_problems(node) or duplicate_key_problems(node)
        if problems:
            raise MetaError(problems)
        self.record(node)
        try:
            return construct(node)
        except yaml.YAMLError as exc:
            raise MetaError([yaml_problem(exc, fm)]) from exc
        # PyYAML's own constructors fail in these ways on odd tagged values
        # (`!!timestamp`, `!!int` or `!!bool` with nothing after them)
        except (
            ValueError,
            TypeError,
            AttributeError,
            IndexError,
            KeyError,
            OverflowError,
            RecursionError,
        ) as exc:
            raise MetaError([(FIRST_LINE, f"front matter cannot be read: {exc}")]) from exc

    def record(self, node: yaml.MappingNode) -> None:
        """Lines of keys and list items, and how values were written."""
        for key, value in node.value:
            name = str(key.value)
            self.key_lines[name] = key.start_mark.line + FIRST_LINE
            if isinstance(value, yaml.SequenceNode):
                self.item_lines[name] = [item.start_mark.line + FIRST_LINE for item in value.value]
                self.item_key_lines[name] = [
                    {
                        str(item_key.value): item_key.start_mark.line + FIRST_LINE
                        for item_key, _ in (
                            item.value if isinstance(item, yaml.MappingNode) else []
                        )
                    }
                    for item in value.value
                ]
            if isinstance(value, yaml.ScalarNode):
                self.raw_values[name] = value.value
                # A plain scalar's style is None from PyYAML, "" from libyaml.
                if not value.style and TIMESTAMP.match(value.value):
                    self.dates[name] = value.value


MAX_FLOW_DEPTH = 16  # front matter is flat; PyYAML slows down quadratically when deeper
TOO_DEEP = (
    "front matter is nested too deeply; write fields as `key: value` lines and lists as "
    "`- item` lines"
)


def opening_brackets(fm: str) -> int:
    """How many `[` and `{` the text has: the deepest flow nesting it can reach."""
    return fm.count("[") + fm.count("{")


def nesting_problem(fm: str) -> tuple[int, str] | None:
    """Brackets nested absurdly deep, reported before PyYAML spends minutes on them."""
    if opening_brackets(fm) <= MAX_FLOW_DEPTH:
        return None  # too few to nest that deep: no need to walk the text
    depth = 0
    for offset, character in enumerate(fm):
        depth += {"[": 1, "{": 1, "]": -1, "}": -1}.get(character, 0)
        if depth > MAX_FLOW_DEPTH:
            line = fm[:offset].count("\n") + FIRST_LINE
            return line, TOO_DEEP
    return None


def construct(node: yaml.Node) -> object:
    """Python values from the node compose() already made: no second parse."""
    loader = StrictLoader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def shallow(fm: str) -> bool:
    """Whether no node can nest deeper than FAST_MAX_DEPTH: each level takes a
    column of indentation, an indicator (`- `, `? `, `: `) or a bracket."""
    brackets = opening_brackets(fm)
    return all(
        len(line) - len(line.lstrip(" ")) + len(BLOCK_INDICATOR.findall(line)) + brackets
        <= FAST_MAX_DEPTH
        for line in fm.splitlines()
    )


def compose(fm: str) -> yaml.Node | None:
    if FastStrictLoader is not StrictLoader and shallow(fm):
        try:
            return yaml.compose(fm, Loader=FastStrictLoader)
        except yaml.YAMLError:
            pass  # parsed again below, for the error as StrictLoader words it
    try:
        return yaml.compose(fm, Loader=StrictLoader)
    except yaml.YAMLError as exc:
        raise MetaError([yaml_problem(exc, fm)]) from exc
    except RecursionError as exc:
        raise MetaError([(FIRST_LINE, TOO_DEEP)]) from exc


def anchor_problems(fm: str) -> list[tuple[int, str]]:
    """Anchors (&name) and aliases (*name): legal YAML, but hidden repetition."""
    if "&" not in fm and "*" not in fm:
        return []  # neither can be written without its sign; skip a second parse
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


def complex_key_problems(node: yaml.MappingNode) -> list[tuple[int, str]]:
    """Keys that are not names: `? [a, b]`, `1:`, `true:` or an empty key."""
    return [
        (
            key.start_mark.line + FIRST_LINE,
            f"a front matter key must be a name like `title`, not `{key_text(key)}`",
        )
        for key, _ in node.value
        if not (isinstance(key, yaml.ScalarNode) and key.tag == STR_TAG and key.value)
    ]


def key_text(key: yaml.Node) -> str:
    if isinstance(key, yaml.ScalarNode):
        return key.value or "(empty)"
    return "a list" if isinstance(key, yaml.SequenceNode) else "a mapping"


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
    return f"front matter must be `key: value` lines such as `title: ...`, not {kind}"


YAML_HINTS = {
    "found character '\\t'": "YAML does not allow tabs; indent with spaces",
    "mapping values are not allowed here": "a value that contains ': ' must be in quotes",
    "could not find expected ':'": "each line must be `key: value`; check the indentation",
    "found undefined alias": "aliases (`*name`) are not allowed; write the value out",
}


INDENTED_KEY = re.compile(r"^[ ]+[A-Za-z_][\w-]*:(\s|$)")


def yaml_problem(exc: yaml.YAMLError, fm: str = "") -> tuple[int, str]:
    if isinstance(exc, yaml.reader.ReaderError):
        return reader_problem(exc, fm)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + FIRST_LINE if mark else FIRST_LINE
    problem = getattr(exc, "problem", None) or str(exc)
    hint = next((h for key, h in YAML_HINTS.items() if key in problem), None)
    lines = fm.split("\n")
    if mark and mark.line < len(lines) and INDENTED_KEY.match(lines[mark.line]):
        hint = "this key is indented; start top-level keys at the beginning of the line"
    hint = hint or "check the quotes, brackets and indentation on this line"
    return line, f"front matter is not valid YAML: {problem}; {hint}"


def reader_problem(exc: yaml.reader.ReaderError, fm: str) -> tuple[int, str]:
    """A character YAML refuses to read at all, such as a control character."""
    line = fm[: exc.position].count("\n") + FIRST_LINE
    character = exc.character if isinstance(exc.character, str) else chr(exc.character)
    return line, (
        f"front matter contains the invisible character U+{ord(character):04X}, which YAML "
        "does not allow; delete it"
    )
