"""Layout budgets in Chromium: nothing moves while any page loads (CLS 0 on
a desktop and a phone, in light and dark, also with the CPU slowed 4x: the
full stylesheets and the scripts arrive after the first paint; and nothing
drawn moves as the HTML itself arrives, wherever the parser stops), a letter's first lines
and the checker's draft box are on a phone's first screen, and the tools'
messages appear where the reader is looking."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from scripts.bench.browser import wait_for_scripts
from tests.browser.audit import (
    EVERY_PAGE,
    LAYOUT_SHIFT_OBSERVER,
    SCHEMES,
    WIDTHS,
    layout_shifts,
    reached_at_centre,
    slow_cpu,
)
from tests.helpers import LETTER_PAGES, PAGES

pytestmark = pytest.mark.browser

PHONE = WIDTHS["phone"]


@pytest.fixture(name="sized_context")
def fixture_sized_context(browser, base_url: str, request: pytest.FixtureRequest):
    width, scheme = request.param
    context = browser.new_context(base_url=base_url, viewport=WIDTHS[width], color_scheme=scheme)
    context.add_init_script(LAYOUT_SHIFT_OBSERVER)
    context.route("https://**", lambda route: route.abort())
    yield context
    context.close()


def painted_in_front(page) -> bool:
    """The page was shown, as a reader's tab is: it reported a first paint
    and is visible (its scripts did not wait for a background tab's 2.5 s)."""
    return page.evaluate(
        """() => document.visibilityState === "visible"
          && performance.getEntriesByName("first-contentful-paint").length === 1"""
    )


# A shift is a matter of timing: another worker's Chromium sharing the CPU
# delays a slowed page's late paint (seen at 0.002 on a 2-core machine).
@pytest.mark.alone
@pytest.mark.parametrize("cpu", [1, 4], ids=["cpu-1x", "cpu-4x"])
@pytest.mark.parametrize(
    "sized_context",
    [(width, scheme) for width in WIDTHS for scheme in SCHEMES],
    ids=[f"{width}-{scheme}" for width in WIDTHS for scheme in SCHEMES],
    indirect=True,
)
def test_nothing_moves_while_a_page_loads(sized_context, cpu: int) -> None:
    shifts = {}
    names = list(EVERY_PAGE)
    # With the CPU slowed, tabs that share it load later than a reader's page
    # would, and a sub-pixel shift of a late paint was seen on a loaded
    # machine: one page at a time there, as a reader loads it.
    at_once = TABS_AT_ONCE if cpu == 1 else 1
    for start in range(0, len(names), at_once):
        shifts |= shifts_while_loading(sized_context, names[start : start + at_once], cpu)
    assert shifts == {}


# Page types loaded at once, each in a tab of its own (fresh, as a page of its
# own context would be: the cache is empty until they load): a few, so that
# each loads about as fast as it would alone on two cores.
TABS_AT_ONCE = 3


def requests_in_flight(tab) -> set:
    """The requests of tab asked for and not yet answered, kept up to date."""
    waiting: set = set()
    tab.on("request", lambda request: waiting.add(request))
    tab.on("requestfinished", lambda request: waiting.discard(request))
    tab.on("requestfailed", lambda request: waiting.discard(request))
    return waiting


def shifts_while_loading(context, page_types: list[str], cpu: int) -> dict[str, list]:
    """The layout shifts of each page type, loaded together in tabs of context."""
    tabs = {page_type: context.new_page() for page_type in page_types}
    in_flight = {page_type: requests_in_flight(tab) for page_type, tab in tabs.items()}
    for page_type, tab in tabs.items():
        if cpu > 1:
            slow_cpu(tab, cpu)
        tab.goto(EVERY_PAGE[page_type], wait_until="commit")
    for tab in tabs.values():
        wait_for_scripts(tab)
        tab.wait_for_load_state("load")
    # Until nothing the pages asked for is still coming (a font, a file a
    # script fetched), and late script work has had time to show.
    first = next(iter(tabs.values()))
    first.wait_for_timeout(300)
    while any(in_flight.values()):
        first.wait_for_timeout(100)
    assert [name for name, tab in tabs.items() if not painted_in_front(tab)] == []
    shifts = {name: found for name, tab in tabs.items() if (found := layout_shifts(tab))}
    for tab in tabs.values():
        tab.close()
    return shifts


# The page's HTML written into it a tag at a time, as a parser that stops
# between tags would leave it for a paint: every element drawn on screen at
# any moment is, once the page is whole, where it was drawn. The first
# paint is the HTML and its inlined CSS alone (after-paint.js loads the rest
# after it): the full stylesheets and the scripts are refused here.
MOVED_AS_HTML_ARRIVES = """async () => {
  const html = await (await fetch(location.href)).text();
  const drawn = new Map(); // element -> its box when first drawn on screen
  const shown = (node) => node.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const onScreen = (box) => box.width > 0 && box.height > 0 && box.x < innerWidth
    && box.y < innerHeight && box.right > 0 && box.bottom > 0;
  const note = () => {
    for (const node of document.querySelectorAll("body *")) {
      if (drawn.has(node) || !shown(node)) continue;
      const box = node.getBoundingClientRect();
      if (onScreen(box)) drawn.set(node, box);
    }
  };
  document.open();
  for (let at = 0; at < html.length;) {
    const next = html.indexOf("<", at + 1);
    const end = next < 0 ? html.length : next;
    document.write(html.slice(at, end));
    note();
    at = end;
  }
  document.close();
  const moved = [];
  for (const [node, was] of drawn) {
    if (!node.isConnected || !shown(node)) continue; // gone or hidden: nothing to see move
    const now = node.getBoundingClientRect();
    if (Math.abs(now.x - was.x) > 0.5 || Math.abs(now.y - was.y) > 0.5) {
      moved.push(`${node.localName}.${node.getAttribute("class")} (${Math.round(was.x)}, ${Math.round(was.y)})`
        + ` -> (${Math.round(now.x)}, ${Math.round(now.y)})`);
    }
  }
  return moved;
}"""


@pytest.mark.parametrize("width", list(WIDTHS))
def test_nothing_moves_as_a_pages_html_arrives(browser, base_url: str, width: str) -> None:
    context = browser.new_context(base_url=base_url, viewport=WIDTHS[width])
    context.route("https://**", lambda route: route.abort())
    context.route(re.compile(r"\.(css|js)(\?|$)"), lambda route: route.abort())
    moved = {}
    for name, path in EVERY_PAGE.items():
        page = context.new_page()
        page.goto(path)
        if found := page.evaluate(MOVED_AS_HTML_ARRIVES):
            moved[name] = found
        page.close()
    context.close()
    assert moved == {}


@pytest.fixture(name="phone", scope="module")
def fixture_phone(browser, base_url: str):
    """A phone's context, for tests that only read what a page shows."""
    context = browser.new_context(base_url=base_url, viewport=PHONE)
    yield context
    context.close()


@pytest.mark.parametrize("name", LETTER_PAGES)
def test_a_letters_first_lines_are_on_a_phones_first_screen(phone, name) -> None:
    page = phone.new_page()
    page.goto(PAGES[name])
    first = page.locator(".mdx-letter > p").nth(1).bounding_box()  # the line after "Dear …,"
    line = float(
        page.locator(".mdx-letter").evaluate("node => getComputedStyle(node).lineHeight")[:-2]
    )
    page.close()
    assert first["y"] + line <= PHONE["height"], "the letter's first lines are below the fold"


def test_the_checker_page_opens_on_the_checker_on_a_phone(phone) -> None:
    page = phone.new_page()
    page.goto("check/")
    draft = page.locator("#mdx-check-draft")
    line = float(draft.evaluate("node => getComputedStyle(node).lineHeight")[:-2])
    # The example to start from is above the draft; the page's explanation is folded.
    start = page.get_by_role("button", name="Load example", exact=True).bounding_box()
    assert start["y"] + start["height"] <= draft.bounding_box()["y"]
    assert draft.bounding_box()["y"] + line <= PHONE["height"], "the draft box is below the fold"
    page.close()


def test_the_unfilled_names_message_appears_where_the_reader_looks(browser, base_url) -> None:
    context = browser.new_context(base_url=base_url, viewport=PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url[:-1])
    page = context.new_page()
    page.goto(PAGES["letters/product-failure.md"])
    copy = page.locator("[data-mdx-action='copy']").first
    before = copy.bounding_box()
    copy.click()
    status = page.locator("[data-mdx-status]").first
    expect(status).to_contain_text("names still to fill")
    box = status.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]
    assert copy.bounding_box()["y"] == before["y"]  # the button pressed did not move
    expect(page.locator(".mdx-placeholder--missing").first).to_be_visible()
    context.close()


# Material's "Back to top", offered (not hidden) and visible.
BACK_TO_TOP_SHOWN = """() => {
  const top = document.querySelector(".md-top");
  return Boolean(top) && !top.hidden && getComputedStyle(top).visibility === "visible";
}"""
BACK_TO_TOP_OFFERED = "() => !document.querySelector('.md-top').hidden"


TOOL_CONTROLS = ".mdx-tools :is(button, a[href], input, summary)"


def scroll_back_up_to(page, control) -> None:
    """A screen and more past the control, then back up until it is just
    below the header, where "Back to top" appears, as a reader does: in
    steps, so Material offers its button on the way up."""
    page.evaluate("(by) => window.scrollBy(0, by)", control.bounding_box()["y"] + 1000)
    page.wait_for_timeout(50)
    for step, until in ((350, -200), (100, 0), (20, 64)):
        while control.bounding_box()["y"] < until:
            page.mouse.wheel(0, -step)
            page.wait_for_timeout(30)
    page.wait_for_timeout(200)  # what the page does on scrolling up has happened


@pytest.mark.parametrize("width", [360, 1280])
def test_back_to_top_never_covers_a_letter_tool(browser, base_url, width: int) -> None:
    phone = width < 500
    context = browser.new_context(
        base_url=base_url, viewport={"width": width, "height": 740}, has_touch=phone
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url[:-1])
    page = context.new_page()
    page.goto(PAGES["letters/billing-error.md"])
    page.evaluate("() => { window.print = () => {}; }")
    page.on("download", lambda download: download.cancel())
    page.locator(".mdx-names__summary").click()  # its fields are tools too
    page.locator("[data-mdx-names-form]").wait_for()  # as it arrives (later.js)
    page.mouse.move(width / 2, 700)  # the pointer, away from the controls
    count, offered, shown = 0, 0, 0
    for control in page.locator(TOOL_CONTROLS).all():
        if not control.is_visible():
            continue  # the editor's, closed
        scroll_back_up_to(page, control)
        offered += page.evaluate(BACK_TO_TOP_OFFERED)
        shown += page.evaluate(BACK_TO_TOP_SHOWN)
        assert reached_at_centre(control), f"something covers {control} at its centre"
        if control.get_attribute("data-mdx-edit") is not None:
            continue  # opening the editor would hide the letter the page scrolls past
        # The fold is pressed twice: closed, then open again for the fields.
        for _ in range(2 if control.evaluate("node => node.localName") == "summary" else 1):
            if phone:
                control.tap(timeout=3000)  # fails if another element would receive it
            else:
                control.click(timeout=3000)
        count += 1
    assert count >= 12  # the five actions, the form's fold, fields and buttons
    assert offered > 0  # Material offered "Back to top" on the way up ...
    assert shown == 0  # ... and it never showed while a tool was on screen
    context.close()
