"""Where a reader's query lands: put it into the real search box of the built
site in Chromium and read the results in the order the reader sees them.

Used by tests/browser/test_search.py and by `python -m tests.browser.search_report`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from tests.helpers import ROOT

CORPUS = ROOT / "tests" / "data" / "search-queries.yml"
TOP = 3  # a query passes when its section is among the first three results
WIDTHS = {"desktop": (1280, 800), "phone": (390, 844)}

# Counts the messages exchanged with Material's search worker, so a test knows
# when the answer to the last keystroke has arrived (instead of sleeping).
COUNT_WORKER_MESSAGES = """
(() => {
  const Native = window.Worker;
  const count = (window.__mdxWorkerMessages = { sent: 0, received: 0 });
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", () => { count.received += 1; });
    }
    postMessage(...args) {
      count.sent += 1;
      return super.postMessage(...args);
    }
  };
})();
"""
ANSWERED = (
    "() => window.__mdxWorkerMessages.sent > 1"
    " && window.__mdxWorkerMessages.sent === window.__mdxWorkerMessages.received"
)
# Result links as the reader sees them: each page, then its best sections;
# the sections folded under "N more on this page" are not counted.
VISIBLE_RESULTS = """
() => [...document.querySelectorAll(".md-search-result__list a.md-search-result__link")]
  .filter(link => !link.closest("details"))
  .map(link => { const url = new URL(link.href); return url.pathname + url.hash; })
"""


@dataclass(frozen=True)
class Query:
    text: str
    expect: tuple[str, ...]
    known: str = ""  # why this query is known to land below the top three


def load_corpus(path: Path = CORPUS) -> list[Query]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Query(entry["query"], as_tuple(entry["expect"]), entry.get("known", ""))
        for entry in entries
    ]


def as_tuple(expect: str | list[str]) -> tuple[str, ...]:
    return tuple(expect) if isinstance(expect, list) else (expect,)


def relative(path: str, base_path: str) -> str:
    """'/tips/#follow-up' -> 'tips/#follow-up' under a site served at base_path."""
    return path.removeprefix(base_path)


def rank_of(results: list[str], expect: tuple[str, ...]) -> int | None:
    """1-based position of the first expected result, None if absent."""
    for position, location in enumerate(results, start=1):
        if location in expect:
            return position
    return None


def open_search(page, base_url: str, width: str) -> None:
    """Load the home page at the given width and focus the search box as a reader would."""
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    page.add_init_script(COUNT_WORKER_MESSAGES)
    page.goto(base_url)
    if width == "phone":
        page.locator("label.md-header__button[for='__search']").click()
    else:
        page.locator("input.md-search__input").click()


def search(page, query: str, base_url: str, every_key: bool = False) -> list[str]:
    """Put query into the (open) search box; the result locations in order.
    Material searches on each key's release: the query's last key is typed
    after the rest is filled in, or, with every_key, each key as a reader
    types (twenty times slower, so only where a test is about typing)."""
    box = page.locator("input.md-search__input")
    box.fill("")
    if every_key:
        box.press_sequentially(query)
    else:
        box.fill(query[:-1])
        box.press_sequentially(query[-1:])
    page.wait_for_function(ANSWERED)  # Material renders in the same task as the answer
    base_path = urlsplit(base_url).path
    return [relative(path, base_path) for path in page.evaluate(VISIBLE_RESULTS)]
