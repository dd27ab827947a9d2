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
- a format character (Unicode category Cf: bidi controls such as U+202E,
  which reverses what follows; zero-width spaces; U+FEFF) or a line or
  paragraph separator: invisible, and able to make text read otherwise than
  it is. The zero-width joiner and non-joiner (U+200D, U+200C), which emoji
  and some scripts need, are text.

Schemas mark such fields with `format: plain-text`; `format: plain-line` is
plain text on one line (no line break: a subject line, a title), and
`format: https-url` an https:// address parsed, not pattern-matched, whose
host is a plain host name. FORMAT_CHECKER checks all three.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from html.entities import html5
from urllib.parse import urlsplit

from jsonschema import FormatChecker

from scripts.problems import Problem, error
from scripts.project.pages import Page

FORMAT, LINE_FORMAT, URL_FORMAT = "plain-text", "plain-line", "https-url"
LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x85\u2028\u2029]")
TEXT_JOINERS = frozenset("\u200c\u200d")  # format characters that are text
HOST_NAME = re.compile(r"(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}")
URL_REFUSED = '"<>\\`{}|^'  # not part of an address to a browser: percent-encode them
TAG = re.compile(r"<[A-Za-z/!?][^\s<>]{0,20}")
REFERENCE = re.compile(r"&(#[0-9]+;?|#[xX][0-9A-Fa-f]+;?|[A-Za-z][A-Za-z0-9]{0,31};)")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
CONTROL_NAMES = {0x00: "NUL", 0x0C: "form feed", 0x0D: "carriage return", 0x1B: "ESC", 0x7F: "DEL"}
CONTROL_KIND, TAG_KIND, REFERENCE_KIND = "control", "tag", "reference"
INVISIBLE_KIND, LINE_BREAK_KIND = "invisible", "line break"


@dataclass(frozen=True)
class Markup:
    kind: str  # CONTROL_KIND, TAG_KIND or REFERENCE_KIND
    text: str  # as found, e.g. "<img" or "&amp;"


def invisible_in(text: str) -> str | None:
    """The first format character (Cf, but the joiners) or line or paragraph
    separator (Zl, Zp) in text, or None."""
    for character in text:
        category = unicodedata.category(character)
        if category in ("Zl", "Zp") or (category == "Cf" and character not in TEXT_JOINERS):
            return character
    return None


def markup_in(text: str, one_line: bool = False) -> Markup | None:
    """The first thing in text a browser would read as markup (or a reader
    would not see), or None; one_line: a line break too."""
    line_break = LINE_BREAKS.search(text) if one_line else None
    if line_break:
        return Markup(LINE_BREAK_KIND, line_break[0])
    control = CONTROL.search(text)
    if control:
        return Markup(CONTROL_KIND, control[0])
    invisible = invisible_in(text)
    if invisible:
        return Markup(INVISIBLE_KIND, invisible)
    tag = TAG.search(text)
    if tag:
        return Markup(TAG_KIND, tag[0])
    for reference in REFERENCE.finditer(text):
        if reference[1].startswith("#") or reference[1] in html5:
            return Markup(REFERENCE_KIND, reference[0])
    return None


def character_name(character: str, unicode_name: bool = False) -> str:
    """U+0000 (NUL): how a message names an invisible or odd character;
    unicode_name: with Unicode's name if it has no short one (U+202E
    (RIGHT-TO-LEFT OVERRIDE))."""
    name = CONTROL_NAMES.get(ord(character))
    if unicode_name:
        name = name or unicodedata.name(character, "")
    return f"U+{ord(character):04X}" + (f" ({name})" if name else "")


def invisible_name(character: str) -> str:
    return character_name(character, unicode_name=True)


def shown(character: str) -> str:
    """A character as a message quotes it: itself if visible, else its code."""
    visible = character.isprintable() and not character.isspace()
    return f"'{character}'" if visible else character_name(character)


def plain_text_message(field: str, markup: Markup) -> str:
    """The error for a plain-text field holding markup, with the fix."""
    if markup.kind == LINE_BREAK_KIND:
        return f"{field} must be one line, but holds a line break; join the lines"
    if markup.kind == CONTROL_KIND:
        return f"{field} contains the control character {character_name(markup.text)}; delete it"
    if markup.kind == INVISIBLE_KIND:
        return (
            f"{field} contains the invisible character {invisible_name(markup.text)}, which "
            "can make text read otherwise than it is; delete it"
        )
    shown_as_typed = f"{field} is plain text, shown exactly as written, so"
    if markup.kind == REFERENCE_KIND:
        return (
            f"{shown_as_typed} the character reference `{markup.text}` would show as typed; "
            f"write the character itself ({shown(html.unescape(markup.text))})"
        )
    return f"{shown_as_typed} HTML (`{markup.text}`) would show as typed; remove the markup"


def url_problem(url: str, field: str = "the address") -> str | None:
    """Why url is not an https:// address with a plain host name, or None.
    Parsed (urllib), then its host checked: a pattern lets through what a
    browser reads otherwise (`host;directive` in a policy, a port, a user)."""
    odd = CONTROL.search(url) or LINE_BREAKS.search(url)
    invisible = odd[0] if odd else invisible_in(url)
    if invisible:
        return f"{field} contains the invisible character {invisible_name(invisible)}; delete it"
    if set(url) & set('"<>\\'):
        return (
            f"{field} must be an https:// address, with no quotes, angle brackets or "
            f"backslashes (write them as %22, %3C, %3E, %5C), not '{url}'"
        )
    refused = next((c for c in url if c.isspace() or c in URL_REFUSED), None)
    if refused:
        return (
            f"{field} must be an https:// address, with {shown(refused)} written as "
            f"%{ord(refused):02X}, not '{url}'"
        )
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        port, parts = None, None
    if parts is None or parts.scheme != "https" or not parts.hostname:
        return f"{field} must be an https:// address with a host, not '{url}'"
    if port is not None or "@" in parts.netloc or not HOST_NAME.fullmatch(parts.hostname):
        return (
            f"{field} must be an https:// address whose host is a plain host name (letters, "
            f"digits, hyphens and dots; no user name or port), not '{url}'"
        )
    return None


def format_checker() -> FormatChecker:
    """JSON Schema's formats (date...), plain-text, plain-line and https-url."""
    checker = FormatChecker()
    checker.checks(FORMAT)(lambda value: not isinstance(value, str) or markup_in(value) is None)
    checker.checks(LINE_FORMAT)(
        lambda value: not isinstance(value, str) or markup_in(value, one_line=True) is None
    )
    checker.checks(URL_FORMAT)(lambda value: not isinstance(value, str) or not url_problem(value))
    return checker


def format_error_message(field: str, format_name: str, value: str) -> str | None:
    """The message for a value that fails one of our formats, or None."""
    if format_name == FORMAT:
        return plain_text_message(field, markup_in(value))
    if format_name == LINE_FORMAT:
        return plain_text_message(field, markup_in(value, one_line=True))
    if format_name == URL_FORMAT:
        return url_problem(value, field)
    return None


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
