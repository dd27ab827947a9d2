"""The site built by Zensical (`make build-zensical`) against the one MkDocs
builds, page by page: the same pages and headings, letters, letter intros,
letters index cards, hero credit, and our own CSS and JavaScript.

Zensical is installed by the Makefile into .venv-zensical/ from
requirements-zensical.lock; where it could not be, these tests skip, except
under CI=true, where that is a failure (tests/helpers.py: zensical_or_skip).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from scripts.render.assets import OUTPUT
from tests.helpers import BUNDLE, LETTER_PAGES


def pages_of(site: Path) -> list[str]:
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if path.name == "index.html"
    )


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def text(element) -> str:
    return re.sub(r"\s+", " ", element.get_text()).strip() if element else ""


def headings(page: BeautifulSoup) -> list[tuple[str, str, str]]:
    """(level, id, text) of every heading of the article, permalinks left out."""
    return [
        (h.name, h.get("id", ""), text(h).removesuffix("¶").strip())
        for h in page.select("article :is(h1, h2, h3, h4, h5, h6)")
    ]


def cards(page: BeautifulSoup) -> list[dict[str, object]]:
    return [
        {
            "id": card.select_one(".mdx-card__title")["id"],
            # Zensical writes "./missed-deadline/" where MkDocs writes "missed-deadline/".
            "href": urljoin("http://site/letters/", card.select_one("a.mdx-card__link")["href"]),
            "title": text(card.select_one(".mdx-card__title")),
            "summary": text(card.select_one(".mdx-card__summary")),
            "tags": card.get("data-mdx-tags"),
        }
        for card in page.select("li.mdx-card")
    ]


def our_scripts(page: BeautifulSoup) -> list[str]:
    return [
        script["src"].rsplit("/", 1)[-1]
        for script in page.find_all("script", src=True)  # in <template>s too, unlike select()
        if re.search(r"(^|/)assets/mdx/", script["src"])  # "assets/mdx/..." on the home page
    ]


def our_styles(page: BeautifulSoup) -> list[str]:
    """Which of our generated stylesheets the page inlines, or links (its
    first paint's rules inlined, the sheet after it: <noscript> lists them)."""
    inlined = [style.get_text().strip() for style in page.select("style")]
    linked = {link["href"].rsplit("/", 1)[-1] for link in page.select("noscript link")}
    return [
        css.name
        for css in sorted(OUTPUT.glob("*.css"))
        if css.name in linked or css.read_text("utf-8").strip() in inlined
    ]


def test_both_engines_build_the_same_pages(built_site: Path, zensical_site: Path) -> None:
    assert pages_of(zensical_site) == pages_of(built_site)
    assert len(pages_of(built_site)) >= 13


def each_page(built_site: Path, zensical_site: Path):
    for page in pages_of(built_site):
        yield page, soup(built_site, page), soup(zensical_site, page)


def test_the_same_titles_and_headings(built_site: Path, zensical_site: Path) -> None:
    for name, mkdocs, zensical in each_page(built_site, zensical_site):
        assert text(zensical.title) == text(mkdocs.title), name
        assert headings(zensical) == headings(mkdocs), name
        assert headings(mkdocs), name


def test_the_same_article_text(built_site: Path, zensical_site: Path) -> None:
    for name, mkdocs, zensical in each_page(built_site, zensical_site):
        assert text(zensical.select_one("article")) == text(mkdocs.select_one("article")), name


def test_the_same_letters_and_intros(built_site: Path, zensical_site: Path) -> None:
    letters = 0
    for name, mkdocs, zensical in each_page(built_site, zensical_site):
        for part in ("div.mdx-letter", "section.mdx-letter-intro", "section.mdx-tools"):
            assert text(zensical.select_one(part)) == text(mkdocs.select_one(part)), (name, part)
        letters += bool(mkdocs.select_one("div.mdx-letter"))
    assert letters == len(LETTER_PAGES)


def test_the_same_letters_index_cards(built_site: Path, zensical_site: Path) -> None:
    mkdocs, zensical = (
        soup(built_site, "letters/index.html"),
        soup(zensical_site, "letters/index.html"),
    )
    assert len(cards(mkdocs)) == len(LETTER_PAGES)
    assert cards(zensical) == cards(mkdocs)


def test_the_same_hero_credit(built_site: Path, zensical_site: Path) -> None:
    mkdocs, zensical = soup(built_site, "index.html"), soup(zensical_site, "index.html")
    credit = "figcaption.mdx-hero__credit"
    assert text(mkdocs.select_one(credit)) == "Photo by Nicole Baster on Unsplash"
    assert text(zensical.select_one(credit)) == text(mkdocs.select_one(credit))
    links = [[a["href"] for a in page.select(f"{credit} a")] for page in (mkdocs, zensical)]
    assert links[0] == links[1]
    images = [page.select_one("img.mdx-hero__image")["src"] for page in (mkdocs, zensical)]
    assert images[0] == images[1]


def test_the_same_css_and_javascript_of_ours_on_each_page(
    built_site: Path, zensical_site: Path
) -> None:
    for name, mkdocs, zensical in each_page(built_site, zensical_site):
        letter = mkdocs.select_one("div.mdx-letter") is not None
        assert BUNDLE["site.css"].rsplit("/", 1)[-1] in our_styles(mkdocs), name
        assert (BUNDLE["letter.css"].rsplit("/", 1)[-1] in our_styles(mkdocs)) == letter, name
        assert (BUNDLE["letter.js"].rsplit("/", 1)[-1] in our_scripts(mkdocs)) == letter, name
        assert our_styles(zensical) == our_styles(mkdocs), name
        assert our_scripts(zensical) == our_scripts(mkdocs), name
    for script in ("letter.js", "letters-index.js"):
        assert (zensical_site / BUNDLE[script]).read_bytes() == (
            built_site / BUNDLE[script]
        ).read_bytes()
