"""Readers see labels, never the keys behind them: no tag key (`billing`,
`deadline`) and no placeholder name shown as a label on any built page, nor
in the letter tools and the editor with JavaScript on; a placeholder name
appears only in the letter's own text, in its [brackets], or inside its label."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from scripts import data_files
from tests.browser.audit import WIDTHS, file_for
from tests.helpers import PAGES

TAG_KEYS = set(data_files.tags())
PLACEHOLDERS = {item["name"] for item in data_files.placeholders()}


# A tag key in any case; a placeholder name as written ("Your name" is its label).
def is_key(text: str) -> bool:
    return text.casefold() in {key.casefold() for key in TAG_KEYS} or text in PLACEHOLDERS


# Where a placeholder is the letter's text, quoted: the letter, the checker's draft and quotes.
LETTER_TEXT = ".mdx-letter, textarea, q, .mdx-check__quote, script, style, template, svg"
BRACKETED = re.compile(r"\[[^\[\]\n]{1,60}\]")


def labels_shown(html: str) -> list[str]:
    """The text of every element that holds text of its own, one string each."""
    soup = BeautifulSoup(html, "html.parser")
    for node in soup.select(LETTER_TEXT):
        node.decompose()
    found = []
    for element in soup.find_all(True):
        own = "".join(element.find_all(string=True, recursive=False)).strip()
        if own:
            found.append(" ".join(element.get_text(" ").split()))
    return found


def prose_outside_letters(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for node in soup.select(LETTER_TEXT):
        node.decompose()
    return " ".join(soup.get_text(" ").split())


@pytest.mark.parametrize("url", [*PAGES.values(), "404.html"])
def test_no_page_shows_a_key_as_a_label(built_site, url: str) -> None:
    html = file_for(built_site, url).read_text(encoding="utf-8")
    assert [text for text in labels_shown(html) if is_key(text)] == []
    # Outside the letter, a placeholder shows in its [brackets] (as in the
    # letter) or as part of its label, never bare as a key would.
    prose = BRACKETED.sub("", prose_outside_letters(html))
    labels = {item["label"] for item in data_files.placeholders()}
    for label in labels:
        prose = prose.replace(label, "")
    assert [name for name in PLACEHOLDERS if name in prose] == []


VISIBLE_LABELS = """() => [...document.querySelectorAll("body *")]
  .filter((node) => node.checkVisibility() && !node.closest(".mdx-letter, textarea, q")
    && [...node.childNodes].some((child) => child.nodeType === 3 && child.data.trim()))
  .map((node) => node.innerText.trim())"""


@pytest.mark.browser
@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_tools_and_the_editor_show_labels_not_keys(browser, base_url, width: str) -> None:
    context = browser.new_context(base_url=base_url, viewport=WIDTHS[width])
    page = context.new_page()
    page.goto("letters/billing-error/")
    page.locator(".mdx-names__summary").click()
    page.get_by_role("button", name="Edit", exact=True).click()
    page.locator("[data-mdx-editor-report] .mdx-check__summary").wait_for()
    shown = page.evaluate(VISIBLE_LABELS)
    assert "Invoice number" in shown and "Your client's name" in shown
    assert [text for text in shown if is_key(text)] == []
    page.goto("letters/")
    shown = page.evaluate(VISIBLE_LABELS)
    assert data_files.tags()["billing"] in shown
    assert [text for text in shown if is_key(text)] == []
    context.close()
