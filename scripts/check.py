"""Every check of docs/, run in one pass: all problems, sorted, never a traceback."""

from __future__ import annotations

from pathlib import Path

from scripts.letters import check_letter
from scripts.links import SiteIndex, check_images, check_links
from scripts.meta_rules import check_meta, duplicate_title_problems
from scripts.problems import Problem, error
from scripts.render import Scan, markdown_renderer, render, scan_html, site_config
from scripts.sources import Page, read_page


def find_pages(docs_dir: Path) -> list[Path]:
    return sorted(path for path in docs_dir.rglob("*.md") if path.is_file())


def all_files(docs_dir: Path) -> set[str]:
    return {path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*") if path.is_file()}


def check_site(root: Path, config_file: Path | None = None) -> list[Problem]:
    """Validate every page of the site whose mkdocs.yml is config_file."""
    config = site_config(config_file or root / "mkdocs.yml")
    docs_dir = Path(config["docs_dir"])
    pages = [read_page(path, docs_dir, root) for path in find_pages(docs_dir)]
    problems = [problem for page in pages for problem in page.problems]
    problems += url_clash_problems(pages)
    readable = [page for page in pages if not page.problems]
    problems += [problem for page in readable for problem in check_meta(page)]
    problems += duplicate_title_problems(readable)
    renderer = markdown_renderer(config)
    scans = {page.url_path: scan_html(render(renderer, page.body)) for page in readable}
    index = SiteIndex(
        page_ids={
            page.url_path: scans[page.url_path].ids if page.url_path in scans else set()
            for page in pages
        },
        files=all_files(docs_dir),
    )
    for page in readable:
        scan = scans[page.url_path]
        problems += check_links(page, scan, index)
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
    return sorted(set(problems))


def url_of(page: Page) -> str:
    """The address MkDocs gives a page: x.md and x/index.md both become x/."""
    stem = page.url_path.removesuffix(".md")
    return stem.removesuffix("index").rstrip("/") if stem.endswith("index") else stem


def url_clash_problems(pages: list[Page]) -> list[Problem]:
    seen: dict[str, Page] = {}
    problems = []
    for page in pages:
        url = url_of(page).lower()
        if url in seen:
            other = seen[url]
            problems.append(
                error(
                    page.path,
                    1,
                    (
                        f"renders to the same address '/{url_of(page)}/' as {other.path} "
                        "(URLs ignore letter case on many hosts); rename or remove one"
                    ),
                )
            )
        seen.setdefault(url, page)
    return problems


def unsafe_html_problems(page: Page, scan: Scan) -> list[Problem]:
    return [
        error(
            page.path,
            page.body_line_of(what.rstrip("=")),
            (
                f"raw HTML with {what} can run script; remove it (the site's JavaScript "
                "lives in docs/javascripts/)"
            ),
        )
        for what in dict.fromkeys(scan.unsafe)
    ]
