"""The labels of scripts/data/ are plain text too: tags.yml, placeholders.yml,
the editor's questions and the checker's rules refuse markup with the line
of the value, and a data file that cannot be read is one clean error, never
a traceback. Also what counts as markup in a plain-text field."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts import data_files
from scripts.__main__ import main
from scripts.validate.apology_rules import apology_rules_problems
from scripts.validate.guidance import guidance_problems
from scripts.validate.plain_text import markup_in
from scripts.validate.registries import REGISTRIES, registry_problems
from tests.helpers import ROOT, make_site
from tests.validate.test_cli import GOOD_PAGE


def data_text(name: str) -> str:
    return (ROOT / "scripts" / "data" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", REGISTRIES)
def test_the_registries_are_valid(name: str) -> None:
    assert registry_problems(data_text(name), name) == []


def test_markup_in_a_tag_label_is_refused_on_its_line() -> None:
    text = "deadline: Delays\nbilling: '<img src=x onerror=alert(1)>'\nBad Key: Odd\n"
    assert [str(problem) for problem in sorted(registry_problems(text, "tags.yml"))] == [
        (
            "scripts/data/tags.yml:2: error: 'billing' is plain text, shown exactly as written, "
            "so HTML (`<img`) would show as typed; remove the markup"
        ),
        (
            "scripts/data/tags.yml:3: error: tag 'Bad Key' must be lower-case words joined by "
            "hyphens, e.g. 'late-delivery'"
        ),
    ]


def test_markup_in_a_placeholder_is_refused_on_its_line() -> None:
    text = (
        "- name: Client's Name\n"
        "  label: <script>alert(1)</script>\n"
        "  example: Ms&nbsp;Rivera\n"
        "- name: Your Name\n"
        "  label: Your name\n"
    )
    assert [str(problem) for problem in sorted(registry_problems(text, "placeholders.yml"))] == [
        (
            "scripts/data/placeholders.yml:2: error: '[0].label' is plain text, shown exactly as "
            "written, so HTML (`<script`) would show as typed; remove the markup"
        ),
        (
            "scripts/data/placeholders.yml:3: error: '[0].example' is plain text, shown exactly "
            "as written, so the character reference `&nbsp;` would show as typed; write the "
            "character itself (U+00A0)"
        ),
        ("scripts/data/placeholders.yml:4: error: [1]: 'example' is a required property; add it"),
    ]


def test_markup_in_the_editors_questions_is_refused_on_its_line() -> None:
    text = data_text("guidance.yml").replace(
        "hint: Give a day, then keep it.", "hint: Give a day, <b>then</b> keep it.", 1
    )
    line = text.splitlines().index("  hint: Give a day, <b>then</b> keep it.") + 1
    assert [str(problem) for problem in guidance_problems(text, None)] == [
        (
            f"scripts/data/guidance.yml:{line}: error: '[3].hint' is plain text, shown exactly "
            "as written, so HTML (`<b`) would show as typed; remove the markup"
        )
    ]


def test_markup_in_the_checkers_messages_is_refused_on_its_line() -> None:
    text = data_text("checker-rules.yml").replace(
        "findings: Phrases to rethink", "findings: Phrases to &lt;rethink&gt;", 1
    )
    line = text.splitlines().index("    findings: Phrases to &lt;rethink&gt;") + 1
    assert [str(problem) for problem in apology_rules_problems(text, None)] == [
        (
            f"scripts/data/checker-rules.yml:{line}: error: 'report.headings.findings' is plain "
            "text, shown exactly as written, so the character reference `&lt;` would show as "
            "typed; write the character itself ('<')"
        )
    ]


@pytest.mark.parametrize(
    "text",
    ["Q&A", "R&D; AT&T", "a < b", "<3", "5 <= 6", "&copy 2024", "“quotes” and 'quotes'", "tab\tok"],
)
def test_text_that_only_looks_like_markup_is_text(text: str) -> None:
    assert markup_in(text) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("a <b>bold</b> word", "<b"),
        ("</script>", "</script"),
        ("<!-- note -->", "<!--"),
        ("<?php", "<?php"),
        ("Q&amp;A", "&amp;"),
        ("&#60;", "&#60;"),
        ("&#x3c", "&#x3c"),
        ("a\x00b", "\x00"),
        ("a\x85b", "\x85"),
    ],
)
def test_markup_is_what_an_html_parser_reads_as_markup(text: str, found: str) -> None:
    markup = markup_in(text)
    assert markup is not None and markup.text == found


def broken_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> Path:
    """A site, checked against a copy of scripts/data/ whose file `name` holds text."""
    data = tmp_path / "data"
    shutil.copytree(data_files.DATA_DIR, data)
    (data / name).write_text(text, "utf-8")
    monkeypatch.setattr(data_files, "DATA_DIR", data)
    data_files.load.cache_clear()
    return make_site(tmp_path / "site", {"index.md": GOOD_PAGE})


@pytest.fixture(name="fresh_data", autouse=True)
def fixture_fresh_data() -> Iterator[None]:
    yield
    data_files.load.cache_clear()  # forget what a test read from its copy


def test_a_broken_registry_comes_first_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = broken_data(tmp_path, monkeypatch, "tags.yml", "deadline: [Delays\nbilling: B\n")
    assert main(["check", "--root", str(site)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        (
            "scripts/data/tags.yml:2: error: not valid YAML: expected ',' or ']', but got ':'; "
            "check the quotes, brackets and indentation"
        ),
        "1 error, 0 warnings in 1 file",
    ]


def test_an_unreadable_data_file_stops_the_check_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Any data file, not only a registry: checked before the pages."""
    site = broken_data(tmp_path, monkeypatch, "unsafe_html.yml", "tags: [script\n")
    assert main(["check", "--root", str(site)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        (
            "scripts/data/unsafe_html.yml:2: error: not valid YAML: expected ',' or ']', but "
            "got '<stream end>'; check the quotes, brackets and indentation"
        ),
        "1 error, 0 warnings in 1 file",
    ]
