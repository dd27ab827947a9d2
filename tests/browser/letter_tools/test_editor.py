"""The letter editor in a real browser: a reader edits the letter, fills a
detail in "Names and details" (its sentence follows in their own version),
and copies, emails (To and subject), downloads and prints exactly their
version, which survives a reload until forgotten, with the checker beside it
and nothing sent anywhere."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from tests.browser.letter_tools.helpers import (
    EDITOR_BUNDLES,
    EDITOR_KEY,
    INJECTION,
    NAMES,
    button,
    choose_version,
    clipboard,
    email_link,
    fill,
    filled,
    form_status,
    long_letter,
    open_names,
    paste,
    source_text,
    status,
    stored,
    values_for,
)
from tests.helpers import PAGES, meta

pytestmark = pytest.mark.browser


# ---------------------------------------------------------------- the editor


def open_editor(page):
    """Press Edit and wait for the editor; the letter's text field."""
    button(page, "Edit").click()
    expect(page.locator("[data-mdx-editor]")).to_be_visible()
    return page.get_by_label("Your letter", exact=True)


def select_text(area, text: str, *, after: bool = False) -> None:
    """Select text in the field (or put the cursor right after it)."""
    area.evaluate(
        """(area, [text, after]) => {
            const start = area.value.indexOf(text);
            if (start < 0) throw new Error(`not in the letter: ${text}`);
            const end = start + text.length;
            area.focus();
            area.setSelectionRange(after ? end : start, end);
        }""",
        [text, after],
    )
    area.press("Shift")  # a key, as a reader's: the cursor is theirs now


def detail(page, label: str):
    """A detail's field in "Names and details", by its label."""
    return page.get_by_role("textbox", name=label, exact=True)


def email_parts(page) -> tuple[str, str, str]:
    href = email_link(page).get_attribute("href")
    to, subject, body = re.fullmatch(r"mailto:([^?]*)\?subject=([^&]*)&body=([^&]*)", href).groups()
    return unquote(to), unquote(subject), unquote(body)


def track_requests(page) -> list[str]:
    paths: list[str] = []
    page.on("request", lambda request: paths.append(request.url))
    return paths


EDITED_FROM = "The mistake was mine: I applied the wrong rate when I prepared the invoice, and I did not check it before I sent it."
EDITED_TO = "I am sorry: we charged you twice.\n“We got it wrong,” as my colleague put it."
# Where the first detail's sentence goes in the version shown first (ours, revised)
DETAIL_AFTER = meta("letters/billing-error.md")["details"][0]["revised"]["after"]
# ... and in the article's version, and where the amount's goes in ours
ORIGINAL_AFTER = meta("letters/billing-error.md")["details"][0]["after"]
AMOUNT_AFTER = meta("letters/billing-error.md")["details"][1]["revised"]["after"]


def billing_edit(names: dict[str, str]) -> str:
    """The billing letter as test_edit_... leaves it."""
    text = filled(source_text("letters/billing-error.md"), names)
    text = text.replace(EDITED_FROM, EDITED_TO)
    return text.replace(DETAIL_AFTER, f"{DETAIL_AFTER} It was invoice INV-0042 «B».")


@pytest.mark.parametrize("width", [1280, 360], ids=["desktop", "phone"])
def test_edit_fill_a_detail_and_send_exactly_the_edited_text(tools_page, width: int) -> None:
    page, name = tools_page, "letters/billing-error.md"
    page.set_viewport_size({"width": width, "height": 800})
    requests = track_requests(page)
    page.goto(PAGES[name])
    fill(page, NAMES)
    loaded_at = len(requests)

    area = open_editor(page)
    assert area.input_value() == filled(source_text(name), NAMES)  # names already filled
    expect(page.locator(".mdx-letter")).to_be_hidden()  # the field takes the letter's place
    expect(page.locator("[data-mdx-editor-note]")).to_have_text(
        "This is the example letter, with your names and details."
    )
    select_text(area, EDITED_FROM)
    page.keyboard.type(EDITED_TO)  # curly quotes and a line break, typed
    # A detail filled after the edit joins the reader's own version, at its place.
    detail(page, "Invoice number").fill("INV-0042 «B»")
    expect(page.locator("[data-mdx-adds]").first).to_have_text(
        "Adds: “It was invoice INV-0042 «B».”"
    )
    expected = billing_edit(NAMES)
    assert area.input_value() == expected
    expect(page.locator("[data-mdx-editor-note]")).to_have_text(
        "Your own version: it differs from the example."
    )

    page.get_by_label("Your client's email").fill("zoe.odegard+billing@example.com")
    page.get_by_label("Put today's date at the top when downloading or printing").check()
    today = page.evaluate(
        "new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date())"
    )

    button(page, "Copy").click()
    expect(status(page)).to_have_text("Letter copied.")
    assert clipboard(page) == expected

    to, subject, body = email_parts(page)
    assert (to, subject) == ("zoe.odegard+billing@example.com", meta(name)["subject"])
    assert body == expected.replace("\n", "\r\n")

    with page.expect_download() as download_info:
        button(page, "Download").click()
    saved = Path(download_info.value.path()).read_text(encoding="utf-8")
    assert saved == f"{today}\n\n{expected}\n"

    page.evaluate("() => { window.print = () => (window.printed = (window.printed || 0) + 1); }")
    button(page, "Print").click()
    page.wait_for_function("() => window.printed === 1")
    page.emulate_media(media="print")
    printed = page.locator(".mdx-letter").inner_text()
    assert printed == f"{today}\n\n{expected}"
    assert len(re.findall(rb"/Type\s*/Page\b", page.pdf(format="A4"))) == 1
    page.emulate_media(media="screen")

    same_origin = page.url.split("/letters/")[0]
    fetched = [url.removeprefix(same_origin) for url in requests]
    # the form's markup and the editor's come from the file beside the page
    # (later.js), fetched once, when the form was opened
    markup = [
        path for path in fetched if re.fullmatch(r"/letters/[a-z-]+/later\.[0-9a-f]{8}\.json", path)
    ]
    assert len(markup) == 1 and fetched.index(markup[0]) < loaded_at, fetched
    assert set(fetched[loaded_at:]) == EDITOR_BUNDLES, fetched  # nothing else, nowhere else
    assert page.errors == []


def test_a_detail_the_reader_rewrote_is_left_as_they_wrote_it(tools_page) -> None:
    page, name = tools_page, "letters/billing-error.md"
    page.goto(PAGES[name])
    choose_version(page, "The article's version")
    open_names(page)
    detail(page, "Invoice number").fill("INV-1")
    area = open_editor(page)
    sentence = "The error was on invoice INV-1."
    assert f"{ORIGINAL_AFTER} {sentence}" in area.input_value()  # the example, with the detail
    select_text(area, sentence)
    page.keyboard.type("It was invoice one.")
    detail(page, "Invoice number").fill("INV-2")
    adds = page.locator("[data-mdx-adds]").first
    expect(adds).to_have_text(
        "Your own version is kept as you wrote it: change this sentence there (Edit)."
    )
    assert "It was invoice one." in area.input_value() and "INV-2" not in area.input_value()
    detail(page, "Amount overcharged").fill("£240")  # not there yet: it joins, at its place
    assert f"{ORIGINAL_AFTER} We charged you £240 more" in area.input_value()
    assert "It was invoice one." in area.input_value()
    assert page.errors == []


def test_the_edit_survives_a_reload_until_forgotten(tools_page) -> None:
    page, name = tools_page, "letters/billing-error.md"
    page.goto(PAGES[name])
    fill(page, NAMES)
    area = open_editor(page)
    select_text(area, EDITED_FROM)
    page.keyboard.type(EDITED_TO)
    detail(page, "Amount overcharged").fill("£240.00")
    page.get_by_label("Your client's email").fill("zoe@example.com")
    amount = "The refund is £240.00, the full difference between what I charged and what you owed."
    edited = filled(source_text(name), NAMES).replace(EDITED_FROM, EDITED_TO)
    edited = edited.replace(AMOUNT_AFTER, f"{AMOUNT_AFTER} {amount}")

    page.reload()  # the editor's code comes back by itself: this browser keeps an edit
    expect(page.locator("[data-mdx-tools][data-mdx-editor-ready]")).to_have_count(1)
    expect(page.locator(".mdx-letter")).to_contain_text("“We got it wrong,” as my colleague")
    assert page.locator(".mdx-letter").inner_text() == edited  # as on the page, exactly
    button(page, "Copy").click()
    expect(status(page)).to_have_text("Letter copied.")
    assert clipboard(page) == edited
    assert email_parts(page)[0] == "zoe@example.com"
    area = open_editor(page)
    assert area.input_value() == edited
    open_names(page)
    expect(detail(page, "Amount overcharged")).to_have_value("£240.00")

    button(page, "Done editing").click()
    button(page, "Forget my details").click()
    expect(form_status(page)).to_have_text("Your details are forgotten on this device.")
    assert page.evaluate(f"localStorage.getItem('{EDITOR_KEY}')") is None
    assert stored(page) is None
    button(page, "Copy").click()
    button(page, "Copy anyway").click()
    expect(status(page)).to_have_text("Letter copied, with 2 names still to fill.")
    assert clipboard(page) == source_text(name)
    assert email_parts(page)[0] == ""
    page.reload()
    page.wait_for_timeout(300)
    assert page.locator("[data-mdx-editor-ready]").count() == 0  # nothing kept, nothing loaded
    assert page.locator(".mdx-letter").inner_text().startswith("Dear [Client's Name],")
    assert page.errors == []


def test_back_to_the_example_asks_first_on_the_page(tools_page) -> None:
    page, name = tools_page, "letters/missed-deadline.md"
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(PAGES[name])
    area = open_editor(page)
    back = button(page, "Back to the example")
    expect(back).to_be_hidden()  # nothing to go back from yet
    select_text(area, "Warm regards,")
    page.keyboard.type("With apologies,")
    changed = area.input_value()

    back.click()
    confirm = page.get_by_role("group", name=re.compile("^Replace your version with the example"))
    expect(confirm).to_be_visible()
    expect(button(page, "Keep my version")).to_be_focused()
    page.keyboard.press("Escape")
    expect(confirm).to_be_hidden()
    assert area.input_value() == changed

    back.click()
    button(page, "Replace with the example").click()
    assert area.input_value() == source_text(name)
    expect(page.locator("[data-mdx-editor-status]")).to_have_text("Back to the example letter.")
    expect(back).to_be_hidden()
    assert page.evaluate(f"localStorage.getItem('{EDITOR_KEY}')") is None
    assert dialogs == []
    assert page.errors == []


def test_names_still_fill_the_brackets_left_in_an_edit(tools_page) -> None:
    page, name = tools_page, "letters/product-failure.md"
    page.goto(PAGES[name])
    area = open_editor(page)
    select_text(area, "Dear [Client's Name],")
    page.keyboard.type("Dear [Client's Name], and thank you for telling us at once,")
    fill(page, values_for(name))
    edited = source_text(name).replace(
        "Dear [Client's Name],", "Dear [Client's Name], and thank you for telling us at once,"
    )
    assert "[Client's Name]" in area.input_value()  # the field keeps the brackets ...
    button(page, "Copy").click()
    expect(status(page)).to_have_text("Letter copied.")
    assert clipboard(page) == filled(edited, values_for(name))  # ... the letter sent fills them
    button(page, "Done editing").click()
    expect(page.locator(".mdx-letter")).to_contain_text("Dear Ms Rivera, and thank you")
    assert page.errors == []


def test_unfilled_names_in_an_edit_are_announced(tools_page) -> None:
    page = tools_page
    page.goto(PAGES["letters/missed-deadline.md"])
    open_editor(page)
    button(page, "Copy").click()
    expect(status(page)).to_have_text(
        "2 names still to fill: [Client's Name] and [Your Name]. "
        "Fill them in below, or press “Copy anyway”."
    )
    assert page.errors == []


def test_the_to_address_is_checked_and_only_used_in_the_mailto_link(tools_page) -> None:
    page = tools_page
    page.goto(PAGES["letters/missed-deadline.md"])
    open_names(page)
    to = page.get_by_label("Your client's email")
    to.fill("not an address")
    to.blur()
    expect(page.locator("[data-mdx-to-error]")).to_contain_text("is not an email address yet")
    expect(to).to_have_attribute("aria-invalid", "true")
    assert email_parts(page)[0] == ""
    to.fill("ms.rivera@example.com")
    expect(page.locator("[data-mdx-to-error]")).to_have_text("")
    assert email_parts(page)[0] == "ms.rivera@example.com"
    assert page.errors == []


def test_what_the_reader_types_in_the_editor_stays_text(tools_page) -> None:
    page, name = tools_page, "letters/billing-error.md"
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(PAGES[name])
    area = open_editor(page)
    select_text(area, "Kind regards,")
    page.keyboard.type(f"Kind regards, {INJECTION}")
    open_names(page)
    detail(page, "Invoice number").fill(INJECTION)
    button(page, "Done editing").click()
    expect(page.locator(".mdx-letter")).to_contain_text(f"Kind regards, {INJECTION}")
    page.reload()
    expect(page.locator(".mdx-letter")).to_contain_text(f"invoice {INJECTION}.")
    assert page.locator("img[src='x']").count() == 0
    assert dialogs == []
    assert page.errors == []


def test_the_checker_runs_beside_the_editor_on_the_edited_text(tools_page) -> None:
    page = tools_page
    page.goto(PAGES["letters/missed-deadline.md"])
    choose_version(page, "The article's version")  # the editor and its checker work on either
    report = page.locator('details[data-mdx-more="report"]')  # built with the page, folded
    report.locator("summary").click()
    expect(report.locator("[data-mdx-letter-report][data-mdx-version=original]")).to_be_visible()
    area = open_editor(page)
    expect(report).to_be_hidden()  # the live one replaces it
    report = page.locator("[data-mdx-editor-report]")
    expect(report.locator(".mdx-check__summary")).not_to_be_empty()
    ours = report.locator(".mdx-check__item--finding", has_text="if you were offended")
    expect(ours).to_have_count(0)
    select_text(area, "I take full responsibility for this oversight.")
    page.keyboard.type("I am sorry if you were offended.")
    expect(ours).to_have_count(1)  # checked as the reader types, after a short pause
    assert ours.get_attribute("data-mdx-rule") == "conditional"
    ours.get_by_role("button").click()
    assert (
        page.evaluate(
            "(() => { const a = document.activeElement; "
            "return a.value.slice(a.selectionStart, a.selectionEnd); })()"
        )
        == "if you were offended"
    )
    assert page.errors == []


def test_the_editor_works_from_the_keyboard(tools_page) -> None:
    page = tools_page
    page.goto(PAGES["letters/billing-error.md"])
    button(page, "Print").focus()
    page.keyboard.press("Tab")
    expect(button(page, "Edit")).to_be_focused()
    page.keyboard.press("Enter")
    area = page.get_by_label("Your letter", exact=True)
    expect(area).to_be_focused()  # once the editor's code has loaded
    page.keyboard.press("Control+Home")
    page.keyboard.press("End")
    page.keyboard.type(" Thank you.")
    assert area.input_value().startswith("Dear [Client's Name], Thank you.")
    button(page, "Done editing").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".mdx-letter")).to_contain_text("Dear [Client's Name], Thank you.")
    expect(button(page, "Edit")).to_have_attribute("aria-expanded", "false")
    assert page.errors == []


@pytest.mark.parametrize("size", [(360, 740), (1280, 800)], ids=["phone", "desktop"])
def test_edit_and_done_move_nothing_above_the_pointer(browser, base_url, size) -> None:
    """Edit and "Done editing" keep their place and the page's: the button is
    as wide as its longer word, so its row never wraps, and the page does not
    scroll under the finger."""
    width, height = size
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(PAGES["letters/billing-error.md"])
    actions = page.locator(".mdx-actions").first
    edit = page.locator("[data-mdx-edit]")
    page.evaluate("window.scrollTo(0, 200)")

    def where() -> tuple:
        return (edit.bounding_box(), actions.bounding_box(), page.evaluate("scrollY"))

    before = where()
    edit.click()
    expect(page.get_by_label("Your letter", exact=True)).to_be_focused()
    expect(edit).to_have_accessible_name("Done editing")
    assert where() == before
    edit.click()
    expect(edit).to_have_accessible_name("Edit")
    assert where() == before
    context.close()


def test_a_200000_character_paste_is_checked_in_slices_with_a_count(tools_page) -> None:
    """The checker reads a long version a slice at a time: the editor shows the
    first findings and how many more, never tens of thousands of nodes."""
    page = tools_page
    page.goto(PAGES["letters/missed-deadline.md"])
    area = open_editor(page)
    paste(area, long_letter(200_000))
    report = page.locator("[data-mdx-editor-report]")
    expect(report.locator(".mdx-check__more")).to_contain_text("more phrases are flagged")
    assert report.locator(".mdx-check__item--finding").count() == 50
    nodes = page.evaluate(
        "document.querySelector('[data-mdx-editor-report]').querySelectorAll('*').length"
    )
    assert nodes < 500
    assert area.get_attribute("data-mdx-long") == ""  # it scrolls in its own box
    assert page.errors == []


def test_a_5_mb_saved_edit_opens_at_once_and_still_sends_whole(tools_page) -> None:
    """A version too long to lay out quickly is not put in the field: the editor
    says so, and Copy still has all of it."""
    page = tools_page
    url = PAGES["letters/missed-deadline.md"]
    page.goto(url)
    text = long_letter(5_000_000)
    page.evaluate(
        "([key, url, text]) => localStorage.setItem(key, JSON.stringify({letters: {[url]: {text}}}))",
        [EDITOR_KEY, url, text],
    )
    page.reload()
    area = open_editor(page)
    assert area.input_value() == "" and area.get_attribute("readonly") is not None
    expect(page.locator("[data-mdx-editor-status]")).to_contain_text(
        "Your saved version is 5,000,000 characters long, more than the editor shows (500,000)"
    )
    assert page.evaluate("document.querySelector('.mdx-letter').mdxSource.text().length") == len(
        text
    )
    assert page.errors == []


def test_a_version_too_long_to_keep_is_refused_with_a_message(tools_page) -> None:
    page = tools_page
    page.goto(PAGES["letters/missed-deadline.md"])
    area = open_editor(page)
    paste(area, long_letter(500_001))
    expect(page.locator("[data-mdx-editor-status]")).to_contain_text(
        "This version is over 500,000 characters, more than the editor keeps: it is not saved."
    )
    assert page.evaluate(f"localStorage.getItem('{EDITOR_KEY}')") is None
