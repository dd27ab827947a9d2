"""Every fixture under tests/fixtures: each bad one fails with exactly its
expected problems (message and line), each good one passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.check import check_site
from tests.helpers import FIXTURES, copy_fixture

BAD = sorted(path for path in (FIXTURES / "bad").iterdir() if path.is_dir())
GOOD = sorted(path for path in (FIXTURES / "good").iterdir() if path.is_dir())


def expected_lines(fixture: Path) -> list[str]:
    return (fixture / "expected.txt").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("fixture", BAD, ids=[path.name for path in BAD])
def test_bad_fixture_reports_exactly_its_problems(fixture: Path, tmp_path: Path) -> None:
    site = copy_fixture(fixture, tmp_path)
    problems = [str(problem) for problem in check_site(site)]
    assert problems == expected_lines(fixture)


@pytest.mark.parametrize("fixture", GOOD, ids=[path.name for path in GOOD])
def test_good_fixture_passes(fixture: Path, tmp_path: Path) -> None:
    site = copy_fixture(fixture, tmp_path)
    assert [str(problem) for problem in check_site(site)] == []


def test_every_bad_fixture_says_what_it_expects() -> None:
    assert all((fixture / "expected.txt").is_file() for fixture in BAD)
