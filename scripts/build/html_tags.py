"""Small readers of a built page's tags, shared by the post-build steps that
edit pages in place: a start tag's attributes, and the file of the site an
address names."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import unquote


class PageError(Exception):
    """A built page refers to a file the site does not have: the address as the
    page writes it, and what is wrong."""

    def __init__(self, address: str, message: str) -> None:
        super().__init__(message)
        self.address = address


LINK = re.compile(r"<link\b[^>]*>\s*", re.IGNORECASE)
TAG_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def tag_attributes(tag: str) -> dict[str, str]:
    """The attributes of one start tag's text, names lower-cased, values unescaped."""
    inner = re.sub(r"^<\w+|/?>\s*$", "", tag.strip())
    return {
        found[1].lower(): unescape(found[2] or found[3] or found[4] or "")
        for found in TAG_ATTRIBUTE.finditer(inner)
    }


def is_local(href: str) -> bool:
    """An address on this site (no scheme, no host)."""
    return not re.match(r"^([a-z][a-z0-9+.-]*:|//)", href, re.IGNORECASE)


def local_file(href: str, page: Path, site: Path, base_path: str) -> Path:
    """The file of the site an address on the page names: relative to the page,
    or from the site's root (base_path, e.g. "/repo/", is where the site is served)."""
    path = unquote(re.split(r"[?#]", href, maxsplit=1)[0])
    if path.startswith("/"):
        path = path[len(base_path) :] if path.startswith(base_path) else path.lstrip("/")
        return (site / path).resolve()
    return (page.parent / path).resolve()
