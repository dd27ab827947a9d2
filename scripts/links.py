"""Links and images of a rendered page: every internal link and #anchor must
resolve, every external address must be a well-formed https URL, every image
must have alt text, and remote images must be credited."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from scripts.problems import Problem, error
from scripts.render import Element, Scan
from scripts.sources import Page

SAFE_SCHEMES = {"mailto", "tel"}
HOST = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?$")


@dataclass
class SiteIndex:
    """What links can point at: pages with their ids, and other files."""

    page_ids: dict[str, set[str]]  # url_path of each page -> ids in it
    files: set[str]  # every file under docs/, relative, with '/'

    def resolve_page(self, target: str) -> str | None:
        if target in self.page_ids:
            return target
        index = posixpath.join(target, "index.md") if target else "index.md"
        return index if index in self.page_ids else None


def external_problem(url: str) -> str | None:
    """Why an absolute address is not acceptable, or None if it is."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if url.startswith("//"):
        return f"'{url}' has no scheme; write https://{url.lstrip('/')}"
    if scheme in SAFE_SCHEMES:
        return None if parts.path else f"'{url}' has no address after '{scheme}:'"
    if scheme == "https":
        return None if HOST.match(parts.netloc) else f"'{url}' has no valid host"
    if scheme == "http":
        return f"'{url}' is not encrypted; use https://"
    if scheme in {"javascript", "data", "file", "vbscript"}:
        return f"'{url}' uses the {scheme}: scheme, which is not allowed in this guide"
    if re.match(r"^https?//", url, re.IGNORECASE):
        return f"'{url}' is malformed; did you mean '{url.replace('//', '://', 1)}'?"
    return f"'{url}' uses the unknown scheme '{scheme}:'; use https://" if scheme else None


def check_links(page: Page, scan: Scan, index: SiteIndex) -> list[Problem]:
    problems = []
    for link in scan.links:
        message = link_problem(page, link.attrs["href"], scan, index)
        if message:
            problems.append(error(page.path, page.body_line_of(link.attrs["href"]), message))
    return problems


def link_problem(page: Page, href: str, scan: Scan, index: SiteIndex) -> str | None:
    if not href.strip():
        return "link has an empty target; write the page or address it points to"
    if (
        href.startswith("//")
        or urlsplit(href).scheme
        or re.match(r"^https?//", href, re.IGNORECASE)
    ):
        return external_problem(href)
    if href.startswith("/"):
        return (
            f"link '{href}' is an absolute path; link to the Markdown file relative to "
            f"this page, e.g. '{relative_hint(page, href)}'"
        )
    path, _, anchor = href.partition("#")
    if not path:
        return anchor_problem(href, anchor, scan.ids, "this page")
    return relative_link_problem(page, href, unquote(path), unquote(anchor), index)


def relative_link_problem(
    page: Page, href: str, path: str, anchor: str, index: SiteIndex
) -> str | None:
    base = posixpath.dirname(page.url_path)
    target = posixpath.normpath(posixpath.join(base, path))
    if target == ".." or target.startswith("../"):
        return f"link '{href}' points outside docs/; link to a page of this guide"
    if target.endswith(".md") or target not in index.files:
        resolved = index.resolve_page(target if target != "." else "")
        if resolved is None:
            return missing_target(href, target, index)
        return anchor_problem(href, anchor, index.page_ids[resolved], resolved)
    return None


def anchor_problem(href: str, anchor: str, ids: set[str], where: str) -> str | None:
    if not anchor or anchor in ids:
        return None
    same_case = [known for known in ids if known.lower() == anchor.lower()]
    hint = (
        f"; anchors are case-sensitive: use '#{same_case[0]}'"
        if same_case
        else f"; the headings there have: {', '.join(sorted(ids)[:8]) or 'no ids'}"
    )
    return f"link '{href}' points to '#{anchor}', which is not in {where}{hint}"


def missing_target(href: str, target: str, index: SiteIndex) -> str:
    wrong_case = [known for known in index.files if known.lower() == target.lower()]
    if wrong_case:
        return (
            f"link '{href}' differs in letter case from '{wrong_case[0]}'; it works on "
            "macOS but breaks on Linux hosting, so match the case"
        )
    if target in {posixpath.dirname(known) for known in index.files}:
        return f"link '{href}' points to a folder without an index.md; link to a page in it"
    return f"link '{href}' points to '{target}', which does not exist in docs/"


def relative_hint(page: Page, href: str) -> str:
    depth = page.url_path.count("/")
    return "../" * depth + href.lstrip("/")


def check_images(page: Page, scan: Scan, index: SiteIndex) -> list[Problem]:
    problems = []
    for image in scan.images:
        message = image_problem(page, image, index)
        if message:
            src = image.attrs.get("src", "")
            problems.append(error(page.path, page.body_line_of(src or "!["), message))
    return problems


def image_problem(page: Page, image: Element, index: SiteIndex) -> str | None:
    src = image.attrs.get("src", "").strip()
    if not image.attrs.get("alt", "").strip():
        return f"image '{src}' has no alt text; describe it in the brackets: ![what it shows]"
    if not src:
        return "image has no source address"
    if src.startswith("//") or urlsplit(src).scheme:
        return external_problem(src) or (
            f"remote image '{src}' has no credit; use a local file under docs/assets/, or "
            "make it the page's hero with image, imageAlt, photographer and photographerUrl "
            "in the front matter"
        )
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page.url_path), unquote(src)))
    if target not in index.files:
        return f"image '{src}' points to '{target}', which does not exist in docs/"
    return None
