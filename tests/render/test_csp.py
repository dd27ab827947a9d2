"""The Content-Security-Policy of every built page, read with a parser of its
own (BeautifulSoup, not the build's scanner): one policy, right after
<meta charset>, strict (no 'unsafe-*', objects and other bases refused), and
listing the SHA-256 of every inline script that runs and every <style>, so
nothing the page holds is refused and nothing else can run. Using the pages
in Chromium with the policy on: tests/browser/test_csp.py."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.helpers import PAGES

DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}  # not run, no hash needed


def sha256(text: str) -> str:
    return (
        "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"
    )


def directives(policy: str) -> dict[str, list[str]]:
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


def policy_problems(page: Path) -> list[str]:
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    metas = html.select("meta[http-equiv=Content-Security-Policy]")
    if len(metas) != 1:
        return [f"{len(metas)} policies"]
    head = [tag for tag in html.head.children if getattr(tag, "name", None)]
    problems = [] if head[1] is metas[0] else ["the policy is not right after <meta charset>"]
    policy = directives(metas[0]["content"])
    if any("unsafe" in source for sources in policy.values() for source in sources):
        problems.append(f"an 'unsafe-' source: {metas[0]['content']}")
    for name, sources in {"object-src": ["'none'"], "base-uri": ["'self'"]}.items():
        if policy.get(name) != sources:
            problems.append(f"{name} {policy.get(name)}")
    for script in html.find_all("script", src=False):
        runs = script.get("type", "").strip().lower() not in DATA_SCRIPT_TYPES
        if runs and sha256(script.string or "") not in policy["script-src"]:
            problems.append(f"an inline script not listed: {(script.string or '')[:60]!r}")
    for style in html.find_all("style"):
        if sha256(style.string or "") not in policy["style-src"]:
            problems.append(f"a <style> not listed: {(style.string or '')[:60]!r}")
    return problems


def test_every_built_page_has_a_strict_policy_that_lists_its_inline_code(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= len(PAGES)  # every page of mkdocs.yml, and the 404
    problems = {str(page.relative_to(built_site)): policy_problems(page) for page in pages}
    assert {page: found for page, found in problems.items() if found} == {}


def test_code_slipped_into_a_built_page_is_caught(built_site: Path, tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    html = (built_site / "index.html").read_text(encoding="utf-8")
    page.write_text(html.replace("</body>", "<script>alert(1)</script></body>"), encoding="utf-8")
    assert policy_problems(page) == ["an inline script not listed: 'alert(1)'"]


PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><style>.ours{}</style></head><body>'
    "<script>ours()</script>"
    "<!-- mdx-page-content --><p>Text</p><style>.smuggled{}</style>"
    "<script>smuggled()</script><img src='https://tracker.example/p.gif'>"
    "<!-- /mdx-page-content --><script>alsoOurs()</script></body></html>"
)


def written_policy(html: str) -> dict[str, list[str]]:
    from scripts.render.csp import with_csp

    built = BeautifulSoup(with_csp(html, "mkdocs"), "html.parser")
    return directives(built.select_one("meta[http-equiv=Content-Security-Policy]")["content"])


def test_the_policy_trusts_only_inline_code_outside_the_pages_content() -> None:
    policy = written_policy(PAGE)
    assert sorted(policy["script-src"]) == sorted(
        ["'self'", sha256("ours()"), sha256("alsoOurs()")]
    )
    assert policy["style-src"] == ["'self'", sha256(".ours{}")]


def test_images_come_only_from_the_configured_hosts() -> None:
    from scripts.render.csp import settings

    policy = written_policy(PAGE)
    assert policy["img-src"] == ["'self'", "data:", *settings()["image_hosts"]]
    assert "https://tracker.example" not in " ".join(policy["img-src"])


def test_content_that_imitates_its_markers_stops_the_build() -> None:
    from scripts.render.csp import with_csp
    from scripts.render.html_tags import PageError

    forged = PAGE.replace("<p>Text</p>", "<!-- /mdx-page-content --><script>x()</script>")
    with pytest.raises(PageError, match="imitates the marker"):
        with_csp(forged, "mkdocs")


def test_every_page_with_content_marks_it_once(built_site: Path) -> None:
    """The markers partials/content.html writes are there, once, on every page
    built from Markdown (the 404 page has none)."""
    for url in PAGES.values():
        html = (built_site / url / "index.html").read_text("utf-8")
        assert html.count("<!-- mdx-page-content -->") == 1, url
        assert html.count("<!-- /mdx-page-content -->") == 1, url
