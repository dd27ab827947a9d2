"""Markdown to HTML with exactly the extensions MkDocs renders the site with,
so heading ids, letter blocks and links are seen as readers will see them;
each page reduced to a Scan of what the checks need (`make check` and `make
check-links` both read pages through scan_page)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

import markdown
from mkdocs.config.defaults import MkDocsConfig
from selectolax.lexbor import LexborHTMLParser

from scripts import data_files
from scripts.problems import Problem, error
from scripts.project.pages import Page
from scripts.project.render_limits import render_limit_problems


def markdown_renderer(config: MkDocsConfig) -> markdown.Markdown:
    return markdown.Markdown(
        extensions=config["markdown_extensions"],
        extension_configs=config["mdx_configs"],
    )


def render(renderer: markdown.Markdown, body: str) -> str:
    renderer.reset()
    return renderer.convert(body)


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    # The element's text in the stretches between tags, as a browser's text
    # nodes hold it (a letter's: a detail's place must lie inside one).
    runs: list[str] = field(default_factory=list)


@dataclass
class Scan:
    """What the checks need from a rendered page."""

    ids: set[str] = field(default_factory=set)
    links: list[Element] = field(default_factory=list)
    images: list[Element] = field(default_factory=list)
    letters: list[Element] = field(default_factory=list)
    unsafe: list[tuple[str, str]] = field(default_factory=list)  # (what, text to find it by)


LETTER_CLASS = "mdx-letter"


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = Scan()
        self._letter_depth = 0
        self._div_depth = 0
        self._in_run = False  # the last thing read was text: more text continues its run

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.scan.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.scan.ids.add(values["name"])
        if tag == "a" and "href" in values:
            self.scan.links.append(Element(tag, values))
        if tag in ("img", "source"):  # <picture>'s sources load images too
            self.scan.images.append(Element(tag, values))
        self.scan.unsafe += unsafe_parts(tag, values)
        self._track_letter(tag, values)
        self._in_run = False

    def _track_letter(self, tag: str, values: dict[str, str]) -> None:
        if tag != "div":
            return
        self._div_depth += 1
        if LETTER_CLASS in values.get("class", "").split() and not self._letter_depth:
            self.scan.letters.append(Element(tag, values))
            self._letter_depth = self._div_depth

    def handle_comment(self, data: str) -> None:
        self._in_run = False

    def handle_endtag(self, tag: str) -> None:
        self._in_run = False
        if tag == "div":
            if self._letter_depth == self._div_depth:
                self._letter_depth = 0
            self._div_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._letter_depth:
            letter = self.scan.letters[-1]
            letter.text += data
            if self._in_run:
                letter.runs[-1] += data
            else:
                letter.runs.append(data)
            self._in_run = True


def unsafe_parts(tag: str, values: dict[str, str]) -> list[tuple[str, str]]:
    """What in this start tag could run script: (description, text to find it by)."""
    rules = data_files.unsafe_html()
    refused = rules["tags"] + rules["style_tags"] + rules["raw_text_tags"]
    parts = [(f"<{tag}>", f"<{tag}")] if tag in refused else []
    parts += [(f"{name}=", name) for name in values if name.startswith("on")]
    parts += [(f"{name}=", f"{name}=") for name in values if name in rules["refused_attributes"]]
    checked_elsewhere = {("a", "href"), ("img", "src")}  # by the link and image checks
    parts += [
        (f'{name}="{value}"', value)
        for name, value in values.items()
        if name in rules["url_attributes"]
        and (tag, name) not in checked_elsewhere
        and scheme_of(value) in rules["script_schemes"]
    ]
    return parts


def scheme_of(url: str) -> str:
    """The scheme a browser sees: it drops tabs and newlines, and outer spaces."""
    cleaned = re.sub(r"[\t\n\r]", "", url).strip("\x00- ")
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


def scan_html(html: str) -> Scan:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    scan = scanner.scan
    # Python's tokenizer and a browser's differ (raw text in <xmp>, <noscript>,
    # <textarea>; comments ended by --!>): what could run is judged on the
    # elements a browser builds as well.
    scan.unsafe += [
        part for tag, values in browser_elements(html) for part in unsafe_parts(tag, values)
    ]
    return scan


def browser_elements(html: str) -> Iterator[tuple[str, dict[str, str]]]:
    """(tag, attributes) of every element a browser builds from html, in order."""
    for node in LexborHTMLParser(html).root.traverse(include_text=False):
        if not node.tag.startswith("-"):  # -comment, -text, -document
            yield node.tag, {name: value or "" for name, value in node.attributes.items()}


def scan_pages(pages: list[Page], config: MkDocsConfig) -> tuple[dict[str, Scan], list[Problem]]:
    """Each page rendered as MkDocs will, reduced to what the checks need."""
    renderer = markdown_renderer(config)
    scans, problems = {}, []
    for page in pages:
        scan, render_problems = scan_page(page, renderer)
        if scan is not None:
            scans[page.url_path] = scan
        problems += render_problems
    return scans, problems


def scan_page(page: Page, renderer: markdown.Markdown) -> tuple[Scan | None, list[Problem]]:
    """The page rendered as MkDocs will, reduced to what the checks need; not
    rendered if it is beyond what renders in linear time (render_limits)."""
    problems = render_limit_problems(page)
    if problems:
        return None, problems
    try:
        return scan_html(render(renderer, page.body)), []
    except RecursionError:
        message = (
            "the page is nested too deeply to render (lists, quotes or blocks inside "
            "each other); flatten it"
        )
        return None, [error(page.path, page.first_content_line, message, stops_render=True)]
