"""Valid HTML: the Nu HTML checker (vnu-jar, pinned in package.json, run with
Java) reports no error on any built page, MkDocs' or Zensical's; and the
post-build fixes (scripts/data/html-fixes.yml) rewrite only the tags their
rules name, leaving every other byte as rendered."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from scripts.render.valid_html import valid_html
from tests.helpers import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Java's quick compiler alone: a run of a few seconds never repays the
# optimising one, which took 2.5 times the CPU for the same answer. Its deeper
# frames need a larger stack than the checker's own 512 KB minimum.
JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-Xss4m"]


def nu_checker() -> list[str]:
    """The command that runs the Nu checker; a skip (a failure under CI=true) without it."""
    java = shutil.which("java")
    missing = None
    if java is None:
        missing = "java is missing: apt-get install -y default-jre-headless (.ci/run does)"
    elif not VNU.is_file():
        missing = f"{VNU.relative_to(ROOT)} is missing: `make test` installs it (npm ci)"
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(missing)
        pytest.skip(missing)
    return [java, *JAVA_OPTIONS, "-jar", str(VNU), "--errors-only", "--format", "gnu"]


def nu_errors(site: Path) -> list[str]:
    """One line per error the Nu checker finds in the site's pages: `file:line.col: error: ...`."""
    pages = sorted(str(page) for page in site.rglob("*.html"))
    result = subprocess.run(
        [*nu_checker(), *pages], capture_output=True, text=True, timeout=600, check=False
    )
    lines = (result.stdout + result.stderr).splitlines()
    return [line.replace(str(site), site.name) for line in lines if line.strip()]


def test_the_nu_checker_finds_no_error_in_any_page_mkdocs_builds(built_site: Path) -> None:
    assert len(list(built_site.rglob("*.html"))) >= 15
    assert nu_errors(built_site) == []


def test_the_nu_checker_finds_no_error_in_any_page_zensical_builds(zensical_site: Path) -> None:
    assert nu_errors(zensical_site) == []


def test_an_empty_tabindex_and_a_toggles_autocomplete_are_dropped() -> None:
    page = (
        '<nav>\n  <label class="md-nav__link" for="__nav_3" id="__nav_3_label" tabindex="">\n'
        '  <input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">\n'
        '  <input type="text" autocomplete="off" data-x="a &amp; b">\n'
        '  <label for="__nav_4" tabindex="0">\n</nav>'
    )
    assert valid_html(page) == (
        '<nav>\n  <label class="md-nav__link" for="__nav_3" id="__nav_3_label">\n'
        '  <input class="md-toggle" type="checkbox" id="__drawer">\n'
        '  <input type="text" autocomplete="off" data-x="a &amp; b">\n'
        '  <label for="__nav_4" tabindex="0">\n</nav>'
    )


def test_a_page_without_such_tags_is_left_byte_for_byte() -> None:
    page = (
        "<!doctype html>\n<p title='a'>Text &amp; <b>more</b></p>\n<script>if (a<b) {}</script>\n"
    )
    assert valid_html(page) is page
