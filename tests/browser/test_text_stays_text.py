"""In Chromium: the project with script in its front matter and data files
(tests/hostile.py, built as if `make check` had let it through) runs none of
it, whatever the reader does: each value would call alert() if it ran."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests import hostile
from tests.browser.search_rank import open_search, search
from tests.helpers import serve_directory

pytestmark = pytest.mark.browser


@pytest.fixture(name="hostile_url", scope="module")
def fixture_hostile_url(hostile_site: Path) -> Iterator[str]:
    with serve_directory(hostile_site) as url:
        yield url


@pytest.fixture(name="watched")
def fixture_watched(browser) -> Iterator[tuple[object, list[str]]]:
    """A fresh page, and every dialog (alert, confirm...) it opens, dismissed."""
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []

    def record(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    yield page, dialogs
    context.close()


@pytest.mark.parametrize("url", ["", "letters/", "faq/"])
def test_loading_a_page_runs_nothing(watched, hostile_url: str, url: str) -> None:
    page, dialogs = watched
    page.goto(hostile_url + url)
    page.wait_for_load_state("load")
    assert dialogs == []
    page.evaluate("alert('the harness sees a dialog')")
    assert dialogs == ["the harness sees a dialog"]


def test_using_the_letter_tools_runs_nothing(watched, hostile_url: str) -> None:
    page, dialogs = watched
    page.goto(hostile_url + hostile.LETTER_URL)
    page.locator(".mdx-names__summary").click()
    page.locator("[data-mdx-detail]").first.fill("INV-1")  # its sentence joins the letter
    sentence = hostile.DETAIL["sentence"].replace("{value}", "INV-1")
    # as text, once the form's code has placed it (a detail typed before it arrives waits for it)
    expect(page.locator(".mdx-letter")).to_contain_text(sentence)
    page.get_by_role("button", name="Edit").click()
    page.wait_for_selector("[data-mdx-editor-report] *")  # the editor's checker has drawn
    assert page.locator("#mdx-editor").is_visible()
    assert dialogs == []


def test_searching_for_the_values_runs_nothing(watched, hostile_url: str) -> None:
    page, dialogs = watched
    open_search(page, hostile_url, "desktop")
    results = search(page, "onerror", hostile_url)
    assert hostile.LETTER_URL in results  # the title is found, and shown as text
    assert "onerror" in page.locator(".md-search-result__list").inner_text()
    assert dialogs == []
