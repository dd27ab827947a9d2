"""The bundles of scripts/data/bundles.yml, and the check that each one holds
what its scripts need.

Every script of ours that runs on a page is a module of the loader
(docs/javascripts/site/mdx.js): `mdx.module("name", ["dependency", ...], factory)`,
named after its file. The loader hands a module its dependencies when it is
defined, so each must be defined before it: earlier in the same bundle, or in
a bundle named in its `after` (one a page always has before this one). The
build stops on a bundle that breaks this, with the line of bundles.yml to fix,
so a script with a missing dependency never reaches a reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath

from scripts import data_files
from scripts.problems import Problem, error

BUNDLES_PATH = "scripts/data/bundles.yml"
MODULE = re.compile(r'\bmdx\.module\(\s*"([^"]+)"\s*,\s*\[([^\]]*)\]')


class BundleError(Exception):
    """A bundle lacks what one of its modules needs; carries the problems."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass(frozen=True)
class Bundle:
    name: str
    sources: tuple[str, ...]  # relative to docs/, or the name of a generated file
    after: tuple[str, ...] = ()  # bundles the page has loaded before this one
    inline: bool = False  # inlined into pages; else a file with a hashed name


def read_bundles() -> list[Bundle]:
    """The bundles as listed, each {sources, inline, after}; BundleError,
    naming the line, for one written otherwise."""
    found, problems = [], []
    for name, value in data_files.bundles().items():
        if not (isinstance(value, dict) and isinstance(value.get("sources"), list)):
            line = line_in_bundles(data_files.DATA_DIR.joinpath("bundles.yml").read_text("utf-8"))
            message = f"bundle {name}: list its files under `sources:` (see the file's opening)"
            problems.append(error(BUNDLES_PATH, line(name, ""), message))
            continue
        after, inline = tuple(value.get("after", ())), bool(value.get("inline", False))
        found.append(Bundle(name, tuple(value["sources"]), after, inline))
    if problems:
        raise BundleError(problems)
    return found


def declared_module(text: str) -> tuple[str, list[str]] | None:
    """(name, dependencies) of the module a script defines, or None for a plain script."""
    found = MODULE.search(text)
    return (found[1], re.findall(r'"([^"]+)"', found[2])) if found else None


def bundle_problems(
    bundles: list[Bundle], text_of: Callable[[str], str], line_of: Callable[[str, str], int]
) -> list[Problem]:
    """Every module named unlike its file, and every dependency not defined
    before the module that needs it. text_of(source) is a source's text;
    line_of(bundle, source) its line in bundles.yml."""
    by_name = {bundle.name: bundle for bundle in bundles}
    modules = {
        bundle.name: [declared_module(text_of(source)) for source in bundle.sources]
        for bundle in bundles
    }

    def defined_by(name: str, seen: frozenset[str] = frozenset()) -> set[str]:
        """The modules a page has once bundle `name` (and what it comes after) is loaded."""
        bundle = by_name.get(name)
        if bundle is None or name in seen:
            return set()
        names = {declared[0] for declared in modules[name] if declared}
        for after in bundle.after:
            names |= defined_by(after, seen | {name})
        return names

    problems = []
    for bundle in bundles:
        available: set[str] = set()
        for after in bundle.after:
            if after not in by_name:
                message = f"bundle {bundle.name}: `after` names {after}, which is not a bundle"
                problems.append(error(BUNDLES_PATH, line_of(bundle.name, after), message))
            available |= defined_by(after, frozenset({bundle.name}))
        for source, declared in zip(bundle.sources, modules[bundle.name], strict=True):
            if declared is None:
                continue
            name, dependencies = declared
            line = line_of(bundle.name, source)
            stem = PurePosixPath(source).stem
            if name != stem:
                message = f"{source} defines the module '{name}'; name it after its file: '{stem}'"
                problems.append(error(BUNDLES_PATH, line, message))
            problems += [
                error(
                    BUNDLES_PATH,
                    line,
                    f"bundle {bundle.name}: {source} needs the module '{dependency}', which is "
                    f"not defined before it; list javascripts/{dependency}.js above it (or name "
                    "a bundle that has it in `after`)",
                )
                for dependency in dependencies
                if dependency not in available
            ]
            available.add(name)
    return problems


def line_in_bundles(text: str) -> Callable[[str, str], int]:
    """line_of(bundle, entry) for bundles.yml's text: the entry's line below the
    bundle's key, else (or for entry "") the key's line, else 1."""
    lines = text.splitlines()

    def line_of(bundle: str, entry: str) -> int:
        key = next((n for n, line in enumerate(lines) if line.startswith(f"{bundle}:")), None)
        if key is None:
            return 1
        for number in range(key + 1, len(lines) if entry else key + 1):
            if lines[number][:1] not in ("", " ", "#"):
                break  # the next bundle
            if entry in lines[number]:
                return number + 1
        return key + 1

    return line_of
