"""Nothing of the source article is lost: every line of its text, every
reference it cites and its front matter are somewhere in the built site."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import frontmatter
import pytest

from tests import article
from tests.helpers import ROOT, SHARED_ARTICLE, SOURCE_ARTICLE, collapse, visible_text


@cache
def site_text(site: Path) -> str:
    return " ".join(
        visible_text(path.read_text(encoding="utf-8")) for path in sorted(site.rglob("*.html"))
    )


@cache
def site_html(site: Path) -> str:
    return " ".join(path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html")))


@pytest.mark.parametrize("sentence", article.plain_sentences())
def test_article_text_is_in_the_site(built_site: Path, sentence: str) -> None:
    assert collapse(sentence) in site_text(built_site)


@pytest.mark.parametrize("url", article.links())
def test_cited_references_are_linked(built_site: Path, url: str) -> None:
    assert f'href="{url.replace("&", "&amp;")}"' in site_html(built_site)


def test_article_front_matter_lives_on_the_home_page() -> None:
    source, home = article.article().metadata, frontmatter.load(ROOT / "docs" / "index.md")
    assert home["title"] == source["title"]
    assert str(home["date"]) == source["date"].date().isoformat()
    assert set(home["tags"]) == set(source["tags"])
    for field in ("image", "photographer", "photographerUrl"):
        assert home[field] == source[field]
    assert collapse(source["description"]) in collapse(home.content)


@pytest.mark.skipif(not SHARED_ARTICLE.exists(), reason="no shared/ folder beside this clone")
def test_kept_copy_of_the_article_matches_the_shared_original() -> None:
    assert SOURCE_ARTICLE.read_bytes() == SHARED_ARTICLE.read_bytes()
