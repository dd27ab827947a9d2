"""The letters index in a real browser: the situation filter shows the matching
cards without reloading, brings them into view, and pressing it again shows
every letter; the home page leads into it by situation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from scripts import data_files
from tests.browser.audit import LAYOUT_SHIFT_OBSERVER, layout_shifts
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
        f"Showing {len(tagged)} of {len(LETTER_PAGES)} letters for “{label}”, below."
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


PHONE = {"width": 360, "height": 740}


def in_view(page, locator) -> bool:
    box = locator.bounding_box()
    return (
        box is not None
        and box["y"] >= 0
        and box["y"] + box["height"] <= page.viewport_size["height"]
    )


def test_choosing_a_situation_brings_its_letters_into_view_on_a_phone(browser, base_url) -> None:
    context = browser.new_context(base_url=base_url, viewport=PHONE, has_touch=True)
    page = context.new_page()
    page.goto(PAGES["letters/index.md"])
    label = data_files.tags()["quality"]
    first = next(name for name in LETTER_PAGES if "quality" in meta(name)["tags"])
    card = page.locator(".mdx-card", has_text=meta(first)["description"])
    assert not in_view(page, card)  # below the first screen
    page.get_by_role("button", name=label, exact=True).tap()
    expect(page.locator(".mdx-filter__status")).to_contain_text(f"letters for “{label}”, below.")
    page.wait_for_function("() => new Promise(done => requestAnimationFrame(() => done(true)))")
    page.wait_for_timeout(600)  # a smooth scroll has ended
    assert in_view(page, page.locator(".mdx-filter__status"))
    assert page.evaluate(
        "(node) => node.getBoundingClientRect().top < innerHeight - 96", card.element_handle()
    )
    assert page.url.endswith("#for-quality")  # an address that keeps the choice
    context.close()


def test_the_home_page_leads_into_the_letters_by_situation(browser, base_url) -> None:
    """On a phone's first screen of the home page, a link per situation; each
    opens the letters index with that situation's letters alone, from the
    first paint (nothing moves), its button pressed."""
    context = browser.new_context(base_url=base_url, viewport=PHONE, has_touch=True)
    page = context.new_page()
    page.add_init_script(LAYOUT_SHIFT_OBSERVER)
    page.route("https://**", lambda route: route.abort())
    page.goto(PAGES["index.md"])
    situations = page.get_by_role("navigation", name="Find a letter for your situation:")
    labels = {
        key: label
        for key, label in data_files.tags().items()
        if any(key in meta(n)["tags"] for n in LETTER_PAGES)
    }
    links = situations.get_by_role("link")
    assert links.all_inner_texts() == [labels[key] for key in situation_order()]
    for link in links.all():
        assert in_view(page, link), f"{link} is below the phone's first screen"

    situations.get_by_role("link", name=labels["billing"]).tap()
    page.wait_for_url(re.compile(r"/letters/#for-billing$"))
    page.wait_for_load_state("networkidle")
    billing = [name for name in LETTER_PAGES if "billing" in meta(name)["tags"]]
    expect(page.locator(".mdx-card:visible")).to_have_count(len(billing))
    expect(page.get_by_role("button", name=labels["billing"], exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(page.locator(".mdx-filter__status")).to_have_text(
        f"Showing {len(billing)} of {len(LETTER_PAGES)} letters for “{labels['billing']}”, below."
    )
    assert in_view(page, page.locator(".mdx-card:visible").first)
    assert layout_shifts(page) == []
    page.get_by_role("button", name="All situations", exact=True).tap()  # the script has taken over
    expect(page.locator(".mdx-card:visible")).to_have_count(len(LETTER_PAGES))
    context.close()


def situation_order() -> list[str]:
    """The letters' situations in nav order of the letters, as the site lists them."""
    order: list[str] = []
    for name in LETTER_PAGES:
        order += [tag for tag in meta(name)["tags"] if tag not in order]
    return order
