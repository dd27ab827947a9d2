"""A checker linear in its draft, whatever the shape (issue 27): one sentence
with no full stop anywhere (dictated text, a pasted table) is read in pieces,
like the sentences of any draft, so the checker's page never holds a task for
long; a draft of every shape of scripts/bench/drafts.py is read to its end, and
`check-letter` reads a megabyte within its memory (`make bench-check-letter`
times it); every character of a draft of any shape is in exactly one sentence
or piece, in order."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from scripts.apology import engine
from scripts.apology.engine import load_rules
from scripts.bench.check_letter import measure
from scripts.bench.drafts import SHAPES as SHAPE_MAKERS
from tests.apology import corpus

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


@pytest.mark.parametrize("shape", SHAPE_MAKERS)
def test_a_draft_of_every_shape_is_read_to_the_end(shape: str) -> None:
    report = engine.checker_for(RULES).check(SHAPE_MAKERS[shape](20_000)).data
    assert report["complete"]
    assert report["verdict"]["label"]


def test_check_letter_reads_a_megabyte_of_one_sentence_within_its_memory(tmp_path: Path) -> None:
    """Its time is `make bench-check-letter`'s to measure (a busy machine makes
    any timed test flaky); its memory and its end are the test's."""
    draft = tmp_path / "dictated.txt"
    draft.write_text(SHAPE_MAKERS["one sentence without a stop"](CLI_LENGTH), encoding="utf-8")
    figures = measure(draft, timeout=300)
    assert not figures["stopped"]
    assert figures["status"] in (0, 1), figures["stderr"]
    assert not figures["traceback"]
    assert figures["peak_mb"] < 300


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
