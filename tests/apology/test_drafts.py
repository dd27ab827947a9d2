"""Issue 10's drafts (tests/fixtures/drafts/, expected.yml) still hold: every
mistake they make is flagged, and nothing is flagged on the strong drafts and
the tricky negatives (in Chromium too: test_checker_parity.py)."""

from __future__ import annotations

import pytest

from scripts.apology.engine import check_draft, load_rules
from tests.apology import drafts

DRAFTS = drafts.drafts()
EXPECTED = drafts.expected()
QUIET = [name for name in DRAFTS if name.startswith(("strong-", "negative-"))]
KINDS_OF_ISSUE_10 = ["conditional", "non-apology", "excuse", "blame-shifting", "minimising"]
TIPS = [rule["id"] for rule in load_rules()["rules"] if rule["kind"] == "tip"]


def test_every_draft_is_labelled() -> None:
    assert len(DRAFTS) >= 40
    assert set(DRAFTS) == set(EXPECTED)


@pytest.mark.parametrize("name", QUIET)
def test_strong_apologies_and_tricky_negatives_raise_nothing_and_are_sound(name: str) -> None:
    report = check_draft(DRAFTS[name])
    assert [str(finding) for finding in report.findings] == []
    assert report.verdict.status == 0


@pytest.mark.parametrize(
    "name", [name for name in DRAFTS if EXPECTED[name] and not name.startswith("miss-")]
)
def test_every_phrase_labelled_in_a_draft_is_flagged_as_labelled(name: str) -> None:
    wanted = drafts.expected_spans(DRAFTS[name], EXPECTED[name])
    found = check_draft(DRAFTS[name]).findings
    for rule, start, end in wanted:
        assert any(f.rule == rule and f.start < end and start < f.end for f in found), (rule, start)


@pytest.mark.parametrize("rule", KINDS_OF_ISSUE_10)
def test_issue_10s_rule_ids_are_kept(rule: str) -> None:
    assert rule in [r["id"] for r in load_rules()["rules"] if r["kind"] == "finding"]


def test_issue_10s_tip_ids_are_kept() -> None:
    assert TIPS == ["says-sorry", "feelings", "responsibility", "specific", "amends", "prevention",
                    "follow-up", "details"]  # fmt: skip


def test_a_strong_apology_follows_every_tip() -> None:
    report = check_draft(DRAFTS["strong-billing"])
    assert all(tip.present for tip in report.tips)
    assert report.summary == load_rules()["summary"]["strong"]


def test_precision_and_recall_on_the_drafts_are_what_the_readme_says() -> None:
    from tests.test_readme import CHECKER_README as README

    score = drafts.score()
    said = f"precision is **{score.precision:.0%}** and its recall **{score.recall:.0%}**"
    assert said in " ".join(README.split()), said
