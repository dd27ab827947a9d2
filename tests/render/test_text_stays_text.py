"""Front matter and data files are text, even if markup slips past `make check`:
the project with script and markup in a letter's title, description,
situation, subject and details, the home page's hero credit, the placeholder
and tag labels and the editor's questions (tests/hostile.py), built with
MkDocs and with Zensical. No element, attribute or script comes from them,
each shows exactly as written, and JSON-LD holds them with <, > and & escaped."""

from __future__ import annotations

import html
import json
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from scripts.render import zensical_build as zensical_build_module
from scripts.render.assets import build_assets
from scripts.render.faq_schema import script_json
from scripts.render.zensical_build import zensical_build
from tests import hostile
from tests.helpers import collapse, later_parts, zensical_or_skip

SITE_NAME = "Empathetic Apology Letters to Clients"
RUNNABLE_TAGS = ("iframe", "object", "embed", "frame")  # Material draws icons with <svg>


@pytest.fixture(name="zensical_hostile_site", scope="module")
def fixture_zensical_hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    zensical = zensical_or_skip()
    build_assets()
    config_file = hostile.make_hostile_project(tmp_path_factory.mktemp("hostile-zensical"))
    site = config_file.parent / ".site-zensical"
    # Built without generating the copy's assets again, which would put the
    # real registries back in place of the hostile ones.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(zensical_build_module, "assets_for", lambda _config_file: None)
        assert zensical_build(zensical, config_file, site), "zensical build failed"
    return site


@pytest.fixture(name="engine_site", params=["mkdocs", "zensical"])
def fixture_engine_site(request: pytest.FixtureRequest) -> Path:
    name = "hostile_site" if request.param == "mkdocs" else "zensical_hostile_site"
    return request.getfixturevalue(name)


def parsed(site: Path, url: str) -> BeautifulSoup:
    page = site / url / "index.html" if url else site / "index.html"
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def what_could_run(page: BeautifulSoup) -> list[str]:
    """Every element or attribute of the page through which script could run."""
    found = []
    for tag in page.find_all(True):
        found += [f"<{tag.name} {name}=...>" for name in tag.attrs if name.lower().startswith("on")]
        found += [
            f"<{tag.name} {name}={value!r}>"
            for name, value in tag.attrs.items()
            if isinstance(value, str) and value.strip().lower().startswith("javascript:")
        ]
        if tag.name in RUNNABLE_TAGS:
            found.append(f"<{tag.name}>")
        data = tag.get("type") == "application/ld+json"  # checked apart: it must parse
        if tag.name == "script" and not data and "alert(" in tag.get_text():
            found.append(f"<script>{tag.get_text()[:60]}")
    return found


def texts(page: BeautifulSoup, selector: str) -> list[str]:
    return [collapse(tag.get_text()) for tag in page.select(selector)]


def meta_content(page: BeautifulSoup, **attrs: str) -> str:
    return page.find("meta", attrs=attrs)["content"]


def json_ld(page: BeautifulSoup) -> dict[str, tuple[str, dict]]:
    """Each JSON-LD block by @type: its text as written, and its data."""
    blocks = page.select('script[type="application/ld+json"]')
    return {
        data["@type"]: (block.string, data)
        for block in blocks
        for data in [json.loads(block.string)]
    }


@pytest.mark.parametrize("url", ["", hostile.LETTER_URL, "letters/", "faq/"])
def test_nothing_from_front_matter_or_data_can_run(engine_site: Path, url: str) -> None:
    assert what_could_run(parsed(engine_site, url)) == []
    for name, part in later_parts(engine_site, url).items():  # shown when the reader asks
        assert (name, what_could_run(part)) == (name, [])


def test_the_letter_shows_its_front_matter_as_written(engine_site: Path) -> None:
    page, fields = parsed(engine_site, hostile.LETTER_URL), hostile.FRONT_MATTER
    assert page.title.get_text() == f"{fields['title']} - {SITE_NAME}"
    assert texts(page, "h1#mdx-content") == [fields["title"]]
    assert fields["title"] in texts(page, ".md-header__topic")
    assert meta_content(page, name="description") == fields["description"]
    for card in ("og", "twitter"):
        key = "property" if card == "og" else "name"
        assert meta_content(page, **{key: f"{card}:title"}) == fields["title"]
        assert meta_content(page, **{key: f"{card}:description"}) == fields["description"]
    assert texts(page, ".mdx-letter-intro__situation") == [fields["situation"]]
    assert texts(page, "[data-mdx-subject]") == [fields["subject"]]
    assert texts(page, ".mdx-letter-intro .md-tag") == [hostile.TAG_LABEL]
    email = page.select_one('[data-mdx-action="email"]')["href"]
    assert unquote(email.removeprefix("mailto:?subject=")) == fields["subject"]


def test_the_letter_shows_its_details_and_the_registries_as_written(engine_site: Path) -> None:
    page, detail = parsed(engine_site, hostile.LETTER_URL), hostile.DETAIL
    page.select_one("[data-mdx-names-loading]").replace_with(  # placed on opening the form
        later_parts(engine_site, hostile.LETTER_URL)["names"]
    )
    label = {node["for"]: node.get_text() for node in page.select(".mdx-names__label")}
    names = [label[field["id"]] for field in page.select("[data-mdx-field]")]
    assert names and set(names) == {hostile.PLACEHOLDER_LABEL}
    assert {field["placeholder"] for field in page.select("[data-mdx-field]")} == {
        f"e.g. {hostile.PLACEHOLDER_EXAMPLE}"
    }
    editor = later_parts(engine_site, hostile.LETTER_URL)["editor"]  # placed on pressing Edit
    assert set(texts(editor, ".mdx-editor__questions a")) == {hostile.QUESTION}
    assert set(texts(editor, ".mdx-editor__question-hint")) == {hostile.HINT}
    first = page.select_one("[data-mdx-detail]")
    assert label[first["id"]] == detail["label"]
    assert first["data-mdx-detail"] == detail["label"]
    assert first["data-mdx-sentence"] == detail["sentence"]
    # Our revised version is shown first: its own place, the original's kept beside it.
    assert first["data-mdx-after"] == hostile.DETAIL_REVISED_AFTER
    assert first["data-mdx-original-after"] == detail["after"]
    assert first["placeholder"] == f"e.g. {detail['example']}"


def test_json_ld_holds_the_values_with_nothing_that_ends_its_script(engine_site: Path) -> None:
    written, article = json_ld(parsed(engine_site, hostile.LETTER_URL))["Article"]
    assert article["headline"] == hostile.FRONT_MATTER["title"]
    assert article["description"] == hostile.FRONT_MATTER["description"]
    assert not {"<", ">", "&"} & set(written)


def test_the_faq_schema_holds_a_question_with_nothing_that_ends_its_script(
    hostile_site: Path,
) -> None:
    # Added by the pipeline after MkDocs (scripts/render/faq_schema.py); not with Zensical.
    written, faq = json_ld(parsed(hostile_site, "faq/"))["FAQPage"]
    question = hostile.FAQ_QUESTION.replace("`", "")
    assert question in [entry["name"] for entry in faq["mainEntity"]]
    assert not {"<", ">", "&"} & set(written)


def test_the_home_page_credits_its_hero_as_written(engine_site: Path) -> None:
    page, hero = parsed(engine_site, ""), hostile.HERO
    image = page.select_one("figure.mdx-hero img")
    assert (image["src"], image["alt"]) == (hero["image"], hero["imageAlt"])
    credit = page.select_one("figure.mdx-hero figcaption a")
    assert credit["href"] == hero["photographerUrl"]
    assert credit.get_text() == hero["photographer"]
    assert meta_content(page, property="og:image:alt") == hero["imageAlt"]


def test_the_letters_index_shows_the_card_and_filter_as_written(engine_site: Path) -> None:
    page = parsed(engine_site, "letters/")
    card = next(
        card
        for card in page.select(".mdx-card")
        if card.select_one("a")["href"].rstrip("/").endswith("billing-error")
    )
    assert texts(card, ".mdx-card__summary") == [hostile.FRONT_MATTER["description"]]
    assert set(texts(page, ".mdx-card .md-tag")) == {hostile.TAG_LABEL}
    assert set(texts(page, ".mdx-filter__tag")[1:]) == {hostile.TAG_LABEL}


def test_the_search_index_holds_front_matter_and_tag_labels_as_html_text(
    hostile_site: Path,
) -> None:
    index = json.loads((hostile_site / "search" / "search_index.json").read_text("utf-8"))
    entry = next(doc for doc in index["docs"] if doc["location"] == hostile.LETTER_URL)
    assert entry["title"] == html.escape(hostile.FRONT_MATTER["title"], quote=False)
    assert set(entry["tags"]) == {html.escape(hostile.TAG_LABEL, quote=False)}
    situation = html.escape(hostile.FRONT_MATTER["situation"], quote=False)
    assert f"When to use this letter: {situation}" in entry["text"]


def test_script_json_escapes_what_could_end_a_script() -> None:
    value = {"name": "</script><!-- Q&A -->"}
    assert script_json(value) == ('{"name": "\\u003c/script\\u003e\\u003c!-- Q\\u0026A --\\u003e"}')
    assert json.loads(script_json(value)) == value
