"""The Content-Security-Policy in Chromium: every page type declares one, and
using the site as a reader does raises no violation: the palette switched to
dark, search used, the letter's form, a detail and the Word file, its notes
and report opened, the editor open with its checker, the other version chosen
and copied, the checker's
page checking, the letters filter, the 404 page's search form. Both builds:
MkDocs' on every page type, Zensical's (whose bundle adds a <style> of its
own, allowed by scripts/data/csp.yml) where its search runs."""

from __future__ import annotations

import pytest

from tests.browser.audit import EVERY_PAGE
from tests.helpers import serve_directory

pytestmark = pytest.mark.browser

LISTEN = """
window.mdxViolations = [];
document.addEventListener("securitypolicyviolation", (event) => window.mdxViolations.push(
  `${event.effectiveDirective} refused ${event.blockedURI || "inline"} ${event.sample}`.trim()));
"""


def switch_to_dark(page) -> None:
    page.locator("form[data-mdx-palette] label:not([hidden])").first.click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")


def search(page, words: str, results: str = ".md-search-result__item") -> None:
    page.keyboard.press("/")
    # Filled, then its last key typed (Material searches on a key's release):
    # the results are the same as a reader's, without a search per key.
    page.locator("input.md-search__input").fill(words[:-1])
    page.keyboard.type(words[-1:])
    page.locator(results).first.wait_for()
    page.keyboard.press("Escape")


def use_the_page(page, page_type: str) -> None:
    """What a reader does on this page type, beyond dark mode and search."""
    if page_type == "letter":
        page.locator(".mdx-names__summary").click()  # the form, fetched (later.js)
        page.locator("[data-mdx-names-form]").wait_for()
        for field in page.locator("[data-mdx-field]").all():
            field.fill("Ms Rivera")
        page.locator("[data-mdx-detail]").first.fill("INV-1")
        with page.expect_download():  # the Word file, built in the page
            page.get_by_role("button", name="Download as a Word file").first.click()
        for part in ("changes", "report"):  # fetched with the form, shown when opened
            page.locator(f'details[data-mdx-more="{part}"] > summary').click()
            page.locator(f'details[data-mdx-more="{part}"] [data-mdx-more-body] *').first.wait_for()
        page.get_by_role("button", name="Edit", exact=True).click()
        page.locator("[data-mdx-editor]").wait_for()  # open, its code run
        area = page.get_by_label("Your letter", exact=True)
        area.press("End")
        area.press_sequentially(
            " I am sorry if you were offended."
        )  # into the letter, wherever focus went
        page.locator("[data-mdx-editor-report] .mdx-check__item--finding").first.wait_for()
        assert violations(page) == []
        with page.expect_navigation():  # the other version: the page again, starting on it
            page.locator('[data-mdx-choose="original"]').first.click()
        page.locator("html[data-mdx-scripts=ready]").wait_for(state="attached")
        page.get_by_role("button", name="Copy", exact=True).first.click()
    elif page_type == "checker":
        page.locator("#mdx-check-draft").fill(
            "I am sorry if you were offended. Mistakes were made."
        )
        page.locator(".mdx-check__item--finding").first.wait_for()
    elif page_type == "letters index":
        page.locator(".mdx-filter__tag").nth(1).click()
    elif page_type == "404":
        page.locator("#mdx-not-found-query").fill("billing")
        page.locator("article form[role=search] button").click()
        page.wait_for_url(lambda url: "q=billing" in url)
        page.locator(".md-search-result__item").first.wait_for()


def violations(page) -> list[str]:
    page.wait_for_timeout(200)  # a violation is reported in a task of its own
    return page.evaluate("window.mdxViolations")


@pytest.fixture(name="watched_page")
def fixture_watched_page(browser, base_url: str):
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 800})
    context.add_init_script(LISTEN)
    context.route("https://**", lambda route: route.abort())  # the hero photo: offline here
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("page_type", EVERY_PAGE)
def test_using_a_page_raises_no_csp_violation(watched_page, page_type: str) -> None:
    page = watched_page
    page.goto(EVERY_PAGE[page_type])
    policy = page.locator("meta[http-equiv=Content-Security-Policy]")
    assert "'unsafe-inline'" not in policy.get_attribute("content")
    assert page.evaluate("document.head.firstElementChild.getAttribute('http-equiv')") is None
    assert (
        page.evaluate(  # only <meta charset> comes before the policy
            "document.head.children[1].getAttribute('http-equiv')"
        )
        == "Content-Security-Policy"
    )
    switch_to_dark(page)
    search(page, "late delivery")
    use_the_page(page, page_type)
    assert violations(page) == []


def test_a_policy_refuses_what_it_does_not_list(watched_page) -> None:
    """The check above can fail: a style the build did not see is refused."""
    page = watched_page
    page.goto(EVERY_PAGE["tips"])
    page.evaluate(
        "document.head.append(Object.assign(document.createElement('style'), {textContent: 'p{}'}))"
    )
    assert [line.split(" ")[0] for line in violations(page)] == ["style-src-elem"]


def test_the_zensical_build_raises_no_csp_violation(browser, zensical_site) -> None:
    with serve_directory(zensical_site) as url:
        context = browser.new_context(base_url=url, viewport={"width": 1280, "height": 800})
        context.add_init_script(LISTEN)
        context.route("https://**", lambda route: route.abort())
        page = context.new_page()
        for path in ("", EVERY_PAGE["letter"]):
            page.goto(path)
            page.keyboard.press("/")
            page.keyboard.type("late delivery")
            page.wait_for_timeout(1500)  # its search UI (in a shadow root) draws its results
            assert violations(page) == [], path
        context.close()
