"""Drafts of every shape a reader may paste into the apology checker, made by
code at any size: what `make bench-check-letter` times and the tests feed to
`check-letter` (tests/apology/test_long_sentences.py).

The words come from the tuning statements (tests/data/apologies/tuning.yml),
shuffled with a fixed seed, so the prose is varied (each sentence new to the
checker's cache) and the same on every run. Each maker takes a size in UTF-8
bytes and returns a draft of at most that many, close to it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parents[2]
STATEMENTS = PROJECT / "tests" / "data" / "apologies" / "tuning.yml"
SEED = 27

Maker = Callable[[int], str]


@cache
def corpus_sentences() -> tuple[str, ...]:
    """The tuning statements' sentences, one line each."""
    texts = [item["text"] for item in yaml.safe_load(STATEMENTS.read_text(encoding="utf-8"))]
    found = re.findall(r"[^.!?\n]+[.!?]", "\n".join(texts))
    return tuple(" ".join(sentence.split()) for sentence in found if len(sentence.split()) > 2)


@cache
def vocabulary() -> tuple[str, ...]:
    return tuple(
        sorted({word for s in corpus_sentences() for word in re.findall(r"[A-Za-z']+", s)})
    )


def fill(size: int, piece: Callable[[random.Random], str]) -> str:
    """Pieces from a seeded generator, joined, to at most size UTF-8 bytes."""
    rng = random.Random(SEED)
    parts, total = [], 0
    while True:
        part = piece(rng)
        length = len(part.encode("utf-8"))
        if total + length > size:
            break
        parts.append(part)
        total += length
    return "".join(parts)


def varied_sentence(rng: random.Random) -> str:
    """A sentence of the corpus with two of its words replaced: new every time."""
    words = rng.choice(corpus_sentences()).split(" ")
    replaceable = [i for i, word in enumerate(words) if i and re.match("[A-Za-z]", word)]
    for i in rng.sample(replaceable, min(2, len(replaceable))):
        tail = re.sub(r"^[A-Za-z']+", "", words[i])
        words[i] = rng.choice(vocabulary()) + tail
    return " ".join(words)


def prose(rng: random.Random) -> str:
    """A paragraph of three to six sentences, then a blank line."""
    return " ".join(varied_sentence(rng) for _ in range(rng.randint(3, 6))) + "\n\n"


def without_stops(sentence: str, mark: str) -> str:
    return re.sub(r"[.!?]", mark, sentence)


def csv_row(rng: random.Random) -> str:
    cells = [rng.choice(vocabulary()), str(rng.randint(1, 99999)), f"£{rng.randint(1, 999)}.00",
             f"2026-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}", rng.choice(vocabulary())]  # fmt: skip
    return ",".join(cells) + "\n"


def table_row(rng: random.Random) -> str:
    return "| " + " | ".join(rng.choice(vocabulary()) for _ in range(6)) + " |\n"


UNICODE = (
    "申し訳ございません", "请原谅我们的错误", "죄송합니다", "نعتذر عن التأخير", "אנו מתנצלים",
    "Entschuldigung für die Verzögerung", "désolé", "ñandú", "e\u0301te\u0301", "\U0001f61e",
    "\U0001f64f\U0001f3fd", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "Ελλάδα", "Привет",
    "\U0001d530\U0001d52c\U0001d52f\U0001d52f\U0001d536", "\u202eabc\u202c", "\u00a0", "\u2014",
    "\u201csorry\u201d",
)  # fmt: skip


def unicode_words(rng: random.Random) -> str:
    if rng.random() < 0.05:
        return ". "
    return rng.choice(UNICODE + vocabulary()[:50]) + " "


# Weak sentences of our own, each with a new number: every one gives
# findings, so the report is as long as a draft's can be (its memory).
WEAK = (
    "I'm sorry if you were upset by invoice {n}, but it wasn't our fault.",
    "Mistakes were made with order {n} and we regret any inconvenience.",
    "Unfortunately delays happen, and order {n} was late due to our supplier.",
)


def weak_sentence(rng: random.Random) -> str:
    return rng.choice(WEAK).format(n=rng.randint(1, 10**6)) + " "


SHAPES: dict[str, Maker] = {
    "varied prose": lambda size: fill(size, prose),
    "one sentence without a stop": lambda size: fill(
        size, lambda rng: without_stops(varied_sentence(rng), "") + " "
    ),
    "dictated with commas only": lambda size: fill(
        size, lambda rng: without_stops(varied_sentence(rng), ",") + " "
    ),
    "CSV lines": lambda size: fill(size, csv_row),
    "table lines": lambda size: fill(size, table_row),
    "one word repeated": lambda size: fill(size, lambda rng: "sorry "),
    "many short lines": lambda size: fill(
        size,
        lambda rng: " ".join(rng.choice(vocabulary()) for _ in range(rng.randint(1, 3))) + "\n",
    ),
    "unicode-heavy": lambda size: fill(size, unicode_words),
    "many blank lines": lambda size: fill(
        size, lambda rng: rng.choice(vocabulary()) + "\n" * rng.randint(2, 40)
    ),
    "one long word": lambda size: "x" * size,
    "spaced dots": lambda size: fill(size, lambda rng: ". "),
    "a finding in every sentence": lambda size: fill(size, weak_sentence),
    "one-word sentences": lambda size: fill(
        size, lambda rng: rng.choice(vocabulary()).capitalize() + ". "
    ),
}
