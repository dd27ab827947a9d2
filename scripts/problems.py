"""Problems found in the sources, and how they are reported.

Checks return problems; only the command line prints them and picks the exit code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    level: str
    message: str
    # Rendering the site would publish what must not be, or take far too long:
    # `make serve` keeps serving the last site instead (`make build` never
    # renders with an error anyway).
    stops_render: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message}"


MAX_QUOTE = 80  # characters of an author's input quoted in a message


def shorten(text: str) -> str:
    """Input quoted in a message, cut to MAX_QUOTE characters."""
    return text if len(text) <= MAX_QUOTE else f"{text[:MAX_QUOTE]}…"


def printable(message: str) -> str:
    """One line, with control characters (from quoted input) shown as escapes,
    and invisible ones (bidi controls, zero-width spaces) too: a terminal
    would obey them, reversing or hiding what follows."""
    one_line = " ".join(message.splitlines())
    one_line = re.sub(r"[\x00-\x1f\x7f]", lambda match: f"\\x{ord(match[0]):02x}", one_line)
    return "".join(
        f"\\u{ord(character):04x}"
        if unicodedata.category(character) in ("Cf", "Zl", "Zp")
        else character
        for character in one_line
    )


def error(path: str, line: int, message: str, stops_render: bool = False) -> Problem:
    return Problem(path, max(line, 1), ERROR, printable(message), stops_render)


def warning(path: str, line: int, message: str) -> Problem:
    return Problem(path, max(line, 1), WARNING, printable(message))


def count(problems: Iterable[Problem], level: str) -> int:
    return sum(1 for problem in problems if problem.level == level)


def summary(problems: list[Problem]) -> str:
    """The closing line, e.g. '2 errors, 1 warning in 2 files'."""
    errors, warnings = count(problems, ERROR), count(problems, WARNING)
    files = len({problem.path for problem in problems})
    return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {_plural(files, 'file')}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
