"""Linear time where a maintainer saves: pages of the shapes that make
Python-Markdown or the search index take minutes (scripts/project/
render_limits.py) are refused with their line, before anything renders them;
long pages shaped as people write them pass; a page over the cap is refused
unread, whatever its shape. The shapes are scripts/bench/shapes.py's, at the
issue's sizes (64 KB, just under the page cap, 1 MB), generated rather than
stored. No test times anything: that a refused page is never rendered is
asserted instead, and `make measure-shapes` reports the times. Each limit's
exact message, at its line, is a fixture in tests/fixtures/bad/."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.bench.shapes import ACCEPTED, REFUSED
from scripts.project import render, render_limits
from scripts.project.pages import MAX_PAGE_BYTES, Page
from scripts.project.render_limits import (
    MARKUP_BUDGET,
    MAX_BLOCK_DEPTH,
    MAX_BLOCKS,
    MAX_CODE_BLOCKS,
    MAX_DEFINITIONS,
    MAX_HTML_DEPTH,
    MAX_INSIDE_BLOCKS,
    RUN_BUDGET,
    SCAN_BUDGET,
)
from scripts.validate.docs import docs_problems
from tests.helpers import ROOT, make_site
from tests.validate.test_validation_fixtures import run_check

HEAD = (
    "---\ntitle: Shapes\ndescription: A page in one of the shapes that make Markdown or the "
    "search index crawl.\n---\n\n"
)
KB = 1000
SIZES = [64 * KB, MAX_PAGE_BYTES - 1 * KB]
# Pages the accepted shapes link to, so that their links resolve.
LINKED = {
    name: HEAD.replace("Shapes", title) + f"{title}.\n"
    for name, title in {"tips.md": "Tips", "letters/index.md": "Letters"}.items()
}

# How check refuses each shape: the start of its first message.
REFUSAL = {
    "unclosed links `[a](`": "brackets `[`, `(` or tags",
    "nested <div>": "HTML elements are nested",
    "nested <div markdown> lines": "HTML elements are nested",
    "nested lists": "this line is indented",
    "nested quotes `>`": "quotes are nested",
    "nested `///` blocks": "`///` blocks are nested",
    "`///` blocks one after another": f"more than {MAX_INSIDE_BLOCKS} `///` blocks",
    "one paragraph of short lines": "this block runs",
    "one line of links": "this paragraph holds",
    "long lines of links": "this paragraph holds",
    "unclosed brackets `[`": "brackets `[`, `(` or tags",
    "unclosed tags `<a `": "brackets `[`, `(` or tags",
    "emphasis `*a*`": "this paragraph holds",
    "escapes `\\\\`": "this paragraph holds",
    "entities `&amp;`": "this paragraph holds",
    "many blocks": f"more than {MAX_BLOCKS:,} paragraphs",
    "headings without blank lines": "this block runs",
    "lines and rules `***`": "this block runs",
    "setext underlines `=`": "this block runs",
    "definition lists": f"more than {MAX_DEFINITIONS} definitions",
    "a list without blank lines": "this block runs",
    "empty code fences": f"more than {MAX_CODE_BLOCKS} fenced code blocks",
    "a fence of many backticks": "a code fence of",
}


@pytest.fixture(name="never_rendered")
def fixture_never_rendered(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rendering fails the test: a refused page must not reach Python-Markdown."""

    def refuse(*_: object) -> str:
        raise AssertionError("a page beyond the render limits was rendered")

    monkeypatch.setattr(render, "render", refuse)


def test_every_refused_shape_says_how_it_is_refused() -> None:
    assert set(REFUSAL) == set(REFUSED)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size // KB}KB")
@pytest.mark.parametrize("shape", REFUSED)
@pytest.mark.usefixtures("never_rendered")
def test_a_pathological_page_is_refused_before_it_is_rendered(
    tmp_path: Path, shape: str, size: int
) -> None:
    site = make_site(tmp_path, {"index.md": HEAD + REFUSED[shape](size)})
    problems = docs_problems(site)
    assert problems, shape
    assert all(problem.stops_render for problem in problems), problems
    assert any(problem.message.startswith(REFUSAL[shape]) for problem in problems), problems


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size // KB}KB")
@pytest.mark.parametrize("shape", ACCEPTED)
def test_a_long_page_of_an_ordinary_shape_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shape: str, size: int
) -> None:
    site = make_site(tmp_path, {"index.md": HEAD + ACCEPTED[shape](size), **LINKED})
    assert run_check(site, capsys) == (0, ["docs/ is valid ✅"])


@pytest.mark.parametrize("shape", [*REFUSED, *ACCEPTED])
@pytest.mark.usefixtures("never_rendered")
def test_a_1mb_page_of_any_shape_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shape: str
) -> None:
    page = HEAD + {**REFUSED, **ACCEPTED}[shape](1_000 * KB)
    refused = (
        f"docs/index.md:1: error: page is {len(page.encode()):,} bytes, over the "
        f"{MAX_PAGE_BYTES:,}-byte limit; split it into several pages"
    )
    assert run_check(make_site(tmp_path, {"index.md": page}), capsys) == (
        1,
        [refused, "1 error, 0 warnings in 1 file"],
    )


@pytest.mark.usefixtures("never_rendered")
def test_64kb_of_unclosed_links_is_refused_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The case: it took `make check` 48 s.
    body = "A first paragraph.\n\n" + "[a](" * (16 * KB)
    status, output = run_check(make_site(tmp_path, {"index.md": HEAD + body}), capsys)
    assert status == 1
    assert [line.split(": error: ")[0] for line in output[:-1]] == ["docs/index.md:8"] * 2
    assert output[0].startswith("docs/index.md:8: error: brackets `[`, `(` or tags `<` that are")
    assert output[-1] == "2 errors, 0 warnings in 1 file"


def refusal(body: str) -> list[str]:
    """The render-limit problems of a page with this body, as printed."""
    page = Page(path="docs/page.md", url_path="page.md", body=body, body_line=6)
    return [str(problem) for problem in render_limits.render_limit_problems(page)]


def test_html_nesting_is_refused_one_past_the_limit_on_its_line() -> None:
    inside = "<div>\n" * MAX_HTML_DEPTH + "</div>\n" * MAX_HTML_DEPTH
    assert refusal(inside) == []
    deeper = "text\n" + "<section>\n" * MAX_HTML_DEPTH + "<p>\n"
    assert refusal(deeper) == [
        (
            f"docs/page.md:{6 + MAX_HTML_DEPTH + 1}: error: HTML elements are nested more than "
            f"{MAX_HTML_DEPTH} deep here (<p> inside <section> inside ...), and the search index "
            "slows down sharply with depth; close them or flatten the markup"
        )
    ]


def test_void_and_closed_elements_do_not_nest() -> None:
    assert refusal("<br><img src=a.png alt=a><hr/>\n" * 100 + "<b>a</b> <i>b</i>\n" * 100) == []


def test_blocks_nested_one_past_the_limit_are_refused() -> None:
    inside = "/// html | div\n\n" * MAX_BLOCK_DEPTH + "///\n\n" * MAX_BLOCK_DEPTH
    assert refusal(inside) == []
    assert refusal("/// html | div\n\n" * (MAX_BLOCK_DEPTH + 1))[0].startswith(
        f"docs/page.md:{6 + 2 * MAX_BLOCK_DEPTH}: error: `///` blocks are nested more than"
    )


def test_blocks_in_and_after_blocks_count_towards_one_limit() -> None:
    # Each `///` block counts, with each block after a blank line inside it.
    note = "/// html | div\nA note.\n///\n\n"
    letter = "/// html | div\nDear client,\n\nWe are sorry.\n\nRegards.\n///\n\n"  # 3 each
    assert refusal(note * MAX_INSIDE_BLOCKS) == []
    assert refusal(letter * (MAX_INSIDE_BLOCKS // 3)) == []
    assert refusal(note * MAX_INSIDE_BLOCKS + letter)[0].startswith(
        f"docs/page.md:{6 + 4 * MAX_INSIDE_BLOCKS}: error: more than {MAX_INSIDE_BLOCKS} `///`"
    )
    # Blocks outside any `///` block do not count.
    assert refusal(note * MAX_INSIDE_BLOCKS + "A paragraph.\n\n" * 1_000) == []


def test_the_block_after_the_last_allowed_is_named() -> None:
    assert refusal("a\n\n" * MAX_BLOCKS) == []
    assert refusal("a\n\n" * (MAX_BLOCKS + 1)) == [
        (
            f"docs/page.md:{6 + 2 * MAX_BLOCKS}: error: more than {MAX_BLOCKS:,} paragraphs, "
            "lists and other blocks on one page, and Markdown's work grows faster than their "
            "number; split the page"
        )
    ]


def test_definitions_without_blank_lines_are_refused_at_the_first_too_deep() -> None:
    tight = "".join(f"Term {n}\n: Meaning {n}.\n" for n in range(MAX_DEFINITIONS + 1))
    assert refusal(tight.rsplit("Term", 1)[0]) == []
    assert refusal(tight)[0].startswith(
        f"docs/page.md:{6 + 2 * MAX_DEFINITIONS + 1}: error: more than {MAX_DEFINITIONS} "
        "definitions"
    )
    assert refusal(tight.replace("\nTerm", "\n\nTerm")) == []  # a glossary as people write it


def test_long_blocks_are_refused_at_the_longest_once_the_budget_is_spent() -> None:
    side = int(RUN_BUDGET**0.5)  # one block of exactly the budget
    assert refusal("- item\n" * side) == []
    assert refusal("short\n\n" + "- item\n" * (side + 1)) == [
        (
            f"docs/page.md:8: error: this block runs {side + 1:,} lines without a blank line, "
            "and Markdown's work on a block can grow with the square of its lines (summed over "
            f"the page: {1 + (side + 1) ** 2:,}, at most {RUN_BUDGET:,}); put blank lines "
            "between its paragraphs, list items or rows, or split the page"
        )
    ]


def test_dense_markup_is_refused_at_the_densest_paragraph() -> None:
    side = int(MARKUP_BUDGET**0.5)
    assert refusal("*" * side) == []
    assert refusal("plain\n\n" + "`" * 3 + "\n" + "*" * 10**6 + "\n```\n\n" + "*" * (side + 2))[
        0
    ].startswith(f"docs/page.md:12: error: this paragraph holds {side + 2:,} markup characters")


def test_brackets_never_closed_are_refused_once_the_budget_is_spent() -> None:
    # Each unclosed `[` costs the rest of its paragraph: n brackets, n²/2 characters.
    inside = int((2 * SCAN_BUDGET) ** 0.5) - 10
    assert refusal("x" * inside + "[" * 10) == []
    problems = refusal("Fine [link](#a).\n\n" + "[" * (inside + 20))
    assert problems[0].startswith("docs/page.md:8: error: brackets `[`, `(` or tags `<` that are")


def test_closed_and_escaped_brackets_cost_nothing_more() -> None:
    text = "[a](#b) \\[ \\( (x) [c] " * 20_000
    assert render_limits.bracket_work(text) < 10 * len(text)


def test_the_work_counted_for_brackets_is_what_markdown_reads() -> None:
    assert render_limits.bracket_work("[ab]") == 3  # from [ to ]
    assert render_limits.bracket_work("[a](bc)") == 2 + 3  # the text, then the address
    assert render_limits.bracket_work("[a]( x") == 2 + 3  # an address never closed: to the end
    assert render_limits.bracket_work("[[a]") == 2 + 4  # the inner pair, the outer to the end
    assert render_limits.tag_work("<a <b>") == 5 + 2


def test_code_blocks_past_the_limit_are_refused() -> None:
    block = "```\nx\n```\n\n"
    assert refusal(block * MAX_CODE_BLOCKS) == []
    assert refusal(block * (MAX_CODE_BLOCKS + 1))[0].startswith(
        f"docs/page.md:{6 + 4 * MAX_CODE_BLOCKS}: error: more than {MAX_CODE_BLOCKS} fenced code"
    )


def bodies() -> list[Path]:
    """Every page of the guide, and the new-letter scaffold."""
    return [*sorted((ROOT / "docs").rglob("*.md")), ROOT / "scripts" / "data" / "new-letter.md"]


@pytest.mark.parametrize("source", bodies(), ids=lambda path: str(path.relative_to(ROOT)))
def test_every_page_of_the_guide_is_far_inside_every_limit(source: Path) -> None:
    # The guide itself is the held-out text: written before these limits.
    body = source.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    # Five times each page, too: a letter with two versions is some 16 blocks
    # and paragraphs, a sixth of the 100 allowed.
    assert refusal(body * 5) == [], source
