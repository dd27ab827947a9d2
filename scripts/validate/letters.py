"""Letter pages: exactly one letter block, only known placeholders in it, and
details the browser can always deliver: labels unique in the letter (each
is the name of one stored value), no placeholder in a sentence (the form
fills names before details), and each sentence placed after words the
letter has, once, within one stretch of text (not across **bold**, a link
or other markup, where the browser cannot find them)."""

from __future__ import annotations

import difflib

from scripts import data_files
from scripts.problems import Problem, error
from scripts.project.letters import LETTER_OPENING, placeholders_in
from scripts.project.pages import Page
from scripts.project.render import Scan
from scripts.validate.front_matter import comparable, schema_name_for


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
    letter = scan.letters[0]
    return (
        placeholder_problems(page, letter.text)
        + detail_place_problems(page, letter.text, letter.runs)
        + detail_label_problems(page)
        + detail_sentence_problems(page)
    )


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


def details_of(page: Page) -> list[tuple[int, dict, dict[str, int]]]:
    """(number from 1, detail, line of each of its keys) for each detail that is a mapping."""
    details = page.meta.get("details")
    if not isinstance(details, list):
        return []
    key_lines = page.item_key_lines.get("details", [])
    return [
        (index + 1, detail, key_lines[index] if index < len(key_lines) else {})
        for index, detail in enumerate(details)
        if isinstance(detail, dict)
    ]


def detail_label_problems(page: Page) -> list[Problem]:
    """Two details with one label would share one stored value: the second
    typed overwrites the first."""
    first: dict[str, int] = {}
    problems = []
    for number, detail, lines in details_of(page):
        label = detail.get("label")
        if not isinstance(label, str):
            continue
        key = comparable(label)
        if key in first:
            problems.append(
                error(
                    page.path,
                    lines.get("label", 1),
                    (
                        f"'details' item {number} 'label' '{label}' is the label of item "
                        f"{first[key]} too; the reader's two values would be stored as one, so "
                        "give each detail its own label"
                    ),
                )
            )
        first.setdefault(key, number)
    return problems


def detail_sentence_problems(page: Page) -> list[Problem]:
    """A placeholder in a sentence would reach the client as typed: the form
    fills the letter's names before it adds the details."""
    problems = []
    for number, detail, lines in details_of(page):
        sentence = detail.get("sentence")
        if isinstance(sentence, str) and (found := placeholders_in(sentence)):
            problems.append(
                error(
                    page.path,
                    lines.get("sentence", 1),
                    (
                        f"'details' item {number} 'sentence' contains the placeholder "
                        f"[{found[0]}], which would reach the client as written; name it in "
                        "the sentence's own words, or make it a detail of its own"
                    ),
                )
            )
    return problems


def detail_place_problems(page: Page, text: str, runs: list[str] | None = None) -> list[Problem]:
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
        message = detail_place_message(after, text, runs)
        if message:
            line = key_lines[index].get("after", 1) if index < len(key_lines) else 1
            problems.append(error(page.path, line, f"'details' item {index + 1} 'after' {message}"))
    return problems


def detail_place_message(after: str, text: str, runs: list[str] | None = None) -> str | None:
    """What is wrong with `after` as a place in the letter's text (whose
    stretches between tags are runs), or None."""
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
    if runs is not None and not any(after in run for run in runs):
        return (
            f"crosses markup in the letter (bold, italics, a link): '{after}'; the browser "
            "finds a detail's place only within one stretch of plain text, so quote words "
            "that do not cross it"
        )
    if after.rstrip()[-1] not in ".!?":
        return (
            f"must end where a sentence of the letter ends (with . ! or ?): '{after}'; "
            "the detail's sentence goes between two sentences"
        )
    return None
