"""The names form in a real browser: what a reader types fills the letter and
stays text, at once, even while the page's code is still arriving; names
carry over to other letters until forgotten; search highlights leave
placeholders whole; keyboard, phone and no JavaScript."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.letter_tools.helpers import (
    Held,
    button,
    clipboard,
    field,
    fill,
    filled,
    form_end,
    form_status,
    nav_link,
    open_names,
    source_text,
    status,
    stored,
    values_for,
)
from tests.helpers import LETTER_PAGES, PAGES, meta

pytestmark = pytest.mark.browser


# ---------------------------------------------------------------- across pages


def test_names_carry_over_to_other_letters_until_forgotten(tools_page) -> None:
    page = tools_page
    page.goto(PAGES["letters/missed-deadline.md"])
    fill(page, {"Client's Name": "Ms Rivera", "Your Name": "Sam Taylor"})

    nav_link(page, "Staff misconduct").click()
    page.wait_for_url(re.compile(r"/letters/staff-misconduct/$"))
    expect(page.locator(".mdx-names__count")).to_have_text("all filled")
    expect(page.locator(".mdx-letter")).to_contain_text("Dear Ms Rivera,")
    open_names(page)
    expect(field(page, "Client's Name")).to_have_value("Ms Rivera")

    button(page, "Forget my details").click()
    expect(form_status(page)).to_have_text("Your details are forgotten on this device.")
    expect(field(page, "Your Name")).to_have_value("")
    expect(page.locator(".mdx-letter")).to_contain_text("Dear [Client's Name],")
    expect(page.locator(".mdx-names__count")).to_have_text("2 names still to fill")
    assert stored(page) is None

    page.reload()
    open_names(page)
    expect(field(page, "Client's Name")).to_have_value("")
    assert page.errors == []


def test_every_letter_page_has_one_set_of_working_tools(tools_page) -> None:
    page = tools_page
    page.goto(PAGES["letters/missed-deadline.md"])
    fill(page, {"Client's Name": "Ms Rivera", "Your Name": "Sam Taylor"})
    for label, name in (
        ("Billing error", "letters/billing-error.md"),
        ("Missed deadline", "letters/missed-deadline.md"),
        ("Unmet expectations", "letters/unmet-expectations.md"),
    ):
        nav_link(page, label).click()
        page.wait_for_url(re.compile(f"/{PAGES[name]}$"))
        expect(page.locator("h1")).to_have_text(meta(name)["title"])
        assert page.locator(".mdx-tools").count() == 1
        # the actions at the top, and Copy, Email and Word again at the end of
        # the form, which comes when the reader opens it
        assert page.locator(".mdx-actions").count() == 1
        open_names(page)
        expect(page.locator(".mdx-actions")).to_have_count(2)
        assert form_end(page).locator("[data-mdx-action]").all_text_contents() == [
            "Copy",
            "Email",
            "Word",
        ]
        if set(values_for(name)) - {"Client's Name", "Your Name"}:
            fill(page, values_for(name))
        button(page, "Copy").click()
        expect(status(page)).to_have_text("Letter copied.")
        assert clipboard(page) == filled(source_text(name), values_for(name))
    assert page.errors == []


def test_copy_falls_back_to_plain_text_then_to_selecting_the_letter(tools_page) -> None:
    page, name = tools_page, "letters/unmet-expectations.md"
    page.goto(PAGES[name])
    fill(page, values_for(name))
    expected = filled(source_text(name), values_for(name))
    # A browser that refuses rich text still gets the plain text.
    page.evaluate("() => { navigator.clipboard.write = () => Promise.reject(new Error('no')); }")
    button(page, "Copy").click()
    expect(status(page)).to_have_text("Letter copied.")
    assert clipboard(page) == expected
    # A browser that refuses both: the letter is selected for Ctrl+C.
    page.evaluate(
        "() => { navigator.clipboard.writeText = () => Promise.reject(new Error('no')); }"
    )
    button(page, "Copy").click()
    expect(status(page)).to_contain_text("The letter is selected: press Ctrl+C")
    selected = page.evaluate("getSelection().toString()")
    assert selected.startswith("Dear Ms Rivera,") and selected.rstrip().endswith("Sam Taylor")
    assert page.errors == []


def test_search_highlights_do_not_break_placeholders(tools_page) -> None:
    page, name = tools_page, "letters/missed-deadline.md"
    page.goto(f"{PAGES[name]}?h=client+name")  # as a reader arrives from search
    fill(page, values_for(name))
    button(page, "Copy").click()
    expect(status(page)).to_have_text("Letter copied.")
    assert clipboard(page) == filled(source_text(name), values_for(name))
    assert page.errors == []


# ---------------------------------------------------------------- keyboard, phone, no JavaScript


def test_keyboard_alone_fills_and_copies_with_visible_focus(tools_page) -> None:
    page, name = tools_page, "letters/poor-communication.md"
    page.goto(PAGES[name])
    page.locator(".mdx-names__summary").focus()
    page.keyboard.press("Enter")  # unfolds the names
    expect(field(page, "Client's Name")).to_be_visible()  # the form, as it arrives (later.js)
    page.keyboard.press("Tab")
    page.keyboard.type("Ms Rivera")
    page.keyboard.press("Tab")
    page.keyboard.type("Sam Taylor")
    for _ in range(page.locator("[data-mdx-detail]").count()):
        page.keyboard.press("Tab")  # past the details, left empty
    page.keyboard.press("Tab")
    expect(page.get_by_label("Your client's email")).to_be_focused()
    page.keyboard.press("Tab")  # right after the last field: Copy, again
    focused = page.evaluate(
        """() => {
            const node = document.activeElement, style = getComputedStyle(node);
            return [node.tagName, node.textContent, style.outlineStyle, style.outlineWidth,
                    Boolean(node.closest("form"))];
        }"""
    )
    assert focused[:2] == ["BUTTON", "Copy"] and focused[4]
    assert focused[2] != "none" and focused[3] != "0px"
    page.keyboard.press("Enter")
    expect(form_status(page)).to_have_text("Letter copied.")
    assert clipboard(page) == filled(source_text(name), values_for(name))
    for _ in range(3):  # past Email and Word
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Forget my details"
    # Back past Word, Email, Copy, the three fields and the details, the
    # summary and Edit, Print, Word, Download and Email at the top, to Copy.
    for _ in range(13 + page.locator("[data-mdx-detail]").count()):
        page.keyboard.press("Shift+Tab")
    assert page.evaluate(
        "[document.activeElement.textContent, Boolean(document.activeElement.closest('form'))]"
    ) == ["Copy", False]
    page.keyboard.press("Enter")
    expect(status(page)).to_have_text("Letter copied.")
    assert page.errors == []


# ---------------------------------------------------------------- while the code arrives


RIVERA = {"Client's Name": "Ms Rivera", "Your Name": "Sam Taylor"}


def test_names_typed_while_the_form_code_loads_are_kept_and_sent(tools_page) -> None:
    page, name = tools_page, "letters/billing-error.md"
    form_code = Held(page, "letter-form.js")
    page.goto(PAGES[name])
    fill(page, RIVERA)
    expect(page.locator(".mdx-names__count")).to_have_text("all filled")
    expect(page.locator(".mdx-letter")).to_contain_text("Dear Ms Rivera,")
    assert form_code.routes and json.loads(stored(page)) == RIVERA
    form_end(page).get_by_role("button", name="Copy").click()
    expect(form_status(page)).to_have_text("Letter copied.")
    assert clipboard(page) == filled(source_text(name), RIVERA)

    form_code.release()
    page.get_by_label("Invoice number").fill("INV-0173")
    expect(page.locator(".mdx-letter")).to_contain_text("It was invoice INV-0173.")
    expect(page.locator(".mdx-letter")).to_contain_text("Dear Ms Rivera,")
    expect(form_status(page)).to_have_text("Letter copied.")  # the form's arrival took nothing back
    assert page.errors == []


def test_names_and_details_opened_before_the_letter_code_runs_come_with_it(tools_page) -> None:
    """The form's markup is out of the page's HTML (it fits the first round
    trip): opened before the letter's code runs, it says it is loading, and
    the form comes with the code."""
    page = tools_page
    letter_code = Held(page, "letter.js")
    page.goto(PAGES["letters/billing-error.md"], wait_until="commit")
    page.locator(".mdx-names__summary").click()  # <details> opens without scripts
    expect(page.locator("[data-mdx-names-loading]")).to_have_text("Loading the form…")
    page.wait_for_function("document.documentElement.dataset.mdxScripts === 'running'")
    # Both versions are in the page until the letter code takes the one not chosen away.
    assert page.locator(".mdx-letter:visible").inner_text().startswith("Dear [Client's Name],")

    letter_code.release()
    expect(page.locator(".mdx-letter")).to_have_count(1)  # the version not chosen has left
    field(page, "Client's Name").fill("Ms Rivera")
    expect(page.locator(".mdx-letter")).to_contain_text("Dear Ms Rivera,")
    expect(page.locator(".mdx-names__count")).to_have_text("1 name still to fill")
    assert json.loads(stored(page)) == {"Client's Name": "Ms Rivera"}
    expect(page.locator("[data-mdx-names-loading]")).to_have_count(0)
    page.wait_for_function(
        "() => { try { return Boolean(mdx.use('letter-form')); } catch { return false; } }"
    )
    button(page, "Forget my details").click()
    expect(form_status(page)).to_have_text("Your details are forgotten on this device.")
    assert page.errors == []


def test_a_form_that_cannot_arrive_says_so_and_comes_on_the_next_opening(tools_page) -> None:
    page = tools_page
    page.route("**/later.*.json", lambda route: route.abort())
    page.goto(PAGES["letters/billing-error.md"])
    expect(page.locator("html")).to_have_attribute("data-mdx-scripts", "ready")
    open_names(page)
    expect(page.locator("[data-mdx-names-loading]")).to_contain_text("The form could not load.")
    expect(page.locator("[data-mdx-names-form]")).to_have_count(0)
    page.unroute("**/later.*.json")
    page.locator(".mdx-names__summary").click()  # closed
    page.locator(".mdx-names__summary").click()  # and opened again
    field(page, "Client's Name").fill("Ms Rivera")
    expect(page.locator(".mdx-letter")).to_contain_text("Dear Ms Rivera,")
    # The names kept show in the form as it arrives; Copy at its end works.
    page.reload()
    open_names(page)
    expect(field(page, "Client's Name")).to_have_value("Ms Rivera")
    field(page, "Your Name").fill("Sam Taylor")
    form_end(page).get_by_role("button", name="Copy").click()
    expect(form_status(page)).to_have_text("Letter copied.")
    assert clipboard(page).startswith("Dear Ms Rivera,")


def test_phone_layout_fits_and_works(tools_page) -> None:
    page, name = tools_page, "letters/product-failure.md"
    page.set_viewport_size({"width": 390, "height": 844})
    for url in (PAGES[name], PAGES["letters/index.md"]):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.goto(PAGES[name])
    fill(page, values_for(name))
    for label in ("Copy", "Download", "Print"):
        box = button(page, label).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    button(page, "Copy").click()
    expect(status(page)).to_have_text("Letter copied.")
    assert clipboard(page) == filled(source_text(name), values_for(name))
    assert page.errors == []


def test_without_javascript_letters_stay_readable(browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(PAGES["letters/missed-deadline.md"])
    letter = page.locator(
        ".mdx-letter:visible"
    )  # ours, revised: the original is the scripts' choice
    expect(letter).to_have_count(1)
    assert letter.inner_text().startswith("Dear [Client's Name],")
    expect(page.locator(".mdx-tools")).to_be_hidden()
    page.goto(PAGES["letters/index.md"])
    expect(page.locator(".mdx-card")).to_have_count(len(LETTER_PAGES))
    expect(page.locator(".mdx-filter")).to_be_hidden()
    context.close()
