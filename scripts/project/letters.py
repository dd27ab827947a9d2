"""The letters of docs/letters/: the letter blocks of a page as a reader
copies them, their placeholders, and the example letters in nav order.

A letter page holds one letter, or two versions of it: the original (as it
was first written, e.g. the article's) and ours, revised with the guide's
tips. Each version is a block of its own, marked with its name:
`/// html | div.mdx-letter[data-mdx-version=revised]`."""

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
ORIGINAL, REVISED = "original", "revised"
VERSIONS = (ORIGINAL, REVISED)
VERSION_ATTRIBUTE = "data-mdx-version"
LETTER_BLOCK = re.compile(
    rf"^{re.escape(LETTER_OPENING)}(?:\[{VERSION_ATTRIBUTE}=(\w+)\])?[ \t]*\n(.*?)\n///[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


def plain_letter(block: str) -> str:
    """A letter block as a reader copies it: paragraphs apart by one blank
    line, line breaks kept, lines trimmed."""
    paragraphs = re.split(r"\n[ \t]*\n", block.strip())
    return "\n\n".join("\n".join(line.strip() for line in p.splitlines()) for p in paragraphs)


def letter_versions(markdown: str) -> dict[str, str]:
    """Each version of a page's letter by its name (a block without one is
    the original), in the page's order; {} if it has none."""
    content = frontmatter.loads(markdown).content
    versions: dict[str, str] = {}
    for found in LETTER_BLOCK.finditer(content):
        versions.setdefault(found[1] or ORIGINAL, plain_letter(found[2]))
    return versions


def letter_text(markdown: str) -> str | None:
    """The original letter of a page as a reader copies it, or None if it has none."""
    versions = letter_versions(markdown)
    return versions.get(ORIGINAL) or next(iter(versions.values()), None)


def placeholders_in(text: str) -> list[str]:
    """Placeholder names in order of first appearance, e.g. ["Client's Name"]."""
    return list(dict.fromkeys(PLACEHOLDER.findall(text)))


@dataclass(frozen=True)
class Letter:
    slug: str
    label: str  # the nav label, e.g. "Billing error"
    url: str  # page.url, e.g. "letters/billing-error/"
    text: str  # the original, paragraphs apart by a blank line, line breaks kept
    revised: str | None = None  # our version revised with the guide's tips, if it has one

    def versions(self) -> dict[str, str]:
        """The letter's versions by name, as its page shows them: ours, revised,
        if it has one, then the original."""
        return {**({REVISED: self.revised} if self.revised else {}), ORIGINAL: self.text}


def example_letters(root: Path) -> list[Letter]:
    """The letters of docs/letters/, in nav order, each under its nav label."""
    with (root / "mkdocs.yml").open(encoding="utf-8") as handle:
        nav = yaml_load(handle).get("nav") or []
    letters = []
    for label, path in nav_entries(nav):
        source = root / "docs" / path
        if not path.startswith("letters/") or path.endswith("index.md") or not source.is_file():
            continue
        versions = letter_versions(source.read_text(encoding="utf-8"))
        text = versions.get(ORIGINAL) or versions.get(REVISED)
        if text is not None:
            revised = versions.get(REVISED) if ORIGINAL in versions else None
            letters.append(Letter(Path(path).stem, label, page_url(path), text, revised))
    return letters
