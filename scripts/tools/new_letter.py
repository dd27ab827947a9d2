"""`python -m scripts new-letter SLUG`: a new letter page from the template in
scripts/data/new-letter.md, added to the nav in mkdocs.yml (and to the list
in docs/letters/index.md, if that page has a hand-written list) when those
can be edited safely."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from string import Template

import yaml
from mkdocs.exceptions import MkDocsException
from mkdocs.utils.yaml import yaml_load

from scripts.data_files import DATA_DIR
from scripts.problems import shorten
from scripts.project.files import display_path
from scripts.project.nav import nav_paths

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # the whole name: re.fullmatch
MAX_SLUG = 50  # keeps the title within its 70 characters
NAV_LETTER = re.compile(r"^(?P<indent>\s*)- [^:\n]+: letters/[^/\s]+\.md\s*$")
INDEX_ITEM = re.compile(r"^- \[[^\]]+\]\([^)\s]+\.md\)")


class LetterError(Exception):
    """The letter cannot be created (a usage error: exit 2)."""


@dataclass(frozen=True)
class NewLetter:
    slug: str

    @property
    def topic(self) -> str:  # late-delivery -> late delivery
        return self.slug.replace("-", " ")

    @property
    def label(self) -> str:  # Late delivery, as in the nav
        return self.topic.capitalize()

    @property
    def title(self) -> str:
        return f"Apology Letter for {self.topic.title()}"

    @property
    def path(self) -> str:
        return f"letters/{self.slug}.md"

    def text(self) -> str:
        template = Template((DATA_DIR / "new-letter.md").read_text(encoding="utf-8"))
        return template.substitute(title=self.title, topic=self.topic)


def slug_problem(slug: str) -> str | None:
    if not slug:
        return "give the new letter a name: make new-letter SLUG=late-delivery"
    if not SLUG.fullmatch(slug):
        return (
            f"{shorten(ascii(slug))} cannot name a letter: use lower-case words joined by hyphens, "
            "e.g. late-delivery"
        )
    if len(slug) > MAX_SLUG:
        return f"{shorten(ascii(slug))} is {len(slug)} characters long; keep the name to {MAX_SLUG}"
    return None


def add_to_nav(config_file: Path, letter: NewLetter) -> bool:
    """Add the letter after the last letter of the nav; False if that is not
    safe (no such entry, or the result would not list it)."""
    lines = config_file.read_text(encoding="utf-8").splitlines(keepends=True)
    last = max((n for n, line in enumerate(lines) if NAV_LETTER.match(line)), default=None)
    if last is None:
        return False
    indent = NAV_LETTER.match(lines[last])["indent"]
    lines.insert(last + 1, f"{indent}- {letter.label}: {letter.path}\n")
    text = "".join(lines)
    try:
        nav = yaml_load(text).get("nav")
    except (yaml.YAMLError, MkDocsException, AttributeError, OSError):
        return False  # the edit would break mkdocs.yml: leave it alone
    if letter.path not in nav_paths(nav):
        return False
    config_file.write_text(text, encoding="utf-8")
    return True


def add_to_index(index_file: Path, letter: NewLetter, description: str) -> bool:
    """Add the letter after the last letter in the index's list."""
    if not index_file.is_file() or index_file.is_symlink():
        return False
    lines = index_file.read_text(encoding="utf-8").splitlines(keepends=True)
    last = max((n for n, line in enumerate(lines) if INDEX_ITEM.match(line)), default=None)
    if last is None:
        return False
    if not lines[last].endswith("\n"):
        lines[last] += "\n"
    lines.insert(last + 1, f"- [{letter.label}]({letter.slug}.md): {description}\n")
    index_file.write_text("".join(lines), encoding="utf-8")
    return True


def create_letter(root: Path, docs_dir: Path, config_file: Path, slug: str) -> list[str]:
    """Write the page, list it, and say what was done and what is next."""
    problem = slug_problem(slug)
    if problem:
        raise LetterError(problem)
    letter = NewLetter(slug)
    page = docs_dir / letter.path
    write_new_page(page, docs_dir, letter.text(), display_path(page, root))
    try:
        report = list_letter(root, docs_dir, config_file, letter, page)
    except (OSError, UnicodeError, yaml.YAMLError) as exc:
        page.unlink(missing_ok=True)  # nothing left behind
        raise LetterError(f"could not list the new letter, so it was removed again: {exc}") from exc
    return report


def write_new_page(page: Path, docs_dir: Path, text: str, shown: str) -> None:
    """Create page, a file of its own in docs_dir/letters/: never through a
    symbolic link (dangling or not), never over a file, never elsewhere."""
    letters = docs_dir / "letters"
    if letters.is_symlink() or docs_dir.is_symlink():
        raise LetterError(f"{letters} is reached through a symbolic link; the page is not written")
    if os.path.lexists(page):
        what = "is a symbolic link" if page.is_symlink() else "already exists"
        raise LetterError(f"{shown} {what}; pick another name or edit that page")
    letters.mkdir(parents=True, exist_ok=True)
    if page.parent.resolve() != letters.resolve() or not letters.resolve().is_relative_to(
        docs_dir.resolve()
    ):
        raise LetterError(f"{shown} would be written outside {letters}; the page is not written")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(page, flags, 0o644)
    except OSError as exc:
        raise LetterError(f"{shown} cannot be created: {exc.strerror}") from exc
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        page.unlink(missing_ok=True)
        raise LetterError(f"{shown} cannot be written: {exc.strerror}") from exc


def list_letter(
    root: Path, docs_dir: Path, config_file: Path, letter: NewLetter, page: Path
) -> list[str]:
    """Add the new page to the nav and the letters index; what was done and what is next."""
    description = re.search(r'^description: "(.*)"$', letter.text(), re.MULTILINE)[1]
    report = [f"created {display_path(page, root)}"]
    report.append(
        f"added it to the nav in {config_file.name}"
        if add_to_nav(config_file, letter)
        else f"next: add `- {letter.label}: {letter.path}` to the Letters part of nav in "
        f"{config_file.name}"
    )
    if add_to_index(docs_dir / "letters" / "index.md", letter, description):
        report.append("added it to the list in letters/index.md")
    report.append(
        "next: replace each guidance sentence marked TODO: with your own words; "
        "`make check` lists those left, and the page cannot be built until none is"
    )
    return report
