"""Every check of docs/, run in one pass: all problems, sorted, never a traceback."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from scripts import data_files
from scripts.problems import Problem, error
from scripts.project.config import site_config
from scripts.project.files import display_path, docs_tree, is_checked_page
from scripts.project.pages import Page, read_page
from scripts.project.render import Scan, markdown_renderer, scan_page
from scripts.validate.apology_rules import apology_rules_file_problems
from scripts.validate.cache import PageCache, context_key, page_key
from scripts.validate.data_files import data_file_problems
from scripts.validate.docs_tree import docs_tree_problems
from scripts.validate.front_matter import duplicate_title_problems, front_matter_problems
from scripts.validate.guidance import guidance_file_problems
from scripts.validate.letters import letter_problems
from scripts.validate.links import SiteIndex, image_problems, link_problems
from scripts.validate.nav import nav_problems
from scripts.validate.plain_text import (
    CONTROL,
    LINE_BREAKS,
    control_character_problems,
    invisible_in,
    invisible_name,
)
from scripts.validate.policy import policy_problems
from scripts.validate.registries import registry_file_problems
from scripts.validate.site_strings import site_string_problems
from scripts.validate.unfinished import unfinished_problems


def docs_problems(root: Path, config_file: Path | None = None) -> list[Problem]:
    """Validate every page of the site whose mkdocs.yml is config_file."""
    config_file = config_file or root / "mkdocs.yml"
    config = site_config(config_file, display_path(config_file, root))
    # Every page is checked against the data files, and the build reads them:
    # they come first, alone.
    registries = data_file_problems() or registry_file_problems()
    if registries:
        return sorted(set(registries))
    config_problems = site_string_problems(
        config, config_file.read_text(encoding="utf-8"), display_path(config_file, root)
    )
    tree = docs_tree(config)
    files = tree.files
    page_files = [file for file in files if is_checked_page(file)]
    pages, scans, render_problems = read_and_scan(page_files, root, config_file, config)
    problems = config_problems + docs_tree_problems(tree.set_aside, Path(config["docs_dir"]), root)
    problems += [problem for page in pages for problem in page.problems]
    problems += url_clash_problems(pages, page_files)
    problems += file_name_problems([file.src_uri for file in files], config["docs_dir"], root)
    readable = [page for page in pages if not page.problems]
    problems += [problem for page in readable for problem in front_matter_problems(page)]
    problems += [problem for page in pages for problem in unfinished_problems(page)]
    problems += [problem for page in pages for problem in control_character_problems(page)]
    problems += duplicate_title_problems(readable)
    problems += render_problems
    index = site_index(files, pages, scans)
    for page in readable:
        if page.url_path in scans:
            problems += page_problems(page, scans[page.url_path], index)
    problems += nav_problems(config, root, page_files)
    problems += apology_rules_file_problems(root, index)
    problems += guidance_file_problems(root, index)
    return sorted(set(problems))


Examined = tuple[Page, Scan | None, list[Problem]]  # a page, its render scan, render problems


def read_and_scan(
    page_files: list[File], root: Path, config_file: Path, config: MkDocsConfig
) -> tuple[list[Page], dict[str, Scan], list[Problem]]:
    """Every page read and, if readable, rendered: from the cache when its
    bytes and everything else it depends on are unchanged."""
    cache = PageCache.open(root, config)
    context = context_key(config_file, config) if cache.file else ""
    renderer = functools.cache(lambda: markdown_renderer(config))
    pages, scans, problems = [], {}, []
    for file in page_files:
        source = Path(file.abs_src_path)
        page, scan, render_problems = examined_page(
            source, display_path(source, root), file.src_uri, cache, context, renderer
        )
        pages.append(page)
        if scan is not None:
            scans[page.url_path] = scan
        problems += render_problems
    cache.save()
    return pages, scans, problems


def examined_page(
    source: Path,
    path: str,
    url_path: str,
    cache: PageCache,
    context: str,
    renderer: Callable[[], markdown.Markdown],
) -> Examined:
    try:
        key = page_key(context, path, url_path, source.read_bytes())
    except OSError:  # read_page says why
        key = None
    found = cache.get(key) if key else None
    if found is not None:
        return found
    page = read_page(source, path, url_path)
    scan, render_problems = (None, []) if page.problems else scan_page(page, renderer())
    result = (page, scan, render_problems)
    if key:
        cache.put(key, result)
    return result


def site_index(files: list[File], pages: list[Page], scans: dict[str, Scan]) -> SiteIndex:
    return SiteIndex(
        page_ids={
            page.url_path: scans[page.url_path].ids if page.url_path in scans else set()
            for page in pages
        },
        files={file.src_uri for file in files if not file.inclusion.is_excluded()},
        excluded={file.src_uri for file in files if file.inclusion.is_excluded()},
    )


def page_problems(page: Page, scan: Scan, index: SiteIndex) -> list[Problem]:
    problems = link_problems(page, scan, index)
    problems += image_problems(page, scan, index)
    problems += letter_problems(page, scan, index)
    problems += unsafe_html_problems(page, scan)
    problems += policy_problems(page)
    if not page.body.strip():
        problems.append(
            error(
                page.path,
                page.first_content_line,
                "page has no content after its front matter; write the page or delete it",
            )
        )
    return problems


def file_name_problems(names: list[str], docs_dir: str, root: Path) -> list[Problem]:
    """A file under docs/ whose name holds a line break, a control character
    or an invisible one (U+202E turns `gpj.md` into what looks like another
    name): it reaches addresses and links as it is."""
    docs = display_path(Path(docs_dir), root)
    problems = []
    for name in names:
        odd = CONTROL.search(name) or LINE_BREAKS.search(name)
        character = odd[0] if odd else invisible_in(name)
        if character is not None:
            shown = "".join(
                c if c.isprintable() and c != "\\" else f"\\u{ord(c):04x}" for c in name
            )
            problems.append(
                error(
                    f"{docs}/{shown}",
                    1,
                    f"the file name contains the invisible character {invisible_name(character)}; "
                    "rename the file",
                    stops_render=True,
                )
            )
    return problems


def url_clash_problems(pages: list[Page], files: list[File]) -> list[Problem]:
    """Two pages at one address: x.md and x/index.md, or names that differ only in case."""
    url_of = {file.src_uri: file.url for file in files}
    seen: dict[str, Page] = {}
    problems = []
    for page in pages:
        url = url_of[page.url_path]
        other = seen.setdefault(url.lower(), page)
        if other is page:
            continue
        if url_of[other.url_path] == url:
            message = (
                f"renders to the same address '/{url}' as {other.path}; MkDocs would "
                "silently publish only one of them, so rename or remove one"
            )
        else:
            message = (
                f"differs from {other.path} only in letter case; they clash on macOS and "
                "Windows and on case-insensitive hosts, so rename one"
            )
        problems.append(error(page.path, 1, message))
    return problems


def unsafe_html_problems(page: Page, scan: Scan) -> list[Problem]:
    return [
        error(page.path, page.body_line_of(needle), unsafe_html_message(what))
        for what, needle in dict.fromkeys(scan.unsafe)
    ]


def unsafe_html_message(what: str) -> str:
    rules = data_files.unsafe_html()
    tag = what.strip("<>")
    if what == "style=":
        return (
            "raw HTML with a style attribute would restyle the page (its url() loads from "
            "anywhere; a table column's alignment writes one too); the site's CSS lives in "
            "docs/stylesheets/, so remove it"
        )
    if tag in rules["style_tags"]:
        return (
            f"raw HTML with {what} would restyle the page; the site's CSS lives in "
            "docs/stylesheets/, so remove it"
        )
    if tag in rules["raw_text_tags"]:
        return (
            f"raw HTML with {what} makes a browser read what follows as text (or not at all), "
            "which could hide markup from these checks; remove it, or write the text in "
            "Markdown (a code block for examples of HTML)"
        )
    return (
        f"raw HTML with {what} can run script or load another site; remove it "
        "(the site's JavaScript lives in docs/javascripts/)"
    )
