"""What Python-Markdown (MkDocs' and Zensical's renderer) and Material's search
index cannot get through in linear time, found before anything is rendered.

Python-Markdown's work grows with the square of several things: lines in a
block it splits one line at a time, markup in a paragraph, the distance to
brackets never closed, `///` blocks on a page, nesting. Each limit below is
far beyond any page a person writes, and each is found in one pass over the
page's lines (fenced and inline code left out, as Markdown leaves them), so
`make check` stays fast on a page of any shape, and a page that passes
renders in time roughly proportional to its size (`make measure-shapes`):

- indentation deeper than MAX_INDENT columns, quotes (`>`) deeper than
  MAX_QUOTES, or more than MAX_DEFINITIONS definitions without a blank line
  (each nests in the one before): Python-Markdown re-reads nested blocks
  once per level, and recurses past Python's limit;
- HTML elements nested deeper than MAX_HTML_DEPTH: Material's search plugin
  compares every tag with all its open ancestors; `///` blocks nested
  deeper than MAX_BLOCK_DEPTH, or more than MAX_INSIDE_BLOCKS of them and
  of the blocks inside them: pymdownx.blocks maps the whole page for each;
- more than MAX_BLOCKS blocks (paragraphs, lists, tables... anything
  between blank lines): Markdown takes each off the front of a list of all
  of them, and gives each heading an id unlike all before; lines without a
  blank one: Markdown splits some blocks one line at a time, re-reading the
  rest each time, so the square of each block's lines, summed over the
  page, must stay under RUN_BUDGET;
- markup characters (MARKUP) in a paragraph: each inline element rewrites
  its paragraph, so the square of their count, summed over the page, must
  stay under MARKUP_BUDGET;
- brackets never closed: for each `[` (and each `(` after a `]`) Markdown
  reads on to the matching bracket or to the end of the paragraph, and for
  each `<` that starts a tag the HTML parser reads on to the next `>`; the
  characters read that way, summed over the page, must stay under
  SCAN_BUDGET;
- more than MAX_CODE_BLOCKS fenced code blocks: each costs its own
  highlighter set-up; a fence longer than MAX_FENCE: the highlighter builds
  a pattern from it.

The page cap (MAX_PAGE_BYTES, scripts/project/pages.py) bounds the rest.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from scripts.problems import Problem, error
from scripts.project.pages import Page, prose_lines

MAX_INDENT = 64  # columns: 16 levels of lists
MAX_QUOTES = 16
MAX_DEFINITIONS = 16  # `: definition` lines in one block, each nested in the one before
MAX_HTML_DEPTH = 32
MAX_BLOCK_DEPTH = 16
MAX_INSIDE_BLOCKS = 100  # `///` blocks and the blocks inside them; a letter counts 6
MAX_BLOCKS = 5_000
RUN_BUDGET = 1_000_000  # one block of 1,000 lines; this guide's longest has 3
MAX_CODE_BLOCKS = 200
MAX_FENCE = 32  # backticks or tildes opening a fenced code block
MARKUP = re.compile(r"[*_`\[\]<&\\{]")  # characters that may start or end inline markup
MARKUP_BUDGET = 25_000_000  # a paragraph of 5,000 markup characters; this guide's: 20 or so
SCAN_BUDGET = 1_000_000  # characters read again; a page of this guide reads a few hundred

VOID_ELEMENTS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*?)?(/?)>")
TAG_START = re.compile(r"<[A-Za-z]")
BRACKET = re.compile(r"\\.|[\[\]()]")
SQUARE_BRACKET = re.compile(r"\\.|[\[\]]")
BLOCK_OPEN = re.compile(r"^\s*/{3,}\s*[A-Za-z]")
BLOCK_CLOSE = re.compile(r"^\s*/{3,}\s*$")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def render_limit_problems(page: Page) -> list[Problem]:
    """Each limit the page's body passes, at its first line; rendering such
    a page would take minutes, so nothing renders it (stops_render)."""
    prose = prose_lines(page.body)  # what holds markup: no code
    blocks = prose_lines(page.body, code_spans=True)  # each code span is an element
    found = [
        nesting_problem(prose),
        definition_problem(prose),
        html_depth_problem(prose),
        block_depth_problem(prose),
        block_count_problem(blocks),
        run_problem(blocks),
        markup_problem(blocks),
        scan_problem(prose),
        code_block_problem(page.body),
    ]
    return [
        error(page.path, page.body_line + offset, message, stops_render=True)
        for offset, message in filter(None, found)
    ]


Found = tuple[int, str] | None  # (line offset in the body, message)


QUOTES = re.compile(r"[>\s]*")
DEFINITION = re.compile(r"^ {0,3}: {1,3}")  # as Python-Markdown's def_list finds one


def nesting_problem(lines: list[str]) -> Found:
    for offset, line in enumerate(lines):
        if line[:1] not in (" ", "\t", ">"):
            continue  # neither indented nor quoted
        expanded = line.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip())
        quotes = QUOTES.match(line)[0].count(">")
        if quotes > MAX_QUOTES:
            return offset, (
                f"quotes are nested {quotes:,} deep here (at most {MAX_QUOTES}), and Markdown "
                "reads each line again at every level; take out some `>`"
            )
        if indent > MAX_INDENT:
            return offset, (
                f"this line is indented {indent:,} columns (at most {MAX_INDENT}, a list "
                f"{MAX_INDENT // 4} levels deep), and Markdown reads each line again at every "
                "level; flatten the list, or take out the indentation"
            )
    return None


def definition_problem(lines: list[str]) -> Found:
    """Definitions with no blank line between them: Markdown puts each term
    after the first inside the definition before it, one level deeper each."""
    for first, end in runs(lines):
        found = [first + at for at, line in enumerate(lines[first:end]) if DEFINITION.match(line)]
        if len(found) > MAX_DEFINITIONS:
            return found[MAX_DEFINITIONS], (
                f"more than {MAX_DEFINITIONS} definitions (`: ` lines) follow each other "
                "without a blank line, and Markdown nests each inside the one before, too "
                "deep to render; put a blank line before each term"
            )
    return None


def html_depth_problem(lines: list[str]) -> Found:
    open_tags: list[str] = []
    for offset, line in enumerate(lines):
        if "<" not in line:
            continue
        for tag in HTML_TAG.finditer(line):
            closing, name, self_closing = tag[1], tag[2].lower(), tag[3]
            if closing:
                if name in open_tags:
                    del open_tags[len(open_tags) - 1 - open_tags[::-1].index(name) :]
            elif name not in VOID_ELEMENTS and not self_closing:
                open_tags.append(name)
                if len(open_tags) > MAX_HTML_DEPTH:
                    return offset, (
                        f"HTML elements are nested more than {MAX_HTML_DEPTH} deep here "
                        f"(<{name}> inside <{open_tags[-2]}> inside ...), and the search index "
                        "slows down sharply with depth; close them or flatten the markup"
                    )
    return None


def block_depth_problem(lines: list[str]) -> Found:
    """`///` blocks nested too deep, or too many of them and of the blocks
    inside them: each opening line starts one, as does each block after a
    blank line inside one."""
    depth, inside, blank = 0, 0, True
    for offset, line in enumerate(lines):
        starts_block, blank = blank and bool(line.strip()), not line.strip()
        opens = "///" in line and bool(BLOCK_OPEN.match(line))
        if "///" in line and BLOCK_CLOSE.match(line):
            depth = max(depth - 1, 0)
            continue
        depth += opens
        if depth > MAX_BLOCK_DEPTH:
            return offset, (
                f"`///` blocks are nested more than {MAX_BLOCK_DEPTH} deep here; close "
                "each with a line `///`, or flatten them"
            )
        if opens or (starts_block and depth):
            inside += 1
        if inside > MAX_INSIDE_BLOCKS:
            return offset, (
                f"more than {MAX_INSIDE_BLOCKS} `///` blocks and paragraphs, lists or other "
                "blocks inside them on one page, and each makes Markdown walk the whole page "
                "again; use fewer `///` blocks, or split the page"
            )
    return None


def runs(lines: list[str]) -> Iterator[tuple[int, int]]:
    """(first, end) line offsets of each run of lines without a blank one."""
    first = None
    for offset, line in enumerate([*lines, ""]):
        if line.strip() and first is None:
            first = offset
        elif not line.strip() and first is not None:
            yield first, offset
            first = None


def block_count_problem(lines: list[str]) -> Found:
    for number, (first, _) in enumerate(runs(lines), 1):
        if number > MAX_BLOCKS:
            return first, (
                f"more than {MAX_BLOCKS:,} paragraphs, lists and other blocks on one page, "
                "and Markdown's work grows faster than their number; split the page"
            )
    return None


def markup_problem(lines: list[str]) -> Found:
    """Paragraphs dense with markup, if the squares of their markup counts add
    up to more than MARKUP_BUDGET: at the first line of the densest."""
    counts = [
        (len(MARKUP.findall("\n".join(lines[first:end]))), first) for first, end in runs(lines)
    ]
    total = sum(count * count for count, _ in counts)
    if total <= MARKUP_BUDGET:
        return None
    densest, first = max(counts)
    return first, (
        f"this paragraph holds {densest:,} markup characters (* _ ` [ ] < & \\ {{), and "
        "Markdown's work on a paragraph grows with the square of their number (summed over "
        f"the page: {total:,}, at most {MARKUP_BUDGET:,}); split it into shorter paragraphs"
    )


def run_problem(lines: list[str]) -> Found:
    """Blocks of many lines, if the squares of their line counts add up to
    more than RUN_BUDGET: at the first line of the longest."""
    sizes = [(end - first, first) for first, end in runs(lines)]
    total = sum(size * size for size, _ in sizes)
    if total <= RUN_BUDGET:
        return None
    longest, first = max(sizes)
    return first, (
        f"this block runs {longest:,} lines without a blank line, and Markdown's work on a "
        "block can grow with the square of its lines (summed over the page: "
        f"{total:,}, at most {RUN_BUDGET:,}); put blank lines between its paragraphs, list "
        "items or rows, or split the page"
    )


def scan_problem(lines: list[str]) -> Found:
    """Brackets and tags never closed, if reading on to each one's end adds
    up to more than SCAN_BUDGET characters: at the first line of the
    paragraph where most is read."""
    costs = [(bracket_work("\n".join(lines[first:end])), first) for first, end in runs(lines)]
    total = sum(cost for cost, _ in costs) + tag_work("\n".join(lines))
    if total <= SCAN_BUDGET:
        return None
    _, first = max(costs, default=(0, 0))
    return first, (
        "brackets `[`, `(` or tags `<` that are never closed: Markdown reads on to the end "
        f"of the paragraph for each, {total:,} characters in all for this page (at most "
        f"{SCAN_BUDGET:,}); close them, or write a literal bracket as `\\[` and `<` as `&lt;`"
    )


def bracket_work(text: str) -> int:
    """Characters Markdown reads to find the end of each `[` (link text) and of
    each `(` right after a `]` (link address) in one paragraph."""
    if "[" not in text:
        return 0
    work, texts, addresses = 0, [], []
    brackets = BRACKET if "](" in text else SQUARE_BRACKET  # no address: no ( to follow
    for found in brackets.finditer(text):
        at, character = found.start(), found[0]
        if character == "[":
            texts.append(at)
        elif character == "]" and texts:
            work += at - texts.pop()
        elif character == "(" and (text[at - 1 : at] == "]" or addresses):
            addresses.append((at, text[at - 1 : at] == "]"))
        elif character == ")" and addresses:
            start, is_address = addresses.pop()
            work += at - start if is_address else 0
    end = len(text)
    work += sum(end - start for start in texts)
    work += sum(end - start for start, is_address in addresses if is_address)
    return work


def tag_work(text: str) -> int:
    """Characters the HTML parser reads from each `<` that starts a tag to the
    next `>` (or the end of the page)."""
    closers = [found.start() for found in re.finditer(">", text)]
    work = 0
    for start in TAG_START.finditer(text):
        index = bisect.bisect_left(closers, start.start())
        work += (closers[index] if index < len(closers) else len(text)) - start.start()
    return work


def code_block_problem(body: str) -> Found:
    count, fence = 0, None
    for offset, line in enumerate(body.split("\n")):
        match = FENCE.match(line)
        if fence is None and match:
            fence, count = match[1], count + 1
            if len(fence) > MAX_FENCE:
                kind = "backticks" if fence[0] == "`" else "tildes"
                return offset, (
                    f"a code fence of {len(fence):,} {kind} (at most {MAX_FENCE}); three are "
                    "enough, and more only around a fence of fewer"
                )
            if count > MAX_CODE_BLOCKS:
                return offset, (
                    f"more than {MAX_CODE_BLOCKS} fenced code blocks on one page, each "
                    "highlighted on its own; split the page"
                )
        elif (
            fence is not None
            and line.strip().startswith(fence)
            and not line.strip(fence[0]).strip()
        ):
            fence = None
    return None
