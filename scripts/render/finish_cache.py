"""Finished pages remembered by what they are made of, so that a build whose
pages did not change finishes them at once (`.cache/finish/pages.pickle`,
kept as the check keeps its own: scripts/validate/cache.py's PageCache).

A page's key hashes the page as the engine rendered it, where it is in the
site, the engine and the site's base path, the files its <link>s name (the
stylesheets the critical CSS is cut from, the favicon inlined), and the
finishing steps themselves: scripts/render/'s code, their settings in
scripts/data/ and the versions of the libraries they use. Change any of them
and the page is finished again. Only the pages of the last build are kept.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
from pathlib import Path

from scripts import data_files
from scripts.render.html_tags import LINK, is_local, local_file, tag_attributes

FORMAT = 1  # bump when what is stored changes shape
CACHE_FILE = Path(".cache") / "finish" / "pages.pickle"
CODE_DIR = Path(__file__).parent
SETTINGS = ("critical-css.yml", "csp.yml", "html-fixes.yml")
LIBRARIES = ("tinycss2", "cssselect2", "lxml")


@functools.cache
def steps_key() -> bytes:
    """A hash of the finishing steps: their code, settings and libraries."""
    digest = hashlib.sha256(f"format {FORMAT}\n".encode())
    files = sorted(CODE_DIR.glob("*.py")) + [data_files.DATA_DIR / name for name in SETTINGS]
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for name in LIBRARIES:
        digest.update(f"{name} {importlib.metadata.version(name)}\n".encode())
    return digest.digest()


class PageKeys:
    """Each page's key, for the pages of one built site (the files they link
    are read once)."""

    def __init__(self, site: Path, base: str, engine: str) -> None:
        self.site, self.base, self.engine = site, base, engine
        self._digests: dict[Path, bytes] = {}

    def of(self, html: str, page: Path) -> str:
        digest = hashlib.sha256(steps_key())
        where = page.relative_to(self.site).as_posix()
        digest.update(f"{self.engine}\0{self.base}\0{where}\0".encode())
        digest.update(html.encode("utf-8"))
        for file in linked_files(html, page, self.site, self.base):
            digest.update(self._digest(file))
        return digest.hexdigest()

    def _digest(self, file: Path) -> bytes:
        if file not in self._digests:
            content = file.read_bytes() if file.is_file() else b"\0absent"
            self._digests[file] = hashlib.sha256(content).digest()
        return self._digests[file]


def linked_files(html: str, page: Path, site: Path, base: str) -> list[Path]:
    """The site's files the <link>s of the page's <head> name."""
    head_end = html.find("</head>")
    hrefs = [
        tag_attributes(found[0]).get("href", "")
        for found in LINK.finditer(html, 0, head_end if head_end != -1 else len(html))
    ]
    return [local_file(href, page, site, base) for href in hrefs if href and is_local(href)]
