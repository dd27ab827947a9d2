"""Search as a reader uses it: every query of tests/data/search-queries.yml is
put into the real search box (its last key typed), at desktop and phone width,
and must land among the first three results; a query typed key by key, then a
click on a result, brings its heading into view.
`python -m tests.browser.search_report -v` prints the same figures for tuning."""

from __future__ import annotations

import re
from urllib.parse import quote_plus

import pytest
from playwright.sync_api import expect

from tests.browser.search_rank import (
    ANSWERED,
    COUNT_WORKER_MESSAGES,
    TOP,
    WIDTHS,
    load_corpus,
    open_search,
    rank_of,
    search,
)
from tests.helpers import PAGES, meta

pytestmark = pytest.mark.browser

CORPUS = load_corpus()


@pytest.fixture(name="landings", scope="module", params=list(WIDTHS))
def fixture_landings(browser, base_url: str, request: pytest.FixtureRequest) -> dict:
    """Every query put into one page at this width: query -> (rank, results)."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    open_search(page, base_url, request.param)
    landings = {}
    for query in CORPUS:
        results = search(page, query.text, base_url)
        landings[query.text] = (rank_of(results, query.expect), results)
    context.close()
    assert errors == []
    return landings


def test_corpus_is_big_enough_and_distinct() -> None:
    queries = [query.text.lower() for query in CORPUS]
    assert len(queries) >= 40
    assert len(set(queries)) == len(queries)


def corpus_params() -> list:
    """Queries known to land lower say why in the corpus; they are strict
    xfails, so one that starts passing fails until its note goes."""
    return [
        pytest.param(query, marks=pytest.mark.xfail(reason=query.known)) if query.known else query
        for query in CORPUS
    ]


@pytest.mark.parametrize("query", corpus_params(), ids=[query.text for query in CORPUS])
def test_query_lands_in_the_top_three(landings: dict, query) -> None:
    rank, results = landings[query.text]
    assert rank is not None and rank <= TOP, f"{query.expect} is #{rank} in {results[:6]}"


def test_every_query_is_found_and_95_percent_land_in_the_top_three(landings: dict) -> None:
    ranks = [rank for rank, _ in landings.values()]
    assert None not in ranks, "a query's section is not among the results shown"
    assert sum(rank <= TOP for rank in ranks) >= 0.95 * len(ranks)


def heading_is_in_view(page, anchor: str) -> bool:
    """The whole heading is on screen, below Material's sticky header."""
    return page.evaluate(
        """anchor => {
          const heading = document.getElementById(anchor);
          const header = document.querySelector(".md-header").getBoundingClientRect();
          const { top, bottom } = heading.getBoundingClientRect();
          return top >= header.bottom - 1 && bottom <= window.innerHeight;
        }""",
        anchor,
    )


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize(
    ("start", "query", "target"),
    [
        ("", "refunds", "tips/#offer-to-make-amends"),  # another page
        ("mistakes/", "if i hurt you", "mistakes/#using-conditional-language"),  # the same page
        ("tips/", "follow up after apologising", "mistakes/#not-following-up"),
    ],
)
def test_clicking_a_result_scrolls_its_heading_into_view(
    browser, base_url: str, width: str, start: str, query: str, target: str
) -> None:
    page = browser.new_page()
    try:
        open_search(page, base_url + start, width)
        results = search(page, query, base_url, every_key=True)  # a reader's whole way
        assert target in results[:TOP]
        path, anchor = target.split("#")
        page.locator(f".md-search-result__link[href*='/{path}'][href$='#{anchor}']").first.click()
        page.wait_for_url(re.compile(rf"/{re.escape(path)}(\?[^#]*)?#{anchor}$"))
        page.wait_for_function("() => !document.querySelector('[data-md-toggle=search]').checked")
        page.wait_for_timeout(300)  # let any smooth scroll finish before measuring
        assert heading_is_in_view(page, anchor), f"#{anchor} is not in view at {width}"
    finally:
        page.close()


def test_404_search_form_opens_the_sites_search_with_its_words(browser, base_url: str) -> None:
    """The words typed on the 404 page reach the site's search: a letter's own
    title (the missed-deadline letter's, named here) finds that letter first."""
    target = "letters/missed-deadline.md"
    query = meta(target)["title"]
    page = browser.new_page()
    try:
        page.add_init_script(COUNT_WORKER_MESSAGES)
        page.goto(base_url + "404.html")
        page.locator("#mdx-not-found-query").fill(query)
        page.locator("article form[role=search] button").click()
        page.wait_for_url(re.compile(rf"\?q={re.escape(quote_plus(query))}"))
        page.wait_for_function(ANSWERED)
        assert page.locator("input.md-search__input").input_value() == query
        first = page.locator(".md-search-result__list a.md-search-result__link").first
        assert f"/{PAGES[target]}" in first.get_attribute("href")
    finally:
        page.close()


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("I overcharged a client", {"overcharged", "client"}),
        ("apologise for rude staff", {"apologise", "rude", "staff"}),
        ("late delivery", {"late", "delivery"}),
    ],
)
def test_results_say_missing_only_of_the_readers_own_words(
    browser, base_url: str, query: str, words: set[str]
) -> None:
    """Material strikes through the query terms a result lacks; the rewritten
    query's stems, spellings and synonyms are not the reader's, so results
    name the reader's own words, each found when any of its forms is."""
    page = browser.new_page()
    try:
        open_search(page, base_url, "desktop")
        results = search(page, query, base_url)
        struck = page.locator(".md-search-result__terms del").all_text_contents()
        assert struck and set(struck) <= words, struck
        # The first result was found through the reader's words: nothing missing.
        first = page.locator(".md-search-result__link").first
        assert results[0] in first.get_attribute("href")
        expect(first.locator(".md-search-result__terms")).to_have_count(0)
    finally:
        page.close()
