"""Letter pages: exactly one letter block, and only known placeholders in it."""

from __future__ import annotations

import difflib
import re

import frontmatter

from scripts import data_files
from scripts.problems import Problem, error
from scripts.project.render import LETTER_CLASS, Scan
from scripts.project.sources import Page
from scripts.validate.meta_rules import schema_name_for

PLACEHOLDER = re.compile(r"\[([^\[\]\n]{1,60})\]")
LETTER_OPENING = f"/// html | div.{LETTER_CLASS}"
LETTER_BLOCK = re.compile(
    rf"^{re.escape(LETTER_OPENING)}[ \t]*\n(.*?)\n///[ \t]*$", re.MULTILINE | re.DOTALL
)


def is_letter(page: Page) -> bool:
    return schema_name_for(page.url_path) == "letter"


def letter_text(markdown: str) -> str | None:
    """The letter of a page as a reader copies it (paragraphs apart by one blank
    line, line breaks kept, lines trimmed), or None if it has none."""
    found = LETTER_BLOCK.search(frontmatter.loads(markdown).content)
    if not found:
        return None
    paragraphs = re.split(r"\n[ \t]*\n", found[1].strip())
    return "\n\n".join("\n".join(line.strip() for line in p.splitlines()) for p in paragraphs)


def placeholders_in(text: str) -> list[str]:
    """Placeholder names in order of first appearance, e.g. ["Client's Name"]."""
    return list(dict.fromkeys(PLACEHOLDER.findall(text)))


def check_letter(page: Page, scan: Scan) -> list[Problem]:
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
