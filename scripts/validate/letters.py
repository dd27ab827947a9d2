"""Letter pages: exactly one letter block, and only known placeholders in it."""

from __future__ import annotations

import difflib

from scripts import data_files
from scripts.problems import Problem, error
from scripts.project.letters import LETTER_OPENING, placeholders_in
from scripts.project.pages import Page
from scripts.project.render import Scan
from scripts.validate.front_matter import schema_name_for


def is_letter(page: Page) -> bool:
    return schema_name_for(page.url_path) == "letter"


def letter_problems(page: Page, scan: Scan) -> list[Problem]:
    if not is_letter(page):
        return []
    if len(scan.letters) != 1:
        found = "no letter block" if not scan.letters else f"{len(scan.letters)} letter blocks"
        return [
            error(
                page.path,
                page.first_content_line,
                (
                    f"a letter page needs exactly one letter, found {found}; write the letter "
                    f"between a line `{LETTER_OPENING}` and a line `///`"
                ),
            )
        ]
    known = [item["name"] for item in data_files.placeholders()]
    problems = []
    for name in placeholders_in(scan.letters[0].text):
        if name not in known:
            guess = difflib.get_close_matches(name, known, n=1)
            hint = f"did you mean [{guess[0]}]?" if guess else "add it to that list first"
            problems.append(
                error(
                    page.path,
                    page.body_line_of(f"[{name}]"),
                    (
                        f"unknown placeholder [{name}]: placeholders come from "
                        f"scripts/data/placeholders.yml; {hint}"
                    ),
                )
            )
    return problems
