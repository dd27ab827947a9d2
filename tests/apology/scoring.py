"""How the checker is scored on a set of apology statements, each with an
expert's verdict, its weak phrases and (where annotated) the tips it follows:
the figures of issue 24, as `python -m scripts check-letter` would give them.

- verdicts: agreement on the good and bad statements (mixed ones are left out);
  good ones told "needs work"; findings (suggestions not counted) per good one;
- weak phrases caught: a finding of any kind in the phrase's sentence;
- strengths: a tip credited ("tips followed") against the tips the annotators
  marked, precision and recall; tips only one annotator marked are left out;
- false advice: statements whose "tips missing" (or whose summary's "To make it
  stronger") names a tip the annotators say it follows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scripts.apology.engine import Report, check_draft


@dataclass(frozen=True)
class Statement:
    id: str
    verdict: str  # good, mixed or bad
    text: str
    weak: tuple[tuple[str, str], ...]  # (kind, phrase)
    tips: frozenset[str] | None = None  # the tips it follows; None: not annotated
    unsure: frozenset[str] = frozenset()  # tips left out of every figure


def utf16(text: str, index: int) -> int:
    """The UTF-16 offset of code point `index` (the engine's sentences count UTF-16)."""
    return len(text[:index].encode("utf-16-le")) // 2


def sentence_of(report: Report, phrase: str, searched: dict[str, int]) -> int:
    """The index of the sentence where phrase stands (the next occurrence each time)."""
    text = report.data["text"]
    phrase = " ".join(phrase.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")).split())
    flat = text.replace("\n", " ")
    start = flat.find(phrase, searched.get(phrase, 0))
    if start < 0:
        raise LookupError(f"{phrase!r} is not in its statement")
    searched[phrase] = start + 1
    offset = utf16(text, start)
    sentences = report.data["sentences"]
    return next(
        (i for i, s in enumerate(sentences) if s["start"] <= offset < s["end"]),
        len(sentences) - 1,
    )


@dataclass
class Scores:
    statements: int = 0
    phrases: int = 0
    phrases_caught: int = 0
    judged: int = 0  # good and bad statements
    agreed: int = 0
    good: int = 0
    good_needing_work: int = 0
    good_findings: int = 0
    annotated: int = 0  # statements with tips
    credited_right: int = 0  # tips credited that the annotators marked
    credited: int = 0  # tips credited (marked by neither or both)
    followed: int = 0  # tips the annotators marked
    missing_wrong: int = 0  # statements told to add a tip they follow
    summary_wrong: int = 0  # statements whose summary asks for a tip they follow
    misses: list[str] = field(default_factory=list)

    def add(self, statement: Statement, report: Report) -> None:
        self.statements += 1
        findings = [f for f in report.findings if not f.suggestion]
        flagged = {f["sentence"] for f in report.data["findings"]}
        searched: dict[str, int] = {}
        for kind, phrase in statement.weak:
            self.phrases += 1
            caught = sentence_of(report, phrase, searched) in flagged
            self.phrases_caught += caught
            if not caught:
                self.misses.append(f"{statement.id}: missed {kind}: {phrase!r}")
        needs_work = report.verdict.status == 1
        if statement.verdict in ("good", "bad"):
            self.judged += 1
            self.agreed += needs_work == (statement.verdict == "bad")
            if needs_work != (statement.verdict == "bad"):
                self.misses.append(
                    f"{statement.id}: {report.verdict.label} for a {statement.verdict} one"
                )
        if statement.verdict == "good":
            self.good += 1
            self.good_needing_work += needs_work
            self.good_findings += len(findings)
            for f in findings:
                self.misses.append(f"{statement.id}: finding on a good one: {f.rule}: {f.text!r}")
        if statement.tips is not None:
            self.add_tips(statement, report)

    def add_tips(self, statement: Statement, report: Report) -> None:
        self.annotated += 1
        marked = statement.tips
        credited = {t.rule for t in report.tips if t.present} - statement.unsure
        self.credited += len(credited)
        self.credited_right += len(credited & marked)
        self.followed += len(marked)
        for tip in sorted(credited - marked):
            self.misses.append(f"{statement.id}: credited {tip} wrongly")
        for tip in sorted(marked - credited):
            self.misses.append(f"{statement.id}: did not credit {tip}")
        missing = {
            t.rule
            for t in report.tips
            if getattr(t, "state", "followed" if t.present else "missing") == "missing"
        }
        if missing & marked:
            self.missing_wrong += 1
            self.misses.append(f"{statement.id}: asks to add {sorted(missing & marked)}")
        advice = {t.rule for t in report.tips if t.advice and t.advice in report.summary}
        self.summary_wrong += bool(advice & marked)


def score(statements: list[Statement]) -> Scores:
    scores = Scores()
    for statement in statements:
        scores.add(statement, check_draft(statement.text))
    return scores


def share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({part / whole:.0%})" if whole else f"{part} of 0"


def summary(scores: Scores) -> list[str]:
    lines = [
        (
            f"verdicts agreeing with the experts on good and bad statements: "
            f"{share(scores.agreed, scores.judged)}"
        ),
        f"good statements told 'needs work': {share(scores.good_needing_work, scores.good)}",
        (
            f"findings per good statement (suggestions not counted): "
            f"{scores.good_findings / max(scores.good, 1):.1f}"
        ),
        (
            f"weak phrases caught (a finding in their sentence): "
            f"{share(scores.phrases_caught, scores.phrases)}"
        ),
    ]
    if scores.annotated:
        lines += [
            (
                f"strengths credited that the statement follows (precision): "
                f"{share(scores.credited_right, scores.credited)}"
            ),
            (
                f"strengths followed that are credited (recall): "
                f"{share(scores.credited_right, scores.followed)}"
            ),
            (
                f"statements told to add a tip they follow: "
                f"{share(scores.missing_wrong, scores.annotated)}"
            ),
            (
                f"statements whose summary asks for a tip they follow: "
                f"{share(scores.summary_wrong, scores.annotated)}"
            ),
        ]
    return lines
