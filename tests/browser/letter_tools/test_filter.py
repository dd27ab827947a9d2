"""The letters index in a real browser: the situation filter shows the matching
cards without reloading, and pressing it again shows every letter."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from scripts import data_files
from tests.browser.letter_tools.helpers import button
from tests.helpers import LETTER_PAGES, PAGES, meta

pytestmark = pytest.mark.browser


# ---------------------------------------------------------------- the letters index


def test_situation_filter_shows_matching_cards_without_reloading(tools_page) -> None:
    page = tools_page
    page.goto(PAGES["letters/index.md"])
    page.evaluate("window.sameDocument = true")  # gone if a click reloads the page
    cards = page.locator(".mdx-card")
    expect(cards).to_have_count(len(LETTER_PAGES))
    tagged = [meta(name)["title"] for name in LETTER_PAGES if "quality" in meta(name)["tags"]]
    assert 0 < len(tagged) < len(LETTER_PAGES)  # the situation narrows the list
    label = data_files.tags()["quality"]

    situation = button(page, label)
    situation.click()
    expect(situation).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".mdx-card:visible")).to_have_count(len(tagged))
    expect(page.locator(".mdx-filter__status")).to_have_text(
        f"Showing {len(tagged)} of {len(LETTER_PAGES)} letters for “{label}”."
    )
    shown = page.locator(".mdx-card:visible .mdx-card__link").evaluate_all(
        "links => links.map(link => new URL(link.href).pathname.split('/').at(-2))"
    )
    assert [meta(f"letters/{slug}.md")["title"] for slug in shown] == tagged

    situation.click()  # pressing the active situation again shows every letter
    expect(page.locator(".mdx-card:visible")).to_have_count(len(LETTER_PAGES))
    expect(button(page, "All situations")).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("window.sameDocument") is True
    assert page.errors == []
