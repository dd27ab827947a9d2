"""What in docs/ must not be published: symbolic links leading out of docs/
(MkDocs would publish a home folder's keys as readily as a page), dangling
links (MkDocs stops with a traceback), links to a folder that holds them
(the folder repeats without end), files that are not regular files (reading
a named pipe never ends), and folders that cannot be read."""

from __future__ import annotations

from pathlib import Path

from scripts.problems import Problem, error
from scripts.project.files import DANGLING, LOOP, OUTSIDE, SPECIAL, SetAside
from scripts.project.files import display_path as shown

MESSAGES = {
    OUTSIDE: (
        "is a symbolic link to '{detail}', outside {docs}/, and MkDocs would publish what it "
        "points to; copy what the site needs into {docs}/ and remove the link"
    ),
    DANGLING: (
        "is a symbolic link to '{detail}', which does not exist (or links lead in a circle); "
        "remove the link or restore what it points to"
    ),
    LOOP: (
        "is a symbolic link to '{detail}', a folder that holds the link, so the folder would "
        "repeat without end; remove the link"
    ),
    SPECIAL: "is {detail}, not a regular file, and cannot be published; remove it",
}
UNREADABLE_MESSAGE = "cannot be read ({detail}); check its permissions"


def docs_tree_problems(set_aside: list[SetAside], docs_dir: Path, root: Path) -> list[Problem]:
    """One error per path set aside, on line 1 of the path (it may have no lines)."""
    docs = shown(docs_dir, root)
    return [
        error(
            shown(item.path, root),
            1,
            MESSAGES.get(item.kind, UNREADABLE_MESSAGE).format(detail=item.detail, docs=docs),
            stops_render=True,
        )
        for item in set_aside
    ]
