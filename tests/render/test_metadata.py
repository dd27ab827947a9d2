"""What search engines and chat apps read: unique titles and descriptions,
canonical links, Open Graph and Twitter cards, JSON-LD with schema.org's
required fields, robots.txt, the sitemap and the 404 page."""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup

from scripts.render.faq_schema import questions_and_answers
from scripts.render.robots import robots_txt
from scripts.render.search_index import enrich_entry
from tests import article
from tests.helpers import LETTER_PAGES, PAGES, ROOT, meta, soup

SITE_URL = "https://apology-letters.example.org/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "https" and bool(parts.netloc)


def content(page: BeautifulSoup, **attrs: str) -> str:
    tag = page.find("meta", attrs=attrs)
    assert tag is not None, f"no <meta {attrs}>"
    return tag["content"]


def json_ld(page: BeautifulSoup) -> dict[str, dict]:
    """The page's JSON-LD blocks by @type (each must parse)."""
    blocks = [json.loads(tag.string) for tag in page.select("script[type='application/ld+json']")]
    types = [block["@type"] for block in blocks]
    assert len(types) == len(set(types)), f"a type twice: {types}"
    return {block["@type"]: block for block in blocks}


def test_titles_and_descriptions_are_unique(built_site: Path) -> None:
    pages = [soup(built_site, url) for url in PAGES.values()]
    titles = [page.title.get_text() for page in pages]
    descriptions = [content(page, name="description") for page in pages]
    assert len(set(titles)) == len(titles)
    assert len(set(descriptions)) == len(descriptions)


@pytest.mark.parametrize("name", PAGES)
def test_page_has_canonical_open_graph_and_twitter_card(built_site: Path, name: str) -> None:
    page, fields = soup(built_site, PAGES[name]), meta(name)
    canonical = SITE_URL + PAGES[name]
    assert page.find("link", rel="canonical")["href"] == canonical
    assert content(page, property="og:url") == canonical
    assert (
        content(page, property="og:title") == content(page, name="twitter:title") == fields["title"]
    )
    assert content(page, property="og:description") == fields["description"]
    assert content(page, name="twitter:description") == fields["description"]
    assert content(page, name="twitter:card") == "summary_large_image"
    image = content(page, property="og:image")
    assert absolute(image) and content(page, name="twitter:image") == image
    assert content(page, property="og:image:alt").strip()
    assert content(page, name="twitter:image:alt") == content(page, property="og:image:alt")
    if "image" in fields:  # the hero photo, described as on the page
        assert image == fields["image"]
        assert content(page, property="og:image:alt") == fields["imageAlt"]
    else:
        assert image == SITE_URL + "assets/social-card.png"


def test_share_image_is_a_small_1200_by_630_png(built_site: Path) -> None:
    data = (built_site / "assets" / "social-card.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1200, 630)
    assert len(data) < 20_000


@pytest.mark.parametrize("name", [name for name in PAGES if name != "faq.md"])
def test_guide_page_is_an_article_with_schema_org_required_fields(
    built_site: Path, name: str
) -> None:
    page = soup(built_site, PAGES[name])
    data = json_ld(page)["Article"]
    assert data["@context"] == "https://schema.org"
    assert data["headline"] == meta(name)["title"] and len(data["headline"]) <= 110
    assert data["description"] == meta(name)["description"]
    assert data["image"] and all(absolute(url) for url in data["image"])
    assert data["image"][0] == content(page, property="og:image")
    assert data["datePublished"] == str(meta("index.md")["date"])  # the article's date
    assert data["author"]["name"] and data["publisher"]["name"]
    assert data["mainEntityOfPage"] == SITE_URL + PAGES[name]


def test_faq_is_a_faq_page_with_every_question_and_its_answer(built_site: Path) -> None:
    data = json_ld(soup(built_site, "faq/"))
    assert "Article" not in data
    questions = data["FAQPage"]["mainEntity"]
    assert [q["name"] for q in questions] == article.faq_questions()
    faq = soup(built_site, "faq/")
    for question in questions:
        assert question["@type"] == "Question"
        answer = question["acceptedAnswer"]
        assert answer["@type"] == "Answer" and len(answer["text"]) > 20
        assert answer["text"] in " ".join(faq.select_one("article").get_text(" ").split())


@pytest.mark.parametrize("name", PAGES)
def test_nested_pages_have_breadcrumbs_home_letters_page(built_site: Path, name: str) -> None:
    data = json_ld(soup(built_site, PAGES[name]))
    if name not in LETTER_PAGES:
        assert "BreadcrumbList" not in data
        return
    items = data["BreadcrumbList"]["itemListElement"]
    assert [item["position"] for item in items] == [1, 2, 3]
    assert [item["name"] for item in items] == ["Home", "Letters", meta(name)["title"]]
    assert [item["item"] for item in items] == [
        SITE_URL,
        SITE_URL + "letters/",
        SITE_URL + PAGES[name],
    ]


def test_sitemap_lists_every_page_and_robots_names_it(built_site: Path) -> None:
    tree = ElementTree.parse(built_site / "sitemap.xml")
    listed = {loc.text for loc in tree.iter(f"{SITEMAP}loc")}
    assert listed == {SITE_URL + url for url in PAGES.values()}
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert re.search(rf"^Sitemap: {re.escape(SITE_URL)}sitemap\.xml$", robots, re.MULTILINE)
    assert "Disallow: /\n" not in robots


def test_robots_without_a_site_url_names_no_sitemap() -> None:
    assert robots_txt("") == "User-agent: *\nAllow: /\n"
    assert robots_txt("https://x.example/docs/").endswith(
        "Sitemap: https://x.example/docs/sitemap.xml\n"
    )


def test_404_offers_search_letters_and_tips_in_the_site_layout(built_site: Path) -> None:
    page = BeautifulSoup((built_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert page.title.get_text().startswith("Page not found")
    # Hosts answer a missing page with this file and status 404, which keeps it out
    # of search indexes; a "noindex" would only cost the page its SEO audit.
    assert page.find("meta", attrs={"name": "robots"}) is None
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "404" not in sitemap
    assert page.select_one("header.md-header") and page.select_one("nav.md-nav--primary")
    form = page.select_one("article form[role=search]")
    assert form.select_one("input[name=q]") and form.select_one("label")
    links = {a["href"] for a in page.select("article a[href]")}
    assert {"/letters/", "/tips/"} <= links


def test_search_index_holds_each_letters_intro_and_tag_labels(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    labels = yaml.safe_load((ROOT / "scripts" / "data" / "tags.yml").read_text("utf-8"))
    for name in LETTER_PAGES:
        doc, fields = docs[PAGES[name]], meta(name)
        assert fields["situation"] in doc["text"] and fields["subject"] in doc["text"]
        assert doc["tags"] == [labels[tag] for tag in fields["tags"]]
    assert docs[""]["tags"] == [labels["empathetic"], labels["client"]]


def test_enrich_entry_leaves_sections_text_alone_and_escapes_front_matter() -> None:
    meta_ = {"situation": "A <b>bad</b> day", "subject": "Sorry", "tags": ["x"]}
    page = enrich_entry({"location": "a/", "text": "<p>Body</p>", "tags": ["x"]}, meta_, {"x": "X"})
    assert page["text"].startswith("<p>When to use this letter: A &lt;b&gt;bad&lt;/b&gt; day</p>")
    quoted = enrich_entry({"location": "a/", "text": ""}, {"situation": 'A client\'s "rush"'}, {})
    assert quoted["text"] == '<p>When to use this letter: A client\'s "rush"</p>'  # as MkDocs
    assert page["text"].endswith("<p>Subject: Sorry</p><p>Body</p>") and page["tags"] == ["X"]
    section = enrich_entry({"location": "a/#s", "text": "T"}, meta_, {})
    assert section == {"location": "a/#s", "text": "T"}


def test_faq_answers_run_to_the_next_question_without_permalinks() -> None:
    html = (
        '<p>Intro.</p><h2 id="a">One?<a class="headerlink" href="#a">¶</a></h2>'
        "<p>First <em>answer</em>.</p><ul><li>more</li></ul><h2>Two?</h2><p>Second.</p><h2>Empty?</h2>"
    )
    assert questions_and_answers(html) == [("One?", "First answer. more"), ("Two?", "Second.")]
