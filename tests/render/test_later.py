"""What a page shows only when the reader reaches for it, out of its HTML
(scripts/render/later.py): a letter's build-time reports, the notes on what
our version changes and the editor move into one file beside the page, so a
letter page's HTML fits the first round trip of a new connection."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from scripts.render.later import later_parts, with_later_moved
from tests.helpers import LETTER_PAGES, PAGES, page_file, soup
from tests.helpers import later_parts as built_later_parts

# What the first round trip of a new connection carries (10 TCP segments of
# 1,460 bytes, rounded down to 14 KB): a page within it paints a round trip sooner.
ROUND_TRIP = 14 * 1024

PAGE = """<body><p>first</p><template data-mdx-later="report"><h2>A &lt;b&gt;</h2></template>
<p>between</p><template data-mdx-later="editor"><textarea></textarea></template></body>"""


def test_later_templates_move_into_one_file_named_for_its_content(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    moved = with_later_moved(PAGE, page)
    [file] = tmp_path.glob("later.*.json")
    assert json.loads(file.read_text(encoding="utf-8")) == later_parts(PAGE)
    assert later_parts(PAGE) == {
        "report": "<h2>A &lt;b&gt;</h2>",
        "editor": "<textarea></textarea>",
    }
    assert moved == (
        f'<body><p>first</p><template data-mdx-later-src="{file.name}"></template>\n'
        "<p>between</p></body>"
    )
    assert with_later_moved(moved, page) == moved  # nothing left to move
    assert with_later_moved("<p>plain</p>", page) == "<p>plain</p>"


@pytest.mark.parametrize("name", LETTER_PAGES)
def test_a_letter_page_keeps_both_letters_and_fetches_the_rest(built_site: Path, name: str) -> None:
    page = soup(built_site, PAGES[name])
    assert not page.select("template[data-mdx-later]")
    [pointer] = page.select("template[data-mdx-later-src]")
    # named for its content, so a host may keep it for ever (scripts/bench/README.md)
    file = page_file(built_site, PAGES[name]).parent / pointer["data-mdx-later-src"]
    assert file.name == f"later.{hashlib.sha256(file.read_bytes()).hexdigest()[:8]}.json"
    assert page.select(".mdx-letter")  # the letter, both versions, stays in the HTML
    later = built_later_parts(built_site, PAGES[name])
    assert set(later) >= {"report", "editor"}
    assert later["editor"].select_one("textarea[data-mdx-editor-text]")
    assert later["report"].select("[data-mdx-letter-report]")


def letter_page_bytes(site: Path) -> dict[str, int]:
    return {
        PAGES[name]: len(gzip.compress(page_file(site, PAGES[name]).read_bytes(), 6, mtime=0))
        for name in LETTER_PAGES
    }


def test_a_letter_page_s_html_fits_the_first_round_trip(built_site: Path) -> None:
    too_big = {
        url: size for url, size in letter_page_bytes(built_site).items() if size > ROUND_TRIP
    }
    assert too_big == {}


def test_the_names_form_waits_beside_the_page_until_it_is_opened(built_site: Path) -> None:
    for name in LETTER_PAGES:
        page = soup(built_site, PAGES[name])
        assert not page.select("[data-mdx-names-form]")
        assert page.select_one("[data-mdx-names] [data-mdx-names-loading]")
        form = built_later_parts(built_site, PAGES[name])["names"]
        assert form.select_one("form[data-mdx-names-form] input[data-mdx-to]")


def test_every_other_page_s_html_fits_the_first_round_trip(built_site: Path) -> None:
    """What only letter pages need (letter-before-paint.js, letter.css) is
    inlined there alone."""
    letters = {page_file(built_site, PAGES[name]) for name in LETTER_PAGES}
    pages = [path for path in sorted(built_site.rglob("*.html")) if path not in letters]
    assert len(pages) >= 8  # home, tips, letters, mistakes, FAQ, closing, checker, 404
    too_big = {
        str(path.relative_to(built_site)): size
        for path in pages
        if (size := len(gzip.compress(path.read_bytes(), 6, mtime=0))) > ROUND_TRIP
    }
    assert too_big == {}
