"""Search figures for the reader query corpus (tests/data/search-queries.yml):
top-1, top-3 and misses, at desktop and phone width, in Debian's Chromium.

    .venv/bin/python -m tests.browser.search_report            # build the site, then measure
    .venv/bin/python -m tests.browser.search_report --site DIR # measure an already built site
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from scripts.render.mkdocs_build import build_into
from tests.browser.search_rank import TOP, WIDTHS, load_corpus, open_search, rank_of, search
from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.helpers import ROOT, serve_directory


def measure(site: Path, width: str, verbose: bool) -> tuple[int, int, int, int]:
    from playwright.sync_api import sync_playwright

    corpus = load_corpus()
    ranks = []
    with serve_directory(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_page()
        open_search(page, base_url, width)
        for query in corpus:
            results = search(page, query.text, base_url)
            rank = rank_of(results, query.expect)
            ranks.append(rank)
            if verbose and (rank is None or rank > TOP):
                print(f"  {width}: {query.text!r} -> #{rank} {results[:4]}")
        browser.close()
    top1 = sum(rank == 1 for rank in ranks)
    top3 = sum(rank is not None and rank <= TOP for rank in ranks)
    misses = sum(rank is None for rank in ranks)
    return len(ranks), top1, top3, misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.browser.search_report", description=__doc__
    )
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list queries outside the top 3"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if not args.site and not build_into(ROOT / "mkdocs.yml", site):
            return 1
        for width in WIDTHS:
            total, top1, top3, misses = measure(site, width, args.verbose)
            print(
                f"{width:8} {total} queries: top-1 {top1} ({top1 / total:.0%}), "
                f"top-3 {top3} ({top3 / total:.0%}), misses {misses}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
