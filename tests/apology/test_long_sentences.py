"""A checker linear in its draft, whatever the shape (issue 27): one sentence
with no full stop anywhere (dictated text, a pasted table) is read in pieces,
like the sentences of any draft, so the checker's page never holds a task for
long and `check-letter` reads a megabyte of it in seconds; every character of
a draft of any shape is in exactly one sentence or piece, in order."""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from scripts.apology import engine
from scripts.apology.engine import load_rules
from tests.apology import corpus
from tests.helpers import ROOT

RULES = load_rules()
PAGE_LENGTH = 200_000
CLI_LENGTH = 999_000  # just under check-letter's cap of 1 MB


def one_sentence(length: int) -> str:
    """The tuning statements dictated: no full stop, no line break, over and over."""
    letters = " ".join(statement.text for statement in corpus.statements("tuning"))
    said = re.sub(r"\s+", " ", re.sub(r"[.!?]", "", letters)) + " "
    return (said * (length // len(said) + 1))[:length]


def sentences_of(text: str) -> list[str]:
    checker = engine.checker_for(RULES)
    spans = json.loads(
        checker._context.eval(
            f'JSON.stringify(mdx.use("apology-engine").check({json.dumps(text)}).sentences)'
        )
    )
    return [text[span["start"] : span["end"]] for span in spans]


SHAPES = {
    "dictated": one_sentence(30_000),
    "a table": "\n".join(",".join(f"cell {row} {col}" for col in range(12)) for row in range(400)),
    "one long word": "x" * 5_000 + " sorry",
    "emoji": "\U0001f61e" * 3_000 + " sorry",
    "dots": "." * 20_000,
    "spaced dots": ". " * 10_000,
    "abbreviations": "e.g. Mr. " * 2_000,
}


@pytest.mark.parametrize("shape", SHAPES)
def test_every_character_is_read_once_in_order_in_short_pieces(shape: str) -> None:
    text = SHAPES[shape]
    pieces = sentences_of(text)
    assert re.sub(r"\s+", "", "".join(pieces)) == re.sub(r"\s+", "", text)
    assert max(len(piece.split()) for piece in pieces) <= 60
    assert max(len(piece) for piece in pieces) <= 480


def test_a_long_sentence_is_cut_after_a_comma_where_it_can_be() -> None:
    clause = "we sent the wrong invoice to your office, "
    pieces = sentences_of(clause * 40)
    assert len(pieces) > 1
    assert all(piece.endswith(",") for piece in pieces[:-1])


def test_sentences_of_an_ordinary_letter_are_compromise_s_own() -> None:
    text = "We are sorry. Mr. Smith will call you, as promised, on Monday.\n\nThank you!"
    assert sentences_of(text) == [
        "We are sorry.",
        "Mr. Smith will call you, as promised, on Monday.",
        "Thank you!",
    ]


def test_check_letter_reads_a_megabyte_of_one_sentence_in_seconds(tmp_path: Path) -> None:
    draft = tmp_path / "dictated.txt"
    text = (
        one_sentence(CLI_LENGTH).encode()[:CLI_LENGTH].decode(errors="ignore")
    )  # bytes, not characters
    draft.write_text(text, encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "check-letter", str(draft)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Processor time, not the clock's: the machine running the tests may be busy.
    elapsed = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    assert elapsed < 10, f"{elapsed:.1f} s"


def main_thread_tasks(trace: bytes) -> list[tuple[float, float]]:
    """(processor ms, clock ms) of each task the page's main thread ran, from
    a Chromium trace: processor time, as the machine running the tests may be
    busy with other work."""
    events = json.loads(trace)
    events = events["traceEvents"] if isinstance(events, dict) else events
    main = {
        (event["pid"], event["tid"])
        for event in events
        if event.get("name") == "thread_name" and event["args"].get("name") == "CrRendererMain"
    }
    return [
        (event["tdur"] / 1000, event["dur"] / 1000)
        for event in events
        if event.get("name") == "ThreadControllerImpl::RunTask"
        and event.get("ph") == "X"
        and (event["pid"], event["tid"]) in main
        and "tdur" in event
    ]


@pytest.mark.browser
def test_the_checker_page_never_holds_a_task_while_reading_one_long_sentence(page) -> None:
    page.goto("check/")
    draft = page.locator("#mdx-check-draft")
    draft.focus()  # the reader reaches for it: its code loads
    checker = page.locator("[data-mdx-check]")
    expect(checker).to_have_attribute("data-mdx-check-ready", "")
    draft.fill("We are sorry.")
    expect(checker).to_have_attribute("data-mdx-check-done", "")
    browser = page.context.browser
    browser.start_tracing(page=page, categories=["toplevel"])
    draft.evaluate(  # a paste: the value, then one input event
        "(draft, text) => { draft.value = text; draft.dispatchEvent(new Event('input', {bubbles: true})); }",
        one_sentence(PAGE_LENGTH),
    )
    expect(checker).not_to_have_attribute("data-mdx-check-done", "")
    expect(checker).to_have_attribute("data-mdx-check-done", "", timeout=180_000)
    tasks = main_thread_tasks(browser.stop_tracing())
    assert int(checker.get_attribute("data-mdx-check-findings")) > 100  # really read
    assert len(tasks) > 100  # a slice at a time
    longest = max(tasks)
    assert longest[0] <= 200, (
        f"a task of {longest[0]:.0f} ms of processor time ({longest[1]:.0f} ms)"
    )
    assert page.errors == []
