"""Reading the pages of docs/: bytes to text, text to front matter and body.

python-frontmatter splits a page but is silent about much: it accepts a page
without front matter, `----` fences and blank lines before the fence, and
drops front matter that is not a mapping. The split here is strict and says
where each problem is; python-frontmatter then reads the parts that passed.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
import yaml

from scripts.problems import Problem, error
from scripts.project.yaml_lines import MetaError, StrictYAMLHandler

FENCE = "---"
# A fence is exactly three dashes, then optional spaces or tabs, as MkDocs reads it.
FENCE_LINE = re.compile(r"^---[ \t]*$")
# Python-Markdown renders about 200 KB a second of link-dense text here, and
# every page of this guide is under 4 KB: a larger page is a mistake (a log
# pasted in), refused unread, so `make check` answers in a second at most.
MAX_PAGE_BYTES = 200_000


@dataclass
class Page:
    """One Markdown page of docs/ and what is known about it."""

    path: str  # relative to the repository, as printed in problems
    url_path: str  # relative to docs/, with forward slashes
    text: str = ""
    meta: dict = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, list[int]] = field(default_factory=dict)
    item_key_lines: dict[str, list[dict[str, int]]] = field(default_factory=dict)
    raw_values: dict[str, str] = field(default_factory=dict)
    dates: dict[str, str] = field(default_factory=dict)  # unquoted values YAML reads as dates
    body: str = ""
    body_line: int = 1  # line of the file where the body starts
    problems: list[Problem] = field(default_factory=list)

    @property
    def first_content_line(self) -> int:
        """The file line of the body's first non-blank line."""
        blank = len(self.body) - len(self.body.lstrip("\n"))
        return self.body_line + self.body[:blank].count("\n")

    def body_line_of(self, needle: str, occurrence: int = 0) -> int:
        """The file line where needle occurs in the body, outside code: its
        first line, or the line of a later occurrence (0-based), or the last."""
        lines = self._lines_of(needle) if needle else []
        if not lines:
            return self.first_content_line
        return lines[min(occurrence, len(lines) - 1)]

    def body_line_matching(self, pattern: re.Pattern[str]) -> int:
        """The file line of the first match of pattern in the body, outside code."""
        for offset, line in enumerate(self._prose.lines):
            if pattern.search(line):
                return self.body_line + offset
        return self.first_content_line

    def _lines_of(self, needle: str) -> list[int]:
        """The file line of each occurrence of needle, found once per needle:
        a page with thousands of links is read once per link address, not
        once per link."""
        if needle not in self._prose.found:
            self._prose.found[needle] = self._prose.occurrences(needle, self.body_line)
        return self._prose.found[needle]

    @functools.cached_property
    def _prose(self) -> Prose:
        return Prose(prose_lines(self.body))


class Prose:
    """A body's lines outside code, searched as one text."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.text = "\n".join(lines)
        self.starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
        self.found: dict[str, list[int]] = {}

    def occurrences(self, needle: str, first_line: int) -> list[int]:
        """The line (first_line for the first) of each occurrence of needle."""
        lines, at = [], self.text.find(needle)
        while at != -1:
            lines.append(first_line + bisect.bisect_right(self.starts, at) - 1)
            at = self.text.find(needle, at + len(needle))
        return lines


FENCE_OPENING = re.compile(r"^\s*(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"`[^`]*`")


def prose_lines(markdown: str, code_spans: bool = False) -> list[str]:
    """Lines of markdown with fenced code blanked, so line numbers are kept,
    and inline code removed (kept with code_spans)."""
    lines, fence = [], None
    for line in markdown.split("\n"):
        match = FENCE_OPENING.match(line) if "`" in line or "~" in line else None
        if fence is None and match:
            fence = match.group(1)
            lines.append("")
        elif fence is not None:
            if line.strip().startswith(fence) and not line.strip(fence[0]).strip():
                fence = None
            lines.append("")
        else:
            lines.append(INLINE_CODE.sub("", line) if "`" in line and not code_spans else line)
    return lines


def read_page(file: Path, path: str, url_path: str) -> Page:
    """The page in file; path is how problems name it, url_path its place in docs/."""
    page = Page(path=path, url_path=url_path)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        page.problems.append(
            error(page.path, 1, f"cannot read the file ({exc.strerror}); check its permissions")
        )
        return page
    if len(raw) > MAX_PAGE_BYTES:
        page.problems.append(
            error(
                page.path,
                1,
                (
                    f"page is {len(raw):,} bytes, over the {MAX_PAGE_BYTES:,}-byte limit; "
                    "split it into several pages"
                ),
            )
        )
        return page
    text = decode(raw, page)
    if text is None:
        return page
    page.text = text
    split_front_matter(page)
    return page


def decode(raw: bytes, page: Page) -> str | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = (
            f"byte 0x{raw[exc.start]:02x} is not UTF-8{encoding_guess(raw)}; save the file as UTF-8"
        )
        page.problems.append(error(page.path, line, message))
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def encoding_guess(raw: bytes) -> str:
    """What the editor probably saved instead, as ' (the file looks like ...)'."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return " (the file is UTF-16)"
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return ""
    return " (the file looks like Windows-1252 or Latin-1)"


def split_front_matter(page: Page) -> None:
    lines = page.text.split("\n")
    if not FENCE_LINE.match(lines[0]):
        page.problems.append(error(page.path, 1, first_line_hint(lines)))
        return
    closing = next((i for i, line in enumerate(lines[1:], 1) if FENCE_LINE.match(line)), None)
    if closing is None:
        page.problems.append(error(page.path, 1, unclosed_hint(lines)))
        return
    page.body = "\n".join(lines[closing + 1 :])
    page.body_line = closing + 2
    read_meta(page, "\n".join(lines[1:closing]))


def first_line_hint(lines: list[str]) -> str:
    first = lines[0].strip()
    if not first and any(FENCE_LINE.match(line.strip()) for line in lines):
        return "front matter must start on line 1; remove the blank lines before `---`"
    if re.fullmatch(r"-{4,}|-{1,2}", first):
        return f"front matter must open with exactly three dashes `---`, not `{first}`"
    if FENCE_LINE.match(first):
        return "the opening `---` must start the line; remove the spaces before it"
    return (
        "page has no front matter; start it with `---`, then `title:` and "
        "`description:` lines, then `---`"
    )


def unclosed_hint(lines: list[str]) -> str:
    other = next(
        (line.strip() for line in lines[1:] if re.fullmatch(r"-{4,}|\.{3}", line.strip())), None
    )
    if other:
        return f"front matter is not closed; close it with a line of exactly `---`, not `{other}`"
    return "front matter is not closed; add a line `---` after the last field"


def read_meta(page: Page, yaml_text: str) -> None:
    """Front matter through python-frontmatter, with the strict YAML handler."""
    handler = StrictYAMLHandler()
    try:
        post = frontmatter.loads(f"{FENCE}\n{yaml_text}\n{FENCE}\n", handler=handler)
    except MetaError as exc:
        for line, message in exc.problems:
            page.problems.append(error(page.path, line, message))
        return
    except yaml.YAMLError as exc:  # belt and braces: the handler reports its own
        page.problems.append(error(page.path, 2, f"front matter is not valid YAML: {exc}"))
        return
    page.meta = dict(post.metadata)
    page.key_lines = handler.key_lines
    page.item_lines = handler.item_lines
    page.item_key_lines = handler.item_key_lines
    page.raw_values = handler.raw_values
    page.dates = handler.dates
