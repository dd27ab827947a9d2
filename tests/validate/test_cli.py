"""The pipeline as authors run it: output format, exit codes, and a build
that never leaves a half-written site/."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.helpers import built_copy, copy_project, make_site, run_pipeline

GOOD_PAGE = (
    "---\ntitle: A page\ndescription: A small page that exists so the validator has "
    "something valid to read.\n---\n\nText.\n"
)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under folder with a hash of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_check_reports_every_problem_sorted_then_a_count(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {
            "b.md": "---\ntitle: B\n---\n\n[x](missing.md)\n",
            "a.md": GOOD_PAGE.replace("Text.", "[Read](http://example.com)"),
        },
    )
    result = run_pipeline("check", cwd=site)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "docs/a.md:6: error: 'http://example.com' is not encrypted; use https://",
        (
            "docs/b.md:1: error: front matter is missing required field 'description' "
            "(One-sentence summary, used as the page's meta description.)"
        ),
        (
            "docs/b.md:5: error: link 'missing.md' points to 'missing.md', which does not exist "
            "in docs/; fix the link or create the page"
        ),
        "3 errors, 0 warnings in 2 files",
    ]
    assert "Traceback" not in result.stderr


def test_check_passes_a_valid_site(tmp_path: Path) -> None:
    result = run_pipeline("check", cwd=make_site(tmp_path, {"index.md": GOOD_PAGE}))
    assert (result.returncode, result.stdout.strip()) == (0, "docs/ is valid ✅")


def test_check_without_a_config_is_a_usage_error(tmp_path: Path) -> None:
    result = run_pipeline("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "no MkDocs configuration" in result.stderr


def test_check_writes_nothing_but_its_cache(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"index.md": GOOD_PAGE})
    before = snapshot(site)
    assert run_pipeline("check", cwd=site).returncode == 0
    after = snapshot(site)
    assert sorted(after.keys() - before.keys()) == [".cache/check/pages.pickle"]
    assert {name: after[name] for name in before} == before


def test_build_renders_the_site(built_project: Path) -> None:
    project = built_project
    assert (project / "site" / "letters" / "billing-error" / "index.html").is_file()
    assert sorted(path.name for path in project.iterdir()) == [
        ".cache",
        "docs",
        "mkdocs.yml",
        "overrides",
        "site",
    ]


def test_failed_validation_keeps_the_last_good_site(built_project: Path, tmp_path: Path) -> None:
    project = built_copy(built_project, tmp_path)
    before = snapshot(project / "site")
    tips = project / "docs" / "tips.md"
    tips.write_text(tips.read_text(encoding="utf-8") + "\n[broken](#nowhere)\n", "utf-8")
    result = run_pipeline("build", cwd=project)
    assert result.returncode == 1
    assert "docs/tips.md:" in result.stdout and "'#nowhere'" in result.stdout
    assert snapshot(project / "site") == before


def test_failed_render_keeps_the_last_good_site_and_no_leftovers(
    built_project: Path, tmp_path: Path
) -> None:
    project = built_copy(built_project, tmp_path)
    before = snapshot(project / "site")
    # Valid Markdown, broken template: only MkDocs itself can fail here.
    (project / "overrides" / "main.html").write_text("{% extends 'base.html' %}{% block", "utf-8")
    result = run_pipeline("build", cwd=project)
    assert result.returncode == 1
    assert "site/ was left as it was" in result.stdout
    assert snapshot(project / "site") == before
    assert not [path for path in project.iterdir() if path.name.startswith(".site-")]


def test_a_broken_mkdocs_yml_is_a_configuration_error_without_traceback(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"index.md": GOOD_PAGE})
    (site / "mkdocs.yml").write_text("site_name: Guide\nnav: [index.md\n", "utf-8")
    result = run_pipeline("check", cwd=site)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines()[0].startswith(
        "mkdocs.yml:3: error: MkDocs encountered an error parsing the configuration file"
    )
    assert "Traceback" not in result.stderr


def test_a_setting_mkdocs_does_not_know_is_a_configuration_error(tmp_path: Path) -> None:
    # MkDocs only warns, but the strict build stops on it: say so before the build.
    site = make_site(tmp_path, {"index.md": GOOD_PAGE})
    config = site / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "site_auther: Sam\n", "utf-8")
    lines = config.read_text("utf-8").count("\n")
    result = run_pipeline("check", cwd=site)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        f"mkdocs.yml:{lines}: error: Config value 'site_auther': Unrecognised configuration "
        "name: site_auther"
    )


def test_a_configuration_error_keeps_the_last_good_site(
    built_project: Path, tmp_path: Path
) -> None:
    project = built_copy(built_project, tmp_path)
    before = snapshot(project / "site")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("docs_dir: docs", "docs_dir: gone"), "utf-8"
    )
    result = run_pipeline("build", cwd=project)
    assert result.returncode == 2
    assert "Config value 'docs_dir'" in result.stderr
    assert snapshot(project / "site") == before
    assert not [path for path in project.iterdir() if path.name.startswith(".site-")]


def test_check_of_the_whole_project_writes_nothing_but_its_cache(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    before = snapshot(project)
    assert run_pipeline("check", cwd=project).returncode == 0
    after = snapshot(project)
    assert sorted(after.keys() - before.keys()) == [".cache/check/pages.pickle"]
    assert {name: after[name] for name in before} == before
