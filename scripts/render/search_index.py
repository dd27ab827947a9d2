"""Index what the reader sees: Material's search plugin indexes the Markdown
body only, so a letter's "When to use this letter" text and subject line
(rendered by overrides/partials/mdx-letter-intro.html from front matter) and
the tag labels (scripts/data/tags.yml) would be invisible to search.

After MkDocs has built the site, this adds them to the page's entry in
search/search_index.json. Material's search shows an entry's title and tags
as HTML, and its plugin copies a page's front matter title there unescaped:
every value from front matter or tags.yml goes in escaped. Pure functions,
one small file writer.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

INDEX = Path("search") / "search_index.json"


def text_html(value: object) -> str:
    """Front matter as HTML text, escaped as MkDocs' own index text is: <, >
    and &, but not quotes, so "client's" is indexed as the body's words are."""
    return escape(str(value), quote=False)


def intro_html(meta: dict) -> str:
    """The letter intro as the page shows it, as indexable HTML."""
    parts = []
    if meta.get("situation"):
        parts.append(f"<p>When to use this letter: {text_html(meta['situation'])}</p>")
    if meta.get("subject"):
        parts.append(f"<p>Subject: {text_html(meta['subject'])}</p>")
    return "".join(parts)


def tag_labels(keys: list, labels: dict[str, str]) -> list[str]:
    return [text_html(labels.get(str(key), str(key))) for key in keys]


def enrich_entry(
    entry: dict, meta: dict, labels: dict[str, str], two_versions: float = 1.0
) -> dict:
    """One index entry with the page's intro (page entries only), its front
    matter title escaped, and tag labels; a letter page holding two versions
    weighed by two_versions (Material's search reads an entry's `boost`)."""
    enriched = dict(entry)
    if "#" not in entry["location"]:
        enriched["text"] = intro_html(meta) + entry["text"]
        if meta.get("original") and two_versions != 1.0:
            enriched["boost"] = two_versions
        if "title" in meta and entry.get("title") == str(meta["title"]):
            enriched["title"] = text_html(meta["title"])
    if isinstance(entry.get("tags"), list):
        enriched["tags"] = tag_labels(entry["tags"], labels)
    return enriched


def enrich_index(
    index: dict, meta_by_url: dict[str, dict], labels: dict[str, str], two_versions: float = 1.0
) -> dict:
    docs = [
        enrich_entry(
            entry, meta_by_url.get(entry["location"].split("#")[0], {}), labels, two_versions
        )
        for entry in index["docs"]
    ]
    return {**index, "docs": docs}


def enrich_site(
    site_dir: Path, meta_by_url: dict[str, dict], labels: dict[str, str], two_versions: float = 1.0
) -> None:
    path = site_dir / INDEX
    if not path.is_file():  # search plugin disabled: nothing to do
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    enriched = enrich_index(index, meta_by_url, labels, two_versions)
    path.write_text(json.dumps(enriched, separators=(",", ":")), encoding="utf-8")
