"""Page bodies of the shapes that make Python-Markdown or Material's search
index slow, at any size: what `make measure-shapes` times and the tests feed
to `make check` (tests/validate/test_render_limits.py).

REFUSED holds the shapes scripts/project/render_limits.py refuses at 64 KB
already: what an unlucky paste or a hostile page looks like. ACCEPTED holds
long pages shaped as people write them, dense with whatever each limit
counts but inside every limit up to the page cap, so a build of one shows
how build time grows with a page that passes. Each maker takes a size in
characters and returns a body of about that many.
"""

from __future__ import annotations

from collections.abc import Callable

from scripts.project.render_limits import MAX_CODE_BLOCKS, MAX_HTML_DEPTH, MAX_INDENT, MAX_QUOTES

Maker = Callable[[int], str]
LEVELS = MAX_INDENT // 4  # list levels, four spaces each


def repeated(piece: str, size: int) -> str:
    """piece again and again, to about size characters."""
    return piece * max(1, size // len(piece))


def nested(opening: str, closing: str, size: int) -> str:
    """opening n times, then closing n times: one thing n deep."""
    count = max(1, size // (len(opening) + len(closing)))
    return opening * count + closing * count


def indented_list(depth: int, size: int) -> str:
    """A list one level deeper on each line, up to depth levels of four
    spaces, or fewer to stay within size characters."""
    lines, total = [], 0
    for level in range(depth):
        line = "    " * level + f"- item {level}\n"
        if lines and total + len(line) > size:
            break
        lines.append(line)
        total += len(line)
    return "".join(lines)


def code_blocks(count: int, size: int) -> str:
    """count fenced code blocks sharing about size characters."""
    line = "A line of a pasted log, as people paste them.\n"
    fences = "```text\n" + "```\n\n"
    lines = max(1, (size // count - len(fences)) // len(line))
    return ("```text\n" + line * lines + "```\n\n") * count


REFUSED: dict[str, Maker] = {
    # The cases: 64 KB of these took 48 s to check, 500 KB of those
    # 5 minutes to build.
    "unclosed links `[a](`": lambda size: repeated("[a](", size),
    "nested <div>": lambda size: nested("<div>", "</div>", size),
    # Each kind of nesting.
    "nested <div markdown> lines": lambda size: nested("<div markdown>\n\n", "</div>\n\n", size),
    "nested lists": lambda size: indented_list(size, size),
    "nested quotes `>`": lambda size: repeated("> ", size) + "a\n",
    "nested `///` blocks": lambda size: nested("/// html | div\n\n", "///\n\n", size),
    "`///` blocks one after another": lambda size: repeated("/// html | div\na\n///\n\n", size),
    # Long paragraphs and lines.
    "one paragraph of short lines": lambda size: repeated("We are sorry, line after line.\n", size),
    "one line of links": lambda size: repeated("[a](index.md) ", size),
    "long lines of links": lambda size: repeated("[a](index.md) " * 2_000 + "\n\n", size),
    "unclosed brackets `[`": lambda size: repeated("[", size),
    "unclosed tags `<a `": lambda size: repeated("<a ", size),
    "emphasis `*a*`": lambda size: repeated("*a*", size),
    "escapes `\\\\`": lambda size: repeated("\\\\", size),
    "entities `&amp;`": lambda size: repeated("&amp; ", size),
    # Many blocks, or blocks Markdown splits one line at a time.
    "many blocks": lambda size: repeated("a\n\n", size),
    "headings without blank lines": lambda size: repeated("# a\n", size),
    "lines and rules `***`": lambda size: repeated("a\n***\n", size),
    "setext underlines `=`": lambda size: repeated("=\n", size),
    "definition lists": lambda size: repeated("a\n: b\n", size),
    "a list without blank lines": lambda size: repeated("- a\n", size),
    "empty code fences": lambda size: repeated("~~~\n", size),
    "a fence of many backticks": lambda size: "`" * size + "\n",
}

QUESTION = (
    "## Question {n}: what if the client is still upset?\n\n"
    "Say so plainly, then say what you will do next, and when. The [tips](tips.md) and the "
    "[letters](letters/index.md) show how.\n\n"
)


def questions(size: int) -> str:
    """Numbered questions, each a heading with a short answer, to about size
    characters."""
    text, total, number = [], 0, 1
    while total + len(QUESTION) + 10 <= size:
        text.append(QUESTION.format(n=number))
        total += len(text[-1])
        number += 1
    return "".join(text)


ACCEPTED: dict[str, Maker] = {
    "questions and answers (FAQ)": questions,
    "paragraphs of links": lambda size: repeated(
        "Read [the tips](tips.md) first, then a [letter](letters/index.md). " * 8 + "\n\n", size
    ),
    "long lines of prose": lambda size: repeated(
        "We are sorry that your order arrived late. " * 250 + "\n\n", size
    ),
    # As deep and as many as the limits allow.
    f"lists {LEVELS} levels deep": lambda size: repeated(
        indented_list(LEVELS, 1_000) + "\nA line.\n\n", size
    ),
    f"quotes {MAX_QUOTES} deep": lambda size: repeated(
        "> " * MAX_QUOTES + "We hear you, and we are sorry.\n\n", size
    ),
    f"<div> {MAX_HTML_DEPTH} deep": lambda size: repeated(
        "<div>" * MAX_HTML_DEPTH + "Sorry." + "</div>" * MAX_HTML_DEPTH + "\n\n", size
    ),
    f"{MAX_CODE_BLOCKS} code blocks": lambda size: code_blocks(MAX_CODE_BLOCKS, size),
}
