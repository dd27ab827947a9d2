"""What the README says of exit statuses through make: make itself exits 2
whenever a command fails, and its last line names the command's own status,
"Error 1" for problems to fix, "Error 2" for a command that could not run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, make_site

BAD_PAGE = "---\ntitle: A page\n---\n\nText.\n"


def make(target: str, site: Path, *variables: str) -> subprocess.CompletedProcess[str]:
    """`make TARGET` on site: the pipeline pointed at it, nothing installed."""
    pipeline = f"{sys.executable} -m scripts --root {site}"
    command = ["make", "-C", str(ROOT), "--no-print-directory", target]
    command += ["RUN_STAMP=", f"PIPELINE={pipeline}", *variables]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize(
    ("target", "variables", "status"),
    [("check", (), 1), ("new-letter", ("SLUG=Bad_Name",), 2)],
    ids=["problems", "could-not-run"],
)
def test_make_exits_2_and_names_the_commands_status(
    tmp_path: Path, target: str, variables: tuple[str, ...], status: int
) -> None:
    site = make_site(tmp_path, {"index.md": BAD_PAGE})
    result = make(target, site, *variables)
    assert result.returncode == 2
    assert result.stderr.rstrip().endswith(f"] Error {status}")


def test_make_check_passes_a_valid_site(tmp_path: Path) -> None:
    page = BAD_PAGE.replace("title: A page\n", "title: A page\ndescription: " + "x" * 60 + ".\n")
    result = make("check", make_site(tmp_path, {"index.md": page}))
    assert (result.returncode, result.stdout.splitlines()[-1]) == (0, "docs/ is valid ✅")


@pytest.mark.parametrize(
    ("target", "variable"),
    [
        ("new-letter", 'SLUG=a$1"b`touch pwned`$$(touch pwned)'),
        ("new-letter", "SLUG=--help"),
        ("check-letter", 'FILE=x"; touch pwned; echo "$1'),
        ("check-letter", "FILE=--help"),
    ],
)
def test_make_passes_slug_and_file_as_typed_never_to_the_shell(
    tmp_path: Path, target: str, variable: str
) -> None:
    site = make_site(tmp_path, {"index.md": BAD_PAGE})
    result = make(target, site, variable)
    typed = variable.split("=", 1)[1]
    assert result.returncode == 2, result.stdout + result.stderr
    assert typed in result.stderr.splitlines()[0].encode().decode("unicode_escape")
    assert "usage:" not in result.stdout + result.stderr
    assert not (ROOT / "pwned").exists() and not (site / "pwned").exists()
