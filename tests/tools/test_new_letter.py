"""`make new-letter SLUG=...`: the scaffolded page passes `make check`, is
listed in the nav, files the letter under a situation the other letters use,
and a bad or taken name is a usage error (exit 2). Always on a copy of the
project, under a name no maintainer would pick."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from scripts.project.nav import nav_paths
from scripts.tools.new_letter import NewLetter, add_to_index, add_to_nav
from tests.helpers import LETTER_PAGES, ROOT, copy_project, meta, run_pipeline

SLUG = "zz-scaffold-test-qx"  # never a real letter's name
PAGE = f"docs/letters/{SLUG}.md"


@pytest.fixture(name="project", scope="module")
def fixture_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with a new letter scaffolded into it."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = run_pipeline("new-letter", SLUG, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    project.joinpath("output.txt").write_text(result.stdout, "utf-8")
    return project


def test_the_unfinished_letter_fails_the_check_at_each_guidance_line(project: Path) -> None:
    result = run_pipeline("check", cwd=project)
    lines = (project / PAGE).read_text("utf-8").splitlines()
    marked = [number for number, line in enumerate(lines, 1) if "TODO:" in line]
    reported = [line.split(":")[1] for line in result.stdout.splitlines()[:-1]]
    assert result.returncode == 1
    assert len(marked) >= 3 and reported == [str(number) for number in marked]
    assert all(": error: unfinished: 'TODO: " in line for line in result.stdout.splitlines()[:-1])
    assert result.stdout.splitlines()[-1] == f"{len(marked)} errors, 0 warnings in 1 file"


def test_the_new_letter_passes_the_check_once_its_guidance_is_replaced(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    assert run_pipeline("new-letter", SLUG, cwd=project).returncode == 0
    page = project / PAGE
    page.write_text(page.read_text("utf-8").replace("TODO: ", ""), "utf-8")
    result = run_pipeline("check", cwd=project)
    assert (result.returncode, result.stdout.strip()) == (0, "docs/ is valid ✅")


def test_the_unfinished_letter_is_never_built(project: Path) -> None:
    result = run_pipeline("build", cwd=project)
    assert result.returncode == 1
    assert not (project / "site").exists()


def test_the_new_letter_has_its_front_matter_and_one_letter_block(project: Path) -> None:
    text = (project / PAGE).read_text("utf-8")
    assert text.startswith('---\ntitle: "Apology Letter for Zz Scaffold Test Qx"\n')
    assert text.count("/// html | div.mdx-letter\n") == 1
    assert "Dear [Client's Name]," in text and "[Your Name]\n///" in text


def test_the_scaffold_files_the_letter_under_a_situation_of_the_other_letters(
    project: Path,
) -> None:
    """An unchanged scaffold adds no filter to the letters index: its tag is one
    the example letters already use (a home-page topic would add one)."""
    scaffold = yaml_load((project / PAGE).read_text("utf-8").split("---")[1])
    situations = {tag for name in LETTER_PAGES for tag in meta(name)["tags"]}
    assert scaffold["tags"] and set(scaffold["tags"]) <= situations


def test_the_new_letter_is_in_the_nav_after_the_other_letters(project: Path) -> None:
    config = yaml_load((project / "mkdocs.yml").read_text("utf-8"))
    letters = [path for path in nav_paths(config["nav"]) if path.startswith("letters/")]
    assert letters[-1] == f"letters/{SLUG}.md"


def test_the_author_is_told_what_was_done_and_what_is_next(project: Path) -> None:
    output = project.joinpath("output.txt").read_text("utf-8").splitlines()
    assert output[0] == f"created {PAGE}"
    assert "added it to the nav in mkdocs.yml" in output
    assert output[-1].startswith("next: replace each guidance sentence marked TODO:")


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        (SLUG, f"error: {PAGE} already exists"),
        ("Late_Delivery", "error: 'Late_Delivery' cannot name a letter"),
        ("", "error: give the new letter a name: make new-letter SLUG=late-delivery"),
        ("a" * 51, "characters long; keep the name to 50"),
    ],
)
def test_a_taken_or_bad_name_is_a_usage_error(project: Path, slug: str, message: str) -> None:
    before = (project / "mkdocs.yml").read_bytes()
    result = run_pipeline("new-letter", slug, cwd=project)
    assert (result.returncode, result.stdout) == (2, "")
    assert message in result.stderr
    assert (project / "mkdocs.yml").read_bytes() == before


def test_a_nav_without_letters_is_left_alone(tmp_path: Path) -> None:

    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nnav:\n  - Home: index.md\n", "utf-8")
    assert not add_to_nav(config, NewLetter("late-delivery"))
    assert config.read_text("utf-8") == "site_name: x\nnav:\n  - Home: index.md\n"


def test_a_hand_written_letters_list_gets_the_new_letter(tmp_path: Path) -> None:

    index = tmp_path / "index.md"
    index.write_text("Intro.\n\n- [Billing error](billing-error.md): Use it when...\n", "utf-8")
    assert add_to_index(index, NewLetter("late-delivery"), "Use it when it is late.")
    assert index.read_text("utf-8").splitlines()[-1] == (
        "- [Late delivery](late-delivery.md): Use it when it is late."
    )


def new_letter(project: Path, slug: str) -> subprocess.CompletedProcess[str]:
    """`python -m scripts new-letter -- SLUG`, as the Makefile runs it."""
    command = [sys.executable, "-m", "scripts", "--root", str(project), "new-letter", "--", slug]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def letter_files(project: Path) -> set[str]:
    return {path.name for path in (project / "docs" / "letters").iterdir()}


@pytest.mark.parametrize(
    "slug", ["trail\n", "late-delivery\n", "\nlate", "late\u202edelivery", "--help", "a/../../b"]
)
def test_a_name_that_is_not_wholly_a_slug_writes_nothing(project: Path, slug: str) -> None:
    before = letter_files(project), (project / "mkdocs.yml").read_bytes()
    result = new_letter(project, slug)
    assert (result.returncode, result.stdout) == (2, "")
    assert "cannot name a letter" in result.stderr and result.stderr.count("\n") == 1
    assert (letter_files(project), (project / "mkdocs.yml").read_bytes()) == before


@pytest.mark.parametrize("dangling", [True, False])
def test_a_symbolic_link_in_the_pages_place_is_never_written_through(
    tmp_path: Path, dangling: bool
) -> None:
    project = copy_project(tmp_path / "project")
    outside = tmp_path / "outside.md"
    if not dangling:
        outside.write_text("someone else's file", "utf-8")
    (project / "docs" / "letters" / "zz-linked.md").symlink_to(outside)
    result = new_letter(project, "zz-linked")
    assert result.returncode == 2 and "is a symbolic link" in result.stderr
    assert "Traceback" not in result.stderr
    assert outside.exists() is not dangling or outside.read_text("utf-8") == "someone else's file"


def test_a_letters_folder_that_links_elsewhere_is_not_written_into(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    letters = project / "docs" / "letters"
    elsewhere = tmp_path / "elsewhere"
    letters.rename(elsewhere)
    letters.symlink_to(elsewhere)
    before = {path.name for path in elsewhere.iterdir()}
    result = new_letter(project, "zz-elsewhere")
    assert result.returncode == 2 and "symbolic link" in result.stderr
    assert {path.name for path in elsewhere.iterdir()} == before
