"""The draft checker's engine: the guide's mistakes and tips run on a draft.

The rules are data (scripts/data/checker-rules.yml); their patterns are
compiled once into regular expressions that Python and the browser read the
same way (scripts/apology/patterns.py). This engine and the browser's
(docs/javascripts/apology-check.js) normalise the draft identically and count
columns in Unicode code points, so both report the same findings.

`make check-letter` runs it from the command line (scripts/apology/cli.py);
scripts/apology/page_data.py hands its rules and reports to the browser.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from scripts import data_files
from scripts.apology.patterns import compile_pattern
from scripts.project.urls import page_url

RULES_FILE = data_files.DATA_DIR / "checker-rules.yml"

# One code point for one code point, so offsets survive: straight quotes for
# curly ones, a plain space for other spaces, a line break for other breaks.
CHARACTER_MAP = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
        **dict.fromkeys("\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006", " "),
        **dict.fromkeys("\u2007\u2008\u2009\u200a\u202f\u205f\u3000", " "),
        **dict.fromkeys("\v\f\x1c\x1d\x1e\x85\u2028\u2029", "\n"),
    }
)


def normalise(text: str) -> str:
    """The text both engines match: LF line ends, NFC, straight quotes, plain spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).translate(CHARACTER_MAP)


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str  # "finding" or "tip"
    name: str
    link: str  # the guide section, relative to docs/: "mistakes.md#making-excuses"
    patterns: tuple[str, ...]  # compiled, portable sources
    message: str = ""  # findings: what is wrong and what to write instead
    done: str = ""  # tips: what the draft does, for the summary
    advice: str = ""  # tips: what to add when it is missing

    @property
    def url(self) -> str:
        """The section's address relative to the site's root: "mistakes/#making-excuses"."""
        return page_url(self.link)


@dataclass(frozen=True)
class Rules:
    rules: tuple[Rule, ...]
    summary: dict[str, str]

    @property
    def findings(self) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.kind == "finding")

    @property
    def tips(self) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.kind == "tip")


@dataclass(frozen=True)
class Finding:
    rule: Rule
    start: int  # code points into the normalised draft
    end: int
    line: int
    column: int
    text: str

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.rule.id}: {self.rule.message}"


@dataclass(frozen=True)
class TipResult:
    rule: Rule
    evidence: str  # the first words that follow it; empty when missing

    @property
    def present(self) -> bool:
        return bool(self.evidence)


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    tips: tuple[TipResult, ...]
    summary: str


def rule_from_data(data: dict) -> Rule:
    return Rule(
        id=data["id"],
        kind=data["kind"],
        name=data["name"],
        link=data["link"],
        patterns=tuple(compile_pattern(pattern) for pattern in data["patterns"]),
        message=" ".join(data.get("message", "").split()),
        done=data.get("done", ""),
        advice=data.get("advice", ""),
    )


def rules_from_data(data: dict) -> Rules:
    return Rules(tuple(rule_from_data(rule) for rule in data["rules"]), dict(data["summary"]))


@cache
def load_rules(path: Path = RULES_FILE) -> Rules:
    """The rules, assumed valid: `make check` validates the file (validate/apology_rules.py)."""
    with path.open(encoding="utf-8") as handle:
        return rules_from_data(yaml.safe_load(handle))


@cache
def _regex(source: str) -> re.Pattern[str]:
    return re.compile(source)


ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def fold_case(text: str) -> str:
    """A-Z lowered, nothing else: what patterns match against (same positions)."""
    return text.translate(ASCII_LOWER)


def rule_matches(rule: Rule, text: str) -> list[tuple[int, int]]:
    """Where a rule matches: earliest first, longest first, no two overlapping."""
    folded = fold_case(text)
    spans = sorted(
        (found.start(), -found.end(), index)
        for index, source in enumerate(rule.patterns)
        for found in _regex(source).finditer(folded)
    )
    kept: list[tuple[int, int]] = []
    for start, negative_end, _ in spans:
        if not kept or start >= kept[-1][1]:
            kept.append((start, -negative_end))
    return kept


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of offset."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def find_mistakes(rules: Rules, text: str) -> list[Finding]:
    findings = []
    for order, rule in enumerate(rules.findings):
        for start, end in rule_matches(rule, text):
            line, column = position(text, start)
            findings.append(
                (start, order, Finding(rule, start, end, line, column, text[start:end]))
            )
    return [finding for _, _, finding in sorted(findings, key=lambda item: item[:2])]


def find_tips(rules: Rules, text: str) -> list[TipResult]:
    results = []
    for rule in rules.tips:
        matches = rule_matches(rule, text)
        results.append(TipResult(rule, text[matches[0][0] : matches[0][1]] if matches else ""))
    return results


def joined(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def summary(rules: Rules, text: str, findings: list[Finding], tips: list[TipResult]) -> str:
    """A short, kind summary; the browser composes the same sentences."""
    words = rules.summary
    if not text.strip():
        return words["empty"]
    missing = [tip.rule.advice for tip in tips if not tip.present]
    if not findings and not missing:
        return words["strong"]
    done = [tip.rule.done for tip in tips if tip.present]
    sentences = [words["followed"].replace("{done}", joined(done))] if done else []
    if len(findings) == 1:
        sentences.append(words["findings_one"])
    elif findings:
        sentences.append(words["findings_many"].replace("{count}", str(len(findings))))
    if missing:
        sentences.append(words["missing"].replace("{advice}", joined(missing[:2])))
    return " ".join(sentences)


def check_draft(text: str, rules: Rules | None = None) -> Report:
    rules = rules or load_rules()
    text = normalise(text)
    findings = find_mistakes(rules, text)
    tips = find_tips(rules, text)
    return Report(tuple(findings), tuple(tips), summary(rules, text, findings, tips))


# ---------------------------------------------------------------- command line
