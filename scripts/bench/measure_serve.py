"""`make measure-serve`: how long `make serve` takes to tell an author about a
mistake. A benchmark, not a test: it prints numbers and asserts nothing.

On a copy of the project it starts the server, then, ROUNDS times, saves a
letter with a misspelt field (`situaton:`) and times (1) the terminal
message naming it and (2) the banner on the served page; then saves the fix
and times "docs/ is valid" and the banner gone.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 5
PAGE = "docs/letters/billing-error.md"
TIMEOUT = 20.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def reader(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put((time.perf_counter(), line.rstrip("\n")))


def wait_for_line(lines: queue.Queue, text: str, since: float) -> float:
    """Seconds from since to the first line containing text."""
    deadline = time.perf_counter() + TIMEOUT
    while time.perf_counter() < deadline:
        try:
            when, line = lines.get(timeout=0.05)
        except queue.Empty:
            continue
        if text in line and when >= since:
            return when - since
    raise TimeoutError(f"no line with {text!r} within {TIMEOUT} s")


def wait_for_page(url: str, banner_shown: bool, since: float) -> float:
    """Seconds from since until the served page has (or lacks) the banner."""
    deadline = time.perf_counter() + TIMEOUT
    while time.perf_counter() < deadline:
        with urllib.request.urlopen(url, timeout=5) as response:  # 127.0.0.1 only
            shown = b"data-mdx-dev-banner" in response.read()
        if shown == banner_shown:
            return time.perf_counter() - since
        time.sleep(0.02)
    raise TimeoutError(f"the page did not {'show' if banner_shown else 'drop'} the banner")


def save(page: Path, text: str) -> float:
    page.write_text(text, encoding="utf-8")
    return time.perf_counter()


def measure(project: Path, port: int) -> dict[str, list[float]]:
    command = [sys.executable, "-u", "-m", "scripts", "serve", "--root", str(project)]
    command += ["--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=reader, args=(server.stdout, lines), daemon=True).start()
    url = f"http://127.0.0.1:{port}/tips/"
    page = project / PAGE
    good = page.read_text(encoding="utf-8")
    bad = good.replace("\nsituation:", "\nsituaton:", 1)
    times: dict[str, list[float]] = {"terminal": [], "page": [], "fixed": [], "page fixed": []}
    try:
        wait_for_line(lines, "Serving on", 0.0)
        for _ in range(ROUNDS):
            saved = save(page, bad)
            times["terminal"].append(wait_for_line(lines, "unknown field 'situaton'", saved))
            times["page"].append(wait_for_page(url, True, saved))
            saved = save(page, good)
            times["fixed"].append(wait_for_line(lines, "docs/ is valid", saved))
            times["page fixed"].append(wait_for_page(url, False, saved))
            time.sleep(0.3)  # let the rebuild settle before the next save
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    return times


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="mdx-measure-") as folder:
        project = Path(folder)
        for name in ("docs", "overrides"):
            shutil.copytree(ROOT / name, project / name)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        times = measure(project, free_port())
    print(
        f"make serve, {ROUNDS} saves of a misspelt field, then of its fix ({os.cpu_count()} CPUs):"
    )
    for what, values in times.items():
        print(
            f"  {what:<11} median {statistics.median(values):.2f} s, "
            f"max {max(values):.2f} s  ({', '.join(f'{v:.2f}' for v in values)})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
