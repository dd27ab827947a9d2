"""The site in a real browser (Debian's Chromium through Playwright): pages
load without errors or third-party requests, and search lands on the exact
tip. (The palette: test_palette.py.)"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.helpers import PAGES, forget_what_was_left

pytestmark = pytest.mark.browser

HERO_HOST = "images.unsplash.com"  # the one third party allowed: the credited photo
PIXEL_GIF = bytes.fromhex(
    "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b"
)


@pytest.fixture(name="offsite")
def fixture_offsite(page) -> list[str]:
    """Cut the network like a reader offline: record every request that leaves
    127.0.0.1, answer the hero photo with a local pixel, refuse the rest."""
    requests: list[str] = []

    def route(route) -> None:
        host = urlsplit(route.request.url).hostname
        if host == "127.0.0.1":
            route.continue_()
            return
        requests.append(route.request.url)
        if host == HERO_HOST:
            route.fulfill(status=200, content_type="image/gif", body=PIXEL_GIF)
        else:
            route.abort()

    page.route("**/*", route)
    return requests


@pytest.mark.parametrize("url", PAGES.values(), ids=list(PAGES))
def test_page_loads_cleanly_offline(page, offsite: list[str], url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.is_visible()
    assert page.errors == []
    assert [request for request in offsite if urlsplit(request).hostname != HERO_HOST] == []


def test_search_lands_on_the_exact_tip(page, offsite: list[str]) -> None:
    page.goto("")
    page.locator("input.md-search__input").click()
    page.keyboard.type("Follow Up")
    # Results link to the heading itself, e.g. tips/?h=follow+up#follow-up
    result = page.locator(".md-search-result a[href*='/tips/'][href$='#follow-up']")
    result.click()
    page.wait_for_url(re.compile(r"/tips/.*#follow-up$"))
    assert page.locator("#follow-up").is_visible()
    assert page.errors == []


def test_what_a_test_leaves_in_the_shared_context_is_forgotten(shared_context, base_url) -> None:
    """The `page` fixture's tabs share one context (warm caches); what one
    test stores or is granted there is gone for the next one."""
    page = shared_context.new_page()
    page.goto("")
    page.evaluate(
        """() => new Promise((done) => {
            localStorage.setItem("left-behind", "1");
            document.cookie = "left-behind=1";
            indexedDB.open("left-behind").onsuccess = () => done();
        })"""
    )
    shared_context.grant_permissions(["clipboard-read"], origin=base_url.rstrip("/"))
    forget_what_was_left(shared_context, base_url)
    assert shared_context.pages == []
    page = shared_context.new_page()
    page.goto("")
    left = page.evaluate(
        """async () => [
            localStorage.getItem("left-behind"),
            document.cookie.includes("left-behind"),
            (await indexedDB.databases()).map((database) => database.name),
            (await navigator.permissions.query({ name: "clipboard-read" })).state,
        ]"""
    )
    page.close()
    assert left == [None, False, [], "prompt"]
