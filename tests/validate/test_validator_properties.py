"""Property: whatever an author writes, the validator answers with problems
(one line each, at a line that exists) or with nothing; it never raises and
never hangs. Hypothesis writes the pages: arbitrary bytes, YAML-ish front
matter (deep nesting, anchors, tags, tabs, odd scalars) and Markdown-ish bodies
(links, images, raw HTML, letter blocks, fences)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.problems import ERROR, WARNING
from scripts.validate.docs import docs_problems
from tests.helpers import write_config

PAGE = "page.md"

YAML_PIECES = [
    "title: ",
    "description: ",
    "tags:\n",
    "  - ",
    "date: ",
    "image: ",
    "photographer: ",
    "imageAlt: ",
    "photographerUrl: ",
    "situation: ",
    "subject: ",
    "hide:\n",
    "? ",
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "!!str ",
    "!!binary ",
    "!!timestamp ",
    "!!python/object:os.system ",
    "|\n  ",
    ">-\n  ",
    "'",
    '"',
    "\t",
    "\n",
    "\n  ",
    "#",
    "No",
    "yes",
    "~",
    "null",
    "2024-02-30",
    "1:30",
    "0x1F",
    ".inf",
    "---",
    "...",
    "%YAML 1.1\n",
    "https://example.com/",
    "http://",
    "\\u00e9",
    "\ufeff",
    "\r",
]
MARKDOWN_PIECES = [
    "# ",
    "## ",
    "\n",
    "\n\n",
    "[",
    "]",
    "(",
    ")",
    "![",
    "<",
    ">",
    "`",
    "```\n",
    "~~~\n",
    "/// html | div.mdx-letter\n",
    "///\n",
    "[Client's Name]",
    "[Clients Name]",
    "{#",
    "}",
    "{: .x }",
    "#",
    "%20",
    "%",
    "../",
    "/",
    "\\",
    "x.md",
    "index.md",
    "page.md#a",
    "mailto:",
    "javascript:",
    "data:",
    "file:///",
    "//host",
    "https//host",
    "https://",
    "http://",
    '<a href="',
    '<img src="',
    '" alt="',
    '">',
    "</a>",
    "<script>",
    "</script>",
    " onclick=",
    "<div markdown>",
    "</div>",
    "<!--",
    "-->",
    "&amp;",
    "&#",
    "*",
    "_",
    "> ",
    "- ",
    "1. ",
    "| a | b |\n|---|---|\n",
    "[^1]",
    "[x]: ",
    "\t",
    "\r\n",
    "\x00",
    "\u202e",
    "é",
    "Größe",
    "!!! note\n    ",
    "??? note\n    ",
    "<details>",
    "[[",
    "]]",
]


def pieces(choices: list[str], max_size: int) -> st.SearchStrategy[str]:
    """Text built from meaningful pieces and arbitrary characters."""
    return st.lists(
        st.one_of(st.sampled_from(choices), st.text(max_size=8)), max_size=max_size
    ).map("".join)


def nested(depth: int) -> st.SearchStrategy[str]:
    """Deep nesting: flow collections, block lists, quotes, lists in Markdown."""
    indented = min(depth, 300)  # indented lines grow quadratically
    return st.sampled_from(
        [
            "title: " + "[" * depth + "]" * depth + "\n",
            "title: " + "{a: " * depth + "}" * depth + "\n",
            "? " * depth + "\n",
            "".join("  " * level + "- \n" for level in range(indented)),
            "> " * depth + "quote\n",
            "".join("  " * level + "- item\n" for level in range(indented)),
            "<div markdown>\n" * depth + "</div>\n" * depth,
            # Shapes whose rendering grows with the square of their size.
            "[a](" * depth,
            "[" * depth,
            "<a " * depth,
            "*a*" * depth,
            "a\n\n" * depth,
            "=\n" * depth,
            "<div>" * depth,
            "/// html | div\n\n" * depth,
        ]
    )


front_matter = st.one_of(pieces(YAML_PIECES, 40), st.integers(50, 3000).flatmap(nested))
body = st.one_of(pieces(MARKDOWN_PIECES, 60), st.integers(50, 3000).flatmap(nested))
page_text = st.one_of(
    st.tuples(front_matter, body).map(lambda parts: f"---\n{parts[0]}\n---\n\n{parts[1]}"),
    st.tuples(front_matter, body).map(lambda parts: f"---\n{parts[0]}{parts[1]}"),
    body,
)
page_bytes = st.one_of(
    page_text.map(lambda text: text.encode("utf-8", "surrogatepass")),
    page_text.map(lambda text: text.encode("utf-16")),
    st.binary(max_size=300),
)


@pytest.fixture(name="site", scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("property")
    (root / "docs" / "letters").mkdir(parents=True)
    write_config(root)
    return root


def assert_clean(site: Path, name: str, content: bytes) -> None:
    problems = docs_problems(site)
    # Lines as the pipeline reads them: \r\n, \r and \n each end one.
    line_count = content.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
    for problem in problems:
        assert problem.path == f"docs/{name}", problem
        assert problem.level in {ERROR, WARNING}
        assert 1 <= problem.line <= line_count, problem
        assert problem.message and "\n" not in problem.message and "\r" not in problem.message


@settings(
    max_examples=200,
    # ms per example: a hang fails here instead of stalling the suite (a busy
    # 2-core machine took 4.7 s for one ordinary example)
    deadline=10000,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(content=page_bytes, letter=st.booleans())
def test_any_page_gives_clean_problems_or_none(site: Path, content: bytes, letter: bool) -> None:
    name = "letters/test.md" if letter else PAGE
    for old in (site / "docs").rglob("*.md"):
        old.unlink()
    (site / "docs" / name).write_bytes(content)
    assert_clean(site, name, content)


@pytest.mark.parametrize("tag", ["!!timestamp ", "!!binary ", "!!float ", "!!int ", "!!bool "])
def test_a_tagged_value_yaml_cannot_build_is_a_problem_not_a_crash(site: Path, tag: str) -> None:
    """Found by the property above: `title: !!timestamp ` crashed PyYAML's constructor."""
    for old in (site / "docs").rglob("*.md"):
        old.unlink()
    content = f"---\ntitle: {tag}\n---\n\nText.\n".encode()
    (site / "docs" / PAGE).write_bytes(content)
    assert_clean(site, PAGE, content)
    assert docs_problems(site)
