"""URLs and one-line fields are parsed, not pattern-matched: an address's
host is a plain host name; control, bidi and other invisible characters are
refused in addresses, one-line fields and file names under docs/; a line
break in `subject` is refused; duplicate titles are compared as read."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.problems import printable
from scripts.validate.front_matter import comparable
from scripts.validate.plain_text import LINE_BREAK_KIND, markup_in, url_problem
from tests.helpers import make_site, run_pipeline


@pytest.mark.parametrize(
    "url",
    [
        "https://images.unsplash.com;script-src-elem/x",
        "https://images.unsplash.com%3Bscript-src/x",
        "https://images.unsplash.com:443/x",
        "https://user@images.unsplash.com/x",
        "https://images.unsplash.com/\u202ex",
        "https://images.unsplash.com/\u200bx",
        "https://images.unsplash.com/x\ny",
        "https://images.unsplash.com/a b",
        "https://images.unsplash.com/a`b",
        "https://localhost/x",
        "https://images.unsplash.com./x",
        "https://[::1]/x",
        "https://images.unsplash.com\\@evil.example/",
        "http://images.unsplash.com/x",
        "javascript:alert(1)//https://a.example",
    ],
)
def test_an_address_that_is_not_https_to_a_plain_host_is_refused(url: str) -> None:
    assert url_problem(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://images.unsplash.com/photo-1?w=1080&q=80",
        "https://unsplash.com/@sam_99",
        "https://xn--bcher-kva.example/",
    ],
)
def test_an_ordinary_address_passes(url: str) -> None:
    assert url_problem(url) is None


@pytest.mark.parametrize("text", ["Sorry\nBcc: all@example.com", "Sorry\r", "Sorry\u2028again"])
def test_a_line_break_is_refused_in_a_one_line_field(text: str) -> None:
    assert markup_in(text, one_line=True).kind == LINE_BREAK_KIND


@pytest.mark.parametrize("text", ["Sorry\u202e", "So\u200brry", "\ufeffSorry", "Sorry\u2066"])
def test_invisible_characters_are_refused_in_plain_text(text: str) -> None:
    assert markup_in(text) is not None


def test_joiners_that_emoji_need_are_text() -> None:
    assert markup_in("Thanks \U0001f469\u200d\U0001f4bb") is None


def test_titles_are_compared_as_a_reader_reads_them() -> None:
    assert comparable("Billing\u00a0Error") == comparable("billing \u200berror ")
    assert comparable("Billing Error") != comparable("Billing Errors")


def test_messages_show_invisible_characters_as_escapes() -> None:
    assert printable("x\u202ey\u200bz") == "x\\u202ey\\u200bz"


PAGE = (
    "---\ntitle: {title}\ndescription: A small page that exists so the validator has "
    "something valid to read.\n---\n\nText.\n"
)


def test_invisible_characters_in_file_names_are_refused(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {
            "index.md": PAGE.format(title="Home"),
            "a\u202egpj.md": PAGE.format(title="A"),
            "b\u200b.md": PAGE.format(title="B"),
        },
    )
    result = run_pipeline("check", cwd=site)
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == [
        (
            "docs/a\\u202egpj.md:1: error: the file name contains the invisible character U+202E "
            "(RIGHT-TO-LEFT OVERRIDE); rename the file"
        ),
        (
            "docs/b\\u200b.md:1: error: the file name contains the invisible character U+200B "
            "(ZERO WIDTH SPACE); rename the file"
        ),
    ]


def test_a_title_made_different_only_by_invisible_or_no_break_spaces_is_a_duplicate(
    tmp_path: Path,
) -> None:
    site = make_site(
        tmp_path,
        {
            "a.md": PAGE.format(title="Billing error"),
            "b.md": PAGE.format(title='"Billing\u00a0error"'),
        },
    )
    result = run_pipeline("check", cwd=site)
    assert "docs/b.md:2: error: title 'Billing\u00a0error' is already used by docs/a.md" in (
        result.stdout
    )
