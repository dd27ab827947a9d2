"""The Nu HTML checker (vnu-jar, pinned in package.json, run with Java) on
every page of a built site: the number of errors per page."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

VNU = Path("node_modules/vnu-jar/build/dist/vnu.jar")


def missing(project: Path) -> str | None:
    """Why the checker cannot run here, or None."""
    if shutil.which("java") is None:
        return "java is missing: apt-get install -y default-jre-headless"
    if not (project / VNU).is_file():
        return f"{VNU} is missing: npm ci"
    return None


def nu_errors(site: Path, project: Path) -> dict[str, int]:
    """Errors per page, keyed by the page's path in the site (e.g. "tips/index.html")."""
    pages = sorted(site.rglob("*.html"))
    command = ["java", "-jar", str(project / VNU), "--errors-only", "--format", "json"]
    result = subprocess.run(
        [*command, *map(str, pages)], capture_output=True, text=True, timeout=600, check=False
    )
    counts = {page.relative_to(site).as_posix(): 0 for page in pages}
    for message in json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]:
        if message.get("type") == "error":
            page = Path(unquote(urlsplit(message.get("url", "")).path))
            key = page.relative_to(site).as_posix() if page.is_relative_to(site) else str(page)
            counts[key] = counts.get(key, 0) + 1
    return counts


def page_file(url: str) -> str:
    """The built file of a page type's URL: "/tips/" -> "tips/index.html"."""
    path = url.strip("/")
    return path if path.endswith(".html") else (f"{path}/index.html" if path else "index.html")
