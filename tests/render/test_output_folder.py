"""An output folder is only ever a build: `--site-dir` refuses the project,
folders that hold it or its sources, and any existing folder a build did not
write (exit 2, one line, nothing removed); a failed build removes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.render.output_folder import MARKER, mark, refusal
from tests.helpers import copy_project, run_pipeline


@pytest.fixture(name="project")
def fixture_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("text", "utf-8")
    (project / "mkdocs.yml").write_text("site_name: x\n", "utf-8")
    return project


def refused(project: Path, site_dir: Path, default: bool = False) -> str | None:
    return refusal(site_dir, project, project / "mkdocs.yml", project / "docs", default)


@pytest.mark.parametrize(
    ("folder", "reason"),
    [
        ("docs", "is or holds the docs folder"),
        (".", "is the project"),
        ("..", "is the project"),
        ("/", "is the project"),
        ("docs/..", "is the project"),
        ("docs/new-site", "is inside the docs folder"),
        ("docs/assets/../built", "is inside the docs folder"),
        (".git/site", "is inside the .git folder"),
    ],
)
def test_the_project_and_its_sources_are_refused(project: Path, folder: str, reason: str) -> None:
    assert reason in refused(project, project / folder)


def test_a_folder_holding_a_repository_is_refused(project: Path) -> None:
    (project / "clone" / ".git").mkdir(parents=True)
    (project / "clone" / ".mdx-build").write_text("", "utf-8")  # even a marked one
    assert "holds a .git repository" in refused(project, project / "clone")


def test_a_folder_a_build_did_not_write_is_refused(project: Path) -> None:
    (project / "notes").mkdir()
    (project / "notes" / "todo.txt").write_text("keep me", "utf-8")
    assert f"it has no {MARKER}" in refused(project, project / "notes")
    (project / "file").write_text("x", "utf-8")
    assert "is a file" in refused(project, project / "file")


def test_a_symbolic_link_is_refused(project: Path, tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    mark(tmp_path / "elsewhere")
    (project / "site").symlink_to(tmp_path / "elsewhere")
    assert "symbolic link" in refused(project, project / "site")


def test_a_new_empty_or_previously_built_folder_is_accepted(project: Path) -> None:
    assert refused(project, project / "site") is None
    (project / "site").mkdir()
    assert refused(project, project / "site") is None
    (project / "site" / "index.html").write_text("old", "utf-8")
    assert refused(project, project / "site") is not None
    mark(project / "site")
    assert refused(project, project / "site") is None


def test_an_unmarked_build_of_the_default_folder_is_taken_as_a_build(project: Path) -> None:
    """Builds made before builds were marked: index.html and 404.html."""
    site = project / "site"
    site.mkdir()
    for name in ("index.html", "404.html"):
        (site / name).write_text("old", "utf-8")
    assert refused(project, site, default=True) is None
    assert refused(project, site, default=False) is not None


def snapshot(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*")}


@pytest.mark.parametrize("command", ["build", "build-zensical"])
def test_building_into_the_docs_folder_is_refused_and_removes_nothing(
    tmp_path: Path, command: str
) -> None:
    project = copy_project(tmp_path)
    before = snapshot(project)
    result = run_pipeline(
        command, "--site-dir", str(project / "docs"), "--zensical", "/bin/false", cwd=project
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "is or holds the docs folder" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project) == before


def test_a_failed_zensical_build_leaves_the_previous_build_as_it_was(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    site = project / "out"
    site.mkdir()
    mark(site)
    (site / "index.html").write_text("the previous build", "utf-8")
    result = run_pipeline(
        "build-zensical", "--site-dir", str(site), "--zensical", "/bin/false", cwd=project
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert (site / "index.html").read_text("utf-8") == "the previous build"
    assert not list(project.glob(".site-staging-*")) and not (project / ".zensical.yml").exists()
