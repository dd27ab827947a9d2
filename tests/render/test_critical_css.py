"""Which rules a page's first paint keeps (scripts/render/critical_css.py),
on small pages and sheets: the browser test (tests/browser/test_first_paint.py)
holds the built site to the full stylesheets."""

from __future__ import annotations

from scripts.render.critical_css import kept_rules, page_markup, parse_stylesheet

PAGE = """<!doctype html><html class="no-js"><body>
<section class="tools"><details class="names"><summary class="names__title">Names</summary>
<form class="names__form"><input class="field"></form></details></section>
<!-- a comment between siblings -->
<div class="letter"><p>Dear</p></div></body></html>"""


def kept(css: str, html: str = PAGE) -> list[str]:
    sheet = parse_stylesheet(css)
    return [",".join(rule.selectors) for rule, _ in kept_rules(sheet, page_markup(html))]


def test_combinators_written_with_spaces_match_as_they_do_without() -> None:
    assert kept(".tools + .letter{margin:0}.tools ~ .letter{color:red}.tools > .names{x:y}") == [
        ".tools + .letter",
        ".tools ~ .letter",
        ".tools > .names",
    ]
    assert kept(".letter + .tools{margin:0}") == []


def test_a_folded_details_content_is_left_to_the_full_sheets_its_summary_is_not() -> None:
    css = ".names__title{a:b}.names__form{c:d}.field{e:f}.names{g:h}"
    assert kept(css) == [".names__title", ".names"]
    unfolded = PAGE.replace('<details class="names">', '<details class="names" open>')
    assert kept(css, unfolded) == [".names__title", ".names__form", ".field", ".names"]


def test_the_version_the_reader_chose_is_drawn_from_the_first_paint() -> None:
    """letter-before-paint.js sets the attribute on <html> before the first
    paint: the rules naming it are kept whichever value they name."""
    css = (
        'html[data-mdx-letter-version="original"] .letter{display:none}'
        'html:not([data-mdx-letter-version="original"]) .letter p{color:red}'
        'html[data-other="x"] .letter{display:none}'
    )
    assert kept(css) == [
        'html[data-mdx-letter-version="original"] .letter',
        'html:not([data-mdx-letter-version="original"]) .letter p',
    ]
