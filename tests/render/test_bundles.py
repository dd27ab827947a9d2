"""The bundles of scripts/data/bundles.yml: every script a module named after
its file, and every dependency it declares defined before it, or the build
stops naming the line to fix; each file bundle named after its content."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scripts import data_files
from scripts.render import assets
from scripts.render.bundles import (
    BUNDLES_PATH,
    Bundle,
    BundleError,
    bundle_problems,
    declared_module,
    line_in_bundles,
    read_bundles,
)
from tests.helpers import ROOT, copy_project

SOURCES = {
    "javascripts/site/mdx.js": "(() => { window.mdx = {}; })();",
    "javascripts/text.js": 'mdx.module("text", [], () => ({}));',
    "javascripts/toolbar.js": 'mdx.module("toolbar", ["text"], (text) => {});',
    "javascripts/editor.js": 'mdx.module(\n  "editor",\n  ["text", "toolbar"],\n  () => {},\n);',
    "javascripts/misnamed.js": 'mdx.module("other", [], () => {});',
}
YAML = """page.js:
  sources:
    - javascripts/site/mdx.js
    - javascripts/toolbar.js
    - javascripts/text.js
later.js:
  after: [page.js]
  sources:
    - javascripts/editor.js
"""


def problems_of(bundles: list[Bundle]) -> list[str]:
    found = bundle_problems(bundles, SOURCES.__getitem__, line_in_bundles(YAML))
    return [str(problem) for problem in found]


def test_a_module_declares_its_name_and_dependencies() -> None:
    assert declared_module(SOURCES["javascripts/editor.js"]) == ("editor", ["text", "toolbar"])
    assert declared_module(SOURCES["javascripts/site/mdx.js"]) is None  # a plain script


def test_a_dependency_listed_after_its_module_stops_the_build_at_its_line() -> None:
    bundles = [
        Bundle(
            "page.js", ("javascripts/site/mdx.js", "javascripts/toolbar.js", "javascripts/text.js")
        )
    ]
    assert problems_of(bundles) == [
        (
            f"{BUNDLES_PATH}:4: error: bundle page.js: javascripts/toolbar.js needs the module "
            "'text', which is not defined before it; list javascripts/text.js above it (or name "
            "a bundle that has it in `after`)"
        )
    ]


def test_a_bundle_may_use_the_modules_of_the_bundles_it_comes_after() -> None:
    page = Bundle("page.js", ("javascripts/text.js", "javascripts/toolbar.js"))
    later = Bundle("later.js", ("javascripts/editor.js",), after=("page.js",))
    assert problems_of([page, later]) == []
    assert problems_of([page, Bundle("later.js", ("javascripts/editor.js",))]) != []


def test_a_module_named_unlike_its_file_and_an_unknown_after_are_refused() -> None:
    bundles = [Bundle("later.js", ("javascripts/misnamed.js",), after=("nothing.js",))]
    assert problems_of(bundles) == [
        f"{BUNDLES_PATH}:6: error: bundle later.js: `after` names nothing.js, which is not a bundle",
        (
            f"{BUNDLES_PATH}:6: error: javascripts/misnamed.js defines the module 'other'; name "
            "it after its file: 'misnamed'"
        ),
    ]


def test_a_bundle_written_as_a_bare_list_is_refused_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One format: every bundle lists its files under `sources:`."""
    text = YAML + "bare.js:\n  - javascripts/text.js\n"
    (tmp_path / "bundles.yml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(data_files, "DATA_DIR", tmp_path)
    monkeypatch.setattr(data_files, "bundles", lambda: yaml.safe_load(text))
    with pytest.raises(BundleError) as raised:
        read_bundles()
    expected = f"{BUNDLES_PATH}:10: error: bundle bare.js: list its files under `sources:`"
    assert [str(problem) for problem in raised.value.problems] == [
        f"{expected} (see the file's opening)"
    ]


def test_every_bundle_of_the_site_has_what_its_modules_need() -> None:
    generated = {
        "checker-data.js": 'mdx.module("checker-data",[],()=>({}));',
        "search-words.js": "self.mdxSearchWords={};",
        "situation-filter.css": "",
    }
    bundles = read_bundles()
    text = (ROOT / BUNDLES_PATH).read_text(encoding="utf-8")
    assert (
        bundle_problems(
            bundles, lambda source: assets.source_text(source, generated), line_in_bundles(text)
        )
        == []
    )
    modules = [
        declared_module(assets.source_text(source, generated))
        for bundle in bundles
        for source in bundle.sources
        if source.startswith("javascripts/")
    ]
    # Before the loader or Material's bundle, in a worker, the loader, what
    # runs Material's bundle after the first paint, and the palette toggle's
    # behaviour (the reader may reach for it before the loader runs), and
    # what holds a press on the letter's tools until they are wired.
    plain = {
        "search-start",
        "before-paint",
        "letter-before-paint",
        "search-worker",
        "mdx",
        "after-paint",
        "palette",
    }
    assert sorted(name for name, _ in filter(None, modules)) == sorted(
        Path(source).stem
        for bundle in bundles
        for source in bundle.sources
        if source.startswith("javascripts/")
        and Path(source).stem not in plain
        and not source.startswith(assets.VENDOR)  # a library as its authors ship it
    )


def test_the_build_stops_on_a_broken_bundle_naming_its_line(tmp_path: Path) -> None:
    """On a copy of the project with its own scripts/, so the copy's bundles.yml is read."""
    root = copy_project(tmp_path / "project")
    shutil.copytree(
        ROOT / "scripts", root / "scripts", ignore=shutil.ignore_patterns("__pycache__")
    )
    bundles = root / BUNDLES_PATH
    text = bundles.read_text(encoding="utf-8")
    first, then = (
        "    - javascripts/letter/letter-text.js\n",
        "    - javascripts/letter/letter-personalise.js\n",
    )
    # letter-text.js moved after a module that needs it
    start, end = text.index(first), text.index(then) + len(then)
    reordered = text[:start] + text[start + len(first) : end] + first + text[end:]
    assert reordered != text
    bundles.write_text(reordered, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "build"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    line = reordered.splitlines().index("    - javascripts/letter/letter-personalise.js") + 1
    assert result.returncode == 1, result.stderr
    assert (
        f"{BUNDLES_PATH}:{line}: error: bundle letter.js: javascripts/letter/letter-personalise.js "
        "needs the module 'letter-text'"
    ) in result.stdout
    assert "build stopped" in result.stdout
    assert not (root / "site").exists()


# ---------------------------------------------------------------- content-hashed names


HASHED = re.compile(r"^(?P<stem>[\w-]+)\.(?P<digest>[0-9a-f]{8})\.(?:js|css)$")


def test_every_bundle_file_is_named_after_its_content(built_site: Path) -> None:
    """A host may keep letter.3fa2b1c9.js for ever: a new version is a new name."""
    files = {bundle.name for bundle in read_bundles() if not bundle.inline}
    built = sorted((built_site / "assets" / "mdx").iterdir())
    named = {path.name: HASHED.match(path.name) for path in built if HASHED.match(path.name)}
    assert sorted(f"{m['stem']}{Path(name).suffix}" for name, m in named.items()) == sorted(files)
    for name, match in named.items():
        content = (built_site / "assets" / "mdx" / name).read_bytes()
        assert hashlib.sha256(content).hexdigest()[:8] == match["digest"], name
    assert assets.hashed_name("letter.js", "a") != assets.hashed_name("letter.js", "b")


def test_pages_load_our_bundles_by_their_hashed_names(built_site: Path) -> None:
    linked = set()
    for page in built_site.rglob("*.html"):
        linked |= set(re.findall(r"assets/mdx/([\w.-]+\.(?:js|css))", page.read_text("utf-8")))
    files = {path.name for path in (built_site / "assets" / "mdx").iterdir()}
    hashed = {name for name in linked if HASHED.match(name)}
    assert hashed and hashed <= files
    assert "letter.js" not in linked and "letter-form.js" not in linked
