"""Unfinished content: guidance left in a page (a marker from
scripts/data/unfinished.yml, as the new-letter scaffold writes it)."""

from __future__ import annotations

from scripts import data_files
from scripts.problems import Problem, error, shorten
from scripts.project.pages import Page


def unfinished_problems(page: Page) -> list[Problem]:
    """One error per line of the page (front matter included) that holds a marker."""
    markers = data_files.unfinished_markers()
    problems = []
    for number, line in enumerate(page.text.split("\n"), 1):
        marker = next((marker for marker in markers if marker in line), None)
        if marker is None:
            continue
        guidance = line[line.index(marker) :].strip().rstrip('"')
        problems.append(
            error(
                page.path,
                number,
                f"unfinished: '{shorten(guidance)}'; replace the guidance marked "
                f"'{marker}' with your own text",
            )
        )
    return problems
