"""The reader's words are never lost, and never lost silently (issue 18), in
Chromium: a browser whose storage refuses to write keeps everything typed
in memory and says so once, where the reader is typing; a reload never
brings back an older version; two tabs on one letter stay in step and
"Forget my details" in one is final in the other; a version typed past what
the editor keeps stays while the page is open, and is said; an email link too
long for many mail apps is announced, with Copy offered instead."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.letter_tools.helpers import (
    EDITOR_KEY,
    STORAGE_KEY,
    Held,
    button,
    clipboard,
    email_link,
    field,
    fill,
    filled,
    form_status,
    long_letter,
    open_names,
    paste,
    source_text,
    status,
)
from tests.helpers import PAGES

pytestmark = pytest.mark.browser

BILLING = "letters/billing-error.md"
URL = PAGES[BILLING]
NAMES = {"Client's Name": "Ms Rivera", "Your Name": "Sam Taylor"}
UNKEPT = re.compile(r"^This browser is not keeping what you type")
# localStorage refuses every write while window.mdxRefuse is true (from the
# start when the page is opened with #refuse): a full storage, a strict
# private mode. Reading still works, as in those browsers.
REFUSING_STORAGE = """
(() => {
  const write = Storage.prototype.setItem;
  window.mdxRefuse = location.hash === "#refuse";
  Storage.prototype.setItem = function (key, value) {
    if (window.mdxRefuse && this === window.localStorage) {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    }
    return write.call(this, key, value);
  };
})();
"""


def open_editor(page):
    """Press Edit; the letter's text field, once it is open and has the focus."""
    button(page, "Edit").click()
    area = page.get_by_label("Your letter", exact=True)
    expect(area).to_be_focused()
    return area


def add_a_postscript(page) -> None:
    """In the editor, " P.S. Thank you." at the end of the letter; then closed."""
    area = open_editor(page)
    area.press("Control+End")
    area.press_sequentially(" P.S. Thank you.")
    expect(page.locator("[data-mdx-editor-note]")).to_have_text(
        "Your own version: it differs from the example."
    )
    button(page, "Done editing").click()


def stored(page, key: str) -> dict | None:
    raw = page.evaluate("(key) => localStorage.getItem(key)", key)
    return None if raw is None else json.loads(raw)


# ---------------------------------------------------------------- storage that refuses to write


def test_storage_that_refuses_writes_keeps_every_word_and_says_so_once(tools_page) -> None:
    page = tools_page
    page.add_init_script(REFUSING_STORAGE)
    page.goto(f"{URL}#refuse")
    first, *others = NAMES.items()
    fill(page, dict([first]))
    notes = page.get_by_role("alert")
    expect(notes).to_have_count(1)  # once, under the field being typed in ...
    expect(notes).to_have_text(UNKEPT)
    typed_in = field(page, first[0]).evaluate("input => input.id")
    assert notes.evaluate(
        "(note, id) => note.parentElement.contains(document.getElementById(id))", typed_in
    )
    fill(page, dict(others))
    page.get_by_label("Invoice number").fill("INV-0173")
    page.get_by_label("Your client's email").fill("rivera@example.com")
    expect(notes).to_have_count(1)  # ... and only once

    # Everything typed stays: in the fields, the letter, Copy and Email.
    for name, value in NAMES.items():
        expect(field(page, name)).to_have_value(value)
    expect(page.locator(".mdx-letter")).to_contain_text("Dear Ms Rivera,")
    expect(page.locator(".mdx-letter")).to_contain_text("It was invoice INV-0173.")
    assert "rivera@example.com" in email_link(page).get_attribute("href")

    # The editor too: what is typed there stays while the page is open.
    add_a_postscript(page)
    expect(page.locator(".mdx-letter")).to_contain_text("P.S. Thank you.")
    button(page, "Copy").click()
    expect(status(page)).to_have_text("Letter copied.")
    assert clipboard(page).endswith("Sam Taylor P.S. Thank you.")
    assert "It was invoice INV-0173." in clipboard(page)
    assert stored(page, STORAGE_KEY) is None and stored(page, EDITOR_KEY) is None
    assert page.errors == []


def test_a_refusal_before_the_form_code_arrives_is_said_once_it_does(tools_page) -> None:
    page = tools_page
    page.add_init_script(REFUSING_STORAGE)
    form_code = Held(page, "letter-form.js")
    page.goto(f"{URL}#refuse")
    fill(page, {"Client's Name": "Ms Rivera"})  # refused, kept on the page
    expect(page.locator(".mdx-letter")).to_contain_text("Dear Ms Rivera,")
    assert form_code.routes and page.get_by_role("alert").count() == 0

    form_code.release()
    notes = page.get_by_role("alert")
    expect(notes).to_have_count(1)
    expect(notes).to_have_text(UNKEPT)
    assert notes.evaluate("(note) => note.parentElement.contains(document.activeElement)")
    fill(page, {"Your Name": "Sam Taylor"})
    expect(notes).to_have_count(1)
    assert stored(page, STORAGE_KEY) is None
    assert page.errors == []


def test_a_reload_never_brings_back_an_older_version(tools_page) -> None:
    page = tools_page
    page.add_init_script(REFUSING_STORAGE)
    page.goto(URL)
    fill(page, {"Client's Name": "Ms Older"})
    page.get_by_label("Invoice number").fill("INV-OLD")
    assert stored(page, STORAGE_KEY) == {"Client's Name": "Ms Older"}
    page.evaluate("window.mdxRefuse = true")  # the storage is full from now on
    field(page, "Client's Name").fill("Ms Rivera")
    page.get_by_label("Invoice number").fill("INV-NEW")
    expect(page.get_by_role("alert")).to_have_text(UNKEPT)
    # The copies the browser would no longer update are gone ...
    assert stored(page, STORAGE_KEY) is None and stored(page, EDITOR_KEY) is None
    page.reload()
    # ... so the reload shows the example, as the reader was told, not "Ms Older".
    expect(page.locator(".mdx-names__count")).to_have_text("2 names still to fill")
    assert "Older" not in page.locator(".mdx-letter").inner_text()
    assert "INV-OLD" not in page.locator(".mdx-letter").inner_text()
    assert page.errors == []


# ---------------------------------------------------------------- two tabs


def test_two_tabs_on_one_letter_stay_in_step_and_forget_is_final(tools_page) -> None:
    first = tools_page
    first.goto(URL)
    second = first.context.new_page()
    second.goto(URL)
    open_names(second)  # the second tab's form is open, as a stale tab's would be

    fill(first, NAMES)
    first.get_by_label("Your client's email").fill("rivera@example.com")
    expect(second.locator(".mdx-letter")).to_contain_text("Dear Ms Rivera,")
    expect(field(second, "Your Name")).to_have_value("Sam Taylor")
    expect(second.get_by_label("Your client's email")).to_have_value("rivera@example.com")
    second.get_by_label("Invoice number").fill("INV-0173")
    expect(first.locator(".mdx-letter")).to_contain_text("It was invoice INV-0173.")
    assert "rivera@example.com" in email_link(first).get_attribute("href")

    # The first tab edits the letter: the second, its editor open, follows and says so.
    open_editor(second)
    add_a_postscript(first)
    expect(second.get_by_label("Your letter", exact=True)).to_have_value(
        re.compile("P.S. Thank you.$")
    )
    expect(second.locator("[data-mdx-editor-status]")).to_have_text(
        "This letter was changed in another tab; this page now shows that version."
    )
    button(second, "Done editing").click()
    expect(second.locator(".mdx-letter")).to_contain_text("P.S. Thank you.")

    # Forget in the first tab is final: typing in the second brings nothing back.
    button(first, "Forget my details").click()
    expect(form_status(first)).to_have_text("Your details are forgotten on this device.")
    expect(status(second)).to_have_text("Your details were forgotten in another tab.")
    expect(field(second, "Client's Name")).to_have_value("")
    expect(second.get_by_label("Invoice number")).to_have_value("")
    expect(second.locator(".mdx-letter")).not_to_contain_text("P.S. Thank you.")
    second.get_by_label("Amount overcharged").fill("£240")
    assert stored(second, STORAGE_KEY) is None
    assert stored(second, EDITOR_KEY) == {
        "letters": {URL: {"details": {"Amount overcharged": "£240"}}}
    }
    expect(first.locator(".mdx-letter")).to_contain_text("Dear [Client's Name],")
    assert first.errors == []


# ---------------------------------------------------------------- a huge edit, a long email


def test_a_version_typed_past_the_limit_stays_on_the_page_and_is_said(tools_page) -> None:
    """Past what the editor keeps, the reader's version is not stored (the older
    one stored goes too, so a reload shows the example, as said), yet stays
    while the page is open: in the letter, Copy and Download. (A saved version
    that long opens at once: test_editor.py.)"""
    page = tools_page
    page.goto(URL)
    fill(page, NAMES)
    add_a_postscript(page)  # an older version, stored
    assert "P.S. Thank you." in stored(page, EDITOR_KEY)["letters"][URL]["text"]
    area = open_editor(page)
    long = long_letter(500_001)
    paste(area, long)
    expect(page.locator("[data-mdx-editor-status]")).to_have_text(
        "This version is over 500,000 characters, more than the editor keeps: it is not saved. "
        "It stays while this page is open: copy or download it, or shorten it to keep it."
    )
    assert stored(page, EDITOR_KEY) is None  # the older version went too
    button(page, "Done editing").click()
    expect(page.locator(".mdx-letter")).to_contain_text("We are sorry if this upset you.")
    button(page, "Copy").click()
    expect(status(page)).to_contain_text("Letter copied")
    assert clipboard(page) == long
    assert page.errors == []

    page.reload()
    assert page.locator(".mdx-letter").inner_text() == filled(source_text(BILLING), NAMES)


def test_an_overlong_email_is_announced_and_copy_offered(tools_page) -> None:
    page = tools_page
    page.goto(URL)
    fill(page, NAMES)
    area = open_editor(page)
    area.fill(area.input_value() + "\n\nP.S. " + "We value your trust. " * 60)
    length = len(email_link(page).get_attribute("href"))
    assert length > 2000

    email_link(page).click()
    expect(status(page)).to_have_text(
        "Many email apps cut an email link after about 2,000 characters, and this one has "
        f"{length:,}: press Copy instead and paste the letter into your email, "
        "or press “Email anyway”."
    )
    assert page.url.endswith(URL)  # the mail app did not open
    button(page, "Copy").click()
    expect(status(page)).to_have_text("Letter copied.")
    assert clipboard(page).endswith("We value your trust. ")

    email_link(page).click()  # warned again, then the reader insists
    page.get_by_role("link", name="Email anyway", exact=True).first.click()
    expect(status(page)).to_have_text("Opening your email app with the letter.")
    assert page.errors == []
