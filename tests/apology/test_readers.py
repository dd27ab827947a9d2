"""A long draft read by two V8s at once (scripts/apology/readers.py) gives
the report one V8 gives, also when the second fails to read its half."""

from __future__ import annotations

import pytest

from scripts.apology import readers
from scripts.apology.engine import check_draft
from scripts.bench.drafts import SHAPES

SIZE = readers.HELPER_FROM + 20_000  # just long enough for a helper


def one_reader(draft: str) -> dict:
    """One V8's report, less the sentences' spans (a long draft's report leaves them out)."""
    data = check_draft(draft).data
    assert len(data["sentences"]) > 100
    return {key: value for key, value in data.items() if key != "sentences"}


@pytest.fixture(name="two_readers")
def fixture_two_readers(monkeypatch):
    """Two readers whatever this machine has, in slices of 20,000
    characters: the split is what is tested."""
    monkeypatch.setattr(readers, "readers_available", lambda: 2)
    monkeypatch.setattr(readers, "SLICE", 20_000)


@pytest.mark.parametrize("shape", ["varied prose", "one sentence without a stop"])
def test_two_readers_report_what_one_does(two_readers, shape: str) -> None:
    draft = SHAPES[shape](SIZE)
    started = []
    original = readers.Helper.__init__

    def counted(helper, rules):
        started.append(helper)
        original(helper, rules)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(readers.Helper, "__init__", counted)
        together = readers.check_long_draft(draft)
    assert len(started) == 1
    assert together.data == one_reader(draft)
    assert together.findings, "the draft should give findings to compare"


def test_a_failed_helpers_share_is_read_here(two_readers, monkeypatch) -> None:
    draft = SHAPES["varied prose"](SIZE)
    monkeypatch.setattr(readers.Helper, "answer", lambda helper, count: None)
    assert readers.check_long_draft(draft).data == one_reader(draft)


def test_one_processor_reads_a_long_draft_in_slices_alone(monkeypatch) -> None:
    monkeypatch.setattr(readers, "readers_available", lambda: 1)
    monkeypatch.setattr(readers, "SLICE", 20_000)

    def refused(helper, rules):
        raise AssertionError("no helper on one processor")

    monkeypatch.setattr(readers.Helper, "__init__", refused)
    draft = SHAPES["many short lines"](SIZE)
    assert readers.check_long_draft(draft).data == one_reader(draft)


def test_a_short_draft_starts_no_helper(two_readers, monkeypatch) -> None:
    def refused(helper, rules):
        raise AssertionError("no helper for a short draft")

    monkeypatch.setattr(readers.Helper, "__init__", refused)
    draft = SHAPES["varied prose"](5_000)
    assert readers.check_long_draft(draft).data == check_draft(draft).data


def test_slices_cover_every_sentence_once(monkeypatch) -> None:
    monkeypatch.setattr(readers, "SLICE", 100)
    sentences = [f"Sentence {n} " + "word " * (n % 30) for n in range(500)]
    bounds = readers.slices(sentences)
    assert [i for start, stop in bounds for i in range(start, stop)] == list(range(500))
    assert all(sum(map(len, sentences[start : stop - 1])) < 100 for start, stop in bounds)
    assert readers.slices([]) == []


def test_shares_are_consecutive_and_about_even() -> None:
    sentences = [f"Sentence {n} " + "word " * (n % 7) for n in range(1000)]
    parts = readers.shares(sentences, 2)
    assert parts[0] + parts[1] == sentences
    lengths = [sum(map(len, part)) for part in parts]
    assert abs(lengths[0] - lengths[1]) <= max(map(len, sentences))
    assert readers.shares([], 2) == [[], []]
