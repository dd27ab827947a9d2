"""The apology checker in a real browser (Debian's Chromium through
Playwright, on the built site): the browser and Python's V8 give exactly the
same report on every draft of both corpora and on long pastes, checking makes
no request, a 200,000-character paste answers with its first findings and a
count, never tens of thousands of nodes, and the page works by keyboard, on a
phone and in dark mode, showing what the reader typed only as text."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from scripts.apology.engine import check_draft
from tests.apology import corpus, drafts
from tests.helpers import BUNDLE, NAV_LABELS, PAGES, later_parts

pytestmark = pytest.mark.browser

BROWSER_REPORTS = """(texts) => Object.fromEntries(Object.entries(texts).map(
  ([name, text]) => [name, mdx.use("apology-engine").check(text)]))"""
PASTE_LENGTH = 200_000


def statements_paste(length: int) -> str:
    """A long paste of real-looking letters: the tuning statements over and over."""
    letters = "\n\n".join(statement.text for statement in corpus.statements("tuning"))
    return (letters * (length // len(letters) + 1))[:length]


@pytest.fixture(name="requests_made")
def fixture_requests_made(page) -> list[str]:
    """Every request the page makes, from the moment the fixture is used."""
    made: list[str] = []
    page.on("request", lambda request: made.append(request.url))
    return made


def open_checker(page):
    page.goto("check/")
    page.locator("#mdx-check-draft").focus()  # the reader reaches for it: its code loads
    expect(page.locator("[data-mdx-check][data-mdx-check-ready]")).to_have_count(1)
    return page


@pytest.fixture(name="checker_page")
def fixture_checker_page(page):
    return open_checker(page)


def test_the_browser_and_python_give_identical_reports_and_make_no_request(
    checker_page, requests_made
) -> None:
    """Every corpus draft (issue 10's drafts, both parts of the statements) and two long pastes."""
    texts = {
        **drafts.drafts(),
        **{s.id: s.text for part in corpus.PARTS for s in corpus.statements(part)},
        "long-paste": drafts.long_paste(),
        "statements-paste": statements_paste(PASTE_LENGTH),
    }
    in_browser = checker_page.evaluate(BROWSER_REPORTS, texts)
    differing = [name for name, text in texts.items() if check_draft(text).data != in_browser[name]]
    assert differing == []
    assert len(in_browser["statements-paste"]["findings"]) > 1000  # really checked
    assert requests_made == []
    assert checker_page.errors == []


def test_a_200000_character_paste_answers_with_its_first_findings_and_a_count(checker_page) -> None:
    checker = checker_page.locator("[data-mdx-check]")
    checker_page.locator("#mdx-check-draft").evaluate(  # a paste: the value, then one input event
        "(draft, text) => { draft.value = text; draft.dispatchEvent(new Event('input', {bubbles: true})); }",
        statements_paste(PASTE_LENGTH),
    )
    # The first slice answers: some findings, a count of the sentences still to read.
    expect(checker.locator(".mdx-check__item--finding").first).to_be_attached()
    nodes = checker_page.evaluate(
        "document.querySelector('[data-mdx-check]').querySelectorAll('*').length"
    )
    assert nodes < 2000
    expect(checker).to_have_attribute("data-mdx-check-done", "", timeout=120_000)
    total = int(checker.get_attribute("data-mdx-check-findings"))
    assert total > 1000
    shown = checker.locator("[data-mdx-check-report] .mdx-check__item--finding").count()
    assert shown == 50
    # So long a draft scrolls in its own box, without highlights to lay out.
    assert checker.locator(".mdx-check__mirror mark").count() == 0
    assert checker.locator("[data-mdx-check-long]").count() == 1
    more = checker.locator(".mdx-check__more").first.text_content()
    assert f"{total - shown:,} more phrases are flagged" in more
    nodes = checker_page.evaluate(
        "document.querySelector('[data-mdx-check]').querySelectorAll('*').length"
    )
    assert nodes < 2000
    assert checker_page.errors == []


def test_a_draft_with_hundreds_of_findings_highlights_the_first_200(checker_page) -> None:
    checker_page.locator("#mdx-check-draft").fill("Mistakes were made. " * 900)  # 18,000 characters
    expect(checker_page.locator("[data-mdx-check][data-mdx-check-done]")).to_have_count(1)
    assert (
        checker_page.locator("[data-mdx-check]").get_attribute("data-mdx-check-findings") == "900"
    )
    assert checker_page.locator(".mdx-check__mirror mark").count() == 200


def draft_marks(page) -> list[str]:
    return page.locator(".mdx-check__mirror mark").all_text_contents()


def test_typing_highlights_findings_and_lists_the_tips(checker_page, requests_made) -> None:
    text = drafts.drafts()["combo-conditional-excuse"]
    checker_page.locator("#mdx-check-draft").fill(text)
    expected = [finding.text for finding in check_draft(text).findings]
    expect(checker_page.locator("[data-mdx-check][data-mdx-check-done]")).to_have_count(1)
    expect(checker_page.locator(".mdx-check__mirror mark")).to_have_count(len(expected))
    assert draft_marks(checker_page) == expected
    report = checker_page.locator("[data-mdx-check-report]")
    expect(report.locator(".mdx-check__item--finding")).to_have_count(len(expected))
    link = report.locator(".mdx-check__item--finding[data-mdx-rule=conditional] a").first
    assert link.get_attribute("href").endswith("/mistakes/#using-conditional-language")
    missing = report.locator(".mdx-check__item--missing[data-mdx-rule=follow-up] a")
    assert missing.get_attribute("href").endswith("/tips/#follow-up")
    expect(checker_page.locator("[data-mdx-check-status]")).to_contain_text("3 phrases to rethink")
    assert requests_made == []


def test_what_the_reader_types_stays_text(checker_page) -> None:
    injection = "<img src=x onerror=window.pwned=1> sorry for any inconvenience <b>bold</b>"
    checker_page.locator("#mdx-check-draft").fill(injection)
    expect(checker_page.locator(".mdx-check__mirror mark")).to_have_count(1)
    check_root = checker_page.locator("[data-mdx-check]")
    assert check_root.locator("img, b").count() == 0
    assert checker_page.evaluate("window.pwned") is None
    assert "<img src=x" in checker_page.locator(".mdx-check__mirror").text_content()


CHECKER_CODE = ("/" + BUNDLE["checker.js"], "/" + BUNDLE["check.js"])


def test_the_checker_loads_when_the_reader_reaches_for_it(page, requests_made) -> None:
    """Not with the page (Lighthouse's blocking time stays low); an example
    chosen before the code ran is loaded once it has."""
    page.goto("check/")
    page.wait_for_timeout(300)
    assert not [url for url in requests_made if url.endswith(CHECKER_CODE)]
    page.select_option("#mdx-check-example", "billing-error")  # focus: the code starts loading
    page.get_by_role("button", name="Load example").click()  # most likely before it has run
    expect(page.locator("[data-mdx-check][data-mdx-check-done]")).to_have_count(1)
    letter = next(
        item for item in page.evaluate('mdx.use("checker-data").letters')
        if item["slug"] == "billing-error"
    )  # fmt: skip
    assert page.locator("#mdx-check-draft").input_value() == letter["text"]
    assert sorted(url for url in requests_made if url.endswith(CHECKER_CODE)) == sorted(
        page.evaluate("location.origin") + path for path in CHECKER_CODE
    )
    assert page.errors == []


def test_what_is_typed_before_the_checker_runs_is_checked(page) -> None:
    page.goto("check/")
    page.locator("#mdx-check-draft").press_sequentially("Mistakes were made.")
    expect(page.locator(".mdx-check__item--finding")).to_have_count(1)
    assert page.errors == []


@pytest.mark.parametrize("width", [1280, 360])
def test_an_example_loads_and_fits_the_screen(checker_page, width: int) -> None:
    checker_page.set_viewport_size({"width": width, "height": 800})
    checker_page.select_option("#mdx-check-example", "billing-error")
    checker_page.get_by_role("button", name="Load example").click()
    letter = next(
        l
        for l in checker_page.evaluate('mdx.use("checker-data").letters')
        if l["slug"] == "billing-error"
    )
    assert checker_page.locator("#mdx-check-draft").input_value() == letter["text"]
    report = checker_page.locator("[data-mdx-check-report]")
    expect(report.locator(".mdx-check__item--done[data-mdx-rule=says-sorry]")).to_have_count(1)
    expect(checker_page.locator("[data-mdx-check-status]")).to_contain_text("Loaded the example")
    overflow = checker_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    draft = checker_page.locator("#mdx-check-draft").bounding_box()
    mirror = checker_page.locator(".mdx-check__mirror").bounding_box()
    # The highlights lie under the text: same box, to the rounding of a pixel.
    assert all(abs(draft[side] - mirror[side]) < 1 for side in ("x", "y", "width", "height"))
    assert checker_page.errors == []


def test_the_checker_works_by_keyboard_alone(checker_page) -> None:
    """The reader picks the unmet-expectations letter by typing its label into
    the closed list, as a keyboard user does, then loads it."""
    example = checker_page.locator("#mdx-check-example")
    example.focus()
    label = NAV_LABELS[list(PAGES).index("letters/unmet-expectations.md")]  # "Unmet expectations"
    checker_page.keyboard.type(label)
    assert example.input_value() == "unmet-expectations"
    checker_page.keyboard.press("Tab")
    assert checker_page.evaluate("document.activeElement.dataset.mdxCheckLoad") == ""
    checker_page.keyboard.press("Enter")
    draft = checker_page.locator("#mdx-check-draft")
    expect(draft).to_be_focused()
    assert draft.input_value().startswith("Dear [Client's Name],\n\nI want to express")
    checker_page.keyboard.press("Control+End")
    checker_page.keyboard.type("\nIf this upset you, I am sorry.")
    expect(checker_page.locator("[data-mdx-check][data-mdx-check-done]")).to_have_count(1)
    show = checker_page.get_by_role("button", name="Show in draft: “If this upset”")
    expect(show).to_have_count(1)
    show.focus()
    checker_page.keyboard.press("Enter")
    expect(draft).to_be_focused()
    selected = checker_page.evaluate(
        "(() => { const d = document.activeElement; return d.value.slice(d.selectionStart, d.selectionEnd); })()"
    )
    assert selected == "If this upset"


def test_the_checker_follows_the_dark_palette(page) -> None:
    page.emulate_media(color_scheme="dark")  # before Material remembers a palette
    checker_page = open_checker(page)
    assert checker_page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    checker_page.locator("#mdx-check-draft").fill("Mistakes were made.")
    mark = checker_page.locator(".mdx-check__mirror mark")
    expect(mark).to_have_count(1)
    colours = checker_page.evaluate(
        """() => {
          const draft = getComputedStyle(document.querySelector('#mdx-check-draft'));
          const mark = getComputedStyle(document.querySelector('.mdx-check__mirror mark'));
          return [draft.color, mark.backgroundColor, getComputedStyle(document.body).backgroundColor];
        }"""
    )
    text, highlight, background = colours
    assert text != "rgb(0, 0, 0)" and highlight != background


def test_a_letter_report_has_the_same_headings_on_its_page_and_in_the_checker(
    checker_page, built_site
) -> None:
    """Two renderers, one report: the letter page's build-time report and the
    browser's, for the same letter, show the same parts in the same order."""
    page = later_parts(built_site, "letters/billing-error/")["report"]
    # the article's version: the checker's page offers the examples as the article wrote them
    report = page.select_one("[data-mdx-letter-report][data-mdx-version=original]")
    on_page = [h.get_text(strip=True) for h in report.select("h3")]
    checker_page.select_option("#mdx-check-example", "billing-error")
    checker_page.get_by_role("button", name="Load example").click()
    headings = checker_page.locator("[data-mdx-check-report] .mdx-check__heading")
    expect(headings).to_have_count(len(on_page))
    assert headings.all_text_contents() == on_page
    assert len(on_page) >= 2  # a real letter shows more than one part


def test_a_report_drawn_again_keeps_the_readers_focus(checker_page) -> None:
    """A long draft's report is drawn again as it is read: focus stays on the same button."""
    checker_page.locator("#mdx-check-draft").fill(
        "Mistakes were made. We are sorry if you were upset."
    )
    expect(checker_page.locator("[data-mdx-check][data-mdx-check-done]")).to_have_count(1)
    show = checker_page.get_by_role("button", name="Show in draft: “if you were upset”")
    show.focus()
    checker_page.evaluate("""() => {
      const report = document.querySelector("[data-mdx-check-report]");
      const checker = mdx.use("apology-check");
      checker.renderReport(report, checker.check(document.querySelector("#mdx-check-draft").value),
        { onShow: () => {} });
    }""")  # fmt: skip
    assert checker_page.evaluate("document.activeElement.getAttribute('aria-label')") == (
        "Show in draft: “if you were upset”"
    )
