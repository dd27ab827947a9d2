"""`make measure-shapes`: how long `make check` and `make build` take on a page
of each shape of scripts/bench/shapes.py. A benchmark, not a test: it prints
numbers and asserts nothing.

Every run is a fresh interpreter, as make runs it, on a copy of the project
(no check cache) with one more page in its nav:

- check: every shape at 64 KB, just under the page cap and at 1 MB, with
  what the check said first;
- build: each accepted shape at a quarter, a half and all of the page cap,
  and the project alone; the time a page adds, per 100 KB, stays about the
  same from size to size when build time grows in step with the page.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from scripts.bench.many_letters import copy_project
from scripts.bench.report import markdown_table
from scripts.bench.shapes import ACCEPTED, REFUSED, Maker
from scripts.project.pages import MAX_PAGE_BYTES

ROOT = Path(__file__).resolve().parents[2]
KB = 1_000
PAGE = "shape.md"
FRONT_MATTER = (
    "---\ntitle: A Page of One Shape\ndescription: A long page of one shape, made to time "
    "the check and the build on it.\n---\n\n"
)
CHECK_SIZES = (64 * KB, MAX_PAGE_BYTES - KB, 1_000 * KB)
BUILD_SIZES = (MAX_PAGE_BYTES // 4, MAX_PAGE_BYTES // 2, MAX_PAGE_BYTES - KB)


def progress(message: str) -> None:
    print(f"measure-shapes: {message}", file=sys.stderr, flush=True)


def project_with_page(root: Path, body: str | None) -> Path:
    """A copy of the project in root, with a page of this body in its nav
    (none if body is None)."""
    config_file = copy_project(ROOT, root)
    if body is None:
        return root
    (root / "docs" / PAGE).write_text(FRONT_MATTER + body, encoding="utf-8")
    with config_file.open(encoding="utf-8") as handle:
        config = yaml_load(handle)
    config["nav"].append({"One shape": PAGE})
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


def child_cpu_seconds() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run(command: str, body: str | None) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Seconds `python -m scripts command` took on the project with this
    page: on the clock, and of CPU (less swayed by a busy machine)."""
    with tempfile.TemporaryDirectory(prefix="mdx-shapes-") as folder:
        root = project_with_page(Path(folder), body)
        arguments = [sys.executable, "-m", "scripts", command, "--root", str(root)]
        if command == "build":
            arguments += ["--site-dir", str(root / "site")]
        start, cpu = time.perf_counter(), child_cpu_seconds()
        result = subprocess.run(arguments, cwd=ROOT, capture_output=True, text=True, check=False)
        return time.perf_counter() - start, child_cpu_seconds() - cpu, result


def median_run(command: str, body: str | None, repeats: int) -> tuple[float, float, str]:
    """Median seconds of repeats runs, on the clock and of CPU, and what the
    last run said first."""
    clock, cpu, said = [], [], ""
    for _ in range(repeats):
        seconds, cpu_seconds, result = run(command, body)
        clock.append(seconds)
        cpu.append(cpu_seconds)
        said = first_words(result)
    return statistics.median(clock), statistics.median(cpu), said


def first_words(result: subprocess.CompletedProcess[str]) -> str:
    """Exit status and the first line printed, cut short; a traceback says so."""
    if "Traceback" in result.stderr:
        return f"exit {result.returncode}: TRACEBACK"
    lines = (result.stdout + result.stderr).splitlines()
    first = next((line for line in lines if line.strip()), "")
    message = first.split(": error: ", 1)[-1]
    return f"exit {result.returncode}: {message[:60]}{'…' if len(message) > 60 else ''}"


def check_table(shapes: dict[str, Maker], repeats: int) -> str:
    progress("check: the project alone")
    clock, cpu, said = median_run("check", None, repeats)
    rows = [("the project alone", "", f"{clock:.2f}", f"{cpu:.2f}", said)]
    for name, make in shapes.items():
        for size in CHECK_SIZES:
            progress(f"check: {name}, {size // KB} KB")
            clock, cpu, said = median_run("check", make(size), repeats)
            rows.append((name, f"{size // KB:,} KB", f"{clock:.2f}", f"{cpu:.2f}", said))
    return markdown_table(("shape", "size", "check (s)", "CPU (s)", "what it said"), rows)


def build_table(repeats: int) -> str:
    progress("build: the project alone")
    bare_clock, bare_cpu, said = median_run("build", None, repeats)
    rows = [("the project alone", "", f"{bare_clock:.2f}", f"{bare_cpu:.2f}", "", said)]
    for name, make in ACCEPTED.items():
        for size in BUILD_SIZES:
            progress(f"build: {name}, {size // KB} KB")
            clock, cpu, said = median_run("build", make(size), repeats)
            added = (cpu - bare_cpu) / (size / (100 * KB))
            rows.append(
                (name, f"{size // KB} KB", f"{clock:.2f}", f"{cpu:.2f}", f"{added:.2f}", said)
            )
    header = ("accepted shape", "size", "build (s)", "CPU (s)", "CPU added per 100 KB", "said")
    return markdown_table(header, rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench.measure_shapes")
    parser.add_argument("--repeats", type=int, default=1, help="runs of each; medians shown")
    parser.add_argument("--no-build", action="store_true", help="time the check only")
    args = parser.parse_args(argv)
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at the start\n")
    print(f"### `make check`, median of {args.repeats}\n")
    print(check_table({**REFUSED, **ACCEPTED}, args.repeats))
    if not args.no_build:
        print(f"\n### `make build`, median of {args.repeats}\n")
        print(build_table(args.repeats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
