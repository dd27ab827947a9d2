"""Settings of the external link check, read from scripts/data/links.yml."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.data_files import DATA_DIR
from scripts.problems import error
from scripts.project.config import ConfigProblems

SETTINGS_FILE = DATA_DIR / "links.yml"


@dataclass(frozen=True)
class LinkSettings:
    timeout: float = 10.0
    concurrency: int = 8
    retries: int = 2
    backoff: float = 1.0
    max_retry_after: float = 30.0
    cache_ttl_hours: float = 168.0
    user_agent: str = "apology-letters-guide link checker"
    exclude: tuple[str, ...] = ()
    unverified_statuses: tuple[int, ...] = (429, 999)
    bot_wall_headers: tuple[str, ...] = ()
    bot_wall_servers: tuple[str, ...] = ()
    bot_wall_text: tuple[str, ...] = ()
    trust_env: bool = True  # proxies from the environment; tests on 127.0.0.1 turn it off

    def is_excluded(self, url: str) -> bool:
        return any(re.search(pattern, url) for pattern in self.exclude)


def setting_problem(name: str, value: object) -> str | None:
    """Why value cannot be the setting name, or None."""
    fields = {field.name: field for field in dataclasses.fields(LinkSettings)}
    if name not in fields:
        return f"unknown setting '{name}'; known: {', '.join(fields)}"
    default = fields[name].default
    if isinstance(default, tuple):
        return None if isinstance(value, list) else f"'{name}' must be a list"
    if isinstance(default, bool) or not isinstance(default, int | float):
        kind = type(default)
        return None if isinstance(value, kind) else f"'{name}' must be {kind.__name__}"
    least = 1 if name == "concurrency" else 0
    if isinstance(value, bool) or not isinstance(value, int | float) or value < least:
        return f"'{name}' must be a number of at least {least}"
    return None


def pattern_problem(pattern: object) -> str | None:
    try:
        re.compile(str(pattern))
    except re.error as exc:
        return f"exclude pattern '{pattern}' is not a valid regular expression: {exc}"
    return None


def key_line(text: str, name: str) -> int:
    key = re.compile(rf"^{re.escape(name)}\s*:")
    return next((n for n, line in enumerate(text.splitlines(), 1) if key.match(line)), 1)


def load_settings(
    path: Path = SETTINGS_FILE, shown_as: str = "scripts/data/links.yml"
) -> LinkSettings:
    """The settings in path; ConfigProblems (exit 2) if they are unusable."""
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigProblems([error(shown_as, 1, f"cannot read link settings: {exc}")]) from exc
    if not isinstance(data, dict):
        raise ConfigProblems([error(shown_as, 1, "link settings must be `key: value` lines")])
    messages = [(name, setting_problem(str(name), value)) for name, value in data.items()]
    patterns = data.get("exclude") if isinstance(data.get("exclude"), list) else []
    messages += [("exclude", pattern_problem(pattern)) for pattern in patterns]
    problems = [
        error(shown_as, key_line(text, str(name)), message) for name, message in messages if message
    ]
    if problems:
        raise ConfigProblems(problems)
    values = {
        name: tuple(value) if isinstance(value, list) else value for name, value in data.items()
    }
    return LinkSettings(**values)
