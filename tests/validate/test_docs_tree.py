"""What in docs/ must not be published, made by the tests in temporary copies
(symbolic links and named pipes do not travel well through git): links out
of docs/, dangling links, links to a folder that holds them, named pipes,
and a docs_dir outside the project. Each is an error naming its path; none
is a traceback, and the last good site/ stays as it was."""

from __future__ import annotations

import os
from pathlib import Path

from scripts.__main__ import main
from tests.helpers import built_copy, make_site, run_pipeline
from tests.validate.test_cli import GOOD_PAGE, snapshot
from tests.validate.test_validation_fixtures import run_check


def secret_folder(root: Path) -> Path:
    secret = root / "outside" / "secret"
    secret.mkdir(parents=True)
    (secret / "id_rsa").write_text("-----BEGIN OPENSSH PRIVATE KEY-----\n", "utf-8")
    return secret


def test_every_path_that_must_not_be_published_is_an_error(tmp_path: Path, capsys) -> None:
    secret = secret_folder(tmp_path)
    site = make_site(tmp_path / "site", {"index.md": GOOD_PAGE})
    docs = site / "docs"
    (docs / "secret").symlink_to(secret)
    (docs / "key.txt").symlink_to(secret / "id_rsa")
    (docs / "photo.png").symlink_to("assets/photo.png")
    (docs / "assets").mkdir()
    (docs / "assets" / "all").symlink_to("..")
    (docs / "again").symlink_to("assets")  # inside docs/: published twice, not refused
    os.mkfifo(docs / "notes.md")
    status, output = run_check(site, capsys)
    assert status == 1
    assert output == [
        (
            "docs/assets/all:1: error: is a symbolic link to '..', a folder that holds the "
            "link, so the folder would repeat without end; remove the link"
        ),
        (
            f"docs/key.txt:1: error: is a symbolic link to '{secret / 'id_rsa'}', outside "
            "docs/, and MkDocs would publish what it points to; copy what the site needs into "
            "docs/ and remove the link"
        ),
        (
            "docs/notes.md:1: error: is a named pipe, not a regular file, and cannot be "
            "published; remove it"
        ),
        (
            "docs/photo.png:1: error: is a symbolic link to 'assets/photo.png', which does not "
            "exist (or links lead in a circle); remove the link or restore what it points to"
        ),
        (
            f"docs/secret:1: error: is a symbolic link to '{secret}', outside docs/, and MkDocs "
            "would publish what it points to; copy what the site needs into docs/ and remove "
            "the link"
        ),
        "5 errors, 0 warnings in 5 files",
    ]


def test_links_that_stay_inside_docs_are_published(tmp_path: Path, capsys) -> None:
    site = make_site(tmp_path, {"index.md": GOOD_PAGE.replace("Text.", "![A desk](desk.png)")})
    (site / "docs" / "assets").mkdir()
    (site / "docs" / "assets" / "desk.png").write_bytes(b"\x89PNG")
    (site / "docs" / "desk.png").symlink_to("assets/desk.png")
    assert run_check(site, capsys) == (0, ["docs/ is valid ✅"])


def test_a_link_out_of_docs_is_never_built_and_keeps_the_last_site(
    built_project: Path, tmp_path: Path
) -> None:
    secret = secret_folder(tmp_path)
    project = built_copy(built_project, tmp_path)
    before = snapshot(project / "site")
    (project / "docs" / "secret").symlink_to(secret)
    (project / "docs" / "gone.png").symlink_to("nowhere.png")
    result = run_pipeline("build", cwd=project)
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == [
        (
            "docs/gone.png:1: error: is a symbolic link to 'nowhere.png', which does not "
            "exist (or links lead in a circle); remove the link or restore what it points to"
        ),
        (
            f"docs/secret:1: error: is a symbolic link to '{secret}', outside docs/, and MkDocs "
            "would publish what it points to; copy what the site needs into docs/ and remove "
            "the link"
        ),
    ]
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project / "site") == before


def test_a_docs_dir_outside_the_project_is_a_configuration_error(tmp_path: Path, capsys) -> None:
    secret = secret_folder(tmp_path)
    site = make_site(tmp_path / "site", {"index.md": GOOD_PAGE})
    (site / "docs-link").symlink_to(secret)
    config = site / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("docs_dir: docs", "docs_dir: docs-link"), "utf-8")
    line = text.splitlines().index("docs_dir: docs") + 1
    assert main(["check", "--root", str(site)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        (
            f"mkdocs.yml:{line}: error: Config value 'docs_dir': '{site / 'docs-link'}' leads "
            f"outside {site}, and MkDocs would publish whatever that folder holds; keep the pages "
            "in a folder beside mkdocs.yml, such as `docs_dir: docs`, with no symbolic link "
            "leading elsewhere"
        ),
        "configuration error: fix the above first; nothing was done",
    ]
