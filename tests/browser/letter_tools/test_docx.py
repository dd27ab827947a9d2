"""The Word file in a real browser: Word downloads a .docx of exactly what
Copy copies (names, details and an edit in it), built in the page with
nothing sent anywhere, read back with python-docx: the subject as its
title, then the letter's paragraphs, line breaks kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from playwright.sync_api import expect

from tests.browser.letter_tools.helpers import (
    NAMES,
    button,
    choose_version,
    clipboard,
    fill,
    status,
)
from tests.helpers import BUNDLE, PAGES, meta

pytestmark = pytest.mark.browser


def docx_paragraphs(path: str) -> list[str]:
    document = Document(path)
    return [paragraph.text for paragraph in document.paragraphs]


@pytest.mark.parametrize("version", ["ours", "the article's"])
def test_word_downloads_exactly_what_copy_copies(tools_page, version: str) -> None:
    page, name = tools_page, "letters/billing-error.md"
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(PAGES[name])
    if version != "ours":
        choose_version(page, "The article's version")
    assert not [url for url in requests if BUNDLE["letter-docx.js"] in url]  # not with the page
    fill(page, {**NAMES, "Client's Name": "Zoë <Ødegård> & Co"})
    page.get_by_label("Invoice number").fill("INV-0173")
    button(page, "Copy").click()
    expect(status(page)).to_have_text("Letter copied.")
    copied = clipboard(page)

    loaded = len(requests)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download as a Word file").first.click()
    download = download_info.value
    assert download.suggested_filename == "billing-error.docx"
    expect(status(page)).to_have_text("Letter downloaded as billing-error.docx, a Word file.")
    paragraphs = docx_paragraphs(download.path())
    assert paragraphs == [meta(name)["subject"], *copied.split("\n\n")]
    assert "Kind regards,\n" + NAMES["Your Name"] in paragraphs or (
        "Best wishes,\n" + NAMES["Your Name"] in paragraphs
    )  # a line break stays a line break
    same_origin = page.url.split("/letters/")[0]
    assert [url.removeprefix(same_origin) for url in requests[loaded:]] == [
        "/" + BUNDLE["letter-docx.js"]
    ]  # its code, once asked for; nothing sent anywhere
    assert Path(download.path()).read_bytes()[:2] == b"PK"
    assert page.errors == []
