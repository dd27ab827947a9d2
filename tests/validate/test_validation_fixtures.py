"""Every fixture under tests/fixtures, run through the command line's entry
point: each bad one prints exactly its expected problems (message and line),
then the count, and exits 1 on errors; each good one passes with exit 0."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from scripts.__main__ import main
from tests.helpers import FIXTURES, copy_fixture, make_site

BAD = sorted(path for path in (FIXTURES / "bad").iterdir() if path.is_dir())
GOOD = sorted(path for path in (FIXTURES / "good").iterdir() if path.is_dir())
PROBLEM = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<level>error|warning): .+$")


def expected_lines(fixture: Path) -> list[str]:
    return (fixture / "expected.txt").read_text(encoding="utf-8").splitlines()


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def expected_summary(lines: list[str]) -> tuple[int, str]:
    """Exit status and closing line the CLI must print for these problem lines."""
    matches = [PROBLEM.match(line) for line in lines]
    assert all(matches), "every expected line is `path:line: level: message`"
    levels = [match["level"] for match in matches]
    files = {match["path"] for match in matches}
    summary = (
        f"{plural(levels.count('error'), 'error')}, {plural(levels.count('warning'), 'warning')}"
        f" in {plural(len(files), 'file')}"
    )
    return (1 if "error" in levels else 0), summary


def run_check(site: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = main(["check", "--root", str(site)])
    return status, capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("fixture", BAD, ids=[path.name for path in BAD])
def test_bad_fixture_reports_exactly_its_problems(
    fixture: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = expected_lines(fixture)
    status, summary = expected_summary(expected)
    assert run_check(copy_fixture(fixture, tmp_path), capsys) == (status, [*expected, summary])


@pytest.mark.parametrize("fixture", GOOD, ids=[path.name for path in GOOD])
def test_good_fixture_passes(
    fixture: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_check(copy_fixture(fixture, tmp_path), capsys) == (0, ["docs/ is valid ✅"])


def strict_build_error(site: Path) -> str | None:
    """Why `mkdocs build --strict` refuses the site, or None if it builds."""
    config = load_config(str(site / "mkdocs.yml"), strict=True, site_dir=str(site / "site"))
    try:
        build(config)
    except Abort as exc:
        return str(exc)
    return None


@pytest.mark.parametrize("fixture", GOOD, ids=[path.name for path in GOOD])
def test_good_fixture_builds_with_mkdocs_strict(fixture: Path, tmp_path: Path) -> None:
    # What the validator passes, MkDocs must build: no surprise at `make build`.
    assert strict_build_error(copy_fixture(fixture, tmp_path)) is None


def test_mkdocs_strict_refuses_a_bad_fixture_too(tmp_path: Path) -> None:
    # The harness above can fail: MkDocs itself refuses a folder link.
    error = strict_build_error(copy_fixture(FIXTURES / "bad" / "folder-link", tmp_path))
    assert error is not None and "strict mode" in error


def test_every_bad_fixture_says_what_it_expects() -> None:
    assert all(expected_lines(fixture) for fixture in BAD)


def test_a_page_over_the_size_cap_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Generated rather than stored: a fixture over 200 KB would bloat the repository.
    page = "---\ntitle: Big\n---\n\n" + "An apology that never ends. " * 40_000
    status, output = run_check(make_site(tmp_path, {"big.md": page}), capsys)
    assert status == 1
    assert output == [
        (
            f"docs/big.md:1: error: page is {len(page.encode()):,} bytes, over the "
            "200,000-byte limit; split it into several pages"
        ),
        "1 error, 0 warnings in 1 file",
    ]


def test_pages_whose_names_differ_only_in_case_clash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Generated: such a pair cannot be checked out on macOS or Windows, which is the point.
    page = "---\ntitle: {}\ndescription: A page whose name differs from another's in case only.\n---\n\nText.\n"
    site = make_site(tmp_path, {"Faq.md": page.format("FAQ one"), "faq.md": page.format("FAQ two")})
    assert run_check(site, capsys) == (
        1,
        [
            (
                "docs/faq.md:1: error: differs from docs/Faq.md only in letter case; they clash on "
                "macOS and Windows and on case-insensitive hosts, so rename one"
            ),
            "1 error, 0 warnings in 1 file",
        ],
    )
