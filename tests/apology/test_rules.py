"""`make check` on the checker's rules (scripts/data/checker-rules.yml): the
pattern language refuses what the engine would silently never match, and every
problem of the file is reported at once with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.apology.engine import check_draft, load_rules
from scripts.apology.patterns import pattern_problems
from scripts.validate.apology_rules import RULES_PATH, apology_rules_problems
from scripts.validate.links import SiteIndex
from tests.helpers import ROOT, copy_project

RULES = load_rules()
LEXICONS = set(RULES["lexicons"])
# The guide's pages and headings as far as the rules link to them.
INDEX = SiteIndex(
    page_ids={"tips.md": set(), "mistakes.md": set()}, files={"tips.md", "mistakes.md"}
)
for _rule in RULES["rules"]:
    INDEX.page_ids[_rule["link"].partition("#")[0]].add(_rule["link"].partition("#")[2])

# ---------------------------------------------------------------- the pattern language


@pytest.mark.parametrize(
    "pattern",
    [
        "sorry",
        "(i|we) (am|are) #Adverb{0,2} sorry",
        "$apology (for|about)? $reaction",
        "^#Adverb? sorry",
        "(was|were) (#Passive && #PastTense)",
        "(it would|would it) (help|be best) . (if|for) you",
        "mix-up of £29 and 29%",
    ],
)
def test_patterns_inside_the_language_pass(pattern: str) -> None:
    assert pattern_problems(pattern, LEXICONS) == []


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("(haven't|have not) slept", "column 2: 'haven't' is a contraction"),
        ("(i|(we|us)) sorry", "column 4: a group inside a group"),
        ("#Passiv", "column 1: '#Passiv' is not one of compromise's tags"),
        ("$reactions", "column 1: there is no lexicon 'reactions'"),
        ("sorr[yi]", "column 5: '[' is not pattern syntax"),
        ("sorry\\b", "column 6: '\\' is not pattern syntax"),
        ("(a|b", "'(' is never closed"),
        ("sorry)", "column 6: ')' closes no group"),
        ("* sorry", "column 1: '*' has nothing to repeat"),
        ("(a? |b)", "column 3: repeat the whole group"),
        ("sorry ^", "column 7: '^' (the start of a sentence) must come first"),
        ("a | b", "column 3: '|' belongs inside a group"),
        ("customers' data", "column 1: 'customers'' is a contraction or a possessive plural"),
        ("Sorry", "column 1: 'S' is not pattern syntax"),
        ("  ", "the pattern is empty"),
    ],
)
def test_patterns_the_engine_would_never_match_are_refused(pattern: str, problem: str) -> None:
    assert any(found.startswith(problem) for found in pattern_problems(pattern, LEXICONS)), (
        pattern_problems(pattern, LEXICONS)
    )


def test_a_contraction_written_out_finds_the_contraction() -> None:
    """Why contractions are refused: compromise expands them, and the written-out
    pattern finds both forms."""
    report = check_draft("I haven't slept since. I have not slept since.")
    assert [finding.text for finding in report.findings] == ["I haven't slept", "I have not slept"]


# ---------------------------------------------------------------- the rules file


def rules_text() -> str:
    return (ROOT / RULES_PATH).read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_rules_file_is_valid() -> None:
    assert [str(problem) for problem in apology_rules_problems(rules_text(), INDEX)] == []


BROKEN_RULES = {  # a change to the rules file -> the start of the problem it causes
    '      - "to the extent that"': ('      - "to the \\\\b extent that"',
                                     "rules[1].patterns[11]: column 8: '\\' is not pattern syntax"),
    "link: tips.md#follow-up": ("link: tips.md#follow-upp", ("link 'tips.md#follow-upp' points to "
                                "'#follow-upp', which is not in tips.md; did you mean '#follow-up'?")),
    "  - id: feelings\n": ("  - id: says-sorry\n", "duplicate id 'says-sorry' (also rules[9])"),
    "link: tips.md#take-full-responsibility\n    patterns:\n      - \"(my|our)": (
        "link: tip.md#x\n    patterns:\n      - \"(my|our)",
        "link 'tip.md#x' points to 'tip.md', which is not a page of docs/"),
    "name: Minimising\n": ("name: Minimising\n    colour: red\n",
                           "rules[4]: unknown key 'colour'; the keys are clauses, id, kind, link"),
    "      - {subject: third-party, verb: failure-verb}": (
        "      - {subject: third-parties, verb: failure-verb}",
        "blame-shifting: there is no lexicon 'third-parties'"),
    "      - agent: after": ("      - agents: after", "passive: unless: there is no signal 'agents'"),
    "  owns: [says-sorry, responsibility]": ("  owns: [says-sorry, ownership]",
                                             "verdict.owns: there is no tip 'ownership'"),
}  # fmt: skip


def test_every_problem_of_the_rules_is_reported_at_once_with_its_line() -> None:
    text = rules_text()
    for old, (new, _) in BROKEN_RULES.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    lines = text.splitlines()
    problems = apology_rules_problems(text, INDEX)
    messages = [problem.message for problem in problems]
    for new, message in BROKEN_RULES.values():
        problem = next((p for p in problems if p.message.startswith(message)), None)
        assert problem, (message, messages)
        key = new.split("\n")[-2 if new.endswith("\n") else 0].strip()
        assert key in lines[problem.line - 1], (key, problem)
        assert str(problem).startswith(f"{RULES_PATH}:{problem.line}: error: {message}")
    # and what follows from them: the model's weight for the tip renamed, the
    # signal no longer used; nothing else
    unexpected = [m for m in messages if not any(m.startswith(e) for _, e in BROKEN_RULES.values())]
    assert unexpected == [
        "verdict.model: no signal 'tip:feelings' (tip:ID or a group)",
        "signal 'agent' is used by no rule's `unless`",
    ]


def test_a_lexicon_entry_names_a_real_part_of_speech() -> None:
    text = rules_text().replace(" revisit/Verb,", " revisit/Verbb,", 1)
    problems = [str(problem) for problem in apology_rules_problems(text, None)]
    assert problems == [
        (
            f"{RULES_PATH}:{line_of(text, 'revisit/Verbb')}: error: lexicons.vague-action: "
            "'revisit/Verbb': no tag 'Verbb'"
        )
    ]


def test_a_rule_of_unknown_kind_is_refused() -> None:
    text = rules_text().replace("\n    kind: tip\n", "\n    kind: hint\n", 1)
    problems = [str(problem) for problem in apology_rules_problems(text, None)]
    assert problems == [
        (
            f"{RULES_PATH}:{line_of(text, 'kind: hint')}: error: rules[9].kind: "
            "'hint' is not one of ['finding', 'tip']"
        )
    ]


def test_check_site_validates_the_rules_links(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    (root / "scripts" / "data").mkdir(parents=True)
    bad = rules_text().replace("link: tips.md#follow-up", "link: tips.md#folow-up")
    (root / RULES_PATH).write_text(bad, encoding="utf-8")
    from scripts.validate.docs import docs_problems

    problems = [str(problem) for problem in docs_problems(root)]
    assert problems == [
        (
            f"{RULES_PATH}:{line_of(bad, 'folow-up')}: error: link 'tips.md#folow-up' points to "
            "'#folow-up', which is not in tips.md; did you mean '#follow-up'?"
        )
    ]


def test_the_problem_the_readme_quotes_is_what_make_check_prints() -> None:
    from tests.test_readme import block_starting

    (quoted,) = block_starting(f"{RULES_PATH}:")
    text = rules_text().replace(
        '      - "to the extent that"', '      - "to the \\\\b extent that"', 1
    )
    assert quoted in [str(problem) for problem in apology_rules_problems(text, INDEX)]
