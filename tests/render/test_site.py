"""The built site (made once per session): every page with its title, nav and
meta description, the credited hero, the letters intact, and a search index
that finds every tip, mistake and question."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts import data_files
from scripts.render.mkdocs_build import build_into
from tests import article
from tests.helpers import (
    LETTER_PAGES,
    NAV_LABELS,
    PAGES,
    REVISED_LETTERS,
    ROOT,
    later_parts,
    make_site,
    meta,
    soup,
)

SITE_NAME = "Empathetic Apology Letters to Clients"


def letter_text(page: BeautifulSoup, version: str = "original") -> str:
    """A version of the letter (the article's unless asked) as plain text:
    paragraphs apart by a blank line, breaks kept."""
    letter = page.select_one(f"div.mdx-letter[data-mdx-version={version}]")
    return "\n\n".join(p.get_text().strip() for p in letter.find_all("p"))


def test_every_docs_page_is_in_the_nav() -> None:
    """PAGES is the nav of mkdocs.yml: a page missing from it would go untested."""
    sources = {path.relative_to(ROOT / "docs").as_posix() for path in (ROOT / "docs").rglob("*.md")}
    assert sources == set(PAGES)


@pytest.mark.parametrize("name", PAGES)
def test_page_has_its_title_description_and_nav(built_site: Path, name: str) -> None:
    page = soup(built_site, PAGES[name])
    assert page.title.get_text() == f"{meta(name)['title']} - {SITE_NAME}"
    assert page.h1.get_text(strip=True) == meta(name)["title"]
    assert page.find("meta", attrs={"name": "description"})["content"] == meta(name)["description"]
    labels = [link.get_text(" ", strip=True) for link in page.select("nav.md-nav--primary a")]
    assert [label for label in NAV_LABELS if label in labels] == NAV_LABELS
    credit = page.select_one(".md-copyright")
    assert credit.get_text(" ", strip=True).startswith("Hero photo by Nicole Baster on Unsplash")


def test_home_shows_the_hero_photo_with_its_credit(built_site: Path) -> None:
    home, fields = soup(built_site, ""), meta("index.md")
    figure = home.select_one("figure.mdx-hero")
    assert figure.img["src"] == fields["image"]
    assert figure.img["alt"] == fields["imageAlt"]
    assert figure.figcaption.get_text(" ", strip=True) == "Photo by Nicole Baster on Unsplash"
    assert figure.figcaption.a["href"] == "https://unsplash.com/@nicolebaster"


def test_only_the_home_page_has_a_hero(built_site: Path) -> None:
    with_hero = [url for url in PAGES.values() if soup(built_site, url).select("figure.mdx-hero")]
    assert with_hero == [""]


@pytest.mark.parametrize("letter", article.letters(), ids=lambda letter: letter.title)
def test_letter_page_shows_the_article_letter_intact(
    built_site: Path, letter: article.Letter
) -> None:
    name = next(name for name in LETTER_PAGES if meta(name)["title"] == letter.title)
    page = soup(built_site, PAGES[name])
    assert letter_text(page) == letter.text
    assert "[Your Name]" in letter_text(page) and "[Client's Name]" in letter_text(page)
    assert [div["data-mdx-version"] for div in page.select("div.mdx-letter")] == [
        "revised",
        "original",
    ]  # ours first, the article's kept beside it
    intro = page.select_one(".mdx-letter-intro")
    assert letter.storytelling in intro.get_text()
    assert meta(name)["subject"] in intro.get_text()


def test_every_letter_of_the_article_has_our_revised_version() -> None:
    assert len(REVISED_LETTERS) == len(article.letters())


@pytest.mark.parametrize("name", REVISED_LETTERS)
def test_each_letter_offers_our_revised_version_its_changes_and_a_report_on_each(
    built_site: Path, name: str
) -> None:
    page, fields = soup(built_site, PAGES[name]), meta(name)
    revised = letter_text(page, "revised")
    assert revised.startswith("Dear [Client's Name],\n\nI am sorry ")
    assert revised != letter_text(page)
    choices = page.select("[data-mdx-choose]")
    assert [(c["data-mdx-choose"], c.get_text()) for c in choices] == [
        ("revised", "Revised with the guide's tips"),
        ("original", "The article's version"),
    ]
    # folded, out of the page's HTML until the reader opens them
    assert page.select_one('details[data-mdx-more="changes"][data-mdx-version=revised] h2')
    assert page.select_one('details[data-mdx-more="report"] h2')
    assert not page.select(".mdx-letter-changes, [data-mdx-letter-report]")
    later = later_parts(built_site, PAGES[name])
    changes = later["changes"].select(".mdx-letter-changes li")
    assert len(changes) == len(fields["changes"])
    for item, change in zip(changes, fields["changes"], strict=True):
        anchor = change["tip"].removeprefix("tips.md#")
        assert item.a["href"] == f"../../tips/#{anchor}"
        assert change["note"] in item.get_text()
    reports = later["report"].select("[data-mdx-letter-report]")
    assert [report["data-mdx-version"] for report in reports] == ["revised", "original"]


def test_product_failure_keeps_its_gift_placeholder(built_site: Path) -> None:
    assert "[discount or gift]" in letter_text(soup(built_site, "letters/product-failure/"))


def test_letters_index_links_every_letter(built_site: Path) -> None:
    links = {a["href"] for a in soup(built_site, "letters/").select("article a[href]")}
    for name in LETTER_PAGES:
        assert f"{Path(name).stem}/" in links


def test_letters_index_has_a_card_per_letter_from_its_front_matter(built_site: Path) -> None:
    cards = soup(built_site, "letters/").select("article .mdx-card")
    assert len(cards) == len(LETTER_PAGES)
    for card, name in zip(cards, LETTER_PAGES, strict=True):  # in nav order
        fields = meta(name)
        assert card.select_one("a.mdx-card__link")["href"] == f"{Path(name).stem}/"
        assert card.select_one(".mdx-card__summary").get_text() == fields["description"]
        labels = [data_files.tags()[tag] for tag in fields["tags"]]
        assert [tag.get_text() for tag in card.select(".md-tag")] == labels
        assert card["data-mdx-tags"].split() == fields["tags"]


def test_letter_pages_name_their_download_and_subject(built_site: Path) -> None:
    for name in LETTER_PAGES:
        page = soup(built_site, PAGES[name])
        assert page.select_one("[data-mdx-tools]")["data-mdx-letter-url"] == PAGES[name]
        intro = page.select_one(".mdx-letter-intro")
        assert intro.select_one("[data-mdx-subject]").get_text() == meta(name)["subject"]


@cache
def search_titles(site: Path) -> dict[str, str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["title"]: doc["location"] for doc in index["docs"]}


def headings_to_find() -> list[tuple[str, str]]:
    tips = article.subheadings("Tips for Writing Your Own Empathetic Apology Letter")
    mistakes = article.subheadings("Common Mistakes to Avoid When Writing an Apology Letter")
    return (
        [(title, "tips/#") for title in tips]
        + [(title, "mistakes/#") for title in mistakes]
        + [(question, "faq/#") for question in article.faq_questions()]
    )


@pytest.mark.parametrize(("heading", "prefix"), headings_to_find())
def test_search_index_lands_on_each_heading(built_site: Path, heading: str, prefix: str) -> None:
    location = search_titles(built_site).get(heading)
    assert location is not None and location.startswith(prefix)
    page_url, anchor = location.split("#")
    assert soup(built_site, page_url).find(id=anchor).get_text(strip=True).startswith(heading)


def test_faq_questions_are_five_headings_not_five_lists_numbered_one(built_site: Path) -> None:
    faq = soup(built_site, "faq/")
    questions = [h.get_text(strip=True).rstrip("¶") for h in faq.select("article h2")]
    assert questions == article.faq_questions()
    assert not faq.select("article ol")


def test_no_page_asks_a_font_cdn_or_analytics(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for host in ("fonts.googleapis", "fonts.gstatic", "googletagmanager", "google-analytics"):
            assert host not in html, f"{path} loads {host}"


def test_light_and_dark_palettes_with_a_toggle(built_site: Path) -> None:
    home = soup(built_site, "")
    schemes = {tag["data-md-color-scheme"] for tag in home.select("input[data-md-color-scheme]")}
    assert schemes == {"default", "slate"}


def test_no_theme_script_is_left_out_that_the_site_would_need(built_site: Path) -> None:
    """overrides/partials/javascripts/ leaves out Material's inline scripts for
    content tabs (the site has none) and the palette (before-paint.js sets it)."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "pymdownx.tabbed" not in config, (
        "content tabs: drop overrides/partials/javascripts/content.html"
    )
    for path in built_site.rglob("*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert not page.select(".tabbed-set"), path
        codes = [script.get_text() for script in page.select("script:not([src])")]
        assert not [
            code for code in codes if "__tabbed_" in code or '__md_get("__palette")' in code
        ], path
        assert [code for code in codes if "data-md-color-" in code], (
            f"{path}: no palette before the first paint"
        )


def test_a_photo_from_elsewhere_credits_only_its_photographer(tmp_path: Path) -> None:
    hero = (
        "---\ntitle: Home\ndescription: A home page whose hero photo comes from a "
        "photographer's own site.\nimage: https://photos.example.com/desk.jpg\n"
        "imageAlt: A desk\nphotographer: Ann Lee\nphotographerUrl: https://ann.example.com/\n"
        "---\n\nText.\n"
    )
    site = make_site(tmp_path, {"index.md": hero})
    assert build_into(site / "mkdocs.yml", site / "site")
    caption = soup(site / "site", "").select_one("figure.mdx-hero figcaption")
    assert caption.get_text(" ", strip=True) == "Photo by Ann Lee"
    assert caption.a["href"] == "https://ann.example.com/"
