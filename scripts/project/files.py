"""The files of docs/ as MkDocs sees them: which are pages, which it leaves out
of the site (dot files, templates/, exclude_docs), and the address of each.

MkDocs' own File objects decide this, so the checks agree with the build.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, set_exclusions


def site_files(config: MkDocsConfig) -> list[File]:
    """Every file under docs_dir, with MkDocs' inclusion level set."""
    docs_dir = config["docs_dir"]
    files = [
        File(
            os.path.relpath(Path(folder, name), docs_dir),
            docs_dir,
            config["site_dir"],
            config["use_directory_urls"],
        )
        for folder, _, names in sorted(os.walk(docs_dir, followlinks=True))
        for name in sorted(names)
    ]
    set_exclusions(files, config)
    return files


def is_checked_page(file: File) -> bool:
    return file.is_documentation_page() and not file.inclusion.is_excluded()


def display_path(file: Path, root: Path) -> str:
    """The path printed in problems: relative to the repository when it can be."""
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.as_posix()
