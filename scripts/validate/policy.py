"""What the built pages' Content-Security-Policy (scripts/render/csp.py) would
refuse, said by `make check` instead of a blank in the browser: a hero photo
from a host scripts/data/csp.yml does not name, and a page whose Markdown
imitates the markers around its content (the build would stop)."""

from __future__ import annotations

from urllib.parse import urlsplit

from scripts import data_files
from scripts.problems import Problem, error
from scripts.project.pages import Page
from scripts.validate.plain_text import url_problem

CONTENT_MARKERS = ("<!-- mdx-page-content -->", "<!-- /mdx-page-content -->")


def policy_problems(page: Page) -> list[Problem]:
    return hero_host_problems(page) + content_marker_problems(page)


def hero_host_problems(page: Page) -> list[Problem]:
    image = page.meta.get("image")
    if not isinstance(image, str) or url_problem(image):
        return []  # the front matter's check says what is wrong with it
    parts = urlsplit(image)
    origin = f"{parts.scheme}://{parts.hostname}"
    allowed = data_files.load("csp.yml").get("image_hosts", [])
    if origin in allowed:
        return []
    return [
        error(
            page.path,
            page.key_lines.get("image", 1),
            f"image: the site's Content-Security-Policy loads images only from "
            f"{', '.join(allowed) or 'the site itself'}, so {origin} would be blocked; use a "
            "photo from there, or add the host to image_hosts in scripts/data/csp.yml",
        )
    ]


def content_marker_problems(page: Page) -> list[Problem]:
    return [
        error(
            page.path,
            page.body_line_of(marker),
            f"the comment `{marker}` marks where a page's content begins or ends in the built "
            "page; the build stops on a page that writes it, so remove it",
        )
        for marker in CONTENT_MARKERS
        if marker in page.body
    ]
