"""mkdocs.yml's strings that the theme prints on every page: plain text, and
copyright only links and emphasis, read as a browser reads it."""

from __future__ import annotations

import pytest

from scripts.validate.site_strings import site_string_problems

CONFIG_TEXT = "site_name: x\nsite_description: y\nsite_author: z\ncopyright: c\n"


def messages(**config: str) -> list[str]:
    return [str(problem) for problem in site_string_problems(config, CONFIG_TEXT, "mkdocs.yml")]


@pytest.mark.parametrize(
    ("field", "line"), [("site_name", 1), ("site_description", 2), ("site_author", 3)]
)
@pytest.mark.parametrize("value", ["<script>alert(1)</script>", "A &lt;b&gt;", "A\x1b[31m"])
def test_plain_strings_hold_no_markup(field: str, line: int, value: str) -> None:
    (message,) = messages(**{field: value})
    assert message.startswith(f"mkdocs.yml:{line}: error: {field} ")


@pytest.mark.parametrize(
    "copyright_text",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<style>body{display:none}</style>",
        '<a href="javascript:alert(1)">x</a>',
        '<a href="https://ok.example" onclick="alert(1)">x</a>',
        "<xmp><p title='</xmp><script>alert(1)</script>'></xmp>",
        "<!-- x --!><svg onload=alert(1)>",
        '<a href="http://plain.example">x</a>',
    ],
)
def test_copyright_holds_only_links_and_emphasis(copyright_text: str) -> None:
    found = messages(copyright=copyright_text)
    assert found and all(line.startswith("mkdocs.yml:4: error: copyright: ") for line in found)


def test_the_projects_kind_of_copyright_passes() -> None:
    text = 'Photo by <a href="https://unsplash.com/@x">X</a> on <em>Unsplash</em>. &copy; 2026'
    assert messages(site_name="Apology Letters", copyright=text) == []
