"""The letter toolbar in a real browser (Debian's Chromium through Playwright):
on every letter a reader fills the names, copies, emails, downloads and
prints the letter; unfilled placeholders are announced first; Copy falls back
when the clipboard is refused; every letter page has one working set."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from tests.browser.letter_tools.helpers import (
    INJECTION,
    button,
    clipboard,
    email_link,
    field,
    fill,
    filled,
    source_text,
    status,
    values_for,
)
from tests.helpers import LETTER_PAGES, PAGES, meta

pytestmark = pytest.mark.browser


# ---------------------------------------------------------------- every letter


@pytest.mark.parametrize("name", LETTER_PAGES, ids=[Path(n).stem for n in LETTER_PAGES])
def test_fill_copy_email_and_download_every_letter(tools_page, name: str) -> None:
    page, values = tools_page, values_for(name)
    expected = filled(source_text(name), values)
    page.goto(PAGES[name])
    fill(page, values)
    for value in values.values():
        expect(page.locator(".mdx-letter")).to_contain_text(value)

    button(page, "Copy").click()
    expect(status(page)).to_have_text("Letter copied.")
    assert clipboard(page) == expected

    href = email_link(page).get_attribute("href")
    subject, body = re.fullmatch(r"mailto:\?subject=([^&]*)&body=([^&]*)", href).groups()
    assert unquote(subject) == meta(name)["subject"]
    assert unquote(body) == expected.replace("\n", "\r\n")
    assert "%20" in subject and "%0D%0A%0D%0A" in body  # encoded, not "+" and raw breaks
    assert not re.search(r"[\s+<>\"]", href)

    with page.expect_download() as download_info:
        button(page, "Download").click()
    download = download_info.value
    assert download.suggested_filename == f"{Path(name).stem}.txt"
    assert Path(download.path()).read_text(encoding="utf-8") == f"{expected}\n"
    assert page.errors == []


def test_every_letter_prints_alone_on_one_page(page) -> None:
    page.emulate_media(media="print")
    for name in LETTER_PAGES:
        page.goto(PAGES[name])
        assert page.locator(".mdx-letter").is_visible()
        for hidden in ("h1", ".mdx-letter-intro", ".mdx-tools"):
            assert not page.locator(hidden).is_visible(), f"{hidden} prints on {name}"
        for paper in ("A4", "Letter"):
            pdf = page.pdf(format=paper)
            assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1, f"{name} on {paper}"
    assert page.errors == []


def test_print_button_opens_the_print_dialog(page) -> None:
    name = "letters/missed-deadline.md"
    page.goto(PAGES[name])
    page.evaluate("() => { window.print = () => (window.printed = (window.printed || 0) + 1); }")
    fill(page, values_for(name))
    button(page, "Print").click()
    page.wait_for_function("() => window.printed === 1")
    assert page.errors == []


# ---------------------------------------------------------------- unfilled and unsafe input


def test_unfilled_placeholders_are_announced_before_copying(tools_page) -> None:
    page, name = tools_page, "letters/product-failure.md"
    page.goto(PAGES[name])
    page.evaluate("navigator.clipboard.writeText('clipboard before')")
    fill(page, {"Client's Name": "Ms Rivera"})

    button(page, "Copy").click()
    expect(status(page)).to_have_text(
        "2 names still to fill: [discount or gift] and [Your Name]. "
        "Fill them in below, or press “Copy anyway”."
    )
    assert clipboard(page) == "clipboard before"
    assert page.locator(".mdx-placeholder--missing").all_inner_texts() == [
        "[discount or gift]",
        "[Your Name]",
    ]
    for key, invalid in (("Client's Name", None), ("discount or gift", "true")):
        assert field(page, key).get_attribute("aria-invalid") == invalid

    button(page, "Copy anyway").click()
    expect(status(page)).to_have_text("Letter copied, with 2 names still to fill.")
    assert clipboard(page) == filled(source_text(name), {"Client's Name": "Ms Rivera"})
    expect(button(page, "Copy")).to_be_visible()

    # Email warns the same way and keeps the mail app closed; typing resets it.
    email_link(page).click()
    expect(page.get_by_role("link", name="Email anyway", exact=True).first).to_be_visible()
    fill(page, {"Your Name": "Sam Taylor"})
    expect(email_link(page)).to_be_visible()
    assert field(page, "Your Name").get_attribute("aria-invalid") is None
    expect(status(page)).to_have_text("")
    assert page.url.endswith(PAGES[name])
    assert page.errors == []


def test_what_the_reader_types_stays_text(tools_page) -> None:
    page, name = tools_page, "letters/billing-error.md"
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(PAGES[name])
    fill(page, {"Client's Name": INJECTION, "Your Name": "Sam Taylor"})
    letter = page.locator(".mdx-letter")
    expect(letter).to_contain_text(f"Dear {INJECTION},")

    button(page, "Copy").click()
    expect(status(page)).to_have_text("Letter copied.")
    assert clipboard(page) == filled(
        source_text(name), {"Client's Name": INJECTION, "Your Name": "Sam Taylor"}
    )
    rich = page.evaluate(
        """async () => {
            const [item] = await navigator.clipboard.read();
            return (await item.getType("text/html")).text();
        }"""
    )
    assert "Dear &lt;img src=x onerror=alert(1)&gt;," in rich and "<img" not in rich

    page.reload()  # the payload comes back from localStorage: still text
    expect(letter).to_contain_text(f"Dear {INJECTION},")
    assert page.locator("img[src='x']").count() == 0
    assert dialogs == []
    assert page.errors == []
