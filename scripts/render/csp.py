"""A strict Content-Security-Policy on every built page, as
<meta http-equiv="Content-Security-Policy"> first in its <head>: only the
site's own files, and the inline scripts and styles this page holds,
identified by their SHA-256 (scripts/data/csp.yml has the policy).

The last post-build step, so the hashes are of the page as it is served
(the critical CSS adds <style>s). Scripts that are data (JSON, JSON-LD) do
not run and need none; <noscript>'s <style>s get one, for readers without
script.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from html import escape
from urllib.parse import urlsplit

from scripts import data_files
from scripts.render.html_tags import PageScan, scan_page

POLICY = "csp.yml"
RUNNABLE_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})


def inline_code(scan: PageScan) -> tuple[list[str], list[str], set[str]]:
    """The text of each inline <script> that runs and each <style>, exactly as
    the browser hashes it, and the origins of <img>s on other hosts."""
    scripts, styles = [], []
    for tag, text in scan.code:
        values = {name: value or "" for name, value in tag.attributes}
        if tag.name == "style":
            styles.append(text)
        elif "src" not in values and values.get("type", "").strip().lower() in RUNNABLE_TYPES:
            scripts.append(text)
    image_hosts = set()
    for tag in scan.tags:
        if tag.name == "img":
            values = {name: value or "" for name, value in tag.attributes}
            sources = [values.get("src", "")]
            sources += [
                part.split()[0] for part in values.get("srcset", "").split(",") if part.split()
            ]
            image_hosts |= {origin(source) for source in sources} - {""}
    return scripts, styles, image_hosts


def origin(url: str) -> str:
    """scheme://host[:port] of an absolute http(s) URL, else ""."""
    parts = urlsplit(url.strip())
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else ""


def sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@functools.cache
def settings() -> dict:
    return data_files.load(POLICY)


def policy(scripts: list[str], styles: list[str], image_hosts: set[str], engine: str) -> str:
    extra = settings()["engine_hashes"].get(engine, {})
    fill = {
        "scripts": " ".join(sorted({sha256(text) for text in scripts})),
        "styles": " ".join(sorted({sha256(text) for text in styles})),
        "image_hosts": " ".join(sorted(image_hosts)),
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
    written = policy(*inline_code(scan or scan_page(html)), engine)
    content = escape(written, quote=False).replace('"', "&quot;")  # its ' stay as they are
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    head = html.find("<head>")
    charset = html.find("<meta charset", head)
    if head == -1:
        raise ValueError("the page has no <head>")
    anchor = html.find(">", charset) + 1 if charset != -1 else head + len("<head>")
    return html[:anchor] + "\n    " + meta + html[anchor:]
