"""Valid HTML: the Nu HTML checker's errors in the theme's own markup, fixed
after the render by the rules of scripts/data/html-fixes.yml (a tag, the
attribute to drop, the conditions on its other attributes).

The standard library's HTML tokenizer finds each start tag a rule matches;
only that tag is rewritten, from its parsed attributes, and every other byte
of the page stays as rendered. A block override or a partial would do it
too, but no block holds these tags, and a partial override of Material's
would not survive the move to Zensical; a post-build fix does.
"""

from __future__ import annotations

import functools
import re
from html import escape
from html.parser import HTMLParser

from scripts import data_files

RULES = "html-fixes.yml"


@functools.cache
def rules() -> list[dict]:
    return data_files.load(RULES)


def holds(condition: object, value: str | None) -> bool:
    """One condition of a rule on one attribute's value (None: absent)."""
    if condition == "present":
        return value is not None
    if isinstance(condition, list):
        return value in condition
    return value == condition


def dropped(tag: str, attributes: dict[str, str | None]) -> set[str]:
    """The attributes the rules drop from this start tag."""
    return {
        rule["drop"]
        for rule in rules()
        if rule["tag"] == tag
        and rule["drop"] in attributes
        and all(holds(want, attributes.get(name)) for name, want in rule["when"].items())
    }


class _StartTags(HTMLParser):
    """Every start tag to rewrite: (line, column, as written, rewritten)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.fixes: list[tuple[int, int, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._visit(tag, attrs, "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._visit(tag, attrs, " /")

    def _visit(self, tag: str, attrs: list[tuple[str, str | None]], close: str) -> None:
        drop = dropped(tag, dict(attrs))
        if not drop:
            return
        kept = "".join(
            f" {name}" if value is None else f' {name}="{escape(value, quote=True)}"'
            for name, value in attrs
            if name not in drop
        )
        line, column = self.getpos()
        self.fixes.append((line, column, self.get_starttag_text(), f"<{tag}{kept}{close}>"))


def valid_html(html: str) -> str:
    """The page with every start tag a rule matches rewritten."""
    parser = _StartTags()
    parser.feed(html)
    parser.close()
    if not parser.fixes:
        return html
    line_starts = [0] + [
        found.end() for found in re.finditer("\n", html)
    ]  # as the tokenizer counts
    for line, column, written, rewritten in reversed(parser.fixes):
        offset = line_starts[line - 1] + column
        if not html.startswith(written, offset):  # never edit bytes we did not parse
            raise ValueError(f"line {line}: the tokenizer's position does not hold {written!r}")
        html = html[:offset] + rewritten + html[offset + len(written) :]
    return html
