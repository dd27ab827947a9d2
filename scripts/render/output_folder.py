"""The folder a build writes into is only ever a build.

`make build` renders into a staging folder beside the output folder and
swaps it in only once everything has succeeded; the swap removes the folder
it replaces. So before anything runs, the output folder is checked: never
the project (its root, a folder above it, one holding docs/, mkdocs.yml or
.git), never an existing folder that a build did not write. Every build
leaves MARKER in its folder to be recognised the next time.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MARKER = ".mdx-build"
MARKER_TEXT = (
    "Written by the guide's build (python -m scripts build); the next build may\n"
    "replace this whole folder. Do not keep anything else here.\n"
)
# Builds made before builds were marked: the default folders holding what
# every build of the site writes.
LEGACY_BUILD_FILES = ("index.html", "404.html")


def refusal(
    site_dir: Path, root: Path, config_file: Path, docs_dir: Path, default: bool = False
) -> str | None:
    """Why site_dir must not be built into, or None. default: it is the
    command's own default folder (site/, .site-zensical/)."""
    if site_dir.is_symlink():
        return f"{site_dir} is a symbolic link; name a folder of its own"
    target = site_dir.resolve()
    clash = clash_with_sources(target, root, config_file, docs_dir)
    if clash:
        return clash
    if not target.exists():
        return None
    if not target.is_dir():
        return f"{target} is a file, not a folder; name a folder for the built site"
    if (target / ".git").exists():
        return f"{target} holds a .git repository; name a folder for the built site only"
    if is_build(target, default) or not any(target.iterdir()):
        return None
    return (
        f"{target} exists and is not a previous build (it has no {MARKER}); the build "
        "replaces its folder whole, so name a new or empty folder, or remove this one yourself"
    )


def clash_with_sources(target: Path, root: Path, config_file: Path, docs_dir: Path) -> str | None:
    """Why a folder that holds the project or its sources, or is inside the
    docs folder or the repository's .git, is no output folder."""
    for project_folder in {root.resolve(), config_file.resolve().parent}:
        if project_folder.is_relative_to(target):
            return f"{target} is the project or holds it; name a folder for the built site only"
    if docs_dir.resolve().is_relative_to(target):
        return f"{target} is or holds the docs folder; name a folder for the built site only"
    if config_file.resolve().is_relative_to(target):
        return f"{target} holds {config_file.name}; name a folder for the built site only"
    if target.is_relative_to(docs_dir.resolve()):
        return f"{target} is inside the docs folder; name a folder outside {docs_dir.name}/"
    if target.is_relative_to(root.resolve() / ".git"):
        return f"{target} is inside the .git folder; name a folder for the built site only"
    return None


def is_build(folder: Path, default: bool = False) -> bool:
    if (folder / MARKER).is_file():
        return True
    return default and all((folder / name).is_file() for name in LEGACY_BUILD_FILES)


def mark(folder: Path) -> None:
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def swap(staging: Path, site_dir: Path) -> None:
    """Put the finished build in staging in site_dir's place, then remove
    what was there: the only removal, once everything has succeeded."""
    mark(staging)
    old = site_dir.with_name(f".site-old-{staging.name}")
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def staging_beside(site_dir: Path) -> Iterator[Path]:
    """A fresh folder beside site_dir for a build to write into; removed on the
    way out, so a build that fails leaves site_dir as it was and no leftovers."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-staging-", dir=site_dir.parent))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def publish(staging: Path, site_dir: Path, problems: list[str]) -> bool:
    """Swap the finished build in unless finishing it found problems (printed)."""
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return False
    swap(staging, site_dir)
    return True
