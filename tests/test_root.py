"""`--root` means root: everything a command writes (the site, the generated
assets, every cache) lies under the root it is given, never in the clone
whose code runs it."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT, copy_project

NOT_COPIED = shutil.ignore_patterns("__pycache__", "mdx")  # bytecode; generated assets


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under folder, by path, as the SHA-256 of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def clone(root: Path) -> Path:
    """This clone's sources, code included, and none of what a build generates."""
    for name in ("docs", "overrides", "scripts"):
        shutil.copytree(ROOT / name, root / name, ignore=NOT_COPIED)
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy(ROOT / name, root / name)
    return root


def test_a_build_of_another_clone_leaves_the_running_clone_byte_for_byte_unchanged(
    tmp_path: Path,
) -> None:
    running = clone(tmp_path / "running")
    other = copy_project(tmp_path / "other")
    shutil.rmtree(other / "overrides" / "assets" / "mdx", ignore_errors=True)
    before = snapshot(running)
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "build", "--root", str(other)],
        cwd=running,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert snapshot(running) == before
    # What it wrote, it wrote under the root it was given.
    for made in (
        "site/index.html",
        "overrides/assets/mdx/data.html",
        ".cache/check/pages.pickle",
        ".cache/checker/letter-reports.json",
        ".cache/finish/pages.pickle",
    ):
        assert (other / made).is_file(), made
