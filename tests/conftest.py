"""Shared fixtures: the site built once per run (by MkDocs, and by Zensical
where it is installed), served on 127.0.0.1, and a Playwright page in
Debian's Chromium against it, one browser per process. Logic lives in
helpers.py.

`make test` runs the tests in worker processes (pytest-xdist): a site is
built by the first worker that needs it and read by all (built_once)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from filelock import FileLock

from scripts.bench.browser import wait_for_scripts
from scripts.render.assets import build_assets
from scripts.render.mkdocs_build import build_into
from scripts.render.zensical_build import zensical_build
from scripts.validate import docs
from tests.helpers import (
    ROOT,
    copy_project,
    forget_what_was_left,
    once_per_data,
    run_pipeline,
    serve_directory,
    zensical_or_skip,
)
from tests.hostile import build_hostile_site

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Scripts run after the first paint (docs/javascripts/site/after-paint.js), often
# after the load event that Playwright's goto waits for. A reader's first
# press comes later than a test's: every goto and reload here also waits until
# the page's scripts have run (scripts/bench/browser.py says how it knows).


def then_waiting_for_scripts(navigate):
    def navigate_and_wait(page, *args, **kwargs):
        response = navigate(page, *args, **kwargs)
        if kwargs.get("wait_until") != "commit":
            wait_for_scripts(page)
        return response

    return navigate_and_wait


@pytest.fixture(name="scripts_ran", scope="session", autouse=True)
def fixture_scripts_ran() -> Iterator[None]:
    from playwright.sync_api import Page

    originals = {name: getattr(Page, name) for name in ("goto", "reload")}
    for name, navigate in originals.items():
        setattr(Page, name, then_waiting_for_scripts(navigate))
    yield
    for name, navigate in originals.items():
        setattr(Page, name, navigate)


@pytest.fixture(name="data_checked_once", scope="session", autouse=True)
def fixture_data_checked_once() -> Iterator[None]:
    """Every check of docs/ first validates scripts/data/ against its schemas
    (0.6 s, more than the rest of a small site's check): done once per content
    of those files (tests.helpers.once_per_data), as they seldom change while
    tests run. Tests that change them (DATA_DIR, a copy) get their own answer."""
    with pytest.MonkeyPatch.context() as patch:
        for name in ("data_file_problems", "registry_file_problems"):
            patch.setattr(docs, name, once_per_data(getattr(docs, name)))
        yield


def built_once(factory: pytest.TempPathFactory, name: str, build: Callable[[Path], Path]) -> Path:
    """What build(folder) makes, made once per run. Under pytest-xdist each
    worker has its own temporary folder inside the run's: the first worker to
    ask builds into the run's folder, holding a lock, and the others wait for
    it and read what it made (pytest-xdist's documented pattern)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return build(factory.mktemp(name))
    run_folder = factory.getbasetemp().parent
    folder, made = run_folder / name, run_folder / f"{name}.made"
    with FileLock(run_folder / f"{name}.lock"):
        if not made.is_file():
            shutil.rmtree(folder, ignore_errors=True)  # a failed worker's, if any
            folder.mkdir()
            made.write_text(str(build(folder)), encoding="utf-8")
        return Path(made.read_text(encoding="utf-8"))


def build_site(folder: Path) -> Path:
    site = folder / "site"
    assert build_into(ROOT / "mkdocs.yml", site), "mkdocs build --strict failed"
    return site


def build_zensical_site(folder: Path) -> Path:
    zensical = zensical_or_skip()
    build_assets()  # copied with overrides/, as a build generates them first
    project = copy_project(folder)
    site = project / ".site-zensical"
    assert zensical_build(zensical, project / "mkdocs.yml", site), "zensical build failed"
    return site


@pytest.fixture(name="built_site", scope="session")
def fixture_built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_once(tmp_path_factory, "build", build_site)


def build_project(folder: Path) -> Path:
    project = copy_project(folder / "project")
    result = run_pipeline("build", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture(name="built_project", scope="session")
def fixture_built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project, built by `python -m scripts build` as a
    maintainer runs it: read it, or change a copy of it (helpers.built_copy)."""
    return built_once(tmp_path_factory, "project", build_project)


@pytest.fixture(name="zensical_site", scope="session")
def fixture_zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as Zensical builds it (where it is installed: zensical_or_skip)."""
    zensical_or_skip()
    return built_once(tmp_path_factory, "zensical", build_zensical_site)


@pytest.fixture(name="hostile_site", scope="session")
def fixture_hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with markup and script in its front matter and data files
    (tests/hostile.py), built with MkDocs as if `make check` had let it through."""
    return built_once(tmp_path_factory, "hostile", build_hostile_site)


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


@pytest.fixture(name="shared_context", scope="session")
def fixture_shared_context(browser, base_url: str) -> Iterator[object]:
    """One context for every `page` of a worker, its caches kept warm: a
    letter page's load in a fresh context cost 0.8 CPU-s, in this one 0.3."""
    context = browser.new_context(base_url=base_url)
    yield context
    context.close()


@pytest.fixture(name="page")
def fixture_page(shared_context, base_url: str) -> Iterator[object]:
    """A fresh tab that starts as a first visit (nothing stored, no
    permission); console errors and page errors fail the test that saw them.
    What a test sets on the whole context must go on the page instead
    (page.add_init_script, page.route), or into a context of its own."""
    page = shared_context.new_page()
    page.errors = []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    yield page
    forget_what_was_left(shared_context, base_url)  # and closes every tab the test opened
