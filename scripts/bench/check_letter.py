"""python -m scripts.bench.check_letter [--size BYTES] [--shapes NAME,NAME] [--timeout S]:
`make check-letter` on a draft of each shape of scripts/bench/drafts.py (1 MB,
the cap, by default): processor time, clock time and peak memory of each run,
a fresh `python -m scripts check-letter` each, so V8's start is counted too.
`make bench-check-letter` runs it; the checker should read any draft under
its cap in well under 10 s and 300 MB (both of its V8s, when it runs two, are in
the one process measured).

Prints a table; writes .bench/check-letter-latest.json. A run over --timeout
seconds is stopped and shown as such.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from scripts.bench.drafts import SHAPES

PROJECT = Path(__file__).resolve().parents[2]
# What a maintainer waits for, and what the machine must hold: a long draft's
# CPU time is shared out by two V8s (scripts/apology/readers.py), so it is
# shown, not bounded.
LIMITS = {"clock_s": 10, "peak_mb": 300}


def measure(draft: Path, timeout: float) -> dict:
    """One check-letter run on draft: its status, processor and clock seconds,
    peak resident MB (of that process alone: os.wait4's own figures)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "scripts", "check-letter", str(draft)],
        cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    timer = threading.Timer(timeout, process.send_signal, (signal.SIGKILL,))
    timer.start()
    with process.stderr:  # read to the end: the process never blocks on a full pipe
        stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    return {
        "status": process.returncode,
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "clock_s": round(time.perf_counter() - started, 2),
        "peak_mb": round(usage.ru_maxrss / 1024, 1),
        "stopped": process.returncode == -signal.SIGKILL,
        "traceback": b"Traceback" in stderr,
        "stderr": stderr.decode("utf-8", "replace").strip().splitlines()[-1:],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.bench.check_letter", description=__doc__
    )
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes (default: %(default)s)")
    parser.add_argument("--shapes", default="", help="comma-separated names (default: all)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=PROJECT / ".bench", help="where JSON goes")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    names = [name.strip() for name in args.shapes.split(",") if name.strip()] or list(SHAPES)
    unknown = [name for name in names if name not in SHAPES]
    if unknown:
        print(f"error: no shape {', '.join(unknown)}; shapes: {', '.join(SHAPES)}", file=sys.stderr)
        return 2
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-check-letter-") as folder:
        for name in names:
            draft = Path(folder) / "draft.txt"
            draft.write_text(SHAPES[name](args.size), encoding="utf-8")
            print(f"bench-check-letter: {name}", file=sys.stderr, flush=True)
            results[name] = {"bytes": draft.stat().st_size, **measure(draft, args.timeout)}
    args.out.mkdir(exist_ok=True)
    (args.out / "check-letter-latest.json").write_text(json.dumps(results, indent=2), "utf-8")
    print(
        "| shape | bytes | exit | CPU s | clock s | peak MB |\n| --- | --- | --- | --- | --- | --- |"
    )
    over = []
    for name, r in results.items():
        status = "stopped" if r["stopped"] else str(r["status"])
        print(
            f"| {name} | {r['bytes']} | {status} | {r['cpu_s']} | {r['clock_s']} | {r['peak_mb']} |"
        )
        if (
            r["stopped"]
            or r["traceback"]
            or r["status"] not in (0, 1)
            or any(r[key] > limit for key, limit in LIMITS.items())
        ):
            over.append(name)
    if over:
        print(f"over the limits ({LIMITS}) or failed: {', '.join(over)}", file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
