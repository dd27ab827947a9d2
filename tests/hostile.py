"""A copy of the project whose front matter and data files hold markup and
script, as if it had slipped past `make check`: the values, and the copy
built with either engine. Each value calls alert() with its own number if it
ever runs, so a browser test can tell which one got through."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts import data_files
from scripts.render.assets import (
    build_assets,
    bundle_addresses,
    jinja_variables,
    registries,
    template_guidance,
)
from scripts.render.mkdocs_build import mkdocs_build
from scripts.render.postbuild import postprocess
from tests.helpers import copy_project

LETTER = "letters/billing-error.md"
LETTER_URL = "letters/billing-error/"

FRONT_MATTER = {
    "title": "<img src=x onerror=alert(1)> Q&A </title><script>alert(2)</script>",
    "description": 'He said "sorry" </script><script>alert(3)</script> \' & <!-- then -->',
    "situation": "<script>alert(4)</script> When the <b>client</b> & you",
    "subject": 'Sorry "</span><img src=x onerror=alert(5)>',
}
DETAIL = {
    "label": "<svg onload=alert(6)>",
    "example": '"><script>alert(7)</script>',
    "sentence": 'Invoice {value} <iframe srcdoc="<script>alert(8)</script>">',
    "after": "the billing error you experienced.",  # words of the letter: the sentence lands in it
}
DETAIL_REVISED_AFTER = "I am sorry I sent you an incorrect invoice."
HERO = {
    "image": 'https://images.unsplash.com/x"onerror="alert(9)&w=1080',
    "imageAlt": '" onerror="alert(10)',
    "photographer": "<a href=javascript:alert(11)>Sam</a>",
    "photographerUrl": 'https://unsplash.com/@x" onmouseover="alert(12)',
}
PLACEHOLDER_LABEL = "<script>alert(13)</script>"
PLACEHOLDER_EXAMPLE = '"><img src=x onerror=alert(14)>'
TAG_LABEL = "<img src=x onerror=alert(15)>"
QUESTION = "</a><script>alert(16)</script>"
HINT = "<b onclick=alert(17)>bold</b>"
FAQ_QUESTION = "What if it says `</script><script>alert(18)</script>`?"


def quoted(value: str) -> str:
    """A YAML double-quoted scalar holding value."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def set_field(text: str, key: str, value: str) -> str:
    replaced, count = re.subn(
        rf"^{key}: .*$", lambda _: f"{key}: {quoted(value)}", text, count=1, flags=re.MULTILINE
    )
    assert count == 1, key
    return replaced


def hostile_letter(text: str) -> str:
    for key, value in FRONT_MATTER.items():
        text = set_field(text, key, value)
    item = "".join(f"    {key}: {quoted(value)}\n" for key, value in DETAIL.items())
    # ... and in our revised version, the one shown first
    item += f"    revised:\n      after: {quoted(DETAIL_REVISED_AFTER)}\n"
    return text.replace("details:\n", f"details:\n  - {item[4:]}", 1)


def hostile_home(text: str) -> str:
    for key, value in HERO.items():
        text = set_field(text, key, value)
    return text


def hostile_registries() -> dict:
    """The templates' registries (overrides/assets/mdx/data.html) with hostile labels."""
    placeholders = [
        {**item, "label": PLACEHOLDER_LABEL, "example": PLACEHOLDER_EXAMPLE}
        for item in data_files.placeholders()
    ]
    guidance = [{**item, "question": QUESTION, "hint": HINT} for item in template_guidance()]
    return {
        **registries(bundle_addresses()),  # the bundles' hashed names as they are
        "tags": hostile_tags(),
        "placeholders": placeholders,
        "guidance": guidance,
    }


def hostile_tags() -> dict[str, str]:
    return dict.fromkeys(data_files.load("tags.yml"), TAG_LABEL)


def make_hostile_project(root: Path) -> Path:
    """A copy of the project in root with the hostile values; its mkdocs.yml.
    The generated assets must exist (build_assets) before it is made."""
    copy_project(root)
    docs = root / "docs"
    for name, change in ((LETTER, hostile_letter), ("index.md", hostile_home)):
        path = docs / name
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    with (docs / "faq.md").open("a", encoding="utf-8") as faq:
        faq.write(f"\n## {FAQ_QUESTION}\n\nThen it is text.\n")
    data = root / "overrides" / "assets" / "mdx" / "data.html"
    data.write_text(jinja_variables(hostile_registries(), "tests/hostile.py"), encoding="utf-8")
    return root / "mkdocs.yml"


def build_hostile_site(root: Path) -> Path:
    """The hostile copy built as `make build` builds, but without its check
    (which refuses all of it) and without regenerating the assets (which
    would put the real registries back); the built site."""
    build_assets()
    config_file = make_hostile_project(root / "project")
    site = root / "site"
    assert mkdocs_build(config_file, site) == 0, "mkdocs build failed"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(data_files, "tags", hostile_tags)
        postprocess(config_file, site)
    return site
