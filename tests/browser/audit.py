"""What the budget tests measure in Chromium: axe-core's accessibility
rules, layout shifts, the requests a page makes and their gzip size.
Every figure here is deterministic; timings belong to `make bench`."""

from __future__ import annotations

import gzip
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.helpers import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0 to 2.2, A and AA, and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]

# True once after-paint.js has run every script of the page: it runs them
# one task after another, so the load event can come before the last.
SCRIPTS_RAN = "document.documentElement.dataset.mdxScripts === 'ready'"

# Every page type, as a reader meets it.
PAGE_TYPES = {
    "home": "",
    "tips": "tips/",
    "letters index": "letters/",
    "letter": "letters/missed-deadline/",
    "mistakes": "mistakes/",
    "faq": "faq/",
    "closing": "closing-thoughts/",
    "404": "404.html",
}
# Checked for accessibility and layout too; the weight budgets are the page types.
EVERY_PAGE = {**PAGE_TYPES, "checker": "check/"}
WIDTHS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 360, "height": 740}}
SCHEMES = ("light", "dark")


def axe_source() -> str:
    if not AXE.is_file():
        message = f"{AXE} is missing: `make test` installs it (npm ci)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def axe_violations(page) -> list[str]:
    """One line per violated rule: its id, impact and the first elements."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(content=axe_source())
    results = page.evaluate(
        "(tags) => axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })",
        AXE_TAGS,
    )
    return [
        f"{rule['id']} ({rule['impact']}): "
        + "; ".join(" ".join(node["target"]) for node in rule["nodes"][:3])
        for rule in results["violations"]
    ]


LAYOUT_SHIFT_OBSERVER = """
window.mdxShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    const moved = (entry.sources || []).map(({ node }) =>
      node && node.nodeType === 1 ? `${node.tagName.toLowerCase()}.${node.className}` : String(node));
    window.mdxShifts.push({ value: entry.value, moved });
  }
}).observe({ type: "layout-shift", buffered: true });
"""


def reached_at_centre(control) -> bool:
    """A tap at the control's centre reaches it (or what is inside it), not
    something drawn over it."""
    return control.evaluate(
        """node => {
          const box = node.getBoundingClientRect();
          const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          return Boolean(hit) && (node === hit || node.contains(hit));
        }"""
    )


def slow_cpu(page, rate: int = 4) -> None:
    session = page.context.new_cdp_session(page)
    session.send("Emulation.setCPUThrottlingRate", {"rate": rate})


def layout_shifts(page) -> list[dict]:
    """Every layout shift since the page started loading: its score and what moved."""
    return page.evaluate("window.mdxShifts")


@dataclass
class Transfer:
    """What a page load asked for: our own files by path, others by URL."""

    paths: list[str] = field(default_factory=list)
    offsite: list[str] = field(default_factory=list)

    def gzip_bytes(self, site: Path) -> int:
        """Bytes on the wire with gzip, as a host serving the site would send them."""
        return sum(len(gzip.compress(file_for(site, path).read_bytes(), 6)) for path in self.paths)


def file_for(site: Path, path: str) -> Path:
    path = unquote(path).lstrip("/")
    target = site / path
    return target / "index.html" if path == "" or path.endswith("/") else target


def record_transfer(page, base_url: str) -> Transfer:
    """Record every request; the hero photo and any other host are refused."""
    transfer = Transfer()
    base_host = urlsplit(base_url).netloc

    def route(route) -> None:
        url = urlsplit(route.request.url)
        if url.netloc == base_host:
            transfer.paths.append(url.path)
            route.continue_()
        else:
            transfer.offsite.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    return transfer
