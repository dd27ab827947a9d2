"""Problems found in the sources, and how they are reported.

Checks return problems; only the command line prints them and picks the exit code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    level: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message}"


def error(path: str, line: int, message: str) -> Problem:
    return Problem(path, max(line, 1), ERROR, message)


def warning(path: str, line: int, message: str) -> Problem:
    return Problem(path, max(line, 1), WARNING, message)


def count(problems: Iterable[Problem], level: str) -> int:
    return sum(1 for problem in problems if problem.level == level)


def summary(problems: list[Problem]) -> str:
    """The closing line, e.g. '2 errors, 1 warning in 2 files'."""
    errors, warnings = count(problems, ERROR), count(problems, WARNING)
    files = len({problem.path for problem in problems})
    return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {_plural(files, 'file')}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
