"""The light and dark palettes in Chromium. The toggle is ours, not Material's
bundle's (whose mount of it forced full style recalculations in its first
task): before-paint.js shows the palette the page opens with, and palette.js,
loaded when the reader reaches for the toggle, switches it, remembers the
choice where Material's own inline script reads it, and answers Enter."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.audit import SCRIPTS_RAN

pytestmark = pytest.mark.browser

TO_DARK = "label[title='Switch to dark mode']"
TO_LIGHT = "label[title='Switch to light mode']"
BEHAVIOUR = re.compile(r"/assets/mdx/palette\.[0-9a-f]{8}\.js$")


def rgb(hex_colour: str) -> str:
    """#7e56c2 as getComputedStyle writes it: rgb(126, 86, 194)."""
    return "rgb({}, {}, {})".format(*(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)))


def open_page(page, url: str = "tips/", scheme: str = "light"):
    page.emulate_media(color_scheme=scheme)
    page.goto(url)
    page.wait_for_function(SCRIPTS_RAN)
    return page.locator("body")


def test_the_toggle_switches_between_light_and_dark(page) -> None:
    body = open_page(page)
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.locator(TO_DARK).click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    expect(page.locator(TO_LIGHT)).to_be_visible()
    expect(page.locator(TO_DARK)).to_be_hidden()
    page.locator(TO_LIGHT).click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    assert page.errors == []


def test_the_reader_s_system_preference_is_the_first_palette(page) -> None:
    body = open_page(page, scheme="dark")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    expect(page.locator(TO_LIGHT)).to_be_visible()
    expect(page.locator(TO_DARK)).to_be_hidden()


def test_a_choice_is_kept_on_the_next_page(page) -> None:
    open_page(page)
    page.locator(TO_DARK).click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    body = open_page(page, "faq/")  # the system still prefers light
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    expect(page.locator(TO_LIGHT)).to_be_visible()


def test_the_behaviour_loads_only_when_the_reader_reaches_for_the_toggle(page) -> None:
    asked: list[str] = []
    page.on("request", lambda request: BEHAVIOUR.search(request.url) and asked.append(request.url))
    open_page(page)
    page.wait_for_load_state("networkidle")
    assert asked == []
    page.locator(TO_DARK).hover()
    page.wait_for_load_state("networkidle")
    assert len(asked) == 1


def test_a_tap_before_the_behaviour_arrives_is_applied_when_it_does(page) -> None:
    held = []
    page.route(BEHAVIOUR, lambda route: held.append(route))
    body = open_page(page)
    page.locator(TO_DARK).click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")  # not yet
    assert len(held) == 1
    held[0].continue_()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    expect(page.locator(TO_LIGHT)).to_be_visible()


def test_enter_on_the_toggle_picks_the_other_palette_and_stays_on_the_page(page) -> None:
    body = open_page(page)
    url = page.url
    page.locator("[data-mdx-palette] input:checked").focus()
    page.wait_for_load_state("networkidle")  # focus asked for the behaviour
    page.keyboard.press("Enter")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.keyboard.press("Enter")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.wait_for_timeout(200)  # a submitted form would have navigated by now
    assert page.url == url
    assert page.errors == []


def test_the_browser_gets_the_header_s_colour_and_the_palette_s_scheme(page) -> None:
    open_page(page)
    colours = """() => [
      [...document.querySelectorAll('meta[name="theme-color"]')].map((meta) => meta.content),
      getComputedStyle(document.querySelector("header")).backgroundColor,
      getComputedStyle(document.documentElement).colorScheme,
      document.querySelectorAll('meta[name="color-scheme"]').length]"""
    (themes, header, scheme, metas) = page.evaluate(colours)
    assert len(themes) == 1 and rgb(themes[0]) == header
    assert scheme == "normal" and metas == 0
    page.locator(TO_DARK).click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    (themes, header, scheme, metas) = page.evaluate(colours)
    assert rgb(themes[0]) == header  # the same colour in both palettes
    assert scheme == "dark" and metas == 0  # and Material added no <meta> of its own


def test_material_s_bundle_leaves_the_toggle_to_us(page) -> None:
    open_page(page)
    assert page.locator("[data-md-component=palette]").count() == 0
    assert page.locator("form[data-mdx-palette]").count() == 1


def test_the_toggle_works_when_storage_refuses_writes(page) -> None:
    page.add_init_script(
        "Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };"
    )
    body = open_page(page)
    page.locator(TO_DARK).click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    assert page.errors == []


def test_the_header_keeps_the_toggle_s_room_before_the_script_shows_it(browser, base_url) -> None:
    """Material's template hides both labels. Should the header be painted
    before before-paint.js shows one (the parser may pause there on a slow
    phone), the toggle's room is already there, so the search beside it
    does not move. Without scripts the page is as it is before they run."""
    width = "document.querySelector('.md-header__option').getBoundingClientRect().width"
    seen = []
    for scripts in (False, True):
        context = browser.new_context(
            base_url=base_url, viewport={"width": 1280, "height": 800}, java_script_enabled=scripts
        )
        context.route("https://**", lambda route: route.abort())
        page = context.new_page()
        page.goto("check/")
        if scripts:
            page.wait_for_function(SCRIPTS_RAN)
            expect(page.locator(TO_DARK)).to_be_visible()
        seen.append(page.evaluate(width))
        context.close()
    before_the_script, after_it = seen
    assert before_the_script == after_it > 0
