"""What the checker's page, its browser engine and the letter pages need from
the rules and the letters, as data; scripts/build/assets.py writes it into
overrides/assets/mdx/:

- checker-data.js, first in the bundles with the browser engine: the rules
  with their patterns compiled, the report's layout, the character map and
  the example letters, as the module `checker-data`, so the browser never
  reads the rules a second way;
- checker-data.html: Jinja variables for the templates: `letters` (the
  examples' slugs and nav labels), `reports`, the Python engine's report on
  each example letter keyed by its page.url, and `report_layout`.
"""

from __future__ import annotations

from scripts import data_files
from scripts.apology.engine import CHARACTER_MAP, Report, Rules, check_draft
from scripts.project.letters import Letter


def report_summary(report: Report) -> dict:
    """A letter's report as the letter page template shows it."""
    about = [{"rule": item.rule.id, "name": item.rule.name, "url": item.rule.url}
             for item in report.tips]  # fmt: skip
    return {
        "summary": report.summary,
        "done": [
            {**about[index], "evidence": tip.evidence}
            for index, tip in enumerate(report.tips)
            if tip.present
        ],
        "missing": [
            {**about[index], "advice": tip.rule.advice}
            for index, tip in enumerate(report.tips)
            if not tip.present
        ],
        "findings": [
            {
                "rule": finding.rule.id,
                "name": finding.rule.name,
                "url": finding.rule.url,
                "text": finding.text,
                "message": finding.rule.message,
            }
            for finding in report.findings
        ],
    }


def report_layout() -> dict:
    """The report's parts in order, with their headings (the rules file's `report`)."""
    return data_files.load("checker-rules.yml")["report"]


def template_variables(letters: list[Letter], rules: Rules) -> dict:
    """For the templates: the examples, the report on each by its page.url, and the layout."""
    return {
        "letters": [{"slug": letter.slug, "label": letter.label} for letter in letters],
        "reports": {
            letter.url: report_summary(check_draft(letter.text, rules)) for letter in letters
        },
        "report_layout": report_layout(),
    }


def browser_data(letters: list[Letter], rules: Rules) -> dict:
    """For the browser engine: the compiled rules, the report's layout, the
    character map and the example letters."""
    return {
        **portable_rules(rules),
        "report": report_layout(),
        "characters": {chr(code): target for code, target in CHARACTER_MAP.items()},
        "letters": [
            {"slug": letter.slug, "label": letter.label, "text": letter.text} for letter in letters
        ],
    }


def report_data(report: Report) -> dict:
    """The report as the browser engine returns it (JSON), for comparison."""
    return {
        "findings": [
            {
                "rule": f.rule.id,
                "line": f.line,
                "column": f.column,
                "start": f.start,
                "end": f.end,
                "text": f.text,
            }
            for f in report.findings
        ],
        "tips": [
            {"rule": t.rule.id, "present": t.present, "evidence": t.evidence} for t in report.tips
        ],
        "summary": report.summary,
    }


def portable_rules(rules: Rules) -> dict:
    """The rules as the browser engine receives them, patterns already compiled."""
    return {
        "summary": rules.summary,
        "rules": [
            {
                "id": r.id,
                "kind": r.kind,
                "name": r.name,
                "message": r.message,
                "done": r.done,
                "advice": r.advice,
                "url": r.url,
                "patterns": list(r.patterns),
            }
            for r in rules.rules
        ],
    }
