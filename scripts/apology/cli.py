"""`make check-letter FILE=draft.txt`: the draft checker on a file (or - for
standard input). Prints `line:col: rule-id: message` per finding, then the
tips followed and missing and the summary; exit 1 on findings, 0 when there
are none, 2 when the draft cannot be read."""

from __future__ import annotations

import sys
from pathlib import Path

from scripts.apology.engine import Report, check_draft

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2
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
    followed = [tip.rule.id for tip in report.tips if tip.present]
    missing = [tip.rule.id for tip in report.tips if not tip.present]
    lines.append(f"tips followed: {', '.join(followed) or 'none'}")
    lines.append(f"tips missing: {', '.join(missing) or 'none'}")
    lines.append(report.summary)
    return lines


def run_check_letter(name: str) -> int:
    """`make check-letter FILE=...`: print the report; the exit status."""
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
    report = check_draft(text)
    print("\n".join(report_lines(report)))
    return EXIT_FINDINGS if report.findings else EXIT_CLEAN
