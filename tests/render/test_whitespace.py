"""The templates' indentation out of built pages (scripts/render/whitespace.py):
the same page for the reader, fewer bytes."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.render.whitespace import collapsed_whitespace
from tests.helpers import PAGES, page_file, soup


def test_runs_with_a_line_break_become_one_line_break() -> None:
    html = '<ul>\n    <li>\n      <a href="x">Home</a>\n    </li>\n</ul>\n\n\n<p>a  b</p>'
    assert (
        collapsed_whitespace(html) == '<ul>\n<li>\n<a href="x">Home</a>\n</li>\n</ul>\n<p>a  b</p>'
    )


def test_what_shows_or_is_code_and_attribute_values_are_kept_as_written() -> None:
    kept = (
        "<pre>  a\n    b\n</pre><textarea>\n  x\n</textarea><code>1\n  2</code>"
        "<kbd>\n  k</kbd><script>\n  if (a)\n    b();\n</script><style>\n  p {}\n</style>"
        '<input value="a\n   b" data-after="one\n   two">'
    )
    assert collapsed_whitespace(kept) == kept
    assert collapsed_whitespace("<pre><code>\n  a</code>\n  b</pre>\n  c") == (
        "<pre><code>\n  a</code>\n  b</pre>\nc"
    )


def test_the_letter_keeps_its_lines(built_site: Path) -> None:
    """The letter's paragraphs are `white-space: pre-line`: each line break
    of the source is still there, each line as the source writes it."""
    letter = soup(built_site, PAGES["letters/billing-error.md"]).select_one(".mdx-letter")
    closing = [p.get_text() for p in letter.select("p") if "\n" in p.get_text()]
    assert closing, "a paragraph of several lines (the sign-off)"
    assert all(not re.search(r"\n[ \t]|[ \t]\n", text) for text in closing)
    raw = page_file(built_site, PAGES["letters/billing-error.md"]).read_text(encoding="utf-8")
    assert not re.search(r"\n[ \t]+<", raw)  # no indentation left
