"""Every check of docs/, run in one pass: all problems, sorted, never a traceback."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from scripts.problems import Problem, error
from scripts.project.nav import nav_problems
from scripts.project.render import Scan, markdown_renderer, render, scan_html
from scripts.project.site_config import site_config
from scripts.project.site_files import display_path, is_checked_page, site_files
from scripts.project.sources import Page, prose_lines, read_page
from scripts.validate.check_cache import PageCache, context_key, page_key
from scripts.validate.checker_rules import check_rules
from scripts.validate.guidance import check_guidance
from scripts.validate.letters import check_letter
from scripts.validate.links import SiteIndex, check_images, check_links
from scripts.validate.meta_rules import check_meta, duplicate_title_problems
from scripts.validate.unfinished import unfinished_problems


def check_site(root: Path, config_file: Path | None = None) -> list[Problem]:
    """Validate every page of the site whose mkdocs.yml is config_file."""
    config_file = config_file or root / "mkdocs.yml"
    config = site_config(config_file, display_path(config_file, root))
    files = site_files(config)
    page_files = [file for file in files if is_checked_page(file)]
    pages, scans, render_problems = read_and_scan(page_files, root, config_file, config)
    problems = [problem for page in pages for problem in page.problems]
    problems += url_clash_problems(pages, page_files)
    readable = [page for page in pages if not page.problems]
    problems += [problem for page in readable for problem in check_meta(page)]
    problems += [problem for page in pages for problem in unfinished_problems(page)]
    problems += duplicate_title_problems(readable)
    problems += render_problems
    index = site_index(files, pages, scans)
    for page in readable:
        if page.url_path in scans:
            problems += page_problems(page, scans[page.url_path], index)
    problems += nav_problems(config, root, page_files)
    problems += check_rules(root, index)
    problems += check_guidance(root, index)
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
    """The page rendered as MkDocs will, reduced to what the checks need."""
    deep = too_deep_line(page)
    if deep is None:
        try:
            return scan_html(render(renderer, page.body)), []
        except RecursionError:
            deep = page.first_content_line
    message = (
        "the page is nested too deeply to render (lists, quotes or blocks inside "
        "each other); flatten it"
    )
    return None, [error(page.path, deep, message)]


MAX_INDENT = 64  # columns: 16 levels of lists; Python-Markdown slows down sharply past that
MAX_QUOTES = 16


def too_deep_line(page: Page) -> int | None:
    """The first line nested deeper than any real page would be, or None."""
    for offset, line in enumerate(prose_lines(page.body)):
        expanded = line.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip())
        quotes = re.match(r"[>\s]*", line)[0].count(">")
        if indent > MAX_INDENT or quotes > MAX_QUOTES:
            return page.body_line + offset
    return None


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
    problems = check_links(page, scan, index)
    problems += check_images(page, scan, index)
    problems += check_letter(page, scan)
    problems += unsafe_html_problems(page, scan)
    if not page.body.strip():
        problems.append(
            error(
                page.path,
                page.first_content_line,
                "page has no content after its front matter; write the page or delete it",
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
        error(
            page.path,
            page.body_line_of(needle),
            f"raw HTML with {what} can run script or load another site; remove it "
            "(the site's JavaScript lives in docs/javascripts/)",
        )
        for what, needle in dict.fromkeys(scan.unsafe)
    ]
