"""The built pages finished for the first paint and for safety, in place:
after MkDocs (or Zensical) has rendered the site and before `make build`
swaps it in. Each page is read once, passed through the steps in order, and
written once:

0. the templates' indentation collapsed (whitespace.py), then what the
   reader reaches for later moved into a file beside it (later.py);
1. the favicon as a data: URI (favicon.py);
2. the critical CSS inlined, Material's stylesheets deferred (critical_css.py);
3. the Nu checker's errors in the theme's markup fixed (valid_html.py);
4. the Content-Security-Policy, with the hashes of the page's inline code
   as it now is (csp.py): last.

A page that names a stylesheet, script or icon the site does not have (a
template with a stale bundle name) stops the build, with every such page
listed. A page finished by an earlier build from the same input is taken
from the cache (finish_cache.py); the others are finished on every core
(workers.py). `make serve` skips these steps: its pages keep plain <link>s.
"""

from __future__ import annotations

import re
from multiprocessing.pool import Pool
from pathlib import Path
from urllib.parse import urlsplit

from scripts.problems import Problem, error
from scripts.render.critical_css import Stylesheets, with_critical_css
from scripts.render.csp import with_csp
from scripts.render.favicon import with_inline_favicon
from scripts.render.finish_cache import PageKeys
from scripts.render.html_tags import PageError, is_local, local_file, scan_page
from scripts.render.later import with_later_moved
from scripts.render.valid_html import valid_html
from scripts.render.whitespace import collapsed_whitespace
from scripts.validate.cache import PageCache

SCRIPT_SRC = re.compile(r"<script\b[^>]*?\bsrc=\"([^\"]+)\"", re.IGNORECASE)


def base_path(site_url: str | None) -> str:
    """Where the site is served from the host's root: "/" or e.g. "/repo/"."""
    path = urlsplit(site_url or "").path or "/"
    return path if path.endswith("/") else path + "/"


def missing_scripts(html: str, page: Path, site: Path, base: str) -> list[str]:
    """The page's local <script src>s (the templated ones too) the site lacks."""
    return [
        src
        for src in SCRIPT_SRC.findall(html)
        if is_local(src) and not local_file(src, page, site, base).is_file()
    ]


def finished_page(html: str, page: Path, site: Path, sheets: Stylesheets, engine: str) -> str:
    html = with_inline_favicon(html, page, site, sheets.base_path)
    html, _styles = with_critical_css(html, page, sheets)
    # One tokenizer pass serves both: the fixes touch no script or style.
    scan = scan_page(html)
    return with_csp(valid_html(html, scan), engine, scan)


Task = tuple[Path, Path, str, str, str]  # page, site, base path, engine, html
Outcome = tuple[str | None, tuple[str, str] | None]  # the page, or (address, what is wrong)


def finish_task(task: Task) -> Outcome:
    """One page finished: where the work is shared out (in this process or a
    worker's), so every argument and result can be pickled."""
    page, site, base, engine, html = task
    try:
        return finished_page(html, page, site, Stylesheets(site, base), engine), None
    except PageError as exc:
        return None, (exc.address, str(exc))


def finish_site(
    site: Path,
    engine: str,
    site_url: str | None,
    shown_as: str,
    cache_file: Path | None = None,
    workers: Pool | None = None,
) -> list[Problem]:
    """Finish every page of the built site in place; the problems that stop
    the build (pages are then left part-finished: the caller discards them).
    shown_as is how the site folder is named in messages (e.g. "site");
    cache_file keeps the finished pages for the next build (finish_cache.py);
    workers, a pool if given, finish the pages the cache lacks (workers.py)."""
    site = site.resolve()
    base = base_path(site_url)
    keys = PageKeys(site, base, engine)
    cache = PageCache.load(cache_file) if cache_file else PageCache(None, {})
    problems, todo = [], []
    for page in sorted(site.rglob("*.html")):
        where = f"{shown_as}/{page.relative_to(site).as_posix()}"
        # First, so the page is finished (and remembered) as it is served.
        html = with_later_moved(collapsed_whitespace(page.read_text(encoding="utf-8")), page)
        problems += [
            error(where, line_of(html, src), f"the script {src} is not in the built site")
            for src in missing_scripts(html, page, site, base)
        ]
        key = keys.of(html, page)
        finished = cache.get(key)
        if finished is None:
            todo.append((where, key, (page, site, base, engine, html)))
        else:
            page.write_text(finished, encoding="utf-8")
    tasks = [task for _, _, task in todo]
    outcomes = workers.imap(finish_task, tasks) if workers else map(finish_task, tasks)
    for (where, key, (page, *_, html)), (finished, failure) in zip(todo, outcomes, strict=True):
        if failure is not None:
            address, message = failure
            problems.append(error(where, line_of(html, address), message))
            continue
        cache.put(key, finished)
        page.write_text(finished, encoding="utf-8")
    if not problems:
        cache.save()
    return problems


def line_of(html: str, text: str) -> int:
    return html.count("\n", 0, max(html.find(text), 0)) + 1
