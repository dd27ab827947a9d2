"""`python -m scripts`: Ctrl+C during a check, a build or check-letter ends with one line,
never a traceback (from the build or its workers), and leaves no staging
folder and the previous site as it was."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scripts import stopping
from scripts.bench.drafts import SHAPES
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
    assert_quiet_end(process, stdout, stderr)
    assert not list(project.glob(".site-staging-*")) and not list(project.glob(".site-old-*"))


def assert_quiet_end(process: subprocess.Popen, stdout: str, stderr: str) -> None:
    assert "Traceback" not in stdout + stderr, stderr
    # 130 unless it had finished before Ctrl+C (a fast machine's check)
    assert process.returncode in (0, 130)
    # nor what Python's shutdown says of work left pending (mini-racer's calls)
    assert "Exception ignored" not in stderr and "was destroyed" not in stderr, stderr
    if process.returncode == 130:
        assert stderr.splitlines()[-1] == stopping.MESSAGE


@pytest.mark.parametrize("after", [0.3, 1.0])
def test_ctrl_c_while_a_long_draft_is_checked_ends_quietly(tmp_path: Path, after: float) -> None:
    """Whether V8 is starting or reading (two of them at once), one line."""
    draft = tmp_path / "draft.txt"
    draft.write_text(SHAPES["varied prose"](600_000), "utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "scripts", "check-letter", str(draft)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    time.sleep(after)
    os.killpg(process.pid, signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert_quiet_end(process, stdout, stderr)


def test_a_broken_data_file_is_one_line_for_check_letter_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """check-letter reads the rules without `make check` first: still one line."""
    from scripts import data_files
    from scripts.__main__ import main
    from scripts.apology import engine

    data = tmp_path / "data"
    shutil.copytree(data_files.DATA_DIR, data)
    (data / "checker-rules.yml").write_text("# nothing yet\n", "utf-8")
    monkeypatch.setattr(data_files, "DATA_DIR", data)
    data_files.load.cache_clear()
    engine.load_rules.cache_clear()
    draft = tmp_path / "draft.txt"
    draft.write_text("I am sorry.", "utf-8")
    try:
        assert main(["check-letter", str(draft)]) == 2
    finally:
        data_files.load.cache_clear()
        engine.load_rules.cache_clear()
    assert capsys.readouterr().err.splitlines()[0] == (
        "scripts/data/checker-rules.yml:1: error: is empty; it must hold the data its comment "
        "describes"
    )
