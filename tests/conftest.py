"""Shared fixtures: the site built once per session, served on 127.0.0.1, and
a Playwright page in Debian's Chromium against it. Logic lives in helpers.py."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.build.mkdocs_build import build_into
from tests.helpers import ROOT, serve_directory
from tests.hostile import build_hostile_site

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(name="built_site", scope="session")
def fixture_built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("build") / "site"
    assert build_into(ROOT / "mkdocs.yml", site), "mkdocs build --strict failed"
    return site


@pytest.fixture(name="hostile_site", scope="session")
def fixture_hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with markup and script in its front matter and data files
    (tests/hostile.py), built with MkDocs as if `make check` had let it through."""
    return build_hostile_site(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(name="base_url", scope="session")
def fixture_base_url(built_site: Path) -> Iterator[str]:
    with serve_directory(built_site) as url:
        yield url


@pytest.fixture(name="browser", scope="session")
def fixture_browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: apt-get install -y chromium"
        if os.environ.get("CI") == "true":
            pytest.fail(message)  # under CI a missing browser is a failure
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(name="page")
def fixture_page(browser, base_url: str, request: pytest.FixtureRequest) -> Iterator[object]:
    """A fresh page; console errors and page errors fail the test that saw them."""
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    yield page
    context.close()
