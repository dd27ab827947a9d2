"""The draft checker in Python: the browser's own engine, run in V8.

The checker is JavaScript (docs/javascripts/checker/apology-engine.js and the other
sources of the `checker.js` bundle in scripts/data/bundles.yml, compromise
first). This module evaluates those same sources, in the same order, in an
embedded V8 (mini-racer), so `make check-letter` and the report on each letter
page give exactly the findings the reader sees in the browser: there is no
second engine to keep in step (tests/apology/test_checker_parity.py checks it in
Chromium on every corpus draft).

V8 starts once per process, on the first check (about half a second), and is
closed at exit (mini-racer's interpreter would otherwise hang there).
"""

from __future__ import annotations

import atexit
import hashlib
import json
from dataclasses import dataclass
from functools import cache

from scripts import data_files
from scripts.project.urls import page_url

ROOT = data_files.DATA_DIR.parents[1]
SOURCES = ROOT / "docs"
BUNDLE = "checker.js"
DATA_MODULE = "checker-data.js"  # generated: the rules as the engine reads them

# One code point for one code point, so offsets survive: straight quotes for
# curly ones, a plain space for other spaces, a line break for other breaks.
CHARACTER_MAP = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
    **dict.fromkeys("\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006", " "),
    **dict.fromkeys("\u2007\u2008\u2009\u200a\u202f\u205f\u3000", " "),
    **dict.fromkeys("\v\f\x1c\x1d\x1e\x85\u2028\u2029", "\n"),
}

# What the page has that V8 alone lacks: a global object named as in a browser,
# and a console whose errors (a module that failed to load) are kept.
PRELUDE = """
var window = globalThis, self = globalThis;
var __errors = [];
var console = {error: (...a) => __errors.push(a.map(String).join(" ")), warn: () => {}, log: () => {}};
var __check = (text) => mdx.use("apology-engine").check(text);
var __job = null;
var __sentences = (text) => (__job = mdx.use("apology-engine").start(text)).sentences();
var __sayings = (sentences) => mdx.use("apology-engine").sayings(sentences);
var __readHere = (from, to) => { __job.readHere(from, to); return to; };
var __finish = (from, said) => {
  const job = __job;
  __job = null;
  job.know(from, said);
  job.step();
  // Each sentence's span is for a page to mark; a 1 MB draft of short
  // sentences has 300,000 of them, some 100 MB in Python.
  const { sentences, ...report } = job.report();
  return report;
};
"""


# mini-racer's own flag, and a young generation of 2 MB rather than V8's
# default 16 or more: tagging makes many short-lived objects, and a 1 MB
# draft then peaks about 60 MB lower in as much time (make bench-check-letter).
V8_FLAGS = ("--single-threaded", "--max-semi-space-size=2")


class CheckerError(Exception):
    """The engine could not be started or failed on a draft; the message says why."""


@dataclass(frozen=True)
class Finding:
    rule: str
    name: str
    url: str  # the guide section, from the site's root: "mistakes/#making-excuses"
    message: str
    suggestion: bool  # printed, but never counted against the verdict
    line: int
    column: int  # code points, 1-based, in the normalised draft
    start: int  # code points into the normalised draft
    end: int
    text: str

    def __str__(self) -> str:
        note = " (a suggestion: it does not change the verdict)" if self.suggestion else ""
        return f"{self.line}:{self.column}: {self.rule}: {self.message}{note}"


@dataclass(frozen=True)
class Tip:
    rule: str
    name: str
    url: str
    present: bool
    state: str  # followed, missing (nothing hints at it) or unclear (neither praised nor asked for)
    evidence: str  # the words that earned it; empty when missing
    done: str
    advice: str


@dataclass(frozen=True)
class Verdict:
    status: int  # 0 sound, 1 needs work
    label: str
    reason: str
    score: float = 0.0  # the model's: over 0 needs work (checker-rules.yml, verdict)
    signals: dict | None = None  # what the model weighed


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    tips: tuple[Tip, ...]
    verdict: Verdict
    summary: str
    data: dict  # the report as the engine returned it (JSON), for comparisons


def report_from(data: dict) -> Report:
    keys = Finding.__dataclass_fields__
    return Report(
        findings=tuple(Finding(**{k: f[k] for k in keys}) for f in data["findings"]),
        tips=tuple(Tip(**{k: t[k] for k in Tip.__dataclass_fields__}) for t in data["tips"]),
        verdict=Verdict(**data["verdict"]),
        summary=data["summary"],
        data=data,
    )


# ---------------------------------------------------------------- the rules


@cache
def load_rules() -> dict:
    """The rules file, assumed valid: `make check` validates it (validate/apology_rules.py)."""
    return data_files.load("checker-rules.yml")


def engine_data(rules: dict) -> dict:
    """The rules as the engine reads them: each link as the site's address, the
    character map added."""
    return {
        **{key: value for key, value in rules.items() if key != "rules"},
        "rules": [
            {
                **rule,
                "url": page_url(rule["link"]),
                "message": " ".join(rule.get("message", "").split()),
            }
            for rule in rules["rules"]
        ],
        "characters": CHARACTER_MAP,
    }


def data_module(value: object) -> str:
    """A loader module (docs/javascripts/site/mdx.js) whose value is data. ASCII
    only: safe in any script context and whatever the page's encoding."""
    return f'mdx.module("checker-data",[],()=>({json.dumps(value, separators=(",", ":"))}));\n'


def bundle_sources() -> list[str]:
    """The `checker.js` bundle's sources, in order (docs/-relative, or generated)."""
    listed = data_files.bundles()[BUNDLE]
    return listed["sources"] if isinstance(listed, dict) else listed


# ---------------------------------------------------------------- V8


class Checker:
    """The engine in one V8 context: check(text) -> Report."""

    def __init__(self, data: dict) -> None:
        try:
            from py_mini_racer import MiniRacer, init_mini_racer
        except ImportError as exc:  # a venv made before mini-racer was a dependency
            raise CheckerError(
                "mini-racer is not installed; run `make check` to install it"
            ) from exc
        init_mini_racer(flags=V8_FLAGS, ignore_duplicate_init=True)
        self._context = MiniRacer()
        try:
            self._context.eval(PRELUDE)
            self._context.eval(
                (SOURCES / "javascripts" / "site" / "mdx.js").read_text(encoding="utf-8")
            )
            for source in bundle_sources():
                text = (
                    data_module(data)
                    if source == DATA_MODULE
                    else (SOURCES / source).read_text("utf-8")
                )
                self._context.eval(text)
            errors = json.loads(self._context.eval("JSON.stringify(__errors)"))
        except Exception:
            self.close()
            raise
        if errors:
            self.close()
            raise CheckerError(f"the checker's scripts failed in V8: {'; '.join(errors)}")

    def check(self, text: str) -> Report:
        return report_from(self._context.call("__check", text))

    # A check in steps, for a long draft (scripts/apology/readers.py):
    # begin() splits the draft and lists the sentences to read; read_here()
    # reads some of them here while helpers read the rest (sayings(), in
    # their V8s); finish() takes in what they read, from an index on, in
    # order, and makes the report (without the sentences' spans).
    def begin(self, text: str) -> list[str]:
        return self._context.call("__sentences", text)

    def read_here(self, start: int, stop: int) -> None:
        self._context.call("__readHere", start, stop)

    def sayings(self, sentences: list[str]) -> list[dict]:
        return self._context.call("__sayings", sentences)

    def collect_garbage(self) -> None:
        """Give back what reading left behind: V8 grows its heap rather than
        collect while a call runs, and one call on a 1 MB draft would grow
        it by some 150 MB of garbage."""
        self._context.low_memory_notification()

    def finish(self, start: int, said: list[dict]) -> Report:
        return report_from(self._context.call("__finish", start, said))

    def close(self) -> None:
        self._context.close()


_running: dict[str, Checker] = {}


def checker_for(rules: dict) -> Checker:
    """The V8 running these rules and the engine's sources as they are now:
    started once per process (again only if they change), closed at exit."""
    key = fingerprint(rules)
    if key not in _running:
        forget()  # one V8 at a time: make serve reloads the rules as they change
        _running[key] = Checker(engine_data(rules))
    return _running[key]


def check_draft(text: str, rules: dict | None = None) -> Report:
    """The report on a draft, from the engine the browser runs."""
    return checker_for(rules or load_rules()).check(text)


def forget() -> None:
    """Close V8 (make serve: the rules or the engine changed); the next check starts it afresh."""
    for checker in _running.values():
        checker.close()
    _running.clear()


atexit.register(forget)


def fingerprint(rules: dict) -> str:
    """What a report depends on besides the draft: the engine's sources and the rules."""
    parts = [(SOURCES / "javascripts" / "site" / "mdx.js").read_text("utf-8")]
    for source in bundle_sources():
        if source == DATA_MODULE:
            parts.append(json.dumps(rules, sort_keys=True))
        else:
            parts.append((SOURCES / source).read_text("utf-8"))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
