"""Issue 10's drafts (tests/fixtures/drafts/), what a careful reader flags in
each (expected.yml), and how the checker's findings score against that.
`python -m tests.apology.drafts` prints the figures. (The statements of
issue 14, with kinds and verdicts, are tests/apology/corpus.py's.)"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import yaml

from scripts.apology.engine import CHARACTER_MAP, Report, check_draft
from tests.helpers import FIXTURES

DRAFTS = FIXTURES / "drafts"
LONG_PASTE_LENGTH = 20_000


def drafts() -> dict[str, str]:
    """Draft name -> text, exactly as stored (CRLF kept)."""
    return {path.stem: path.read_bytes().decode("utf-8") for path in sorted(DRAFTS.glob("*.txt"))}


def expected() -> dict[str, dict[str, list[str]]]:
    return yaml.safe_load((DRAFTS / "expected.yml").read_text(encoding="utf-8"))


def long_paste() -> str:
    """A 20,000-character paste: every draft of the corpus over and over."""
    corpus = "\n\n".join(drafts().values())
    return (corpus * (LONG_PASTE_LENGTH // len(corpus) + 1))[:LONG_PASTE_LENGTH]


def normalise(text: str) -> str:
    """As the engine normalises a draft (LF, NFC, the character map), to find a label in it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).translate(str.maketrans(CHARACTER_MAP))


def expected_spans(text: str, labels: dict[str, list[str]]) -> list[tuple[str, int, int]]:
    """(rule, start, end) of each labelled phrase, in code points of the normalised draft."""
    text = normalise(text)
    spans, searched_from = [], {}
    for rule, phrases in labels.items():
        for phrase in phrases:
            phrase = normalise(phrase)
            start = text.find(phrase, searched_from.get(phrase, 0))
            if start < 0:
                raise LookupError(f"{phrase!r} is not in the draft")
            searched_from[phrase] = start + 1
            spans.append((rule, start, start + len(phrase)))
    return spans


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    def add(self, report: Report, wanted: list[tuple[str, int, int]]) -> None:
        unmatched = list(wanted)
        for finding in report.findings:
            match = next(
                (
                    span
                    for span in unmatched
                    if span[0] == finding.rule and span[1] < finding.end and finding.start < span[2]
                ),
                None,
            )
            if match:
                unmatched.remove(match)
                self.true_positives += 1
            else:
                self.false_positives += 1
        self.false_negatives += len(unmatched)


def score() -> Score:
    total = Score()
    labels = expected()
    for name, text in drafts().items():
        total.add(check_draft(text), expected_spans(text, labels[name]))
    return total


if __name__ == "__main__":
    result = score()
    print(
        f"{len(drafts())} drafts: precision {result.precision:.0%}, recall {result.recall:.0%} "
        f"({result.true_positives} found as expected, {result.false_positives} false alarms, "
        f"{result.false_negatives} missed)"
    )
