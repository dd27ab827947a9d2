"""From a letter to a sent email, as a reader does it (issue 15): on a phone
(360x740, touch) and a desktop (1280x800), from a fresh billing letter page,
a scripted reader who finds every field and button by the words on screen
fills the client's name, their own name, the invoice number, the amount and
the client's email, then presses the Email they see.

Held to: at most 8 taps or clicks (opening the form included), at most one
screen of scrolling in all (the sum of every change of scrollY), no tap on
anything covering the control (Playwright's real taps and clicks fail if
another element would receive them, and the element at the control's centre
is checked first), nothing moving under the finger (each control's box just
before and after its tap; no layout shift at all), and a mailto: link with
To, the subject, both names, the invoice number and the amount, and no
[bracket] left. The figures are printed (`pytest -s`) for the README."""

from __future__ import annotations

import re
import time
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from tests.browser.audit import reached_at_centre
from tests.helpers import PAGES, meta

pytestmark = pytest.mark.browser

LETTER = "letters/billing-error.md"
DEVICES = {
    "phone": {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True},
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}
READER = {
    "Your client's name": "Ms Rivera",
    "Your name": "Sam Taylor",
    "Invoice number": "INV-0173",
    "Amount overcharged": "£240",
    "Your client's email": "rivera@example.com",
}
MAX_PRESSES = 8
# Every scroll and every layout shift since the page started, recent input or not.
WATCH = """
window.mdxScrolled = 0;
window.mdxShifts = [];
let lastY = 0;
addEventListener("scroll", () => {
  window.mdxScrolled += Math.abs(scrollY - lastY);
  lastY = scrollY;
}, { passive: true, capture: true });
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    // The highest edge that moved, before or after, on the screen (an empty
    // rectangle is off the screen).
    const tops = (entry.sources || []).flatMap(({ previousRect, currentRect }) =>
      [previousRect, currentRect].filter((rect) => rect.width || rect.height).map((rect) => rect.top));
    window.mdxShifts.push({ value: entry.value, recentInput: entry.hadRecentInput, top: Math.min(...tops) });
  }
}).observe({ type: "layout-shift", buffered: true });
"""


def on_screen(page, locator) -> bool:
    box = locator.bounding_box()
    return box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]


class Reader:
    """Presses controls as a person would: the one on screen nearest to where
    they are, at its centre, with nothing over it, and nothing above the
    finger moving as it is pressed or as they type."""

    def __init__(self, page, touch: bool) -> None:
        self.page, self.touch, self.presses, self.keys = page, touch, 0, 0
        self.at = None  # the box of the control last pressed
        self.shifts_seen = 0

    def on_screen(self, locator):
        """Of the controls with these words, the visible one nearest to the last."""
        height = self.page.viewport_size["height"]
        boxes = [
            (control, control.bounding_box()) for control in locator.all() if control.is_visible()
        ]
        seen = [(c, b) for c, b in boxes if b["y"] >= 0 and b["y"] + b["height"] <= height]
        near = (lambda item: abs(item[1]["y"] - self.at["y"])) if self.at else (lambda item: 0)
        return min(seen or boxes, key=near)[0]

    def scroll_to(self, control) -> None:
        """As a reader does: just enough to bring the control on screen, clear
        of the header."""
        box, height = control.bounding_box(), self.page.viewport_size["height"]
        if box["y"] + box["height"] > height:
            self.page.evaluate(
                "(by) => window.scrollBy(0, by)", box["y"] + box["height"] - height + 8
            )
        elif box["y"] < 80:
            self.page.evaluate("(by) => window.scrollBy(0, by)", box["y"] - 80)

    def nothing_moved_above(self, box) -> None:
        """No layout shift since the last check; or, right after input, only
        below the point where the reader pressed (a box's shadow included)."""
        shifts = self.page.evaluate("window.mdxShifts")[self.shifts_seen :]
        self.shifts_seen += len(shifts)
        for shift in shifts:
            assert shift["recentInput"], f"something moved by itself: {shift}"
            assert shift["top"] >= box["y"] + box["height"] / 2, f"something above moved: {shift}"

    def press(self, locator) -> None:
        control = self.on_screen(locator)
        self.scroll_to(control)
        before = control.bounding_box()
        assert reached_at_centre(control), f"something covers the centre of {control}"
        if self.touch:
            control.tap()  # fails if another element would receive the tap
        else:
            control.click()
        self.presses += 1
        self.page.wait_for_timeout(150)  # what the press sets off has happened
        after = control.bounding_box()
        assert after == before, f"{control} moved as it was pressed: {before} -> {after}"
        self.nothing_moved_above(after)
        self.at = after

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)
        self.keys += len(text)
        self.page.wait_for_timeout(150)
        self.nothing_moved_above(self.at)


@pytest.mark.parametrize("device", list(DEVICES))
def test_from_a_fresh_letter_to_the_email_in_a_few_presses(browser, base_url, device) -> None:
    context = browser.new_context(base_url=base_url, **DEVICES[device])
    page = context.new_page()
    page.add_init_script(WATCH)
    page.route("https://**", lambda route: route.abort())
    page.goto(PAGES[LETTER])
    page.wait_for_load_state("networkidle")
    reader = Reader(page, touch=device == "phone")
    started = time.monotonic()

    reader.press(page.get_by_text("Names and details", exact=True))
    for label, value in READER.items():
        reader.press(page.get_by_label(label, exact=True))
        reader.type(value)
        if label == "Invoice number":  # what it adds, with the reader's value, in view
            adds = page.get_by_text("Adds: “It was invoice INV-0173.”", exact=True)
            assert on_screen(page, adds)
    reader.press(page.get_by_role("link", name="Email", exact=True))
    seconds = time.monotonic() - started
    # The answer appears right under the Email pressed.
    said = page.get_by_text("Opening your email app with the letter.", exact=True)
    expect(said).to_be_visible()
    assert on_screen(page, said)

    href = reader.on_screen(page.get_by_role("link", name="Email", exact=True)).get_attribute(
        "href"
    )
    to, subject, body = (
        unquote(part)
        for part in re.fullmatch(r"mailto:([^?]*)\?subject=([^&]*)&body=(.*)", href).groups()
    )
    scrolled = page.evaluate("window.mdxScrolled")
    screen = DEVICES[device]["viewport"]["height"]
    shifts = page.evaluate("window.mdxShifts")
    print(
        f"\n{device}: {reader.presses} presses, {reader.keys} keystrokes, "
        f"{scrolled:.0f} px scrolled ({scrolled / screen:.2f} screens), "
        f"{sum(not s['recentInput'] for s in shifts)} layout shifts "
        f"({len(shifts)} right after input, all below the finger), {seconds:.1f} s scripted"
    )

    assert reader.presses <= MAX_PRESSES
    assert scrolled <= screen, f"{scrolled / screen:.2f} screens of scrolling"
    assert [shift for shift in shifts if not shift["recentInput"]] == []
    assert to == READER["Your client's email"]
    assert subject == meta(LETTER)["subject"]
    for value in ("Ms Rivera", "Sam Taylor", "INV-0173", "£240"):
        assert value in body
    assert not re.search(r"\[[^\]]*\]", body), "a [bracket] is left"
    assert page.url.endswith(PAGES[LETTER])  # the mail app opens; the page stays
    context.close()
