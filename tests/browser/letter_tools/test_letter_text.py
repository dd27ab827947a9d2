"""The pure text functions behind the letter tools (docs/javascripts/letter/letter-text.js),
called in a real browser: placeholders found as the validator finds them,
plain and rich text, mailto: links and file names."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.project.letters import placeholders_in
from tests.browser.letter_tools.helpers import source_text
from tests.helpers import LETTER_PAGES, PAGES

pytestmark = pytest.mark.browser


# ---------------------------------------------------------------- the text functions


@pytest.fixture(name="text_page", scope="module")
def fixture_text_page(browser, base_url: str):
    """One page for the pure functions of docs/javascripts/letter/letter-text.js."""
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto(PAGES["letters/missed-deadline.md"])
    yield page
    context.close()


def call(page, function: str, *args: object) -> object:
    return page.evaluate(f'(args) => mdx.use("letter-text").{function}(...args)', list(args))


@pytest.mark.parametrize("name", LETTER_PAGES, ids=[Path(n).stem for n in LETTER_PAGES])
def test_placeholder_discovery_agrees_with_the_validator(text_page, name: str) -> None:
    text = source_text(name)
    assert call(text_page, "placeholdersIn", text) == placeholders_in(text)


@pytest.mark.parametrize(
    ("function", "args", "expected"),
    [
        ("placeholdersIn", ["[A] and [B], [A] again; [] and [x\ny] are not"], ["A", "B"]),
        (
            "splitPlaceholders",
            ["Dear [Client's Name], from [Your Name]"],
            [
                {"text": "Dear "},
                {"name": "Client's Name"},
                {"text": ", from "},
                {"name": "Your Name"},
            ],
        ),
        (
            "plainText",
            [["  Dear  A,\n", "\n  Kind regards,\n   Sam  \n\n", " "]],
            "Dear A,\n\nKind regards,\nSam",
        ),
        ("plainText", [["a\r\nb\u00a0 c"]], "a\nb c"),
        (
            "htmlFromText",
            ["Hi <b>&\n'x'\n\nBye"],
            "<p>Hi &lt;b&gt;&amp;<br>&#39;x&#39;</p>\n<p>Bye</p>",
        ),
        (
            "mailtoHref",
            ["I am sorry", "Dear A,\n\nB & C+D"],
            "mailto:?subject=I%20am%20sorry&body=Dear%20A%2C%0D%0A%0D%0AB%20%26%20C%2BD",
        ),
        ("textFileName", ["missed-deadline"], "missed-deadline.txt"),
        ("textFileName", ["../Odd Name!"], "odd-name.txt"),
        ("textFileName", [""], "letter.txt"),
        ("countNames", [1], "1 name"),
        ("countNames", [2], "2 names"),
        ("listPlaceholders", [["A", "B", "C"]], "[A], [B] and [C]"),
    ],
)
def test_text_function(text_page, function: str, args: list, expected: object) -> None:
    assert call(text_page, function, *args) == expected


# ---------------------------------------------------------------- the editor's text functions


@pytest.fixture(name="edit_text_page", scope="module")
def fixture_edit_text_page(browser, base_url: str):
    """A letter page with the editor loaded, for docs/javascripts/letter/letter-edit-text.js."""
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto(PAGES["letters/billing-error.md"])
    page.get_by_role("button", name="Edit", exact=True).click()
    page.locator("[data-mdx-editor-ready]").wait_for(state="attached")
    yield page
    context.close()


AFTER = "the error you experienced."
OLD = "The error was on invoice INV-1."
NEW = "The error was on invoice INV-2."


@pytest.mark.parametrize(
    ("function", "args", "expected"),
    [
        (
            "fillPlaceholders",
            ["Dear [A], [B]", {"A": " Ms Rivera ", "B": "   "}],
            "Dear Ms Rivera, [B]",
        ),
        ("fillPlaceholders", ["[A]", {"A": "$& and $1"}], "$& and $1"),
        # a detail's sentence changes in place while it is there as written ...
        (
            "swapSentence",
            [f"Sorry for {AFTER} {OLD} Yes.", OLD, NEW, AFTER],
            f"Sorry for {AFTER} {NEW} Yes.",
        ),
        # ... goes, with the space before it, when the value is emptied ...
        (
            "swapSentence",
            [f"Sorry for {AFTER} {OLD} Yes.", OLD, "", AFTER],
            f"Sorry for {AFTER} Yes.",
        ),
        # ... joins after its words when it was not there yet ...
        (
            "swapSentence",
            [f"Sorry for {AFTER} Yes.", "", NEW, AFTER],
            f"Sorry for {AFTER} {NEW} Yes.",
        ),
        ("swapSentence", ["A.", "", "It cost $1 & $&.", "A."], "A. It cost $1 & $&."),
        # ... and is not placed once the reader rewrote that part.
        ("swapSentence", ["Sorry, we got it wrong.", OLD, NEW, AFTER], None),
        ("swapSentence", ["Sorry, we got it wrong.", "", NEW, AFTER], None),
        ("swapSentence", ["Unchanged.", "", "", AFTER], "Unchanged."),
    ],
)
def test_edit_text_function(edit_text_page, function: str, args: list, expected: object) -> None:
    result = edit_text_page.evaluate(
        f'(args) => mdx.use("letter-edit-text").{function}(...args)', list(args)
    )
    assert result == expected
