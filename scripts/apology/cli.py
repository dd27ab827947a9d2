"""`make check-letter FILE=draft.txt`: the draft checker on a file (or - for
standard input). Prints `line:col: rule-id: message` per finding, the tips
followed and missing, the summary, the verdict and what the checker cannot
do. The exit status is the verdict: 0 sound, 1 needs work; 2 when the draft
cannot be read (or the checker cannot run)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from scripts.apology.engine import CheckerError, Report, check_draft, load_rules

EXIT_SOUND, EXIT_NEEDS_WORK, EXIT_UNREADABLE = 0, 1, 2
MAX_DRAFT_BYTES = 1_000_000


def read_draft(name: str) -> str:
    """The draft's text, or OSError / UnicodeDecodeError / ValueError."""
    data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    if len(data) > MAX_DRAFT_BYTES:
        raise ValueError(
            f"it is over {MAX_DRAFT_BYTES // 1_000_000} MB; check a letter, not a book"
        )
    return data.decode("utf-8-sig")


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
        report = check_draft(text)
    except CheckerError as exc:
        print(f"error: the checker cannot run: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    print_quietly("\n".join(report_lines(report)))
    return EXIT_NEEDS_WORK if report.verdict.status else EXIT_SOUND
