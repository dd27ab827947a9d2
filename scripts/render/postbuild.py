"""What the pipeline adds to a site MkDocs has just built, from the same
front matter and Markdown: the letter intros and tag labels in the search
index, the FAQ's structured data and robots.txt. Runs on the staging folder, before the
swap, so a failure leaves site/ as it was."""

from __future__ import annotations

from pathlib import Path

from scripts import data_files
from scripts.project.config import site_config
from scripts.project.files import is_checked_page, site_files
from scripts.project.pages import Page, read_page
from scripts.project.render import markdown_renderer
from scripts.render.faq_schema import write_faq_schemas
from scripts.render.robots import write_robots
from scripts.render.search_index import enrich_site


def built_pages(config_file: Path) -> tuple[list[tuple[str, Page]], object]:
    """(url, page) for every page of the site, and the site's configuration."""
    config = site_config(config_file)
    pages = [
        (file.url, read_page(Path(file.abs_src_path), file.src_uri, file.src_uri))
        for file in site_files(config)
        if is_checked_page(file)
    ]
    return pages, config


def postprocess(config_file: Path, site_dir: Path) -> object:
    """Enrich the rendered site; the site's configuration, for the steps after."""
    pages, config = built_pages(config_file)
    two_versions = data_files.load("search-words.yml")["two_versions"]
    enrich_site(site_dir, {url: page.meta for url, page in pages}, data_files.tags(), two_versions)
    site_url = config["site_url"] or ""
    write_faq_schemas(site_dir, pages, markdown_renderer(config), site_url)
    write_robots(site_dir, site_url)
    return config
