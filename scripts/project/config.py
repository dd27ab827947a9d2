"""mkdocs.yml, loaded by MkDocs itself, with its complaints turned into problems.

MkDocs logs each configuration error and warning, then aborts with a bare
"Aborted with a configuration error!". Here every one of them becomes a
`mkdocs.yml:LINE: error: ...` problem; warnings count too, because the strict
build fails on them.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from scripts.problems import Problem, error


class ConfigProblems(Exception):
    """mkdocs.yml cannot be used; carries the problems."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def site_config(config_file: Path, shown_as: str = "mkdocs.yml") -> MkDocsConfig:
    """MkDocs' configuration from config_file; ConfigProblems if it has any."""
    logger = logging.getLogger("mkdocs.config")
    collector, propagate = _Collector(), logger.propagate
    logger.addHandler(collector)
    logger.propagate = False  # collected here, not printed by logging
    try:
        config = load_config(str(config_file))
    except MkDocsException as exc:
        messages = collector.messages or [str(exc)]
        raise ConfigProblems(problems_for(config_file, shown_as, messages)) from exc
    finally:
        logger.removeHandler(collector)
        logger.propagate = propagate
    messages = collector.messages + outside_messages(config, config_file)
    if messages:
        raise ConfigProblems(problems_for(config_file, shown_as, messages))
    return config


def outside_messages(config: MkDocsConfig, config_file: Path) -> list[str]:
    """docs_dir must stay in mkdocs.yml's folder: MkDocs would publish any
    folder it names (or that a docs/ link leads to), such as a home directory."""
    docs_dir, project = Path(config["docs_dir"]), config_file.parent.resolve()
    if docs_dir.resolve().is_relative_to(project):
        return []  # MkDocs itself refuses the project folder itself
    return [
        (
            f"Config value 'docs_dir': '{docs_dir}' leads outside {project}, and MkDocs would "
            "publish whatever that folder holds; keep the pages in a folder beside mkdocs.yml, "
            "such as `docs_dir: docs`, with no symbolic link leading elsewhere"
        )
    ]


def problems_for(config_file: Path, shown_as: str, messages: list[str]) -> list[Problem]:
    return [error(shown_as, line_of(config_file, message), tidy(message)) for message in messages]


def tidy(message: str) -> str:
    """One line without the YAML parser's file positions (the line is given)."""
    message = re.sub(r'\s*in "[^"]*", line \d+, column \d+', "", message)
    return " ".join(message.split())


def line_of(config_file: Path, message: str) -> int:
    """Where in mkdocs.yml a message points: a YAML mark, or the setting it names."""
    marks = re.findall(r"line (\d+), column", message)
    if marks:
        return int(marks[-1])
    setting = re.match(r"Config value '([^']+)'", message)
    if not setting:
        return 1
    try:
        lines = config_file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    key = re.compile(rf"^{re.escape(setting[1])}\s*:")
    return next((number for number, line in enumerate(lines, 1) if key.match(line)), 1)
