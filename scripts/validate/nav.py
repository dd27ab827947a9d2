"""The `nav` of mkdocs.yml against the pages: an entry whose page is missing
fails the strict build; a page left out of the nav is reachable only by links,
and fails the build too when `validation: omitted_files` is `warn`."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

from scripts.problems import Problem, error, warning
from scripts.project.files import display_path
from scripts.project.nav import nav_paths


def line_in(config_file: Path, text: str) -> int:
    """The first line of config_file mentioning text, else 1."""
    try:
        lines = config_file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((number for number, line in enumerate(lines, 1) if text in line), 1)


def nav_problems(config: MkDocsConfig, root: Path, pages: list[File]) -> list[Problem]:
    if not config["nav"]:
        return []  # MkDocs builds the nav from the folders
    config_file = Path(config["config_file_path"])
    config_path = display_path(config_file, root)
    listed = nav_paths(config["nav"])
    known = {page.src_uri for page in pages}
    problems = [
        error(
            config_path,
            line_in(config_file, path),
            f"the nav lists '{path}', which is not a page in docs/; fix the path or remove "
            "the entry",
        )
        for path in listed
        if path.lstrip("/") not in known
    ]
    # MkDocs' own level for this: a warning fails the strict build, so it is an error here.
    report = error if config.validation.nav.omitted_files >= logging.WARNING else warning
    problems += [
        report(
            display_path(Path(page.abs_src_path), root),
            1,
            f"the page is not in the nav of {config_path}, so readers find it only "
            "through links; add it there",
        )
        for page in pages
        if page.src_uri not in listed and page.inclusion == InclusionLevel.INCLUDED
    ]
    return problems
