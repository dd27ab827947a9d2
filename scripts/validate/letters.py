"""Letter pages: exactly one letter block (or, on a letter with two versions,
one block for each), only known placeholders in them, each detail's sentence
placed after words of each version, once, and each change of the revised
version linked to a tip that exists."""

from __future__ import annotations

import difflib

from scripts import data_files
from scripts.problems import Problem, error
from scripts.project.letters import (
    LETTER_OPENING,
    ORIGINAL,
    REVISED,
    VERSION_ATTRIBUTE,
    VERSIONS,
    placeholders_in,
)
from scripts.project.pages import Page
from scripts.project.render import Scan
from scripts.validate.data_file import link_message
from scripts.validate.front_matter import schema_name_for
from scripts.validate.links import SiteIndex


def is_letter(page: Page) -> bool:
    return schema_name_for(page.url_path) == "letter"


def letter_problems(page: Page, scan: Scan, index: SiteIndex | None = None) -> list[Problem]:
    if not is_letter(page):
        return []
    versions = {
        letter.attrs.get(VERSION_ATTRIBUTE, ORIGINAL): letter.text for letter in scan.letters
    }
    if message := letter_blocks_message(page, scan):
        return [error(page.path, page.first_content_line, message)]
    problems = []
    for version, text in versions.items():
        problems += placeholder_problems(page, text)
        problems += detail_place_problems(page, text, version if len(versions) > 1 else ORIGINAL)
    return problems + change_problems(page, index)


def letter_blocks_message(page: Page, scan: Scan) -> str | None:
    """What is wrong with the page's letter blocks, or None: one plain block,
    or, when the front matter names an `original`, one block per version."""
    marked = [letter.attrs.get(VERSION_ATTRIBUTE) for letter in scan.letters]
    if "original" not in page.meta:
        if len(scan.letters) == 1 and marked == [None]:
            return None
        found = "no letter block" if not scan.letters else f"{len(scan.letters)} letter blocks"
        if len(scan.letters) == 1:
            found = f"a letter marked as the {marked[0]!r} version"
        return (
            f"a letter page needs exactly one letter, found {found}; write the letter "
            f"between a line `{LETTER_OPENING}` and a line `///` (a letter with two "
            "versions names its `original` in the front matter)"
        )
    if sorted(marked, key=str) == sorted(VERSIONS):
        return None
    return (
        f"a letter with two versions (its front matter names an `original`) needs two "
        f"letter blocks, `{LETTER_OPENING}[{VERSION_ATTRIBUTE}={ORIGINAL}]` and "
        f"`{LETTER_OPENING}[{VERSION_ATTRIBUTE}={REVISED}]`, found "
        f"{', '.join(repr(v or 'unmarked') for v in marked) or 'none'}"
    )


def change_problems(page: Page, index: SiteIndex | None) -> list[Problem]:
    """Each change of the revised version links to a heading of the tips."""
    changes = page.meta.get("changes")
    if index is None or not isinstance(changes, list):
        return []
    key_lines = page.item_key_lines.get("changes", [])
    problems = []
    for number, change in enumerate(changes):
        tip = change.get("tip") if isinstance(change, dict) else None
        message = link_message(tip, index) if isinstance(tip, str) else None
        if message:
            line = key_lines[number].get("tip", 1) if number < len(key_lines) else 1
            problems.append(error(page.path, line, f"'changes' item {number + 1}: {message}"))
    return problems


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


def detail_place_problems(page: Page, text: str, version: str = ORIGINAL) -> list[Problem]:
    """Each detail's `after` in this version (the revised one's own, if it has
    one): words of the letter, found once, ending a sentence, with no
    placeholder (the reader's names replace those), so the browser puts the
    detail's sentence in one place, between two sentences."""
    details = page.meta.get("details")
    if not isinstance(details, list):
        return []
    key_lines = page.item_key_lines.get("details", [])
    problems = []
    for index, detail in enumerate(details):
        if not isinstance(detail, dict):
            continue
        own = detail.get("revised") if version == REVISED else None
        own_after = isinstance(own, dict) and "after" in own
        after = own.get("after") if own_after else detail.get("after")
        if not isinstance(after, str) or not after.strip():
            continue  # the schema says what is missing
        message = detail_place_message(after, text)
        if message:
            key = "revised" if own_after else "after"
            line = key_lines[index].get(key, 1) if index < len(key_lines) else 1
            where = f"'revised' 'after' (the {REVISED} version)" if own_after else "'after'"
            if version == REVISED and not own_after:
                where = f"'after' (in the {REVISED} version; or give it its own under 'revised')"
            problems.append(error(page.path, line, f"'details' item {index + 1} {where} {message}"))
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
