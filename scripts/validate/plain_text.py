"""Plain text: what front matter fields and the labels of scripts/data/ may
hold, and the characters no page may.

The templates escape these values wherever they print them, so markup in
one would reach readers as typed, `<b>` and all; `make check` refuses it
first. Markup here is what an HTML parser would read as markup:

- `<` followed by a letter, `/`, `!` or `?`: a tag, an end tag, a comment or
  a declaration. A `<` before a space, a digit or another sign ("a < b",
  "<3") is text.
- a character reference: `&#` and digits, `&#x` and hex digits, or `&name;`
  for a name HTML defines (`&amp;`, `&nbsp;`). A bare `&` ("Q&A", "R&D",
  "AT&T") is text.
- a control character (U+0000 to U+001F but tab and line feed, U+007F to
  U+009F): invisible, and never meant; refused in page bodies too.

Schemas mark such fields with `format: plain-text`; FORMAT_CHECKER checks it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.entities import html5

from jsonschema import FormatChecker

from scripts.problems import Problem, error
from scripts.project.pages import Page

FORMAT = "plain-text"
TAG = re.compile(r"<[A-Za-z/!?][^\s<>]{0,20}")
REFERENCE = re.compile(r"&(#[0-9]+;?|#[xX][0-9A-Fa-f]+;?|[A-Za-z][A-Za-z0-9]{0,31};)")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
CONTROL_NAMES = {0x00: "NUL", 0x0C: "form feed", 0x0D: "carriage return", 0x1B: "ESC", 0x7F: "DEL"}
CONTROL_KIND, TAG_KIND, REFERENCE_KIND = "control", "tag", "reference"


@dataclass(frozen=True)
class Markup:
    kind: str  # CONTROL_KIND, TAG_KIND or REFERENCE_KIND
    text: str  # as found, e.g. "<img" or "&amp;"


def markup_in(text: str) -> Markup | None:
    """The first thing in text a browser would read as markup, or None."""
    control = CONTROL.search(text)
    if control:
        return Markup(CONTROL_KIND, control[0])
    tag = TAG.search(text)
    if tag:
        return Markup(TAG_KIND, tag[0])
    for reference in REFERENCE.finditer(text):
        if reference[1].startswith("#") or reference[1] in html5:
            return Markup(REFERENCE_KIND, reference[0])
    return None


def character_name(character: str) -> str:
    """U+0000 (NUL): how a message names an invisible or odd character."""
    name = CONTROL_NAMES.get(ord(character))
    return f"U+{ord(character):04X}" + (f" ({name})" if name else "")


def shown(character: str) -> str:
    """A character as a message quotes it: itself if visible, else its code."""
    visible = character.isprintable() and not character.isspace()
    return f"'{character}'" if visible else character_name(character)


def plain_text_message(field: str, markup: Markup) -> str:
    """The error for a plain-text field holding markup, with the fix."""
    if markup.kind == CONTROL_KIND:
        return f"{field} contains the control character {character_name(markup.text)}; delete it"
    shown_as_typed = f"{field} is plain text, shown exactly as written, so"
    if markup.kind == REFERENCE_KIND:
        return (
            f"{shown_as_typed} the character reference `{markup.text}` would show as typed; "
            f"write the character itself ({shown(html.unescape(markup.text))})"
        )
    return f"{shown_as_typed} HTML (`{markup.text}`) would show as typed; remove the markup"


def format_checker() -> FormatChecker:
    """JSON Schema's formats (date...) and plain-text."""
    checker = FormatChecker()
    checker.checks(FORMAT)(lambda value: not isinstance(value, str) or markup_in(value) is None)
    return checker


FORMAT_CHECKER = format_checker()


def control_character_problems(page: Page) -> list[Problem]:
    """One error per line of the page's body holding a control character:
    invisible in most editors, it would reach readers as it is."""
    if not CONTROL.search(page.body):
        return []
    problems = []
    for offset, line in enumerate(page.body.split("\n")):
        found = CONTROL.search(line)
        if found:
            problems.append(
                error(
                    page.path,
                    page.body_line + offset,
                    (
                        f"column {found.start() + 1}: the control character "
                        f"{character_name(found[0])} is invisible and would reach readers "
                        "as it is; delete it"
                    ),
                )
            )
    return problems
