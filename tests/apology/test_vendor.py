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


# What the engine reads of a term: compromise's own, then the tags.
TERMS = """(text) => JSON.stringify(nlp(text).compute("root").docs.flat().map((t) =>
  [t.text, t.pre, t.post, t.normal, t.implicit ?? null, t.root ?? null, [...t.tags].sort()]))"""


def tags_of(texts: list[str], with_our_sweep: bool) -> list[str]:
    """Each text's terms as compromise tags it, alone, with or without the
    faster sweep that apology-nlp.js (and the matcher of apology-nlp-match.js)
    puts in."""
    from py_mini_racer import MiniRacer

    context = MiniRacer()
    try:
        context.eval(
            "var window = globalThis, self = globalThis, modules = {},"
            " mdx = {module: (n, d, f) => (modules[n] = f(...d.map((m) => modules[m])))};"
        )
        context.eval((VENDOR / "compromise.js").read_text("utf-8"))
        if with_our_sweep:  # the module hands nlp back and takes it off the global object
            context.eval(
                (ROOT / "docs" / "javascripts" / "checker" / "apology-nlp-match.js").read_text(
                    "utf-8"
                )
            )
            context.eval(
                "globalThis.nlp = "
                + (ROOT / "docs" / "javascripts" / "checker" / "apology-nlp.js").read_text("utf-8")
            )
        context.eval(f"var terms = {TERMS};")
        return [context.call("terms", text) for text in texts]
    finally:
        context.close()


def test_our_sweep_of_compromise_tags_every_word_as_its_own() -> None:
    from scripts.bench.drafts import SHAPES
    from tests.apology import corpus

    texts = [s.text for part in corpus.PARTS for s in corpus.statements(part)]
    texts += [make(4_000) for make in SHAPES.values()]
    assert tags_of(texts, with_our_sweep=True) == tags_of(texts, with_our_sweep=False)
