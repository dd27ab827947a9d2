"""Letter pages: exactly one letter block (or, on a letter with two versions,
one block for each), only known placeholders in them, each change of the
revised version linked to a tip that exists, and details the browser can
always deliver: labels unique in the letter (each is the name of one stored
value), no placeholder in a sentence (the form fills names before details),
and each sentence placed after words of each version, once, within one
stretch of text (not across **bold**, a link or other markup, where the
browser cannot find them)."""

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
from scripts.validate.front_matter import comparable, schema_name_for
from scripts.validate.links import SiteIndex


def is_letter(page: Page) -> bool:
    return schema_name_for(page.url_path) == "letter"


def letter_problems(page: Page, scan: Scan, index: SiteIndex | None = None) -> list[Problem]:
    if not is_letter(page):
        return []
    if message := letter_blocks_message(page, scan):
        return [error(page.path, page.first_content_line, message)]
    versions = {letter.attrs.get(VERSION_ATTRIBUTE, ORIGINAL): letter for letter in scan.letters}
    problems = []
    for version, letter in versions.items():
        problems += placeholder_problems(page, letter.text)
        problems += detail_place_problems(
            page, letter.text, version if len(versions) > 1 else ORIGINAL, letter.runs
        )
    return (
        problems
        + detail_label_problems(page)
        + detail_sentence_problems(page)
        + change_problems(page, index)
    )


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
        revised = detail.get("revised") if isinstance(detail.get("revised"), dict) else {}
        sentences = {"sentence": detail.get("sentence"), "revised": revised.get("sentence")}
        names = {"sentence": "'sentence'", "revised": "'revised' 'sentence'"}
        for key, sentence in sentences.items():
            if not (isinstance(sentence, str) and (found := placeholders_in(sentence))):
                continue
            problems.append(
                error(
                    page.path,
                    lines.get(key, 1),
                    (
                        f"'details' item {number} {names[key]} contains the placeholder "
                        f"[{found[0]}], which would reach the client as written; name it in "
                        "the sentence's own words, or make it a detail of its own"
                    ),
                )
            )
    return problems


def detail_place_problems(
    page: Page, text: str, version: str = ORIGINAL, runs: list[str] | None = None
) -> list[Problem]:
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
        message = detail_place_message(after, text, runs)
        if message:
            key = "revised" if own_after else "after"
            line = key_lines[index].get(key, 1) if index < len(key_lines) else 1
            where = f"'revised' 'after' (the {REVISED} version)" if own_after else "'after'"
            if version == REVISED and not own_after:
                where = f"'after' (in the {REVISED} version; or give it its own under 'revised')"
            problems.append(error(page.path, line, f"'details' item {index + 1} {where} {message}"))
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
