"""`make check-letter`: `line:col: rule-id: message` per finding, the tips, the
summary, the verdict and what the checker cannot do; the exit status is the
verdict (0 sound, 1 needs work), 2 for a draft it cannot read; no traceback,
not even when its reader stops reading (`| head`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.apology.engine import load_rules
from tests.apology import drafts
from tests.helpers import ROOT

RULES = load_rules()
MESSAGES = {rule["id"]: " ".join(rule.get("message", "").split()) for rule in RULES["rules"]}
FRAMING = " ".join(RULES["framing"].split())


def check_letter_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts", "check-letter", *args],
        cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def test_a_draft_that_needs_work_prints_its_findings_and_exits_1() -> None:
    result = check_letter_cli(str(drafts.DRAFTS / "combo-conditional-excuse.txt"))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"3:14: conditional: {MESSAGES['conditional']}"
    assert [line.split(": ")[1] for line in lines[:3]] == ["conditional", "excuse", "excuse"]
    missing = next(line for line in lines if line.startswith("tips missing: "))
    # it says sorry, if conditionally: not asked for again; nothing hints at amends
    assert "amends" in missing and "says-sorry" not in missing
    assert lines[-2].startswith("verdict: needs work: ")
    assert lines[-1] == FRAMING


def test_a_sound_draft_exits_0_and_standard_input_is_read() -> None:
    result = check_letter_cli("-", stdin=drafts.drafts()["strong-billing"])
    assert result.returncode == 0, result.stdout
    assert "tips missing: none" in result.stdout
    assert "verdict: sound: " in result.stdout


def test_a_suggestion_prints_and_says_it_does_not_change_the_verdict() -> None:
    text = "I am sorry we overcharged you; it was our error. The invoice was issued twice. We have refunded you."
    result = check_letter_cli("-", stdin=text)
    assert result.returncode == 0
    column = text.index("was issued") + 1
    assert result.stdout.splitlines()[0] == (
        f"1:{column}: passive: {MESSAGES['passive']} (a suggestion: it does not change the verdict)"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "cannot read the draft"), (b"\xff\xfesorry", "not UTF-8 text (byte 1)")],
)
def test_an_unreadable_draft_exits_2(tmp_path: Path, content, message: str) -> None:
    draft = tmp_path / "draft.txt"
    if content is not None:
        draft.write_bytes(content)
    result = check_letter_cli(str(draft))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{draft}: error: {message}")
    assert "Traceback" not in result.stderr


def test_without_a_file_it_says_how_to_name_one() -> None:
    result = check_letter_cli()
    assert result.returncode == 2
    assert "make check-letter FILE=draft.txt" in result.stderr


@pytest.mark.parametrize(("draft", "verdict"), [("combo-everything", 1), ("strong-billing", 0)])
def test_a_reader_that_stops_reading_gets_no_traceback_and_the_verdict(
    draft: str, verdict: int
) -> None:
    """`make check-letter | head -1`: the pipe closes before the report is out."""
    with subprocess.Popen(
        [sys.executable, "-m", "scripts", "check-letter", str(drafts.DRAFTS / f"{draft}.txt")],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    ) as process:  # fmt: skip
        process.stdout.close()  # the reader is gone before anything is written
        stderr = process.stderr.read().decode()
        assert process.wait(timeout=60) == verdict
    assert stderr == ""


def refused(result: subprocess.CompletedProcess, reason: str) -> bool:
    lines = result.stderr.splitlines()
    return result.returncode == 2 and len(lines) == 1 and reason in lines[0]


@pytest.mark.parametrize(
    ("name", "reason"),
    [("/dev/zero", "it is a device"), ("/dev/null", "it is a device"), ("/", "it is a folder")],
)
def test_only_regular_files_are_read(name: str, reason: str) -> None:
    assert refused(check_letter_cli(name), reason)


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "draft.txt"
    os.mkfifo(fifo)
    assert refused(check_letter_cli(str(fifo)), "it is a named pipe")  # timeout: 60 s


def test_endless_standard_input_is_read_only_to_the_cap() -> None:
    """`yes | make check-letter FILE=-`: one more byte than the cap, then no."""
    command = [sys.executable, "-m", "scripts", "check-letter", "-"]
    with subprocess.Popen(["yes"], stdout=subprocess.PIPE) as endless:
        result = subprocess.run(
            command,
            cwd=ROOT,
            stdin=endless.stdout,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        endless.kill()
    assert refused(result, "it is over 1 MB")


@pytest.mark.parametrize("stdin", ["", "  \n\t\n"])
def test_an_empty_draft_is_not_checked(stdin: str) -> None:
    assert refused(check_letter_cli("-", stdin=stdin), "the draft is empty")


def test_a_closed_standard_input_is_a_line_not_a_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "check-letter", "-"],
        cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
        preexec_fn=lambda: os.close(0), check=False,
    )  # fmt: skip
    assert refused(result, "standard input is closed")
