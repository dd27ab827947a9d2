"""The finishing steps' cache (scripts/render/finish_cache.py): a page rendered
as before, with the same files linked, is taken from the last build; a change
to a stylesheet it links is finished again."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.render import finish
from scripts.render.finish import finish_site

PAGE = (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>t</title>\n'
    '<link rel="stylesheet" href="a.css">\n</head>\n<body><p class="x">Hi</p></body></html>\n'
)


def rendered_site(root: Path, css: str) -> Path:
    """A one-page site as an engine leaves it, before finishing."""
    site = root / "site"
    site.mkdir(exist_ok=True)
    (site / "index.html").write_text(PAGE, encoding="utf-8")
    (site / "a.css").write_text(css, encoding="utf-8")
    return site


def finished(site: Path, cache: Path) -> str:
    assert finish_site(site, "mkdocs", None, "site", cache) == []
    return (site / "index.html").read_text(encoding="utf-8")


def test_an_unchanged_page_is_taken_from_the_last_build(tmp_path, monkeypatch) -> None:
    cache = tmp_path / "pages.pickle"
    first = finished(rendered_site(tmp_path, ".x{color:red}.y{color:blue}"), cache)
    assert "<style>.x{color:red}</style>" in first and ".y{" not in first

    def not_again(*_args, **_kwargs):
        raise AssertionError("an unchanged page was finished again")

    monkeypatch.setattr(finish, "finished_page", not_again)
    assert finished(rendered_site(tmp_path, ".x{color:red}.y{color:blue}"), cache) == first
    with pytest.raises(AssertionError, match="finished again"):
        finished(rendered_site(tmp_path, ".x{color:green}"), cache)


def test_a_changed_stylesheet_finishes_the_page_again(tmp_path) -> None:
    cache = tmp_path / "pages.pickle"
    finished(rendered_site(tmp_path, ".x{color:red}"), cache)
    assert "<style>.x{color:green}</style>" in finished(
        rendered_site(tmp_path, ".x{color:green}"), cache
    )
