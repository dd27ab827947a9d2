"""The `nav` of mkdocs.yml walked: each page it names, with its label, in order."""

from __future__ import annotations


def nav_entries(items: object, label: str = "") -> list[tuple[str, str]]:
    """(label, page path) of every page named in a nav, in order; external
    links left out. A page without a title of its own has ''."""
    if isinstance(items, str):
        return [] if "://" in items else [(label, items)]
    if isinstance(items, dict):
        return [entry for key, value in items.items() for entry in nav_entries(value, str(key))]
    if isinstance(items, list):
        return [entry for item in items for entry in nav_entries(item, label)]
    return []


def nav_paths(items: object) -> list[str]:
    """Every page path named in a nav (titles and external links left out)."""
    return [path for _, path in nav_entries(items)]
