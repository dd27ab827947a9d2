"""`python -m scripts`: Ctrl+C during a check or a build ends with one line,
never a traceback (from the build or its workers), and leaves no staging
folder and the previous site as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import ROOT, copy_project


@pytest.mark.parametrize(
    ("command", "after"),
    [
        ("check", 1.5),
        *[("build", 3.0 + n) for n in range(int(os.environ.get("CTRL_C_ROUNDS", "2")))],
    ],
)
def test_ctrl_c_ends_quietly(tmp_path: Path, command: str, after: float) -> None:
    project = copy_project(tmp_path / "project")
    (project / ".cache").mkdir()  # no cache: every page is read again, so there is time
    process = subprocess.Popen(
        [sys.executable, "-m", "scripts", command, "--root", str(project)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    time.sleep(after)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl+C: to every process of the group
    stdout, stderr = process.communicate(timeout=60)
    assert "Traceback" not in stdout + stderr, stderr
    # 130 unless it had finished before Ctrl+C (a fast machine's check)
    assert process.returncode in (0, 130)
    if process.returncode == 130:
        assert stderr.splitlines()[-1].startswith("interrupted: stopped;")
    assert not list(project.glob(".site-staging-*")) and not list(project.glob(".site-old-*"))
