"""Links and images of a rendered page: every internal link and #anchor must
resolve the way MkDocs resolves it, every external address must be a
well-formed https URL, every image must have alt text, and remote images must
be credited."""

from __future__ import annotations

import difflib
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import SplitResult, unquote, urlsplit

from scripts.problems import Problem, error, shorten
from scripts.project.pages import Page
from scripts.project.render import Element, Scan
from scripts.validate.plain_text import CONTROL, LINE_BREAKS, invisible_in, invisible_name

SAFE_SCHEMES = {"mailto", "tel"}
SCRIPT_SCHEMES = {"javascript", "vbscript"}
HOST = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?$")
MISSING_COLON = re.compile(r"^https?//", re.IGNORECASE)
# Paths on the author's computer: C:\..., ~/..., \\server, /home/..., /Users/...
LOCAL_PATH = re.compile(
    r"^([A-Za-z]:[\\/]|~[\\/]|\\\\|/(home|Users|tmp|var|mnt|media|Volumes|private|root|opt)/)"
)
EMPTY_LINK = re.compile(r"\]\(\s*(<\s*>)?\s*\)|href=([\"'])\s*\2")


@dataclass
class SiteIndex:
    """What links can point at: pages with their ids, other files, and the
    files MkDocs leaves out of the site."""

    page_ids: dict[str, set[str]]  # src path of each page -> ids in it
    files: set[str]  # every file of the site under docs/, relative, with '/'
    excluded: set[str] = field(default_factory=set)

    def folders(self) -> set[str]:
        folders = {""}
        for known in self.files:
            parts = known.split("/")[:-1]
            folders.update("/".join(parts[: n + 1]) for n in range(len(parts)))
        return folders

    def folder_page(self, folder: str) -> str | None:
        for name in ("index.md", "README.md"):
            candidate = posixpath.join(folder, name) if folder else name
            if candidate in self.page_ids:
                return candidate
        return None


def relative_to(page: Page, target: str) -> str:
    """target (relative to docs/) as a link written in page."""
    return posixpath.relpath(target, posixpath.dirname(page.url_path) or ".")


def split(url: str) -> SplitResult | None:
    try:
        return urlsplit(url)
    except ValueError:  # e.g. an unclosed [ in the host
        return None


def malformed(url: str) -> str:
    return f"'{url}' is not a valid address; check its brackets and characters"


def is_external(href: str) -> bool:
    return bool(href.startswith("//") or urlsplit(href).scheme or MISSING_COLON.match(href))


def external_problem(url: str) -> str | None:
    """Why an absolute address is not acceptable, or None if it is."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if url.startswith("//"):
        return f"'{url}' has no scheme; write https://{url.lstrip('/')}"
    if scheme in SAFE_SCHEMES:
        return None if parts.path else f"'{url}' has no address after '{scheme}:'"
    if scheme == "https":
        if HOST.match(parts.netloc):
            return None
        return f"'{url}' has no valid host; write it as https://host.example/path"
    if scheme == "http":
        return f"'{url}' is not encrypted; use https://"
    if scheme in SCRIPT_SCHEMES:
        return f"'{url}' runs script when clicked; link to a page or an https:// address instead"
    if scheme in {"data", "file"}:
        return (
            f"'{url}' uses the {scheme}: scheme, which is not allowed in this guide; link to "
            "a page or an https:// address instead"
        )
    if MISSING_COLON.match(url):
        return f"'{url}' is malformed; did you mean '{url.replace('//', '://', 1)}'?"
    return f"'{url}' uses the unknown scheme '{scheme}:'; use https://"


def link_problems(page: Page, scan: Scan, index: SiteIndex) -> list[Problem]:
    problems = []
    seen: Counter[str] = Counter()
    for link in scan.links:
        href = link.attrs["href"]
        message = link_problem(page, href, scan, index)
        if message:
            line = (
                page.body_line_of(href, seen[href])
                if href.strip()
                else page.body_line_matching(EMPTY_LINK)
            )
            problems.append(error(page.path, line, message.replace(href, shorten(href))))
        seen[href] += 1
    return problems


def invisible_character_problem(url: str) -> str | None:
    """An address holding a character no reader sees (a control, bidi or
    zero-width character): it would reach the page raw."""
    odd = CONTROL.search(url) or LINE_BREAKS.search(url)
    character = odd[0] if odd else invisible_in(url)
    if character is None:
        return None
    return f"'{url}' contains the invisible character {invisible_name(character)}; delete it"


def link_problem(page: Page, href: str, scan: Scan, index: SiteIndex) -> str | None:
    if not href.strip():
        return "link has an empty target; write the page or address it points to"
    if invisible := invisible_character_problem(href):
        return invisible
    if split(href) is None:
        return malformed(href)
    if LOCAL_PATH.match(href) or href.lower().startswith("file:"):
        return local_path_problem(page, href, index)
    if is_external(href):
        return external_problem(href)
    if href.startswith(("/", "\\")):
        return absolute_link_problem(page, href, index)
    parts = urlsplit(href)
    if not parts.path:
        return anchor_problem(href, parts.fragment, scan.ids, "this page")
    if "\\" in parts.path:
        return f"link '{href}' uses backslashes; write '{href.replace(chr(92), '/')}'"
    return relative_link_problem(page, href, unquote(parts.path), parts.fragment, index)


def local_path_problem(page: Page, href: str, index: SiteIndex, kind: str = "link") -> str:
    path = unquote(urlsplit(href).path if href.lower().startswith("file:") else href)
    inside = re.split(r"[\\/]docs[\\/]", path.replace("\\", "/"))
    target = inside[-1] if len(inside) > 1 else None
    hint = (
        f"link to it relative to this page: '{relative_to(page, target)}'"
        if target in index.files
        else "copy the file into docs/ and link to it relative to this page"
    )
    return f"{kind} '{href}' is a path on your computer, which readers cannot open; {hint}"


def absolute_link_problem(page: Page, href: str, index: SiteIndex, kind: str = "link") -> str:
    target = posixpath.normpath(unquote(urlsplit(href).path).lstrip("/\\")) or "."
    suggestion = target if target in index.files else index.folder_page(target)
    hint = (
        f"write '{relative_to(page, suggestion)}'"
        if suggestion
        else "link to the Markdown file relative to this page"
    )
    return f"{kind} '{href}' is an absolute path, which MkDocs does not resolve; {hint}"


def relative_link_problem(
    page: Page, href: str, path: str, anchor: str, index: SiteIndex
) -> str | None:
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page.url_path), path))
    if target == ".." or target.startswith("../"):
        return f"link '{href}' points outside docs/; link to a page of this guide"
    if target in index.page_ids:
        return anchor_problem(href, anchor, index.page_ids[target], target)
    if target in index.files:
        return None  # an image, a PDF...: anchors in them are not checked
    return missing_target(page, href, target, index)


def anchor_problem(href: str, anchor: str, ids: set[str], where: str) -> str | None:
    if not anchor or anchor in ids:
        return None
    return (
        f"link '{href}' points to '#{anchor}', which is not in {where}; {anchor_hint(anchor, ids)}"
    )


def anchor_hint(anchor: str, ids: set[str]) -> str:
    if unquote(anchor) in ids:
        return f"write the anchor without %-escapes: '#{unquote(anchor)}'"
    same_case = [known for known in ids if known.lower() == anchor.lower()]
    if same_case:
        return f"anchors are case-sensitive: use '#{same_case[0]}'"
    close = difflib.get_close_matches(unquote(anchor), ids, n=1)
    if close:
        return f"did you mean '#{close[0]}'?"
    return f"the ids there: {', '.join(sorted(ids)[:8])}" if ids else "it has no headings"


def missing_target(page: Page, href: str, target: str, index: SiteIndex) -> str:
    wrong_case = [known for known in index.files if known.lower() == target.lower()]
    if wrong_case:
        return (
            f"link '{href}' differs in letter case from '{wrong_case[0]}'; it works on "
            "macOS and Windows but breaks on Linux hosting, so match the case"
        )
    if target in index.excluded:
        return (
            f"link '{href}' points to '{target}', which MkDocs leaves out of the site "
            "(names starting with '.' and excluded files); rename or move it"
        )
    folder = "" if target == "." else target
    if folder in index.folders():
        return folder_link_problem(page, href, folder, index)
    hint = guess(page, target, index) or "; fix the link or create the page"
    return f"link '{href}' points to '{target}', which does not exist in docs/{hint}"


def folder_link_problem(page: Page, href: str, folder: str, index: SiteIndex) -> str:
    folder_page = index.folder_page(folder)
    if folder_page:
        return (
            f"link '{href}' points to a folder, which MkDocs does not resolve; "
            f"link to its page: '{relative_to(page, folder_page)}'"
        )
    inside = sorted(known for known in index.page_ids if known.startswith(f"{folder}/"))
    example = f", e.g. '{relative_to(page, inside[0])}'" if inside else ""
    return f"link '{href}' points to a folder without an index.md; link to a page in it{example}"


def guess(page: Page, target: str, index: SiteIndex) -> str:
    """'; did you mean ...?' for a near miss, e.g. 'faq' or 'faq.html' for 'faq.md'."""
    stem = target.removesuffix("/").removesuffix(".html")
    if f"{stem}.md" in index.page_ids:
        return f"; did you mean '{relative_to(page, f'{stem}.md')}'?"
    if target.startswith("www."):
        return f"; did you mean 'https://{target}'?"
    others = sorted(index.files - {page.url_path})
    close = difflib.get_close_matches(target, others, n=1, cutoff=0.75)
    return f"; did you mean '{relative_to(page, close[0])}'?" if close else ""


def image_problems(page: Page, scan: Scan, index: SiteIndex) -> list[Problem]:
    """Each <img> and <picture> <source>: alt text (for <img>), and every
    address it may load, src and each of srcset's, checked alike."""
    problems = []
    seen: Counter[str] = Counter()
    for image in scan.images:
        for src, message in image_messages(page, image, index):
            line = page.body_line_of(src or "![", seen[src])
            problems.append(error(page.path, line, message.replace(src, shorten(src))))
        seen.update(set(image_addresses(image)))  # where the next use of each is
    return problems


def image_messages(page: Page, image: Element, index: SiteIndex) -> list[tuple[str, str]]:
    """(address, what is wrong) for the image element."""
    src = image.attrs.get("src", "").strip()
    if image.tag == "img" and not image.attrs.get("alt", "").strip():
        return [
            (src, f"image '{src}' has no alt text; describe it in the brackets: ![what it shows]")
        ]
    found = [(address, image_problem(page, address, index)) for address in image_addresses(image)]
    return [(address, message) for address, message in found if message]


def image_addresses(image: Element) -> list[str]:
    src = image.attrs.get("src", "").strip()
    addresses = [src] if image.tag == "img" or src else []
    return addresses + srcset_addresses(image.attrs.get("srcset", ""))


def srcset_addresses(srcset: str) -> list[str]:
    """The addresses of a srcset: `a.png 1x, b.png 2x` -> a.png, b.png."""
    return [candidate.split()[0] for candidate in srcset.split(",") if candidate.split()]


def image_problem(page: Page, src: str, index: SiteIndex) -> str | None:
    if not src:
        return "image has no source address; write the file's path in the parentheses"
    if invisible := invisible_character_problem(src):
        return invisible
    if split(src) is None:
        return malformed(src)
    if LOCAL_PATH.match(src) or src.lower().startswith("file:"):
        return local_path_problem(page, src, index, "image")
    if is_external(src):
        return external_problem(src) or (
            f"remote image '{src}' has no credit; use a local file under docs/assets/, or "
            "make it the page's hero with image, imageAlt, photographer and photographerUrl "
            "in the front matter"
        )
    if src.startswith(("/", "\\")):
        return absolute_link_problem(page, src, index, "image")
    target = posixpath.normpath(
        posixpath.join(posixpath.dirname(page.url_path), unquote(urlsplit(src).path))
    )
    if target in index.files:
        return None
    wrong_case = [known for known in index.files if known.lower() == target.lower()]
    if wrong_case:
        return (
            f"image '{src}' differs in letter case from '{wrong_case[0]}'; it works on "
            "macOS and Windows but breaks on Linux hosting, so match the case"
        )
    return (
        f"image '{src}' points to '{target}', which does not exist in docs/; check the file "
        "name or add the file under docs/assets/"
    )
