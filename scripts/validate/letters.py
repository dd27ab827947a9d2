"""Letter pages: exactly one letter block, only known placeholders in it, and
each detail's sentence placed after words the letter has, once."""

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
    text = scan.letters[0].text
    return placeholder_problems(page, text) + detail_place_problems(page, text)


def placeholder_problems(page: Page, text: str) -> list[Problem]:
    known = [item["name"] for item in data_files.placeholders()]
    problems = []
    for name in placeholders_in(text):
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


def detail_place_problems(page: Page, text: str) -> list[Problem]:
    """Each detail's `after`: words of the letter, found once, ending a
    sentence, with no placeholder (the reader's names replace those), so the
    browser puts the detail's sentence in one place, between two sentences."""
    details = page.meta.get("details")
    if not isinstance(details, list):
        return []
    key_lines = page.item_key_lines.get("details", [])
    problems = []
    for index, detail in enumerate(details):
        after = detail.get("after") if isinstance(detail, dict) else None
        if not isinstance(after, str) or not after.strip():
            continue  # the schema says what is missing
        message = detail_place_message(after, text)
        if message:
            line = key_lines[index].get("after", 1) if index < len(key_lines) else 1
            problems.append(error(page.path, line, f"'details' item {index + 1} 'after' {message}"))
    return problems


def detail_place_message(after: str, text: str) -> str | None:
    """What is wrong with `after` as a place in the letter's text, or None."""
    if placeholders := placeholders_in(after):
        return (
            f"contains the placeholder [{placeholders[0]}], which the reader's name replaces; "
            "quote words of the letter without one"
        )
    count = text.count(after)
    if count == 0:
        return (
            f"is not in the letter: '{after}'; copy the words the sentence follows "
            "from the letter, exactly as written"
        )
    if count > 1:
        return (
            f"is in the letter {count} times: '{after}'; quote more of the sentence, "
            "so that it names one place"
        )
    if after.rstrip()[-1] not in ".!?":
        return (
            f"must end where a sentence of the letter ends (with . ! or ?): '{after}'; "
            "the detail's sentence goes between two sentences"
        )
    return None
