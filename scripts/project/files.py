"""The files of docs/ as MkDocs sees them: which are pages, which it leaves out
of the site (dot files, templates/, exclude_docs), and the address of each.

MkDocs' own File objects decide this, so the checks agree with the build.
MkDocs follows every symbolic link in docs/ and publishes what it reaches;
the walk here follows only links that stay inside docs/, and sets aside
(never reads) what must not be published: links leading out of docs/,
dangling links, links to a folder that holds them, and named pipes, sockets
or devices, which would block the reader.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, set_exclusions

OUTSIDE, DANGLING, LOOP, SPECIAL, UNREADABLE = (
    "outside",
    "dangling",
    "loop",
    "special",
    "unreadable",
)


@dataclass(frozen=True)
class SetAside:
    """A path under docs/ that is not published, and why."""

    path: Path  # as found under docs/ (not resolved)
    kind: str  # OUTSIDE, DANGLING, LOOP, SPECIAL or UNREADABLE
    detail: str = ""  # the link's target as written, or the kind of file


@dataclass
class DocsTree:
    files: list[File] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)


def docs_tree(config: MkDocsConfig) -> DocsTree:
    """Every publishable file under docs_dir, with MkDocs' inclusion level
    set, and what was set aside."""
    docs_dir = Path(config["docs_dir"])
    real_docs = docs_dir.resolve()
    tree = DocsTree()
    found = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else docs_dir
        tree.set_aside.append(SetAside(where, UNREADABLE, exc.strerror or str(exc)))

    for folder, folders, names in os.walk(docs_dir, followlinks=True, onerror=unreadable):
        folders[:] = sorted(
            name for name in folders if followed(Path(folder, name), real_docs, tree)
        )
        for name in sorted(names):
            path = Path(folder, name)
            problem = file_problem(path, real_docs)
            if problem:
                tree.set_aside.append(problem)
            else:
                found.append(path)
    tree.files = [
        File(
            os.path.relpath(path, docs_dir),
            str(docs_dir),
            config["site_dir"],
            config["use_directory_urls"],
        )
        for path in found
    ]
    set_exclusions(tree.files, config)
    tree.set_aside = once_each(tree.set_aside)
    return tree


def once_each(set_aside: list[SetAside]) -> list[SetAside]:
    """One entry per link, however many linked folders lead to it: named by
    its own folder rather than by a link to it."""
    seen: dict[Path, SetAside] = {}
    for item in sorted(set_aside, key=lambda item: through_link(item.path)):
        seen.setdefault(item.path.parent.resolve() / item.path.name, item)
    return sorted(seen.values(), key=lambda item: item.path)


def through_link(path: Path) -> bool:
    return path.parent.resolve() != path.parent.absolute()


def site_files(config: MkDocsConfig) -> list[File]:
    """Every publishable file under docs_dir, with MkDocs' inclusion level set."""
    return docs_tree(config).files


def followed(folder: Path, real_docs: Path, tree: DocsTree) -> bool:
    """Whether the walk goes into folder: a real folder, or a link to one
    inside docs/ that does not contain the link itself."""
    if not folder.is_symlink():
        return True
    target = str(folder.readlink())
    real = folder.resolve()
    if not real.is_relative_to(real_docs):
        tree.set_aside.append(SetAside(folder, OUTSIDE, target))
    elif any(above.is_relative_to(real) for above in real_folders_above(folder)):
        tree.set_aside.append(SetAside(folder, LOOP, target))
    else:
        return True
    return False


def real_folders_above(path: Path) -> list[Path]:
    """The real folders the walk went through to reach path (links resolved)."""
    return [parent.resolve() for parent in path.parents]


def file_problem(path: Path, real_docs: Path) -> SetAside | None:
    """Why the file at path must not be published, or None."""
    if path.is_symlink():
        target = str(path.readlink())
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):  # missing target, or links in a circle
            return SetAside(path, DANGLING, target)
        if not real.is_relative_to(real_docs):
            return SetAside(path, OUTSIDE, target)
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return SetAside(path, UNREADABLE, exc.strerror or str(exc))
    return None if stat.S_ISREG(mode) else SetAside(path, SPECIAL, special_kind(mode))


def special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a folder" if stat.S_ISDIR(mode) else "a device"


def is_checked_page(file: File) -> bool:
    return file.is_documentation_page() and not file.inclusion.is_excluded()


def display_path(file: Path, root: Path) -> str:
    """The path printed in problems: relative to the repository when it can be."""
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.as_posix()
