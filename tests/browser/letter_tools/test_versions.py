"""A letter's two versions in a real browser: ours, revised with the guide's
tips, shown first; the article's a press away, kept for that letter on this
device and drawn from the first paint; names, details, Copy, Email and
Download on the one chosen, and the build-time report about it."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from tests.browser.letter_tools.helpers import (
    Held,
    button,
    choose_version,
    clipboard,
    email_link,
    fill,
    filled,
    source_text,
    status,
    values_for,
)
from tests.helpers import PAGES, meta

pytestmark = pytest.mark.browser

BILLING = "letters/billing-error.md"
ARTICLE = "The article's version"
OURS = "Revised with the guide's tips"


def shown(page) -> list[str]:
    """The versions of the letter on screen."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.mdx-letter')]
                  .filter((node) => node.checkVisibility())
                  .map((node) => node.dataset.mdxVersion)"""
    )


def opened(page, name: str):
    """The folded part `name` (the report, the notes on changes) opened as a
    reader opens it, once its content has arrived (later.js)."""
    more = page.locator(f'details[data-mdx-more="{name}"]')
    more.locator("summary").click()
    body = more.locator("[data-mdx-more-body]")
    expect(body.locator(":scope > div").first).to_be_attached()
    return body


def report_shown(page) -> list[str]:
    """The versions of the build-time report on screen, once opened."""
    opened(page, "report")
    return page.evaluate(
        """() => [...document.querySelectorAll('[data-mdx-letter-report]')]
                  .filter((node) => node.checkVisibility())
                  .map((node) => node.dataset.mdxVersion)"""
    )


@pytest.mark.parametrize("width", [1280, 360], ids=["desktop", "phone"])
def test_the_article_s_version_is_a_press_away_and_everything_works_on_it(
    tools_page, width: int
) -> None:
    page = tools_page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(PAGES[BILLING])
    assert shown(page) == ["revised"]
    expect(page.get_by_role("button", name=OURS)).to_have_attribute("aria-pressed", "true")
    changes = opened(page, "changes").locator(".mdx-letter-changes li")
    expect(changes).to_have_count(len(meta(BILLING)["changes"]))
    assert report_shown(page) == ["revised"]

    choose_version(page, ARTICLE)
    assert shown(page) == ["original"]
    expect(page.locator(".mdx-letter")).to_have_count(1)  # the other left the page
    expect(page.locator('[data-mdx-more="changes"]')).to_be_hidden()
    assert report_shown(page) == ["original"]
    values = values_for(BILLING)
    fill(page, values)
    page.get_by_label("Invoice number").fill("INV-0173")
    expected = filled(source_text(BILLING, "original"), values).replace(
        "the billing error you experienced.",
        "the billing error you experienced. The error was on invoice INV-0173.",
    )
    expect(page.locator("[data-mdx-adds]").first).to_have_text(
        "Adds: “The error was on invoice INV-0173.”"
    )
    button(page, "Copy").click()
    expect(status(page)).to_have_text("Letter copied.")
    assert clipboard(page) == expected
    body = unquote(email_link(page).get_attribute("href").split("&body=")[1])
    assert body == expected.replace("\n", "\r\n")
    with page.expect_download() as download_info:
        button(page, "Download").click()
    assert Path(download_info.value.path()).read_text(encoding="utf-8") == f"{expected}\n"

    # Kept for this letter alone, and drawn first on the next visit.
    assert json.loads(page.evaluate("localStorage.getItem('mdx-letter-version:/')")) == {
        "letters/billing-error/": "original"
    }
    page.goto(PAGES["letters/missed-deadline.md"])
    assert shown(page) == ["revised"]
    letter_code = Held(page, "letter.js")  # what the page shows before its letter code runs
    page.goto(PAGES[BILLING], wait_until="commit")
    expect(page.locator("html")).to_have_attribute("data-mdx-scripts", "running")
    assert shown(page) == ["original"]
    expect(page.get_by_role("button", name=ARTICLE)).to_have_css("font-weight", "700")
    letter_code.release()

    expect(page.locator("html")).to_have_attribute("data-mdx-scripts", "ready")
    choose_version(page, OURS)
    assert shown(page) == ["revised"]
    assert page.evaluate("localStorage.getItem('mdx-letter-version:/')") is None
    expect(page.locator("[data-mdx-adds]").first).to_have_text(
        "Adds: “It was invoice INV-0173.”",  # the same detail, at its place in ours
        timeout=15000,  # once the form's code has arrived, after the page's
    )
    button(page, "Copy").click()
    expect(status(page)).to_have_text("Letter copied.")
    ours = filled(source_text(BILLING, "revised"), values)
    after = meta(BILLING)["details"][0]["revised"]["after"]
    assert clipboard(page) == ours.replace(after, f"{after} It was invoice INV-0173.")
    assert page.errors == []


def test_the_report_opens_by_keyboard_and_says_so_when_it_cannot_arrive(tools_page) -> None:
    """The report is fetched when the reader opens it (later.js): by keyboard
    as by pointer; a failed fetch is said where it would show, and opening it
    again tries again."""
    page = tools_page
    page.goto(PAGES[BILLING])
    expect(page.locator("html")).to_have_attribute("data-mdx-scripts", "ready")
    later_file = "**/letters/billing-error/later.*.json"
    page.route(later_file, lambda route: route.abort())
    more = page.locator('details[data-mdx-more="report"]')
    summary = more.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    body = more.locator("[data-mdx-more-body]")
    expect(body).to_have_text(
        "This could not load. Close and open it again to retry, or reload the page."
    )
    page.unroute(later_file)
    page.keyboard.press("Enter")  # closed
    page.keyboard.press("Enter")  # and opened again
    report = body.locator("[data-mdx-letter-report][data-mdx-version=revised]")
    expect(report).to_be_visible()
    expect(report.locator(".mdx-check__verdict--sound")).to_be_visible()
    # styled: its stylesheet arrived before it showed
    expect(report.locator(".mdx-check__summary")).not_to_have_css("border-left-width", "0px")
