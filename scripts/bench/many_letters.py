"""A throw-away site of many letter pages, to time the validator at scale.

Each page is a copy of one of the site's letters with its own title and
description (the checks refuse duplicates), and the nav lists every one.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

SOURCE_LETTER = Path("letters/missed-deadline.md")
# The page a letter's notes on what our version changes link to (`changes:`).
TIPS = Path("tips.md")


def numbered_letter(text: str, number: int) -> str:
    """The letter's text with a title and description no other copy has."""
    text = re.sub(
        r"^title: .*$",
        f'title: "Apology Letter, Example {number}"',
        text,
        count=1,
        flags=re.MULTILINE,
    )
    return re.sub(
        r"^description: .*$",
        f'description: "Example letter number {number}, a copy made to time the '
        'validator on a large site; it says nothing new."',
        text,
        count=1,
        flags=re.MULTILINE,
    )


def make_many_letters(project: Path, root: Path, count: int) -> Path:
    """A site in root with count copies of the project's letter, and the tips
    its notes link to; its mkdocs.yml."""
    source = (project / "docs" / SOURCE_LETTER).read_text(encoding="utf-8")
    letters = root / "docs" / "letters"
    letters.mkdir(parents=True)
    shutil.copy(project / "docs" / TIPS, root / "docs" / TIPS)
    nav = [{"Tips": TIPS.as_posix()}]
    for number in range(1, count + 1):
        name = f"letters/example-{number:04d}.md"
        (root / "docs" / name).write_text(numbered_letter(source, number), encoding="utf-8")
        nav.append({f"Example {number}": name})
    return write_site_config(project, root, nav)


def write_site_config(project: Path, root: Path, nav: list) -> Path:
    """The project's mkdocs.yml with this nav; the theme's custom_dir made absolute."""
    with (project / "mkdocs.yml").open(encoding="utf-8") as handle:
        config = yaml_load(handle)
    config["nav"] = nav
    config["docs_dir"] = "docs"
    theme = config["theme"]
    if "custom_dir" in theme:
        theme["custom_dir"] = str((project / theme["custom_dir"]).resolve())
    config["extra_css"], config["extra_javascript"] = [], []
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return config_file


def copy_project(project: Path, root: Path) -> Path:
    """The site's sources (docs/, overrides/, mkdocs.yml) copied into root."""
    for name in ("docs", "overrides"):
        shutil.copytree(project / name, root / name)
    shutil.copy(project / "mkdocs.yml", root / "mkdocs.yml")
    return root / "mkdocs.yml"
