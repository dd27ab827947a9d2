"""Every external address of the site with the file and line it stands on:
links and images in the Markdown (as rendered), addresses in the front matter
(the hero photo and its credit), in the templates of overrides/ and in
mkdocs.yml's copyright notice."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from scripts.project.config import site_config
from scripts.project.files import display_path, is_checked_page, site_files
from scripts.project.pages import Page, read_page
from scripts.project.render import Scan, scan_html, scan_pages, scheme_of


@dataclass(frozen=True, order=True)
class Occurrence:
    path: str
    line: int
    url: str


def front_matter_urls(page: Page, schemes: set[str]) -> list[Occurrence]:
    found = []
    for key, value in page.meta.items():
        values = value if isinstance(value, list) else [value]
        lines = page.item_lines.get(str(key)) or [page.key_lines.get(str(key), 1)] * len(values)
        found += [
            Occurrence(page.path, line, item)
            for item, line in zip(values, lines, strict=False)
            if isinstance(item, str) and scheme_of(item) in schemes
        ]
    return found


def body_urls(page: Page, scan: Scan, schemes: set[str]) -> list[Occurrence]:
    addresses = [link.attrs.get("href", "") for link in scan.links]
    addresses += [image.attrs.get("src", "") for image in scan.images]
    seen: Counter[str] = Counter()
    found = []
    for url in addresses:
        if scheme_of(url) in schemes:
            found.append(Occurrence(page.path, page.body_line_of(url, seen[url]), url))
        seen[url] += 1
    return found


LITERAL_URL = re.compile(r"\bhttps?://[^\s\"'<>{}]+")


def literal_urls(file: Path, shown_as: str, schemes: set[str]) -> list[Occurrence]:
    """Addresses written out in a text file (templates, mkdocs.yml)."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return [
        Occurrence(shown_as, number, match[0])
        for number, line in enumerate(text.splitlines(), 1)
        for match in LITERAL_URL.finditer(line)
        if scheme_of(match[0]) in schemes
    ]


def theme_urls(config: MkDocsConfig, root: Path, schemes: set[str]) -> list[Occurrence]:
    """Links in the copyright notice and in the templates of the custom_dir."""
    config_file = Path(config["config_file_path"])
    copyright_links = {
        link.attrs.get("href", "") for link in scan_html(config["copyright"] or "").links
    }
    found = [
        place
        for place in literal_urls(config_file, display_path(config_file, root), schemes)
        if place.url in copyright_links
    ]
    custom_dir = config["theme"].custom_dir
    for template in sorted(Path(custom_dir).rglob("*.html")) if custom_dir else []:
        found += literal_urls(template, display_path(template, root), schemes)
    return found


def external_urls(root: Path, config_file: Path, schemes: set[str]) -> list[Occurrence]:
    """Addresses with one of schemes in the readable pages of the site, sorted."""
    config = site_config(config_file, display_path(config_file, root))
    pages = [
        read_page(
            Path(file.abs_src_path), display_path(Path(file.abs_src_path), root), file.src_uri
        )
        for file in site_files(config)
        if is_checked_page(file)
    ]
    readable = [page for page in pages if not page.problems]
    scans, _ = scan_pages(readable, config)
    found = theme_urls(config, root, schemes)
    found += [url for page in readable for url in front_matter_urls(page, schemes)]
    for page in readable:
        if page.url_path in scans:
            found += body_urls(page, scans[page.url_path], schemes)
    return sorted(set(found))
