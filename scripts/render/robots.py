"""robots.txt for the built site: every page may be crawled, and the sitemap
MkDocs writes is named by its absolute address (from `site_url`, the one
place the site's address is written)."""

from __future__ import annotations

from pathlib import Path


def robots_txt(site_url: str) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    return "\n".join(lines) + "\n"


def write_robots(site_dir: Path, site_url: str) -> None:
    (site_dir / "robots.txt").write_text(robots_txt(site_url), encoding="utf-8")
