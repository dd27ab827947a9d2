"""Critical CSS: each built page carries, inlined, the rules of its stylesheets
that can apply to it, and loads the full stylesheets only after the first
paint (docs/javascripts/site/after-paint.js), so nothing but the HTML is requested
before the reader sees the page.

For each page: the rules of each linked stylesheet whose selector matches an
element of the page, once the parts that depend on the reader or on script
are set aside (scripts/data/critical-css.yml: `a:hover` is kept when the page
has an `a`), in source order, inside their @media/@supports; custom
properties that no kept rule and none of the page's own CSS uses (Material's
icons, as data: URIs) left out, and the @keyframes kept rules name. They
become one <style>, where the first <link> was (before the page's own
<style>s, so the cascade is unchanged); the <link>s move into
<template data-mdx-after-paint>, and into <noscript> for readers without
script. The full sheets, once they arrive, change nothing on screen
(tests/browser/test_first_paint.py compares every element's computed style).

Libraries: tinycss2 parses the sheets (once per build), cssselect2 matches
selectors against lxml's parse of the page. Only selectors whose classes and
ids all occur on the page are compiled and tried, so a page costs a few
milliseconds.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import cssselect2
import tinycss2
from lxml import html as lxml_html
from tinycss2.ast import WhitespaceToken
from webencodings import ascii_lower

from scripts import data_files
from scripts.render.html_tags import LINK, PageError, is_local, local_file, tag_attributes

SETTINGS = "critical-css.yml"
VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")
CLASS_OR_ID = re.compile(r"([.#])(-?[_a-zA-Z][\w-]*)")
ATTRIBUTE = re.compile(
    r"""\[\s*([\w-]+)\s*(?:[~|^$*]?=\s*("[^"]*"|'[^']*'|[^\]\s]+)\s*(?:[is]\s*)?)?\]"""
)
EMPTY_COMPOUND = re.compile(r"(^|[\s>+~(,])(?=$|[\s>+~),])")
# Whitespace around a combinator (`a + b`, as our unminified sheets write
# it), outside an attribute's brackets: not a descendant combinator.
SPACED_COMBINATOR = re.compile(r"\s*([>+~])\s*(?![^\[]*\])")
WRAPPING_AT_RULES = frozenset({"media", "supports", "container", "layer"})


@dataclass(frozen=True)
class Rule:
    """One style rule: its selectors, the at-rules around it (outermost first,
    e.g. "@media screen and (min-width:76.25em)") and its block, whose
    declarations are read only if a page keeps the rule (most are never kept)."""

    selectors: tuple[str, ...]
    wrappers: tuple[str, ...]
    content: list = field(repr=False, compare=False)  # tinycss2's tokens of the block

    @functools.cached_property
    def declarations(self) -> tuple[tuple[str, str], ...]:
        return tuple(
            (item.name, value_text(item.value) + ("!important" if item.important else ""))
            for item in tinycss2.parse_blocks_contents(self.content, skip_whitespace=True)
            if item.type == "declaration"
        )

    @functools.cached_property
    def uses(self) -> frozenset[str]:
        """The custom properties its other declarations use."""
        return frozenset(
            name
            for prop, value in self.declarations
            if not prop.startswith("--")
            for name in VAR_USE.findall(value)
        )


@dataclass
class Stylesheet:
    rules: list[Rule] = field(default_factory=list)
    keyframes: dict[str, str] = field(default_factory=dict)  # name -> the whole at-rule
    # (classes and ids the selector needs on the page, selector, rule index, selector index)
    selectors: list[tuple[frozenset[str], str, int, int]] = field(default_factory=list)


# ---------------------------------------------------------------- stylesheets


@functools.lru_cache(maxsize=16)
def parse_stylesheet(text: str) -> Stylesheet:
    """The sheet's rules, parsed once per process: the same text is the same
    sheet (a build's workers parse the theme's before MkDocs copies them)."""
    sheet = Stylesheet()
    nodes = tinycss2.parse_stylesheet(text, skip_whitespace=True, skip_comments=True)
    _collect(sheet, nodes, ())
    return sheet


def _collect(sheet: Stylesheet, nodes: list, wrappers: tuple[str, ...]) -> None:
    for node in nodes:
        if node.type == "qualified-rule":
            _add_rule(sheet, node, wrappers)
        elif node.type == "at-rule" and node.content is not None:
            keyword = node.lower_at_keyword
            prelude = tinycss2.serialize(node.prelude).strip()
            if keyword in WRAPPING_AT_RULES and not (keyword == "media" and prelude == "print"):
                inner = tinycss2.parse_rule_list(node.content, skip_whitespace=True)
                _collect(sheet, inner, (*wrappers, f"@{keyword} {prelude}"))
            elif keyword.endswith("keyframes"):
                sheet.keyframes[prelude] = tinycss2.serialize([node])
        # @charset, @page, @font-face ...: nothing a first paint on screen needs


def _add_rule(sheet: Stylesheet, node, wrappers: tuple[str, ...]) -> None:
    selectors = tuple(split_top_level(tinycss2.serialize(node.prelude)))
    index = len(sheet.rules)
    sheet.rules.append(Rule(selectors, wrappers, node.content))
    for position, selector in enumerate(selectors):
        sheet.selectors.append((required_tokens(selector), selector, index, position))


def value_text(tokens: list) -> str:
    """A declaration's value as CSS, each run of white space between tokens one space."""
    spaced = [
        WhitespaceToken(0, 0, " ") if token.type == "whitespace" else token for token in tokens
    ]
    return tinycss2.serialize(spaced).strip()


def split_top_level(prelude: str) -> list[str]:
    """A selector list's selectors (commas inside :is(...) do not split)."""
    parts, depth, current = [], 0, []
    for char in prelude:
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return [part for part in parts if part]


def outside_parentheses(selector: str) -> str:
    depth, kept = 0, []
    for char in selector:
        depth += char == "("
        if depth == 0:
            kept.append(char)
        depth -= char == ")"
    return "".join(kept)


def required_tokens(selector: str) -> frozenset[str]:
    """The classes and ids an element of the page must have for the selector to
    match (those inside :is(), :not() ... may be alternatives: left out)."""
    return frozenset(
        kind + name for kind, name in CLASS_OR_ID.findall(outside_parentheses(selector))
    )


# ---------------------------------------------------------------- matching


@functools.cache
def settings() -> dict:
    return data_files.load(SETTINGS)


@functools.cache
def reader_state() -> re.Pattern[str]:
    """Pseudo-classes and pseudo-elements that depend on the reader, as one pattern."""
    names = sorted(settings()["reader_states"], key=len, reverse=True)
    prefixes = [re.escape(prefix) + r"[\w-]+" for prefix in settings()["vendor_prefixes"]]
    return re.compile(rf"::?(?:{'|'.join([*map(re.escape, names), *prefixes])})(?![\w-])")


PaletteValues = frozenset[tuple[str, str]]  # (attribute, value) pairs the page's palette has


@functools.cache
def matchable(selector: str, palette: PaletteValues) -> str | None:
    """The selector as it can be matched against the page's markup: reader
    states removed, palette attributes taken as set; None if it names a
    palette value the page does not have."""
    prefix = settings()["palette_attribute_prefix"]
    known = {attribute for attribute, _ in palette}
    for found in ATTRIBUTE.finditer(selector):
        attribute, value = found[1], (found[2] or "").strip("\"'")
        named = attribute.startswith(prefix) and value and attribute in known
        if named and (attribute, value) not in palette:
            return None
    scripted = frozenset(settings()["script_attributes"])
    selector = ATTRIBUTE.sub(
        lambda found: "" if found[1].startswith(prefix) or found[1] in scripted else found[0],
        selector,
    )
    selector = reader_state().sub("", SPACED_COMBINATOR.sub(r"\1", selector))
    selector = EMPTY_COMPOUND.sub(r"\1*", selector.strip()).replace(":not(*)", "")
    return selector or "*"


UNDECIDABLE = "undecidable"


@functools.cache
def compiled(selector: str) -> list | str:
    """cssselect2's compiled selectors, or UNDECIDABLE for one it cannot read."""
    try:
        return list(cssselect2.compile_selector_list(selector))
    except cssselect2.SelectorError:
        return UNDECIDABLE


@dataclass
class PageMarkup:
    """What matching needs of a page: its parsed tree as the first paint sees
    it, the classes and ids on it, its palette's values, and its elements
    (cssselect2's wrappers) by id, class and tag name."""

    root: object
    tokens: set[str]
    palette: PaletteValues
    elements: list = field(default_factory=list)
    by_id: dict[str, list] = field(default_factory=dict)
    by_class: dict[str, list] = field(default_factory=dict)
    by_name: dict[str, list] = field(default_factory=dict)


def without_unrendered(root) -> None:
    """Leave out of the tree what the first paint does not draw (the
    settings' `unrendered`), so no rule is kept for it alone."""
    found = cssselect2.ElementWrapper.from_html_root(root).query_all(*settings()["unrendered"])
    for element in [wrapper.etree_element for wrapper in found]:
        element.getparent().remove(element)


def page_markup(html: str) -> PageMarkup:
    root = lxml_html.document_fromstring(html)
    without_unrendered(root)
    swaps = settings()["class_swaps"]
    html_element = root if root.tag == "html" else root.getroottree().getroot()
    classes = [swaps.get(name, name) for name in html_element.get("class", "").split()]
    html_element.set("class", " ".join(classes))
    tokens = {"#" + value for value in root.xpath("//@id")}
    for value in root.xpath("//@class"):
        tokens.update("." + name for name in value.split())
    prefix = settings()["palette_attribute_prefix"]
    palette = frozenset(
        (attribute.attrname, str(attribute))
        for attribute in root.xpath(f"//@*[starts-with(name(), '{prefix}')]")
    )
    page = PageMarkup(root, tokens, palette)
    for element in cssselect2.ElementWrapper.from_html_root(root).iter_subtree():
        page.elements.append(element)
        if element.id is not None:
            page.by_id.setdefault(element.id, []).append(element)
        for name in element.classes:
            page.by_class.setdefault(name, []).append(element)
        page.by_name.setdefault(ascii_lower(element.local_name), []).append(element)
    return page


def candidates(selector, page: PageMarkup) -> list:
    """The page's elements a compiled selector may match, by the id, class or
    tag name of its rightmost part (as cssselect2's Matcher indexes them)."""
    if selector.id is not None:
        return page.by_id.get(selector.id, [])
    if selector.class_name is not None:
        return page.by_class.get(selector.class_name, [])
    if selector.lower_local_name is not None:
        return page.by_name.get(selector.lower_local_name, [])
    return page.elements


def matches_somewhere(selector, page: PageMarkup) -> bool:
    """Whether the compiled selector matches an element of the page: the
    first match is enough, so most selectors cost one test."""
    return not selector.never_matches and any(map(selector.test, candidates(selector, page)))


def matching_selectors(sheet: Stylesheet, page: PageMarkup) -> dict[int, set[int]]:
    """rule index -> indexes of its selectors that may match on the page."""
    found: dict[int, set[int]] = {}
    for needs, selector, rule, position in sheet.selectors:
        if not needs <= page.tokens:
            continue
        readable = matchable(selector, page.palette)
        if readable is None:
            continue
        selectors = compiled(readable)
        # A selector cssselect2 cannot read is kept: the full sheet decides.
        if selectors == UNDECIDABLE or any(matches_somewhere(one, page) for one in selectors):
            found.setdefault(rule, set()).add(position)
    return found


# ---------------------------------------------------------------- the page's CSS


def needed_properties(rules: list[Rule], page_css: str) -> set[str]:
    """Custom properties the kept rules or the page's own CSS use, followed
    through every definition of them (in any scheme)."""
    needed = set(VAR_USE.findall(page_css)).union(*(rule.uses for rule in rules))
    definitions: dict[str, list[str]] = {}
    for rule in rules:
        for name, value in rule.declarations:
            if name.startswith("--"):
                definitions.setdefault(name, []).append(value)
    frontier = set(needed)
    while frontier:
        values = [value for name in frontier for value in definitions.get(name, ())]
        frontier = {name for value in values for name in VAR_USE.findall(value)} - needed
        needed |= frontier
    return needed


Kept = list[tuple[Rule, set[int]]]  # a rule, and the indexes of its selectors that may match


def kept_rules(sheet: Stylesheet, page: PageMarkup) -> Kept:
    found = matching_selectors(sheet, page)
    return [(sheet.rules[index], found[index]) for index in sorted(found)]


def critical_text(sheet: Stylesheet, kept: Kept, needed: set[str]) -> str:
    """The kept rules as minified CSS, with only the custom properties needed
    (by any sheet's kept rules or the page's own CSS: see needed_properties)."""
    out: list[str] = []
    open_wrappers: tuple[str, ...] = ()
    animations = []
    for rule, positions in kept:
        body = ";".join(
            f"{name}:{value}"
            for name, value in rule.declarations
            if not name.startswith("--") or name in needed
        )
        if not body:
            continue
        if rule.wrappers != open_wrappers:
            out.append("}" * len(open_wrappers) + "".join(w + "{" for w in rule.wrappers))
            open_wrappers = rule.wrappers
        selectors = ",".join(rule.selectors[position] for position in sorted(positions))
        out.append(f"{selectors}{{{body}}}")
        animations += [value for name, value in rule.declarations if name.startswith("animation")]
    out.append("}" * len(open_wrappers))
    named = " ".join(animations)
    out += [
        text
        for name, text in sheet.keyframes.items()
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", named)
    ]
    return "".join(out)


# ---------------------------------------------------------------- the page


@dataclass(frozen=True)
class SheetLink:
    tag: str  # the <link> as written, with the white space after it
    start: int
    href: str
    media: str


def stylesheet_links(html: str) -> list[SheetLink]:
    """The page's own <link rel="stylesheet">s in <head> (other hosts' are left alone)."""
    head_end = html.find("</head>")
    links = []
    for found in LINK.finditer(html, 0, head_end if head_end != -1 else len(html)):
        attributes = tag_attributes(found[0])
        href = attributes.get("href", "")
        if "stylesheet" in attributes.get("rel", "").lower().split() and is_local(href):
            links.append(SheetLink(found[0], found.start(), href, attributes.get("media", "")))
    return links


class Stylesheets:
    """The stylesheets of a built site, as its pages link them."""

    def __init__(self, site: Path, base_path: str = "/") -> None:
        self.site, self.base_path = site.resolve(), base_path

    def linked(self, href: str, page: Path) -> Stylesheet:
        file = local_file(href, page, self.site, self.base_path)
        if self.site not in file.parents or not file.is_file():
            raise PageError(href, f"the stylesheet {href} is not in the built site")
        return parse_stylesheet(file.read_text(encoding="utf-8"))


PAGE_CSS = re.compile(r"<style\b[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)


def with_critical_css(html: str, page: Path, sheets: Stylesheets) -> tuple[str, list[str]]:
    """The page with its stylesheets' critical rules inlined and the sheets
    deferred; and the CSS of the <style>s added (for the page's CSP)."""
    links = stylesheet_links(html)
    if not links:
        return html, []
    markup = page_markup(html)
    linked = [sheets.linked(link.href, page) for link in links]
    kept = [kept_rules(sheet, markup) for sheet in linked]
    # A property one sheet defines may be used by another's rules (Material's
    # palette defines what its main sheet uses): needed across all of them.
    page_css = "".join(PAGE_CSS.findall(html))
    needed = needed_properties([rule for each in kept for rule, _ in each], page_css)
    styles = []
    for link, sheet, rules in zip(links, linked, kept, strict=True):
        css = critical_text(sheet, rules, needed)
        if link.media and link.media.lower() != "all":
            css = f"@media {link.media}{{{css}}}"
        styles.append(css)
    tags = "".join(link.tag.strip() for link in links)
    # One <style> for all sheets, in their order: one hash in the page's CSP.
    block = (
        f"<style>{''.join(styles)}</style>"
        f"<template data-mdx-after-paint>{tags}</template><noscript>{tags}</noscript>\n"
    )
    first = links[0].start
    rest = html[first:]
    for link in links:
        rest = rest.replace(link.tag, "", 1)
    return html[:first] + block + rest, styles
