"""Nothing of the source article is lost: every line of its text, every
reference it cites and its front matter are somewhere in the built site."""

from __future__ import annotations

import hashlib
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


# SHA-256 of the shared original (shared/content/source-article.md) when its
# copy was taken into tests/fixtures/. A clone without shared/ beside it (CI's)
# still checks the copy against it, so this test never skips.
SHARED_ARTICLE_SHA256 = "18d1105ddd5adb4179b43bcb283c2fe46883bc7bf2391fe9420fafccdd43b53f"


def test_kept_copy_of_the_article_matches_the_shared_original() -> None:
    assert hashlib.sha256(SOURCE_ARTICLE.read_bytes()).hexdigest() == SHARED_ARTICLE_SHA256
    if SHARED_ARTICLE.exists():  # beside a working copy: the original has not moved on
        assert SHARED_ARTICLE.read_bytes() == SOURCE_ARTICLE.read_bytes()
