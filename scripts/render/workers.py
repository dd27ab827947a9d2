"""The build's worker processes, one per core, forked as `make build` starts
so that the slow parts run beside the rest: the letter reports in V8 while
the main process validates docs/ (page_data.letter_reports' cache carries
them over), the theme's stylesheets parsed while MkDocs renders, then the
pages finished (finish.py).

Forked, not spawned: a spawned worker would import the pipeline again, which
takes longer than the work it saves. Forked only from a process with no
other thread (one could hold a lock the child would wait on for ever), where
there are two cores or more; otherwise the build runs in its own process,
as it would without workers.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
from collections.abc import Iterator
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path

from scripts.render.assets import cache_letter_reports
from scripts.render.critical_css import parse_stylesheet

THEME_STYLESHEETS = "assets/stylesheets/*.css"  # in the theme's folder, as copied to the site


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def parse_theme_stylesheets(theme_dir: Path) -> None:
    """The sheets every page links, parsed into parse_stylesheet's cache
    (the site's copies have the same text)."""
    for sheet in sorted(theme_dir.glob(THEME_STYLESHEETS)):
        parse_stylesheet(sheet.read_text(encoding="utf-8"))


class Workers:
    """The pool, given its first tasks: the letter reports to one worker, the
    stylesheets to the next (the first parses them with its first page)."""

    def __init__(self, pool: Pool, theme_dir: Path, root: Path) -> None:
        self.pool = pool
        self._reports: AsyncResult = pool.apply_async(cache_letter_reports, (root,))
        pool.apply_async(parse_theme_stylesheets, (theme_dir,))

    def reports_cached(self) -> None:
        """Wait for the reports; if a worker failed, the build's own process
        checks the letters again and reports the failure as it would."""
        self._reports.wait()


def can_fork() -> bool:
    """Whether workers can be forked here, and are worth it."""
    return (
        cores() > 1
        and threading.active_count() == 1
        and "fork" in multiprocessing.get_all_start_methods()
    )


def leave_ctrl_c_to_the_build() -> None:
    """A worker ignores Ctrl+C (the terminal sends it to every process): the
    build's own process stops them, and no worker prints a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def workers(theme_dir: Path, root: Path) -> Iterator[Workers | None]:
    """Workers for one build of the project in root, parsing the stylesheets
    of the theme in theme_dir; None where this process should do everything
    itself."""
    if not can_fork():
        yield None
        return
    pool = multiprocessing.get_context("fork").Pool(cores(), initializer=leave_ctrl_c_to_the_build)
    interrupted = False
    try:
        yield Workers(pool, theme_dir, root)
    except KeyboardInterrupt:
        interrupted = True
        raise
    finally:
        # Closed, so the workers finish their task (under a second) and
        # leave: terminating a pool whose workers wait on its queue can hang.
        pool.terminate() if interrupted else pool.close()
        pool.join()
