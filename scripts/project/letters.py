"""The letters of docs/letters/: the letter block of a page as a reader
copies it, its placeholders, and the example letters in nav order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import frontmatter
from mkdocs.utils.yaml import yaml_load

from scripts.project.nav import nav_entries
from scripts.project.render import LETTER_CLASS
from scripts.project.urls import page_url

PLACEHOLDER = re.compile(r"\[([^\[\]\n]{1,60})\]")
LETTER_OPENING = f"/// html | div.{LETTER_CLASS}"
LETTER_BLOCK = re.compile(
    rf"^{re.escape(LETTER_OPENING)}[ \t]*\n(.*?)\n///[ \t]*$", re.MULTILINE | re.DOTALL
)


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


@dataclass(frozen=True)
class Letter:
    slug: str
    label: str  # the nav label, e.g. "Billing error"
    url: str  # page.url, e.g. "letters/billing-error/"
    text: str  # paragraphs apart by a blank line, line breaks kept


def example_letters(root: Path) -> list[Letter]:
    """The letters of docs/letters/, in nav order, each under its nav label."""
    with (root / "mkdocs.yml").open(encoding="utf-8") as handle:
        nav = yaml_load(handle).get("nav") or []
    letters = []
    for label, path in nav_entries(nav):
        source = root / "docs" / path
        if not path.startswith("letters/") or path.endswith("index.md") or not source.is_file():
            continue
        text = letter_text(source.read_text(encoding="utf-8"))
        if text is not None:
            letters.append(Letter(Path(path).stem, label, page_url(path), text))
    return letters
