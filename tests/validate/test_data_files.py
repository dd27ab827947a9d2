"""Every data file of scripts/data/ empty, not YAML, with a key twice or of
the wrong shape is one `file:line` error from `make check`, before anything
reads it; `make serve` then does not render (it keeps the last site and
shows the problem in its banner)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts import data_files
from scripts.validate.data_files import data_file_problems, data_text_problems

DATA_FILES = sorted(path.name for path in data_files.DATA_DIR.glob("*.yml"))


def lines(name: str, text: str) -> list[str]:
    return [str(problem) for problem in data_text_problems(name, text)]


def test_the_projects_data_files_pass() -> None:
    assert data_file_problems() == []


@pytest.mark.parametrize("name", DATA_FILES)
@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n"])
def test_an_empty_data_file_is_one_error(name: str, text: str) -> None:
    assert lines(name, text) == [
        f"scripts/data/{name}:1: error: is empty; it must hold the data its comment describes"
    ]


@pytest.mark.parametrize("name", DATA_FILES)
def test_a_data_file_that_is_not_yaml_is_one_error_on_its_line(name: str) -> None:
    (problem,) = lines(name, "a: 1\nb: [1, 2\n")
    assert problem.startswith(f"scripts/data/{name}:3: error: not valid YAML: ")


@pytest.mark.parametrize("name", DATA_FILES)
def test_a_key_written_twice_is_refused_at_any_depth(name: str) -> None:
    assert lines(name, "x:\n  - a: 1\n    b: 2\n    a: 3\n") == [
        (
            f"scripts/data/{name}:4: error: duplicate key 'a' (first on line 2); YAML keeps "
            "only the last one, so remove one of them"
        )
    ]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("bundles.yml", "site.js: 3\n", "site.js: 3 is not valid under any of the given schemas"),
        ("search-words.yml", "synonyms: {}\neverywhere: [a]\n", "synonyms: {} should be non-empty"),
        ("unfinished.yml", "markers:\n", "markers: None is not of type 'array'"),
        ("csp.yml", "policy: {img-src: \"'self' {hosts}\"}\nengine_hashes: {}\n", "does not match"),
        (
            "csp.yml",
            "policy: {img-src: \"'self'; script-src *\"}\nengine_hashes: {}\n",
            "does not match",
        ),
        ("html-fixes.yml", "- tag: label\n", "'drop' is a required property"),
        ("critical-css.yml", "reader_states: [hover]\n", "is a required property"),
        ("tags.yml", "billing: <b>Billing</b>\n", "HTML (`<b`) would show as typed"),
        ("frontmatter.schema.yml", "kinds: []\n", "is a required property"),
    ],
)
def test_a_data_file_of_the_wrong_shape_is_an_error(name: str, text: str, expected: str) -> None:
    found = lines(name, text)
    assert found and all(line.startswith(f"scripts/data/{name}:") for line in found)
    assert expected in " ".join(found)


def test_a_data_file_that_breaks_stops_make_serve_from_rendering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from scripts.serve.dev_server import DevSite

    data = tmp_path / "data"
    shutil.copytree(data_files.DATA_DIR, data)
    (data / "bundles.yml").write_text("", "utf-8")
    monkeypatch.setattr(data_files, "DATA_DIR", data)
    root = Path(__file__).resolve().parents[2]
    site = DevSite(root, root / "mkdocs.yml", None, tmp_path / "site")  # type: ignore[arg-type]
    site.serve_url = "http://127.0.0.1:1/"
    banner, renderable = site.check()
    assert (banner, renderable) == ("1 problem in docs/: see the terminal", False)
