"""How long the pipeline takes next to MkDocs alone, and the validator at scale.

Each timing runs a fresh interpreter, as `make` does, on a copy of the
project in a temporary folder, so the working tree and its caches are
untouched. Runs alternate between the two commands so a busy moment of
the machine slows both alike; medians are compared.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from scripts.bench.many_letters import copy_project, make_many_letters
from scripts.validate.docs import docs_problems

Progress = Callable[[str], None]


def timed(command: list[str], cwd: Path) -> float:
    """Seconds the command took; it must succeed."""
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def pipeline_build(root: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "scripts",
        "build",
        "--root",
        str(root),
        "--site-dir",
        str(root / "out-pipeline"),
    ]


def plain_build(root: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--config-file",
        str(root / "mkdocs.yml"),
        "--site-dir",
        str(root / "out-mkdocs"),
    ]


def build_times(project: Path, repeats: int, progress: Progress) -> dict[str, object]:
    """Median seconds of `make build`'s pipeline (cold and warm check cache)
    and of a plain `mkdocs build --strict` of the same sources."""
    cwd = Path(__file__).resolve().parents[2]  # where `python -m scripts` is found
    cold, warm, plain = [], [], []
    with tempfile.TemporaryDirectory(prefix="bench-build-") as folder:
        root = Path(folder)
        copy_project(project, root)
        for run in range(1, repeats + 1):
            progress(f"build time: run {run}/{repeats}")
            shutil.rmtree(root / ".cache", ignore_errors=True)
            cold.append(timed(pipeline_build(root), cwd))
            plain.append(timed(plain_build(root), cwd))
            warm.append(timed(pipeline_build(root), cwd))
    return {
        "repeats": repeats,
        "pipeline_cold_s": round(statistics.median(cold), 3),
        "pipeline_warm_s": round(statistics.median(warm), 3),
        "mkdocs_s": round(statistics.median(plain), 3),
        "ratio_cold": round(statistics.median(cold) / statistics.median(plain), 2),
        "ratio_warm": round(statistics.median(warm) / statistics.median(plain), 2),
    }


def validation_times(project: Path, pages: int, progress: Progress) -> dict[str, object]:
    """Seconds docs_problems takes on `pages` letter pages: first run, then unchanged."""
    progress(f"validating {pages:,} generated letter pages")
    with tempfile.TemporaryDirectory(prefix="bench-letters-") as folder:
        root = Path(folder)
        make_many_letters(project, root, pages)
        start = time.perf_counter()
        problems = docs_problems(root)
        cold = time.perf_counter() - start
        start = time.perf_counter()
        docs_problems(root)
        warm = time.perf_counter() - start
    return {
        "pages": pages,
        "problems": len(problems),
        "cold_s": round(cold, 3),
        "warm_s": round(warm, 3),
    }
