"""Addresses of docs/ files on the built site, as MkDocs gives them with
`use_directory_urls` on."""

from __future__ import annotations

import re


def page_url(link: str) -> str:
    """'tips.md#follow-up' -> 'tips/#follow-up'; 'letters/index.md' -> 'letters/'."""
    path, _, anchor = link.partition("#")
    stem = path.removesuffix(".md")
    stem = "" if stem in ("index", "README") else re.sub(r"/(index|README)$", "", stem)
    url = f"{stem}/" if stem else ""
    return f"{url}#{anchor}" if anchor else url
