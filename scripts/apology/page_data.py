"""What the checker's page, its engine and the letter pages need from the rules
and the letters, as data; scripts/render/assets.py writes it into
overrides/assets/mdx/:

- checker-data.js, in the `checker.js` bundle before the engine: the rules as
  the engine reads them (engine.engine_data), the report's layout and words,
  and the example letters, as the module `checker-data`; Python's V8 reads the
  same rules (scripts/apology/engine.py);
- checker-data.html: Jinja variables for the templates: `letters` (the
  examples' slugs and nav labels), `reports`, the engine's report on each
  version of each example letter (the original, and the revised one if it
  has one) keyed by its page.url, and the report's `layout`, `framing`
  and verdict `words`.

The reports come from V8, which takes about half a second to start, so they
are kept in .cache/checker/ by what they depend on (the engine's sources, the
rules, the letter): a build with nothing of that changed never starts V8.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from scripts.apology import engine
from scripts.apology.engine import Report
from scripts.project.letters import Letter

CACHE_FILE = "letter-reports.json"


def report_summary(report: Report) -> dict:
    """A letter's report as the letter page template shows it."""
    return {
        "verdict": {
            "status": report.verdict.status,
            "label": report.verdict.label,
            "reason": report.verdict.reason,
        },
        "summary": report.summary,
        "findings": [
            {
                "rule": f.rule,
                "name": f.name,
                "url": f.url,
                "text": f.text,
                "message": f.message,
                "suggestion": f.suggestion,
            }
            for f in report.findings
        ],
        "missing": [
            {"rule": t.rule, "name": t.name, "url": t.url, "advice": t.advice}
            for t in report.tips
            if t.state == "missing"
        ],
        "done": [
            {"rule": t.rule, "name": t.name, "url": t.url, "evidence": t.evidence}
            for t in report.tips
            if t.present
        ],
    }


def letter_reports(
    letters: list[Letter], rules: dict, root: Path | None = None
) -> dict[str, list[dict]]:
    """page.url -> the template's report on each version of that letter
    ({"version": "revised", ...}, in the order of Letter.versions), from the
    cache (in the root of the project being built, by default this clone) when
    nothing it depends on changed, else from V8 (and then cached)."""
    cache_path = (root or engine.ROOT) / ".cache" / "checker" / CACHE_FILE
    try:
        cached = json.loads(cache_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cached = {}
    stored = dict(cached)
    fingerprint = engine.fingerprint(rules)

    def key(text: str) -> str:
        return hashlib.sha256(f"{fingerprint}\n{text}".encode()).hexdigest()

    reports, kept = {}, {}
    for letter in letters:
        reports[letter.url] = []
        for version, text in letter.versions().items():
            found = kept[key(text)] = cached.get(key(text)) or report_summary(
                engine.check_draft(text, rules)
            )
            reports[letter.url].append({"version": version, **found})
    if kept != stored:
        save_whole(cache_path, json.dumps(kept, ensure_ascii=False))
    return reports


def save_whole(path: Path, text: str) -> None:
    """Written whole (another build may read it meanwhile); a read-only
    checkout builds all the same, only slower."""
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)


def template_variables(letters: list[Letter], rules: dict, root: Path | None = None) -> dict:
    """For the templates: the examples, the report on each by its page.url, and
    how a report is laid out and worded."""
    return {
        "letters": [{"slug": letter.slug, "label": letter.label} for letter in letters],
        "reports": letter_reports(letters, rules, root),
        "layout": rules["report"],
        "framing": " ".join(rules["framing"].split()),
        "suggestion": rules["verdict"]["words"]["suggestion"],
    }


def browser_data(letters: list[Letter], rules: dict) -> dict:
    """For the browser's engine: the rules as it reads them, and the example letters."""
    return {
        **engine.engine_data(rules),
        "letters": [
            {"slug": letter.slug, "label": letter.label, "text": letter.text} for letter in letters
        ],
    }
