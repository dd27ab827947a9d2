"""Lighthouse (the pinned lighthouse@12.2.3 from node_modules) against Debian's
Chromium: mobile, simulated throttling, local URLs only.

Chromium resolves no host but 127.0.0.1 (see bench.yml's flags) and the hero
photo's host is blocked outright, so a run never reaches the network; the
requests Lighthouse saw to other hosts are still counted, to prove it.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

LIGHTHOUSE = Path("node_modules/.bin/lighthouse")
METRICS = {  # our name: Lighthouse's audit id
    "lcp_s": "largest-contentful-paint",
    "tbt_ms": "total-blocking-time",
    "cls": "cumulative-layout-shift",
}


class LighthouseError(Exception):
    """Lighthouse could not measure the page; carries its last words."""


@dataclass
class Run:
    """Scores (0-100) and metrics of one Lighthouse run."""

    performance: float
    accessibility: float
    best_practices: float
    seo: float
    lcp_s: float
    tbt_ms: float
    cls: float
    third_party_requests: int

    def as_dict(self) -> dict:
        return asdict(self)


def command(url: str, report: Path, settings: dict) -> list[str]:
    return [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        "--no-enable-error-reporting",
        "--form-factor=mobile",
        f"--only-categories={','.join(settings['lighthouse_categories'])}",
        f"--chrome-flags={' '.join(settings['chromium_flags'])}",
        *(f"--blocked-url-patterns={pattern}" for pattern in settings["blocked_url_patterns"]),
    ]


def run_lighthouse(url: str, settings: dict, project: Path) -> Run:
    """One Lighthouse run of url (which must be on 127.0.0.1)."""
    if urlsplit(url).hostname not in settings["local_hosts"]:
        raise LighthouseError(f"refusing to run Lighthouse on {url}: local URLs only")
    environment = {**os.environ, "CHROME_PATH": settings["chromium"]}
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as folder:
        report = Path(folder) / "report.json"
        result = subprocess.run(
            command(url, report, settings),
            cwd=project,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        if result.returncode != 0 or not report.is_file():
            last_words = (result.stderr or result.stdout).strip().splitlines()[-3:]
            raise LighthouseError(f"lighthouse failed on {url}: {' / '.join(last_words)}")
        return run_from_report(json.loads(report.read_text(encoding="utf-8")), settings)


def run_from_report(report: dict, settings: dict) -> Run:
    """The figures the benchmark keeps from a Lighthouse JSON report."""
    if report.get("runtimeError"):
        raise LighthouseError(f"lighthouse: {report['runtimeError'].get('message')}")
    categories, audits = report["categories"], report["audits"]

    def score(name: str) -> float:
        value = categories[name]["score"]
        return round(value * 100) if value is not None else float("nan")

    metrics = {name: audits[audit]["numericValue"] for name, audit in METRICS.items()}
    requests = audits.get("network-requests", {}).get("details", {}).get("items", [])
    return Run(
        performance=score("performance"),
        accessibility=score("accessibility"),
        best_practices=score("best-practices"),
        seo=score("seo"),
        lcp_s=round(metrics["lcp_s"] / 1000, 3),
        tbt_ms=round(metrics["tbt_ms"]),
        cls=round(metrics["cls"], 3),
        third_party_requests=sum(
            1
            for request in requests
            if urlsplit(request.get("url", "")).hostname not in settings["local_hosts"]
            and urlsplit(request.get("url", "")).scheme in ("http", "https")
        ),
    )
