"""The same pages built with plain Material for MkDocs, to compare against.

Plain means Material's defaults: no custom_dir, no extra CSS or JavaScript,
system fonts (`font: false`, so no font CDN), the search plugin only. The
pages, nav, Markdown extensions and colour palette stay the project's, so
the difference measured is what the site adds. Front matter keys plain
Material cannot honour (`template:` names one of our overrides) are dropped.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

# Settings kept from the project's mkdocs.yml; everything else is Material's default.
KEPT_SETTINGS = (
    "site_name",
    "site_description",
    "site_url",
    "validation",
    "markdown_extensions",
    "nav",
)
KEPT_THEME = ("language", "palette")
DROPPED_FRONT_MATTER = ("template",)


def plain_config(project_config: dict) -> dict:
    """A minimal Material configuration for the project's pages."""
    config = {key: project_config[key] for key in KEPT_SETTINGS if key in project_config}
    theme = project_config.get("theme", {})
    config["theme"] = {
        "name": "material",
        "font": False,
        **{key: theme[key] for key in KEPT_THEME if key in theme},
    }
    config["plugins"] = ["search"]
    config["docs_dir"] = "docs"
    return config


def without_keys(text: str, keys: tuple[str, ...]) -> str:
    """A page's text with these top-level front matter keys (one line each) removed."""
    match = re.match(r"---[ \t]*\n(.*?\n)---[ \t]*\n", text, flags=re.DOTALL)
    if not match:
        return text
    pattern = re.compile(rf"^(?:{'|'.join(map(re.escape, keys))})[ \t]*:.*\n", re.MULTILINE)
    front = pattern.sub("", match.group(1))
    return f"---\n{front}---\n{text[match.end() :]}"


def make_plain_site(project: Path, root: Path) -> Path:
    """The project's pages under root/docs with a plain mkdocs.yml; its path."""
    with (project / "mkdocs.yml").open(encoding="utf-8") as handle:
        project_config = yaml_load(handle)
    docs = project / project_config.get("docs_dir", "docs")
    shutil.copytree(docs, root / "docs")
    for page in (root / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(without_keys(text, DROPPED_FRONT_MATTER), encoding="utf-8")
    config_file = root / "mkdocs.yml"
    config_file.write_text(
        yaml.safe_dump(plain_config(project_config), sort_keys=False), encoding="utf-8"
    )
    return config_file
