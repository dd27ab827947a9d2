"""The apology corpus (tests/data/apologies/, README.md there): statements
written before any tuning, each with the verdict an expert gives it and its
weak phrases by kind, and how the checker scores on them.

    .venv/bin/python -m tests.apology.corpus --part tuning       # while tuning
    .venv/bin/python -m tests.apology.corpus --part held-out     # what scripts/apology/README.md reports
    .venv/bin/python -m tests.apology.corpus --part held-out-2   # and this

A finding is a true positive when its sentence holds a weak phrase of its kind,
and a false positive when it does not; a weak phrase is found when its sentence
holds a finding of its kind. Then the figures of issue 24, as published
statements are judged (tests/apology/scoring.py): verdicts, findings on good
statements, weak phrases caught, strengths against the annotated tips, and
advice asking for a tip that is there.

Only figures are printed, never a statement: held-out.yml stays unread by
people tuning the checker (`--misses`, which prints them, refuses it).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field

import yaml

from scripts.apology.engine import Report, check_draft
from tests.apology import scoring
from tests.apology.scoring import Statement, sentence_of
from tests.helpers import ROOT

CORPUS = ROOT / "tests" / "data" / "apologies"
# tuning: rules and the verdict's model are fitted on it; the held-out parts
# are measured only (held-out-2.yml was committed before any tuning on it).
PARTS = {
    "tuning": (CORPUS / "tuning.yml", CORPUS / "tuning-2.yml"),
    "held-out": (CORPUS / "held-out.yml",),
    "held-out-2": (CORPUS / "held-out-2.yml",),
}
KINDS = ("conditional", "non-apology", "excuse", "blame-shifting", "minimising", "passive",
         "vague", "self-focus", "intent")  # fmt: skip


def statements(part: str) -> list[Statement]:
    data = [
        item for path in PARTS[part] for item in yaml.safe_load(path.read_text(encoding="utf-8"))
    ]
    return [
        Statement(
            item["id"],
            item["verdict"],
            item["text"],
            tuple((weak["kind"], weak["phrase"]) for weak in item["weak"]),
            frozenset(item["tips"]),
        )
        for item in data
    ]


@dataclass
class Scores:
    """Findings by kind; the verdicts and strengths are scoring.Scores'."""

    true: Counter = field(default_factory=Counter)  # findings with a phrase of their kind
    false: Counter = field(default_factory=Counter)  # findings without
    found: Counter = field(default_factory=Counter)  # phrases with a finding of their kind
    marked: Counter = field(default_factory=Counter)  # phrases
    misses: list[str] = field(default_factory=list)  # tuning only: what went wrong, to read

    def add(self, statement: Statement, report: Report) -> None:
        searched: dict[str, int] = {}
        marks = [(kind, sentence_of(report, phrase, searched), phrase)
                 for kind, phrase in statement.weak]  # fmt: skip
        kinds_at = {(kind, sentence) for kind, sentence, _ in marks}
        flagged_at: dict[int, set[str]] = {}
        for finding, data in zip(report.findings, report.data["findings"], strict=True):
            flagged_at.setdefault(data["sentence"], set()).add(finding.rule)
            if (finding.rule, data["sentence"]) in kinds_at:
                self.true[finding.rule] += 1
            else:
                self.false[finding.rule] += 1
                self.misses.append(f"{statement.id}: false {finding.rule}: {finding.text!r}")
        for kind, sentence, phrase in marks:
            self.marked[kind] += 1
            if kind in flagged_at.get(sentence, set()):
                self.found[kind] += 1
            else:
                got = ", ".join(sorted(flagged_at.get(sentence, ()))) or "nothing"
                self.misses.append(f"{statement.id}: missed {kind}: {phrase!r} (got {got})")

    def precision(self, kind: str | None = None) -> float:
        true = sum(self.true.values()) if kind is None else self.true[kind]
        false = sum(self.false.values()) if kind is None else self.false[kind]
        return true / (true + false) if true + false else 1.0

    def recall(self, kind: str | None = None) -> float:
        found = sum(self.found.values()) if kind is None else self.found[kind]
        marked = sum(self.marked.values()) if kind is None else self.marked[kind]
        return found / marked if marked else 1.0

    @property
    def phrases(self) -> int:
        return sum(self.marked.values())


def score(part: str) -> Scores:
    scores = Scores()
    for statement in statements(part):
        scores.add(statement, check_draft(statement.text))
    return scores


def table(scores: Scores) -> list[str]:
    lines = ["| kind | precision | recall | findings right / wrong | phrases found / marked |",
             "| --- | --- | --- | --- | --- |"]  # fmt: skip
    for kind in (*KINDS, None):
        name = kind or "all kinds"
        true = sum(scores.true.values()) if kind is None else scores.true[kind]
        false = sum(scores.false.values()) if kind is None else scores.false[kind]
        found = sum(scores.found.values()) if kind is None else scores.found[kind]
        marked = scores.phrases if kind is None else scores.marked[kind]
        lines.append(f"| {name} | {scores.precision(kind):.0%} | {scores.recall(kind):.0%} | "
                     f"{true} / {false} | {found} / {marked} |")  # fmt: skip
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.apology.corpus", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--part", choices=list(PARTS), required=True)
    parser.add_argument("--misses", action="store_true", help="list what went wrong (tuning only)")
    args = parser.parse_args(argv)
    if args.misses and args.part != "tuning":
        parser.error("--misses prints statements; only the tuning part may be read")
    scores = score(args.part)
    judged = scoring.score(statements(args.part))
    print(f"{args.part}: {len(statements(args.part))} statements, {scores.phrases} weak phrases")
    print("\n".join([*table(scores), "", *scoring.summary(judged)]))
    if args.misses:
        print("\n".join(["", *scores.misses, *judged.misses]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
