"""`make check-letter FILE=draft.txt`: the draft checker on a file (or - for
standard input). Prints `line:col: rule-id: message` per finding, the tips
followed and missing, the summary, the verdict and what the checker cannot
do. The exit status is the verdict: 0 sound, 1 needs work; 2 when the draft
cannot be read (or the checker cannot run)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from scripts import stopping
from scripts.apology.engine import CheckerError, Report, load_rules
from scripts.apology.readers import check_long_draft

EXIT_SOUND, EXIT_NEEDS_WORK, EXIT_UNREADABLE = 0, 1, 2
MAX_DRAFT_BYTES = 1_000_000


def read_draft(name: str) -> str:
    """The draft's text, or OSError / UnicodeDecodeError / ValueError. At most
    MAX_DRAFT_BYTES + 1 bytes are ever read: enough to tell a draft too long."""
    if name == "-":
        if sys.stdin is None:
            raise ValueError("standard input is closed; pipe the draft in, or name its file")
        data = read_bounded(sys.stdin.buffer)
    else:
        with open_regular_file(name) as handle:
            data = read_bounded(handle)
    if len(data) > MAX_DRAFT_BYTES:
        raise ValueError(
            f"it is over {MAX_DRAFT_BYTES // 1_000_000} MB; check a letter, not a book"
        )
    text = data.decode("utf-8-sig")
    if not text.strip():
        raise ValueError("the draft is empty; write the letter first")
    return text


def read_bounded(handle: BinaryIO) -> bytes:
    return handle.read(MAX_DRAFT_BYTES + 1)


def open_regular_file(name: str) -> BinaryIO:
    """name opened for reading if it is a regular file; ValueError if it is a
    folder, a device (/dev/zero), a pipe (which could block forever) or a socket.
    Opened without blocking, then checked again: what was opened is what is read."""
    kind = file_kind(Path(name).stat().st_mode)
    if kind:
        raise ValueError(f"it is {kind}, not a file; name a text file, or use - for standard input")
    descriptor = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    handle = os.fdopen(descriptor, "rb")
    kind = file_kind(os.fstat(descriptor).st_mode)
    if kind:
        handle.close()
        raise ValueError(f"it is {kind}, not a file; name a text file, or use - for standard input")
    return handle


def file_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a socket or other special file"


def report_lines(report: Report) -> list[str]:
    lines = [str(finding) for finding in report.findings]
    followed = [tip.rule for tip in report.tips if tip.present]
    missing = [tip.rule for tip in report.tips if tip.state == "missing"]
    lines.append(f"tips followed: {', '.join(followed) or 'none'}")
    lines.append(f"tips missing: {', '.join(missing) or 'none'}")
    lines.append(report.summary)
    if report.verdict.label:
        lines.append(f"verdict: {report.verdict.label.lower()}: {report.verdict.reason}")
    lines.append(" ".join(load_rules()["framing"].split()))
    return lines


def print_quietly(text: str) -> None:
    """Print; if the reader of our output has gone (`| head`), say nothing more."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        # Python would complain again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def run_check_letter(name: str) -> int:
    """`make check-letter FILE=...`: print the report; the verdict as exit status."""
    if not name:
        print("error: name the draft to check: make check-letter FILE=draft.txt", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        text = read_draft(name)
    except UnicodeDecodeError as exc:
        print(
            f"{name}: error: not UTF-8 text (byte {exc.start + 1}); save the draft as UTF-8 "
            "plain text",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        print(f"{name}: error: cannot read the draft: {reason}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        report = check_long_draft(text)
    except KeyboardInterrupt:
        # Ctrl+C while V8 reads: Python's shutdown would then report the
        # calls still pending in mini-racer, and nothing here needs closing.
        print(stopping.MESSAGE, file=sys.stderr, flush=True)
        os._exit(stopping.EXIT_INTERRUPTED)
    except CheckerError as exc:
        print(f"error: the checker cannot run: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    print_quietly("\n".join(report_lines(report)))
    return EXIT_NEEDS_WORK if report.verdict.status else EXIT_SOUND
