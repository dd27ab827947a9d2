"""Successes of the external link check, remembered for a while so that a
rerun asks only about what is new, failed or expired.

The file (.cache/links.json by default, git-ignored) maps each URL to when it
was last found working and where it redirected, if it did."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

Entry = dict[str, object]  # {"checked": epoch seconds, "final": URL or None}


def load_cache(path: Path, ttl_hours: float, now: float) -> dict[str, Entry]:
    """Entries younger than the TTL; an unreadable cache is an empty one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    oldest = now - ttl_hours * 3600
    return {
        url: entry
        for url, entry in data.items()
        if isinstance(entry, dict)
        and isinstance(entry.get("checked"), int | float)
        and oldest <= entry["checked"] <= now
    }


def save_cache(path: Path, entries: dict[str, Entry]) -> None:
    """Write atomically: a crash mid-write leaves the previous cache."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".links-", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(entries, out, indent=1, sort_keys=True)
    Path(temporary).replace(path)
