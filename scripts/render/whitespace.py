"""The templates' indentation out of a built page: every run of whitespace in
the page's text that holds a line break becomes that one line break.

The reader sees the same page: outside `white-space: pre*` a run of
whitespace shows as one space, and where our CSS keeps line breaks (the
letter's paragraphs are `pre-line`) it keeps one and drops the spaces around
it, as pre-line does. Left as written: attribute values, and the text of the
elements whose whitespace is shown or is code (KEPT). On a letter page this is
about 5.5 KB of the HTML, 0.6 KB of it gzipped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# <pre>, and what Material styles `white-space: pre-wrap` (code, kbd); a
# <textarea>'s text is its value; <script> and <style> are code.
KEPT = frozenset({"pre", "code", "kbd", "textarea", "script", "style"})
RUN_WITH_BREAK = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")


class _TextRuns(HTMLParser):
    """The offset and length of each piece of text outside KEPT elements."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [found.end() for found in re.finditer("\n", html)]
        self.runs: list[tuple[int, int]] = []
        self.open_kept: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in KEPT:
            self.open_kept.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open_kept:
            # the last one opened of that name, and any left open inside it
            del self.open_kept[len(self.open_kept) - 1 - self.open_kept[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if not self.open_kept:
            line, column = self.getpos()
            self.runs.append((self.line_starts[line - 1] + column, len(data)))


def collapsed_whitespace(html: str) -> str:
    """The page with each whitespace run holding a line break, in its text
    outside KEPT elements, made one line break."""
    parser = _TextRuns(html)
    parser.feed(html)
    parser.close()
    pieces, done = [], 0
    for start, length in parser.runs:
        pieces.append(html[done:start])
        pieces.append(RUN_WITH_BREAK.sub("\n", html[start : start + length]))
        done = start + length
    pieces.append(html[done:])
    return "".join(pieces)
