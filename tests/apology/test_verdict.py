"""Issue 24: the checker weighs a letter as an expert does. Strengths are read
from sentence structure (who did what); a tip is asked for only where nothing in
the letter hints at it; the verdict is a model fitted on the tuning statements,
whose weights the rules file keeps; and in a sound letter a flagged phrase is a
note. The sentences and letters here are written for these tests."""

from __future__ import annotations

import pytest

from scripts.apology.engine import check_draft, load_rules
from tests.apology import fit

RULES = load_rules()
WORDS = RULES["verdict"]["words"]


def credited(text: str) -> set[str]:
    return {tip.rule for tip in check_draft(text).tips if tip.present}


def missing(text: str) -> set[str]:
    return {tip.rule for tip in check_draft(text).tips if tip.state == "missing"}


@pytest.mark.parametrize(
    ("text", "tip"),
    [
        ("We billed you twice for the March retainer.", "specific"),
        ("I talked over you in the meeting and brushed off your question about costs.",
         "responsibility"),
        ("Our driver left your parcel by the bins, in the rain.", "specific"),
        ("I am sorry for the delay my slip has caused your team.", "responsibility"),
        ("That was careless, and it is not how we work.", "responsibility"),
        ("I have rebuilt the report with the right figures and attached it.", "amends"),
        ("Every quote now goes to a second person before it is sent.", "prevention"),
        ("Next time I will send the draft two days early, and I have asked my partner to read it.",
         "prevention"),
        ("I will ring you on Thursday morning to check the new date works.", "follow-up"),
        ("You had to explain the problem three times, and that is exhausting.", "feelings"),
        ("It took us eleven days to answer you.", "details"),
    ],
)  # fmt: skip
def test_a_strength_is_read_from_who_did_what(text: str, tip: str) -> None:
    assert tip in credited(text)


@pytest.mark.parametrize(
    ("text", "tip"),
    [
        ("We have heard your feedback and will make it right.", "amends"),  # vague, not concrete
        ("I know that this is not what you hoped for.", "feelings"),  # the writer's knowing
        ("We are reviewing our processes going forward.", "prevention"),  # no mechanism
        ("We want to share what happened.", "follow-up"),
        ("If we made a mistake, we will refund you.", "responsibility"),  # only conditionally
    ],
)
def test_a_strength_is_not_credited_from_words_that_only_gesture_at_it(text: str, tip: str) -> None:
    assert tip not in credited(text)


@pytest.mark.parametrize(
    ("text", "tip"),
    [
        ("We apologise if the parcel was late.", "says-sorry"),  # said, if conditionally
        ("The invoice was corrected on 3 June.", "details"),
        ("We will make things right.", "amends"),
        ("We are looking at ways to stop this happening again.", "prevention"),
        ("Reply to this email with any questions.", "follow-up"),
    ],
)
def test_a_tip_the_letter_hints_at_is_never_asked_for(text: str, tip: str) -> None:
    report = check_draft(text)
    assert tip not in missing(text)
    assert next(t.advice for t in report.tips if t.rule == tip) not in report.summary


def test_a_tip_nothing_hints_at_is_asked_for() -> None:
    assert {"amends", "details"} <= missing("I am sorry I was rude to you.")


def test_sorry_alone_is_not_sound() -> None:
    for text in ("Sorry.", "We are sorry.", "Please accept our apologies."):
        verdict = check_draft(text).verdict
        assert verdict.status == 1, text
        assert verdict.reason == WORDS["unnamed"]


GOOD_WITH_FLAWS = """Dear Ms Okafor,

I am sorry: we sent your order to the wrong branch on Monday, so your team started the
week without the printer cartridges they needed. That was our mistake, not the courier's.
The parcel was collected this morning and a new one was delivered to you by 11am. I have
refunded the £38 delivery charge, and from now on every address is read back to the
customer before the label is printed. We take this very seriously.

I will call you on Friday to make sure everything arrived.
Sam"""

WARM_BUT_DODGING = """Dear valued customer,

Thank you so much for reaching out, and we are truly sorry for any inconvenience you may
have experienced. Our courier partner had a very busy week due to unprecedented demand.
We always strive to deliver the highest standards, and your satisfaction matters to us.
We hope to see you again soon!"""


def test_an_owned_letter_that_puts_it_right_stays_sound_with_a_flaw() -> None:
    report = check_draft(GOOD_WITH_FLAWS)
    assert report.verdict.status == 0
    assert report.findings, "the flaws are still shown"
    assert all(finding.suggestion for finding in report.findings), "as notes"
    assert "second look" in report.summary
    assert [t.rule for t in report.tips if t.state == "missing"] == []


def test_a_polite_letter_that_dodges_needs_work() -> None:
    report = check_draft(WARM_BUT_DODGING)
    assert report.verdict.status == 1
    rules = {f.rule for f in report.findings}
    assert "non-apology" in rules and rules & {"excuse", "blame-shifting"}
    assert not any(finding.suggestion and finding.rule != "passive" for finding in report.findings)


def test_the_model_in_the_rules_file_is_the_one_the_tuning_statements_fit() -> None:
    """`make fit-checker` wrote the weights the engine uses; nobody set them by hand."""
    names = [*(f"tip:{r['id']}" for r in RULES["rules"] if r["kind"] == "tip"),
             *RULES["verdict"]["groups"]]  # fmt: skip
    theta = fit.fit(fit.examples(), names)
    model = RULES["verdict"]["model"]
    assert model["bias"] == pytest.approx(theta[0], abs=0.002)
    for name, weight in zip(names, theta[1:], strict=True):
        assert model["weights"][name] == pytest.approx(weight, abs=0.002), name
