"""A long draft read by two V8s at once, for `make check-letter`.

The checker costs about 6 to 10 s of processor time on a 1 MB draft (the
cap), nearly all of it compromise tagging sentences. Each sentence is read
alone (apology-engine.js), so the reading shares out: the engine splits the
draft into sentences, a second V8 reads the second half of them on another
thread while the first reads the first half, and the first makes the report
from both. mini-racer runs each V8 on a thread of its own and lets Python's
lock go while it waits, so the two read at once on two processors; in one
process, the second V8 adds its engine's memory (about 80 MB) and nothing
of Python's. Each reads a slice of sentences at a time and collects its
garbage after each, as V8 would not within one call. The report is the one
a single V8 gives (tests/apology/test_readers.py).

A second V8 that cannot start or fails leaves its half to the first: the
draft is read all the same, only later.
"""

from __future__ import annotations

import os
import threading

from scripts.apology.engine import (
    Checker,
    Report,
    check_draft,
    checker_for,
    engine_data,
    load_rules,
)

# Below this many characters one V8 has read the draft before a second has
# started (its engine takes about a quarter of a second to load).
HELPER_FROM = 100_000
# Each V8 holds the engine and its share of the draft: two keep a 1 MB
# draft under 300 MB and use a 2-core machine whole.
MOST_READERS = 2
# Characters read in one call, V8's garbage collected after each: a 1 MB
# draft read in one call peaks some 120 MB higher, for a fifth less time.
SLICE = 100_000


def readers_available() -> int:
    """V8s worth running at once: one per processor this process may use, MOST_READERS at most."""
    try:
        processors = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        processors = os.cpu_count() or 1
    return max(1, min(processors, MOST_READERS))


def slices(sentences: list[str]) -> list[tuple[int, int]]:
    """[start, stop) of consecutive sentences of about SLICE characters in all."""
    bounds = []
    start, length = 0, 0
    for index, sentence in enumerate(sentences):
        length += len(sentence)
        if length >= SLICE:
            bounds.append((start, index + 1))
            start, length = index + 1, 0
    if start < len(sentences):
        bounds.append((start, len(sentences)))
    return bounds


def sayings_of(checker: Checker, sentences: list[str]) -> list[dict]:
    """What the sentences say, read a slice at a time."""
    said: list[dict] = []
    for start, stop in slices(sentences):
        said += checker.sayings(sentences[start:stop])
        checker.collect_garbage()
    return said


def shares(sentences: list[str], count: int) -> list[list[str]]:
    """sentences in count consecutive shares of about the same length in characters."""
    total = max(1, sum(map(len, sentences)))
    parts: list[list[str]] = [[] for _ in range(count)]
    before = 0
    for sentence in sentences:
        parts[min(count - 1, before * count // total)].append(sentence)
        before += len(sentence)
    return parts


class Helper:
    """A V8 of its own on a thread: it starts at once (its engine loads while
    the first V8 splits the draft), reads the sentences it is given, and is
    closed as soon as it has answered, so its memory is free for the report."""

    def __init__(self, rules: dict) -> None:
        self._rules = rules
        self._given = threading.Event()
        self._sentences: list[str] = []
        self._said: list[dict] | None = None
        self._thread = threading.Thread(target=self._run, name="second reader", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        checker = None
        try:
            checker = Checker(engine_data(self._rules))
            self._given.wait()
            if self._sentences:
                self._said = sayings_of(checker, self._sentences)
        except Exception:  # noqa: BLE001 - any failure: the first V8 reads this half
            self._said = None
        finally:
            if checker is not None:
                checker.close()

    def give(self, sentences: list[str]) -> None:
        self._sentences = sentences
        self._given.set()

    def answer(self, count: int) -> list[dict] | None:
        """What the sentences given say, or None if this V8 failed."""
        self._thread.join()
        said = self._said
        return said if isinstance(said, list) and len(said) == count else None


def check_long_draft(text: str) -> Report:
    """The report on a draft: a long one read a slice at a time, by as many
    V8s as are worth running, and reported without the sentences' spans
    (only a page marks them)."""
    if len(text) < HELPER_FROM:
        return check_draft(text)
    rules = load_rules()
    checker = checker_for(rules)
    # Started once the first V8 runs: two V8s starting at once crashed
    # mini-racer (a trap in about one run in three).
    helpers = [Helper(rules) for _ in range(readers_available() - 1)]
    try:
        sentences = checker.begin(text)
        mine, *theirs = shares(sentences, len(helpers) + 1)
        for helper, part in zip(helpers, theirs, strict=True):
            helper.give(part)
        for start, stop in slices(mine):
            checker.read_here(start, stop)
            checker.collect_garbage()
        said: list[dict] = []
        for helper, part in zip(helpers, theirs, strict=True):
            said += helper.answer(len(part)) or sayings_of(checker, part)
        return checker.finish(len(mine), said)
    finally:  # a helper not given its share (the split failed) stops
        for helper in helpers:
            helper.give([])
