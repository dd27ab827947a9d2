"""Helpers behind the test fixtures: the site's pages as mkdocs.yml and docs/
list them, sites in temporary folders, the pipeline run as a command, a
static server, and text from rendered HTML."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

import frontmatter
import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load

from scripts import data_files
from scripts.project.nav import nav_entries
from scripts.project.urls import page_url
from scripts.render.assets import bundle_addresses

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
# The article the site was made from, kept with the tests so they run from any
# clone; render/test_content.py checks it against the shared original (its hash).
SOURCE_ARTICLE = FIXTURES / "source-article.md"
SHARED_ARTICLE = ROOT.parent / "shared" / "content" / "source-article.md"
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"


def _nav() -> list[tuple[str, str]]:
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as handle:
        return nav_entries(yaml_load(handle).get("nav") or [])


# The site's content as mkdocs.yml and docs/ have it, never a hand-kept list:
# a letter added with `make new-letter` is tested like the others.
NAV_LABELS = [label for label, _ in _nav()]  # in nav order, e.g. "Home", "Tips", "All letters"
PAGES = {path: page_url(path) for _, path in _nav()}  # source page -> URL, in nav order
LETTER_PAGES = [name for name in PAGES if name.startswith("letters/") and "index" not in name]
# Each file bundle's address from the site's root, named for its content
# ("letter.js" -> "assets/mdx/letter.3fa2b1c9.js"), as the templates get it.
BUNDLE = bundle_addresses()


@functools.cache
def meta(name: str) -> dict:
    """The front matter of a page of docs/."""
    return frontmatter.load(ROOT / "docs" / name).metadata


# The article's examples, each with our revision beside it (its `changes`);
# a maintainer's own letter (make new-letter) has one version.
REVISED_LETTERS = [name for name in LETTER_PAGES if "changes" in meta(name)]


def once_per_data(check: Callable[[], list]) -> Callable[[], list]:
    """check, a function of the files of scripts/data/ alone (what they hold
    decides its answer), run once for each content of them: the same answer
    as running it, without validating the same files against their schemas
    again for every page a test checks."""
    answers: dict[tuple, list] = {}

    @functools.wraps(check)
    def checked() -> list:
        try:
            key = (data_files.DATA_DIR, *data_contents(data_files.DATA_DIR))
        except OSError:
            return check()  # unreadable: as it is, every time
        if key not in answers:
            answers[key] = check()
        return list(answers[key])

    return checked


def data_contents(folder: Path) -> list[tuple[str, bytes]]:
    return [(path.name, path.read_bytes()) for path in sorted(folder.iterdir()) if path.is_file()]


def soup(site: Path, url: str) -> BeautifulSoup:
    """A built page, parsed."""
    return BeautifulSoup(page_file(site, url).read_text(encoding="utf-8"), "html.parser")


def write_config(root: Path, nav: list | None = None) -> Path:
    """A mkdocs.yml for a site in root: the project's settings with nav
    (default: none, so MkDocs lists every page)."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as handle:
        config = yaml_load(handle)
    config.pop("nav", None)
    if nav is not None:
        config = {"nav": nav, **config}  # first, so its lines do not move with the settings
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["extra_css"] = []
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return config_file


def make_site(root: Path, pages: dict[str, str | bytes]) -> Path:
    """A site in root whose docs/ holds pages (relative path -> content)."""
    for name, content in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    write_config(root)
    return root


def copy_fixture(fixture: Path, root: Path) -> Path:
    """A site in root whose docs/ is the fixture folder, minus expected.txt and
    nav.yml (the site's nav, if the fixture has one)."""
    ignore = shutil.ignore_patterns("expected.txt", "nav.yml")
    shutil.copytree(fixture, root / "docs", ignore=ignore)
    nav_file = fixture / "nav.yml"
    write_config(root, yaml.safe_load(nav_file.read_text("utf-8")) if nav_file.is_file() else None)
    return root


def copy_project(root: Path) -> Path:
    """The whole project's sources in root, for builds that must not touch ours."""
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def built_copy(built_project: Path, root: Path) -> Path:
    """A copy in root of the project the built_project fixture built (site/
    and caches included), for a test to change: as if it had built there."""
    project = root / "project"
    shutil.copytree(built_project, project, symlinks=True)
    return project


def zensical_or_skip() -> Path:
    """Zensical's command; the test skips where it is not installed, and
    fails under CI=true, where it must be."""
    if not ZENSICAL.is_file():
        message = (
            f"Zensical is not installed at {ZENSICAL.relative_to(ROOT)}: `make build-zensical` "
            "installs it (requirements-zensical.lock), as `make test` does"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return ZENSICAL


def run_pipeline(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -m scripts ARGS` in cwd, as make runs it."""
    return subprocess.run(
        [sys.executable, "-m", "scripts", *args, "--root", str(cwd)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def page_file(site: Path, url: str) -> Path:
    return site / url.strip("/") / "index.html" if url.strip("/") else site / "index.html"


def later_parts(site: Path, url: str) -> dict[str, BeautifulSoup]:
    """What a built page shows only when the reader reaches for it
    (scripts/render/later.py): each part, parsed, by name, from the file
    beside it or, in a page not finished (`make serve`), its templates."""
    page = soup(site, url)
    pointer = page.select_one("template[data-mdx-later-src]")
    if pointer is None:
        templates = page.select("template[data-mdx-later]")
        return {
            t["data-mdx-later"]: BeautifulSoup(t.decode_contents(), "html.parser")
            for t in templates
        }
    file = page_file(site, url).parent / pointer["data-mdx-later-src"]
    parts = json.loads(file.read_text(encoding="utf-8"))
    return {name: BeautifulSoup(markup, "html.parser") for name, markup in parts.items()}


class _TextExtractor(HTMLParser):
    SKIP = frozenset({"script", "style", "svg", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self._skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """Text of an HTML page with whitespace collapsed, as a reader sees it."""
    extractor = _TextExtractor()
    extractor.feed(html)
    return re.sub(r"\s+", " ", "".join(extractor.parts))


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A browser that drops a request it no longer needs is no error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve_directory(
    directory: Path, handler_class: type[QuietHandler] = QuietHandler
) -> Iterator[str]:
    """Serve directory on 127.0.0.1 on a free port; yields the base URL."""
    handler = functools.partial(handler_class, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# What a test may leave in the shared context for the next one: its storage
# for the site's origin and the permissions it granted. The HTTP cache and
# the compiled scripts stay, as they would for a reader's next page.
LEFT_BEHIND = "cookies,local_storage,indexeddb,cache_storage,service_workers,file_systems,websql"


def forget_what_was_left(context, base_url: str) -> None:
    """Make the context's next page a first visit as far as the site can tell;
    then close its tabs."""
    tab = context.pages[0] if context.pages else context.new_page()
    session = context.new_cdp_session(tab)
    session.send(
        "Storage.clearDataForOrigin",
        {"origin": base_url.rstrip("/"), "storageTypes": LEFT_BEHIND},
    )
    session.detach()
    for tab in context.pages:
        tab.close()
    context.clear_cookies()
    context.clear_permissions()
