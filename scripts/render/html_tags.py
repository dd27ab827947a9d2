"""Small readers of a built page's tags, shared by the post-build steps that
edit pages in place: a start tag's attributes, and the file of the site an
address names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote


@dataclass(frozen=True)
class StartTag:
    """A start tag as the standard library's tokenizer read it: its name,
    attributes (None for one without a value), where it starts, and its text."""

    name: str
    attributes: tuple[tuple[str, str | None], ...]
    line: int
    column: int
    text: str


@dataclass
class PageScan:
    """One pass over a built page for the steps that read it: every start tag,
    and the text of each <script> and <style> exactly as the browser hashes
    it, with its start tag."""

    tags: list[StartTag] = field(default_factory=list)
    code: list[tuple[StartTag, str]] = field(default_factory=list)


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scan = PageScan()
        self._open: StartTag | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._visit(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._visit(tag, attrs)

    def _visit(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, column = self.getpos()
        start = StartTag(tag, tuple(attrs), line, column, self.get_starttag_text())
        self.scan.tags.append(start)
        if tag in ("script", "style"):
            self._open, self._text = start, []

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and tag == self._open.name:
            self.scan.code.append((self._open, "".join(self._text)))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text.append(data)


def scan_page(html: str) -> PageScan:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.scan


class PageError(Exception):
    """A built page refers to a file the site does not have: the address as the
    page writes it, and what is wrong."""

    def __init__(self, address: str, message: str) -> None:
        super().__init__(message)
        self.address = address


LINK = re.compile(r"<link\b[^>]*>\s*", re.IGNORECASE)
TAG_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def tag_attributes(tag: str) -> dict[str, str]:
    """The attributes of one start tag's text, names lower-cased, values unescaped."""
    inner = re.sub(r"^<\w+|/?>\s*$", "", tag.strip())
    return {
        found[1].lower(): unescape(found[2] or found[3] or found[4] or "")
        for found in TAG_ATTRIBUTE.finditer(inner)
    }


def is_local(href: str) -> bool:
    """An address on this site (no scheme, no host)."""
    return not re.match(r"^([a-z][a-z0-9+.-]*:|//)", href, re.IGNORECASE)


def local_file(href: str, page: Path, site: Path, base_path: str) -> Path:
    """The file of the site an address on the page names: relative to the page,
    or from the site's root (base_path, e.g. "/repo/", is where the site is served)."""
    path = unquote(re.split(r"[?#]", href, maxsplit=1)[0])
    if path.startswith("/"):
        path = path[len(base_path) :] if path.startswith(base_path) else path.lstrip("/")
        return (site / path).resolve()
    return (page.parent / path).resolve()
