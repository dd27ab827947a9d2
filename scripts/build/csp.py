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
from html.parser import HTMLParser
from urllib.parse import urlsplit

from scripts import data_files

POLICY = "csp.yml"
RUNNABLE_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})


class _InlineCode(HTMLParser):
    """The text of each inline <script> that runs and each <style>, exactly as
    the browser hashes it, and the origins of <img>s on other hosts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.image_hosts: set[str] = set()
        self._open: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "script" and "src" not in values:
            if values.get("type", "").strip().lower() in RUNNABLE_TYPES:
                self._open, self._text = "script", []
        elif tag == "style":
            self._open, self._text = "style", []
        elif tag == "img":
            sources = [values.get("src", "")]
            sources += [
                part.split()[0] for part in values.get("srcset", "").split(",") if part.split()
            ]
            self.image_hosts |= {origin(source) for source in sources} - {""}

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            (self.scripts if tag == "script" else self.styles).append("".join(self._text))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)


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


def with_csp(html: str, engine: str) -> str:
    """The page with its policy as the first element of <head> after <meta charset>
    (a policy in a <meta> governs only what comes after it)."""
    parser = _InlineCode()
    parser.feed(html)
    parser.close()
    written = policy(parser.scripts, parser.styles, parser.image_hosts, engine)
    content = escape(written, quote=False).replace('"', "&quot;")  # its ' stay as they are
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    head = html.find("<head>")
    charset = html.find("<meta charset", head)
    if head == -1:
        raise ValueError("the page has no <head>")
    anchor = html.find(">", charset) + 1 if charset != -1 else head + len("<head>")
    return html[:anchor] + "\n    " + meta + html[anchor:]
