"""A repeat visit (issue 16): the full stylesheets, fetched after the first
page's first paint, come from the browser's cache on every page after it,
from a host that sends the caching headers scripts/bench/README.md gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.audit import SCRIPTS_RAN
from tests.helpers import PAGES, QuietHandler, serve_directory

pytestmark = pytest.mark.browser


class CachingHandler(QuietHandler):
    """The headers of scripts/bench/README.md: files under assets/ (hashed names) kept for a year."""

    def end_headers(self) -> None:
        if "/assets/" in self.path:
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        super().end_headers()


def test_the_next_page_takes_the_full_stylesheets_from_the_cache(browser, built_site: Path) -> None:
    with serve_directory(built_site, CachingHandler) as base_url:
        context = browser.new_context(base_url=base_url)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        urls, from_cache = {}, set()
        cdp.on(
            "Network.requestWillBeSent",
            lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]),
        )
        cdp.on("Network.requestServedFromCache", lambda e: from_cache.add(urls.get(e["requestId"])))

        page.goto(PAGES["tips.md"])
        page.wait_for_function(SCRIPTS_RAN)
        stylesheets = page.eval_on_selector_all(
            "link[rel=stylesheet][href*='assets/stylesheets/']",
            "links => links.map(link => link.href)",
        )
        assert stylesheets and not from_cache & set(stylesheets)  # fetched the first time

        page.goto(PAGES["letters/billing-error.md"])
        page.wait_for_function(SCRIPTS_RAN)
        again = page.eval_on_selector_all(
            "link[rel=stylesheet][href*='assets/stylesheets/']",
            "links => links.map(link => link.href)",
        )
        assert sorted(again) == sorted(stylesheets)
        assert set(again) <= from_cache
        context.close()
