"""What the built pages' Content-Security-Policy would refuse is a `make
check` error: a hero photo from a host csp.yml does not name, a page that
writes the markers around its content."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import make_site, run_pipeline

PAGE = (
    "---\ntitle: A page\ndescription: A small page that exists so the validator has "
    "something valid to read.\n{extra}---\n\nText.\n{body}"
)
HERO = (
    "image: https://images.example.net/photo.jpg\nimageAlt: A photo\n"
    "photographer: Sam\nphotographerUrl: https://images.example.net/@sam\n"
)


def test_a_hero_from_a_host_the_policy_does_not_name_is_refused(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"index.md": PAGE.format(extra=HERO, body="")})
    result = run_pipeline("check", cwd=site)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith(
        "docs/index.md:4: error: image: the site's Content-Security-Policy loads images only "
        "from https://images.unsplash.com, so https://images.example.net would be blocked"
    )


def test_a_page_that_writes_the_content_markers_is_refused(tmp_path: Path) -> None:
    body = "<!-- /mdx-page-content --><p>outside?</p>\n"
    site = make_site(tmp_path, {"index.md": PAGE.format(extra="", body=body)})
    result = run_pipeline("check", cwd=site)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith(
        "docs/index.md:7: error: the comment `<!-- /mdx-page-content -->` marks where"
    )
