"""`make check` for scripts/data/checker-rules.yml: its shape (the schema in
checker-rules.schema.yml), unique ids, every pattern inside the pattern
language (scripts/apology/patterns.py), every lexicon, signal and tip a rule
names defined (and every one defined used), and every link pointing at a
heading that exists. Problems carry the line of the offending key or item."""

from __future__ import annotations

import re
from pathlib import Path

from jsonschema import Draft202012Validator

from scripts import data_files
from scripts.apology.patterns import TAGS, pattern_problems
from scripts.problems import Problem
from scripts.validate.data_file import (
    Located,
    line_path,
    link_message,
    located_problems,
    repository_file_problems,
    schema_message,
    where,
)
from scripts.validate.links import SiteIndex
from scripts.validate.plain_text import FORMAT_CHECKER

RULES_PATH = "scripts/data/checker-rules.yml"
# Lexicons the engine itself reads (clauses and conditions), used or not by a rule.
ENGINE_LEXICONS = ("subordinator", "linker", "condition-word")
LEXICON = re.compile(r"\$([a-z][a-z0-9-]*)")


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


def pattern_messages(path: list, patterns: list[str], lexicons: set[str]) -> Located:
    return [
        ([*path, item], f"{where([*path, item])}: {problem}")
        for item, pattern in enumerate(patterns)
        for problem in pattern_problems(pattern, lexicons)
    ]


def lexicon_messages(lexicons: dict[str, list[str]]) -> Located:
    """Entries whose part of speech is not one of compromise's tags."""
    return [
        (["lexicons", name, item], f"lexicons.{name}: '{entry}': no tag '{entry.split('/')[1]}'")
        for name, entries in lexicons.items()
        for item, entry in enumerate(entries)
        if "/" in entry and entry.split("/")[1] not in TAGS
    ]


def references(data: dict, skip: set[int]) -> list[tuple[list, str, str, str]]:
    """(where, "lexicon" or "signal", name, rule id) of every name a rule's clauses
    and conditions use."""
    found = []
    for number, rule in enumerate(data["rules"]):
        if number in skip:
            continue
        for item, clause in enumerate(rule.get("clauses", [])):
            found += [
                (["rules", number, "clauses", item, part], "lexicon", clause[part], rule["id"])
                for part in ("subject", "verb")
            ]
        found += [
            (["rules", number, "unless", item], "signal", next(iter(condition)), rule["id"])
            for item, condition in enumerate(rule.get("unless", []))
            if isinstance(condition, dict)
        ]
    return found


def name_messages(data: dict, skip: set[int]) -> Located:
    """Names a rule uses that are not defined: lexicons of clauses, signals of
    conditions, tips of the verdict; and lexicons or signals nothing uses."""
    defined = {"lexicon": set(data["lexicons"]), "signal": set(data["signals"])}
    patterns = [p for listed in data["signals"].values() for p in listed]
    patterns += [
        p for rule in data["rules"] for p in rule.get("patterns", []) + rule.get("hints", [])
    ]
    used = {
        "lexicon": set(ENGINE_LEXICONS) | set(LEXICON.findall(" ".join(patterns))),
        "signal": {"hedge", "offer"},  # the conditions `hedged` and `conditional` read them
    }
    found: Located = []
    for where_to, kind, name, rule in references(data, skip):
        used[kind].add(name)
        if name not in defined[kind]:
            found.append(
                (where_to, f"{rule}: {'unless: ' * (kind == 'signal')}there is no {kind} '{name}'")
            )
    tips = {rule["id"] for rule in data["rules"] if rule["kind"] == "tip"}
    for part in ("owns", "names", "puts_right"):
        found += [
            (["verdict", part, item], f"verdict.{part}: there is no tip '{tip}'")
            for item, tip in enumerate(data["verdict"][part])
            if tip not in tips
        ]
    findings = {rule["id"] for rule in data["rules"] if rule["kind"] == "finding"}
    for group, ids in data["verdict"]["groups"].items():
        found += [
            (["verdict", "groups", group, item], f"verdict.groups: there is no finding '{rule}'")
            for item, rule in enumerate(ids)
            if rule not in findings
        ]
    signals = {f"tip:{tip}" for tip in tips} | set(data["verdict"]["groups"])
    found += [
        (
            ["verdict", "model", "weights", name],
            f"verdict.model: no signal '{name}' (tip:ID or a group)",
        )
        for name in data["verdict"]["model"]["weights"]
        if name not in signals
    ]
    unused = {
        "lexicon": "is used by no pattern or clause",
        "signal": "is used by no rule's `unless`",
    }
    for kind, message in unused.items():
        found += [
            ([f"{kind}s", name], f"{kind} '{name}' {message}")
            for name in sorted(defined[kind] - used[kind])
        ]
    return found


def content_messages(data: dict, index: SiteIndex | None, skip: set[int]) -> Located:
    """Duplicate ids, patterns outside the language, undefined names, links to nowhere."""
    lexicons = set(data["lexicons"])
    problems = lexicon_messages(data["lexicons"])
    for name, patterns in data["signals"].items():
        problems += pattern_messages(["signals", name], patterns, lexicons)
    first_of: dict[str, int] = {}
    for number, rule in enumerate(data["rules"]):
        if number in skip:
            continue
        first = first_of.setdefault(rule["id"], number)
        if first != number:
            problems.append(
                (["rules", number, "id"], f"duplicate id '{rule['id']}' (also rules[{first}])")
            )
        for part in ("patterns", "hints"):
            problems += pattern_messages(["rules", number, part], rule.get(part, []), lexicons)
        message = link_message(rule["link"], index) if index else None
        if message:
            problems.append((["rules", number, "link"], message))
    return problems + name_messages(data, skip)


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
