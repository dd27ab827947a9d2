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
