"""A strict Content-Security-Policy on every built page, as
<meta http-equiv="Content-Security-Policy"> first in its <head>: only the
site's own files, the images of the hosts csp.yml names, and the inline
scripts and styles the templates and the pipeline put on the page,
identified by their SHA-256 (scripts/data/csp.yml has the policy).

The policy names what we emit, not whatever the page holds: inline code in
the page's own content (between the markers partials/content.html writes
around it, from Markdown) gets no hash, so anything that slipped past
`make check` there cannot run or style the page. A page whose markers are
repeated (content that imitates them) stops the build.

The last post-build step, so the hashes are of the page as it is served
(the critical CSS adds <style>s). Scripts that are data (JSON, JSON-LD) do
not run and need none; <noscript>'s <style>s get one, for readers without
script.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from html import escape

from scripts import data_files
from scripts.render.html_tags import PageError, PageScan, scan_page

POLICY = "csp.yml"
RUNNABLE_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})


CONTENT_START, CONTENT_END = "<!-- mdx-page-content -->", "<!-- /mdx-page-content -->"


def content_span(html: str) -> tuple[int, int]:
    """Where the page's own content (from Markdown) lies: (start, end)
    offsets; (0, 0) on a page without it (the 404 page)."""
    starts, ends = html.count(CONTENT_START), html.count(CONTENT_END)
    if (starts, ends) == (0, 0):
        return 0, 0
    if (starts, ends) != (1, 1) or html.find(CONTENT_START) > html.find(CONTENT_END):
        marker = CONTENT_START if starts != 1 else CONTENT_END
        raise PageError(
            marker,
            f"the page's content imitates the marker `{marker}` that delimits it; remove it "
            "from the page's Markdown",
        )
    return html.find(CONTENT_START), html.find(CONTENT_END)


def inline_code(scan: PageScan, html: str) -> tuple[list[str], list[str]]:
    """The text of each inline <script> that runs and each <style> that the
    templates or the pipeline wrote (not the page's own content), exactly as
    the browser hashes it."""
    start, end = content_span(html)
    line_starts = [0] + [found.end() for found in re.finditer("\n", html)]
    scripts, styles = [], []
    for tag, text in scan.code:
        if start <= line_starts[tag.line - 1] + tag.column < end:
            continue  # the page's own: never trusted
        values = {name: value or "" for name, value in tag.attributes}
        if tag.name == "style":
            styles.append(text)
        elif "src" not in values and values.get("type", "").strip().lower() in RUNNABLE_TYPES:
            scripts.append(text)
    return scripts, styles


def sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@functools.cache
def settings() -> dict:
    return data_files.load(POLICY)


def policy(scripts: list[str], styles: list[str], engine: str) -> str:
    extra = settings()["engine_hashes"].get(engine, {})
    fill = {
        "scripts": " ".join(sorted({sha256(text) for text in scripts})),
        "styles": " ".join(sorted({sha256(text) for text in styles})),
        "image_hosts": " ".join(settings().get("image_hosts", [])),
    }
    directives = []
    for name, template in settings()["policy"].items():
        sources = template.format(**fill).split() + extra.get(name, [])
        directives.append(" ".join([name, *sources]))
    return "; ".join(directives)


def with_csp(html: str, engine: str, scan: PageScan | None = None) -> str:
    """The page with its policy as the first element of <head> after <meta charset>
    (a policy in a <meta> governs only what comes after it); scan is the page's
    (scan_page), when the caller has made it already: inline code only."""
    written = policy(*inline_code(scan or scan_page(html), html), engine)
    content = escape(written, quote=False).replace('"', "&quot;")  # its ' stay as they are
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    head = html.find("<head>")
    charset = html.find("<meta charset", head)
    if head == -1:
        raise ValueError("the page has no <head>")
    anchor = html.find(">", charset) + 1 if charset != -1 else head + len("<head>")
    return html[:anchor] + "\n" + meta + html[anchor:]
