"""The check's content-hash cache: a repeated check reads nothing again, and
any change that can alter a page's result (the page, mkdocs.yml, the data
files, the installed packages) makes it read and render that page again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import scripts.validate.docs
from scripts import data_files
from scripts.project.config import site_config
from scripts.validate import cache
from scripts.validate.docs import docs_problems
from tests.helpers import make_site

PAGE = (
    "---\ntitle: {title}\ndescription: A small page that exists so the validator has "
    "something valid to read.\n---\n\n## Custom heading {{#custom}}\n\n[Jump](#custom)\n"
)


@pytest.fixture(name="reads")
def fixture_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages docs_problems reads from scratch (not from the cache), by path."""
    reads: list[str] = []
    original = scripts.validate.docs.read_page

    def counting(file: Path, path: str, url_path: str) -> object:
        reads.append(path)
        return original(file, path, url_path)

    monkeypatch.setattr(scripts.validate.docs, "read_page", counting)
    return reads


@pytest.fixture(name="site")
def fixture_site(tmp_path: Path) -> Path:
    return make_site(tmp_path, {"a.md": PAGE.format(title="A"), "b.md": PAGE.format(title="B")})


def test_a_repeated_check_reads_no_page_again(site: Path, reads: list[str]) -> None:
    first = docs_problems(site)
    assert sorted(reads) == ["docs/a.md", "docs/b.md"]
    reads.clear()
    assert docs_problems(site) == first == []
    assert reads == []


def test_a_changed_page_alone_is_read_again_and_its_problem_found(
    site: Path, reads: list[str]
) -> None:
    docs_problems(site)
    reads.clear()
    page = site / "docs" / "b.md"
    page.write_text(page.read_text("utf-8").replace("(#custom)", "(#gone)"), "utf-8")
    problems = docs_problems(site)
    assert reads == ["docs/b.md"]
    assert [(problem.path, problem.line) for problem in problems] == [("docs/b.md", 8)]
    assert "'#gone'" in problems[0].message


def test_a_changed_mkdocs_yml_renders_every_page_again(site: Path, reads: list[str]) -> None:
    assert docs_problems(site) == []
    reads.clear()
    # Without attr_list, `{#custom}` is no longer an id, so both links break.
    config = site / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("- attr_list\n", ""), "utf-8")
    problems = docs_problems(site)
    assert sorted(reads) == ["docs/a.md", "docs/b.md"]
    assert sorted(problem.path for problem in problems) == ["docs/a.md", "docs/b.md"]


def test_a_corrupt_cache_file_is_ignored_and_replaced(site: Path, reads: list[str]) -> None:
    docs_problems(site)
    cache_file = site / cache.CACHE_FILE
    cache_file.write_bytes(b"not a pickle")
    reads.clear()
    assert docs_problems(site) == []
    assert len(reads) == 2
    reads.clear()
    docs_problems(site)
    assert reads == []


def test_a_renamed_page_is_not_answered_from_its_old_name(site: Path, reads: list[str]) -> None:
    docs_problems(site)
    (site / "docs" / "b.md").rename(site / "docs" / "c.md")
    reads.clear()
    assert docs_problems(site) == []
    assert reads == ["docs/c.md"]


@pytest.fixture(name="key_of")
def fixture_key_of(site: Path):
    config_file = site / "mkdocs.yml"
    return lambda: cache.context_key(config_file, site_config(config_file))


def test_a_changed_data_file_changes_every_key(
    key_of, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    shutil.copytree(data_files.DATA_DIR, data)
    monkeypatch.setattr(data_files, "DATA_DIR", data)
    before = key_of()
    assert key_of() == before  # the same inputs, the same key
    rules = data / "unsafe_html.yml"
    rules.write_text(rules.read_text("utf-8") + "\n# one more line\n", "utf-8")
    assert key_of() != before


def test_another_package_version_changes_every_key(key_of, monkeypatch: pytest.MonkeyPatch) -> None:
    before = key_of()
    installed = cache.installed_distributions()
    changed = [name.replace("markdown-", "markdown-0.") for name in installed]
    assert changed != installed
    monkeypatch.setattr(cache, "installed_distributions", lambda: changed)
    assert key_of() != before


def test_snippets_turn_the_cache_off(site: Path) -> None:
    config = site_config(site / "mkdocs.yml")
    config["markdown_extensions"].append("pymdownx.snippets")
    assert cache.PageCache.open(site, config).file is None


def test_a_changed_module_in_a_package_changes_every_key(
    key_of, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = tmp_path / "scripts"
    shutil.copytree(cache.SCRIPTS_DIR, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "SCRIPTS_DIR", code)
    before = key_of()
    module = code / "project" / "render.py"
    module.write_text(module.read_text("utf-8") + "\n# one more line\n", "utf-8")
    assert key_of() != before


def test_npm_folders_a_bench_installs_are_not_hashed(tmp_path: Path) -> None:
    (tmp_path / "bench" / "node_modules" / "lib").mkdir(parents=True)
    (tmp_path / "bench" / "node_modules" / "lib" / "index.js").write_text("x", "utf-8")
    (tmp_path / "bench" / "dist").mkdir()
    (tmp_path / "bench" / "dist" / "bundle.js").write_text("x", "utf-8")
    (tmp_path / "bench" / "compare.mjs").write_text("x", "utf-8")
    assert cache.files_under(tmp_path) == [tmp_path / "bench" / "compare.mjs"]
