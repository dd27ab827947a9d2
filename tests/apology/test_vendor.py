"""compromise, the language library the checker reads sentences with, is
vendored (docs/javascripts/vendor/) so that a machine with only Python builds
the site: the file must be exactly what npm ships for the version pinned in
package.json, with its licence, and the pattern language must know its tags."""

from __future__ import annotations

import json
import os

import pytest

from scripts.apology import engine
from scripts.apology.patterns import TAGS
from tests.helpers import ROOT

VENDOR = ROOT / "docs" / "javascripts" / "vendor"
PACKAGE = ROOT / "node_modules" / "compromise"


def pinned() -> str:
    return json.loads((ROOT / "package.json").read_text("utf-8"))["devDependencies"]["compromise"]


def test_package_json_pins_an_exact_version_and_the_lock_agrees() -> None:
    version = pinned()
    assert version.replace(".", "").isdigit()
    lock = json.loads((ROOT / "package-lock.json").read_text("utf-8"))
    assert lock["packages"]["node_modules/compromise"]["version"] == version
    assert lock["packages"][""]["devDependencies"]["compromise"] == version


def test_the_vendored_file_is_the_pinned_versions_and_the_one_v8_runs() -> None:
    context = engine.checker_for(engine.load_rules())._context
    assert context.eval('mdx.use("apology-nlp").version') == pinned()
    assert f'"{pinned()}"' in (VENDOR / "compromise.js").read_text("utf-8")


def test_the_vendored_file_is_byte_identical_to_npms() -> None:
    if not PACKAGE.is_dir():
        if os.environ.get("CI"):
            pytest.fail("node_modules/ is missing: make test installs it (npm ci)")
        pytest.skip("node_modules/ is not installed (npm ci)")
    assert json.loads((PACKAGE / "package.json").read_text("utf-8"))["version"] == pinned()
    assert (VENDOR / "compromise.js").read_bytes() == (
        PACKAGE / "builds" / "compromise.js"
    ).read_bytes()
    assert (VENDOR / "compromise.LICENSE").read_bytes() == (PACKAGE / "LICENSE").read_bytes()


def test_the_licence_is_mit_and_kept_beside_it() -> None:
    assert (VENDOR / "compromise.LICENSE").read_text("utf-8").startswith("The MIT License")


def test_the_pattern_language_knows_exactly_compromises_tags() -> None:
    context = engine.checker_for(engine.load_rules())._context
    tags = context.eval(
        'JSON.stringify(Object.keys(mdx.use("apology-nlp").world().model.one.tagSet))'
    )
    assert set(json.loads(tags)) == TAGS
