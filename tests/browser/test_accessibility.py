"""Accessibility budgets in Chromium: zero axe-core violations (WCAG 2.2 A
and AA plus best practices) on every page type, in light and dark, on a
desktop and a phone, Material's own markup included; a skip link on every
page; keyboard focus never hidden under the sticky header. A letter page is
also audited with "Names and details" filled and its editor and the checker
beside it open."""

from __future__ import annotations

import pytest

from tests.browser.audit import EVERY_PAGE, SCHEMES, WIDTHS, axe_violations
from tests.helpers import forget_what_was_left

pytestmark = pytest.mark.browser


@pytest.fixture(name="looks", scope="module")
def fixture_looks(browser, base_url: str):
    """A context for each width in each colour scheme, made when first asked for."""
    contexts = {}

    def context_for(width: str, scheme: str):
        if (width, scheme) not in contexts:
            contexts[width, scheme] = browser.new_context(
                base_url=base_url,
                viewport=WIDTHS[width],
                color_scheme=scheme,
                reduced_motion="reduce",
                bypass_csp=True,  # axe-core is injected as an inline script, which the pages' CSP refuses
            )
        return contexts[width, scheme]

    yield context_for
    for context in contexts.values():
        context.close()


@pytest.fixture(name="styled_page")
def fixture_styled_page(looks, base_url: str, request: pytest.FixtureRequest):
    """A fresh tab in the look's context, starting as a first visit."""
    context = looks(*request.param)
    page = context.new_page()
    page.route("https://**", lambda route: route.abort())  # the hero photo: offline here
    yield page
    forget_what_was_left(context, base_url)


# Each width in each colour scheme, as a styled_page.
IN_EVERY_LOOK = pytest.mark.parametrize(
    "styled_page",
    [(width, scheme) for width in WIDTHS for scheme in SCHEMES],
    ids=[f"{width}-{scheme}" for width in WIDTHS for scheme in SCHEMES],
    indirect=True,
)


@IN_EVERY_LOOK
def test_no_axe_violations_on_any_page_type(styled_page) -> None:
    found = {}
    for page_type, url in EVERY_PAGE.items():
        styled_page.goto(url)
        violations = axe_violations(styled_page)
        if violations:
            found[page_type] = violations
    assert found == {}


@IN_EVERY_LOOK
def test_no_axe_violations_with_the_form_and_the_letter_editor_open(styled_page) -> None:
    page = styled_page
    page.goto("letters/billing-error/")
    page.get_by_text("Names and details", exact=True).click()
    page.get_by_label("Invoice number").fill("INV-0173")  # its sentence, in the letter
    page.get_by_label("Your client's email").fill("not an address")
    page.get_by_label("Your client's email").blur()  # and its error
    page.get_by_role("button", name="Copy", exact=True).last.click()  # a warning at the form's end
    page.get_by_role("button", name="Edit", exact=True).click()
    area = page.get_by_label("Your letter", exact=True)
    area.wait_for()  # visible once the editor's code has loaded
    area.press("End")
    page.keyboard.type(" I am sorry if you were offended.")  # a finding to report
    page.locator("[data-mdx-editor-report] .mdx-check__item--finding").first.wait_for()
    page.get_by_role("button", name="Back to the example").click()  # the inline confirmation
    assert axe_violations(page) == []


@pytest.mark.parametrize("url", EVERY_PAGE.values(), ids=list(EVERY_PAGE))
def test_first_tab_offers_a_skip_link_to_the_content(page, url: str) -> None:
    page.goto(url)
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.textContent.trim(), location.hash]")
    assert focused == ["Skip to content", ""]
    page.keyboard.press("Enter")  # the next Tab starts from the page's content
    page.keyboard.press("Tab")
    target = page.evaluate(
        """() => {
            const node = document.activeElement;
            return [node.closest(".md-content") !== null, node.getBoundingClientRect().top];
        }"""
    )
    assert target[0], "the skip link did not lead into the page's content"
    header = page.locator(".md-header").bounding_box()
    assert target[1] >= header["y"] + header["height"]


@pytest.mark.parametrize("width", WIDTHS, ids=list(WIDTHS))
@pytest.mark.parametrize("url", ["letters/billing-error/", "tips/"])
def test_keyboard_focus_is_never_under_the_sticky_header(browser, base_url, url, width) -> None:
    context = browser.new_context(base_url=base_url, viewport=WIDTHS[width])
    page = context.new_page()
    page.goto(url)
    header = page.locator(".md-header").bounding_box()
    hidden = []
    for _ in range(40):
        page.keyboard.press("Tab")
        place = page.evaluate(
            """() => {
                const node = document.activeElement;
                if (node === document.body) return null;  // focus left the page
                const box = node.getBoundingClientRect();
                const fixed = node.closest(".md-header, .md-sidebar, .md-top, .md-skip");
                return { text: node.textContent.trim().slice(0, 40), top: box.top,
                         bottom: box.bottom, fixed: fixed !== null || box.height === 0 };
            }"""
        )
        if place is None:
            break
        below_header = place["top"] >= header["y"] + header["height"] - 1
        if not place["fixed"] and not below_header:
            hidden.append(place)
    context.close()
    assert hidden == []


@IN_EVERY_LOOK
def test_no_axe_violations_on_the_checker_with_a_report(styled_page) -> None:
    page = styled_page
    page.goto("check/")
    page.locator("#mdx-check-draft").fill("I am sorry if you were offended. Mistakes were made.")
    page.locator(".mdx-check__item--finding").first.wait_for()
    assert axe_violations(page) == []
