"""Ctrl+C during a check or a build: one line and exit status 130, never a
traceback. While the pipeline loads, the process exits at once; once it
runs, the first Ctrl+C interrupts whatever runs (KeyboardInterrupt) and the
ones after it are ignored, so the clean-up (a build's staging folder, its
workers) is never cut short."""

from __future__ import annotations

import signal
import sys

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
MESSAGE = "interrupted: stopped; the built site, if any, was left as it was"


def exit_at_once(_signum: int, _frame: object) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    print(MESSAGE, file=sys.stderr)
    raise SystemExit(EXIT_INTERRUPTED)


def interrupt_once(_signum: int, _frame: object) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise KeyboardInterrupt
