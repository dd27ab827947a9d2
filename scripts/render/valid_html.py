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

from scripts import data_files
from scripts.render.html_tags import PageScan, StartTag, scan_page

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


def rewritten(tag: StartTag) -> str | None:
    """The start tag without the attributes the rules drop; None if they drop none."""
    drop = dropped(tag.name, dict(tag.attributes))
    if not drop:
        return None
    kept = "".join(
        f" {name}" if value is None else f' {name}="{escape(value, quote=True)}"'
        for name, value in tag.attributes
        if name not in drop
    )
    close = " /" if tag.text.endswith("/>") else ""
    return f"<{tag.name}{kept}{close}>"


def valid_html(html: str, scan: PageScan | None = None) -> str:
    """The page with every start tag a rule matches rewritten; scan is the
    page's (scan_page), when the caller has made it already."""
    named = {rule["tag"] for rule in rules()}
    fixes = [
        (tag, new)
        for tag in (scan or scan_page(html)).tags
        if tag.name in named and (new := rewritten(tag)) is not None
    ]
    if not fixes:
        return html
    line_starts = [0] + [
        found.end() for found in re.finditer("\n", html)
    ]  # as the tokenizer counts
    for tag, new in reversed(fixes):
        offset = line_starts[tag.line - 1] + tag.column
        if not html.startswith(tag.text, offset):  # never edit bytes we did not parse
            raise ValueError(
                f"line {tag.line}: the tokenizer's position does not hold {tag.text!r}"
            )
        html = html[:offset] + new + html[offset + len(tag.text) :]
    return html
