"""The checker's engine, run as `make check-letter` runs it (V8 through
mini-racer): what each kind of weakness looks like in a sentence, the tips it
never credits from a weak context, the verdict on a whole letter, the summary,
positions, and reading in slices. The sentences are written for these tests;
the defects of issue 14 are tested with the issue's own words."""

from __future__ import annotations

import json

import pytest

from scripts.apology import engine
from scripts.apology.engine import check_draft, load_rules

RULES = load_rules()
WORDS = RULES["verdict"]["words"]


def kinds(text: str) -> list[str]:
    return [finding.rule for finding in check_draft(text).findings]


def credited(text: str) -> dict[str, str]:
    return {tip.rule: tip.evidence for tip in check_draft(text).tips if tip.present}


# ---------------------------------------------------------------- kinds of weakness


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("We apologise if the late parcel spoiled your weekend.", "conditional"),
        ("Some of you may have noticed slower pages this week.", "conditional"),
        ("Apologies to anyone who was kept waiting.", "conditional"),
        ("We are sorry for the worry our notice caused.", "non-apology"),
        ("I'm sorry that you feel let down by the service.", "non-apology"),
        ("We are sorry to hear about your stay.", "non-apology"),
        ("A power cut at the warehouse stopped every order that day.", "excuse"),
        ("In line with our booking terms, the deposit is not returned.", "excuse"),
        ("We were short-staffed all week.", "excuse"),
        ("Our delivery partner lost the box on Tuesday.", "blame-shifting"),
        ("We would recommend reading the care label before washing.", "blame-shifting"),
        ("The photos you supplied were too small to print.", "blame-shifting"),
        ("Only a handful of accounts were affected.", "minimising"),
        ("It was just a small slip in the booking system.", "minimising"),
        ("Your reservation was cancelled on Friday.", "passive"),
        ("We are looking into what happened.", "vague"),
        ("We take every complaint very seriously.", "vague"),
        ("I have been devastated all week.", "self-focus"),
        ("Our team has been working tirelessly.", "self-focus"),
        ("It was never our intention to overcharge anyone.", "intent"),
        ("We always try to get orders right.", "intent"),
    ],
)
def test_each_kind_is_read_in_a_sentence_written_for_it(text: str, kind: str) -> None:
    assert kind in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "I am sorry I sent the wrong size. That was my mistake, and I will post the right one today.",
        "If you would like a refund instead, reply to this email.",
        "Your refund was sent this morning.",  # a passive that puts it right
        "This was our fault, not the courier's.",  # a third party named only to clear it
        "We did not send the reminder, and we should have.",  # an admission with a negation
        'I know that writing "sorry for any inconvenience" would be empty.',  # quoted, not meant
        "Please call me on Monday if anything else goes wrong with the order.",
    ],
)
def test_plain_admissions_offers_and_remedies_are_not_flagged(text: str) -> None:
    assert kinds(text) == []


def test_the_subject_of_the_failure_decides_blame_and_ownership() -> None:
    assert "blame-shifting" in kinds("The courier damaged your parcel on the way.")
    assert "excuse" in kinds("Heavy snow closed the depot for two days.")
    assert kinds("Our driver damaged your parcel on the way, and I am sorry.") == []
    assert credited("Our driver damaged your parcel.")["responsibility"] == "Our driver damaged"


def test_what_the_apology_is_for_decides_a_non_apology() -> None:
    assert "non-apology" in kinds("I regret the confusion this caused.")
    assert "non-apology" in kinds("I regret that this situation arose.")
    assert kinds("I regret sending you the wrong contract.") == []
    assert kinds("We are sorry we charged you twice.") == []


# ---------------------------------------------------------------- defects of issue 14


@pytest.mark.parametrize("detail", ["$29", "29%", "#12345", "April 30th"])
def test_amounts_numbers_and_dates_count_as_details(detail: str) -> None:
    assert credited(f"The figure to look at is {detail}.")["details"] == detail


@pytest.mark.parametrize(
    ("text", "tip"),
    [
        ("We never meant to upset you.", "feelings"),
        ("We did not intend to charge you twice.", "responsibility"),
        ("I deeply regret this situation arose.", "responsibility"),
        ("It wouldn't have changed the price.", "prevention"),
        ("We can add credit file monitoring.", "amends"),
        ("I'm sorry if you were upset.", "feelings"),
        ("I'm sorry if you were upset.", "says-sorry"),
        ("We may refund you if the courier agrees.", "amends"),
    ],
)
def test_no_tip_is_credited_from_a_negated_conditional_hedged_or_flagged_context(
    text: str, tip: str
) -> None:
    assert tip not in credited(text)


def test_i_am_sorry_if_you_were_upset_is_a_conditional_and_earns_no_feelings_tip() -> None:
    report = check_draft("I'm sorry if you were upset.")
    assert [finding.rule for finding in report.findings] == ["conditional"]
    assert not any(tip.present for tip in report.tips)


def test_the_textbook_conditional_is_flagged() -> None:
    assert kinds("We are sorry if the new invoice layout confused you.") == ["conditional"]


@pytest.mark.parametrize(
    "text",
    [
        "We are extremely sorry.",
        "I want to sincerely apologise.",
        "With deep apology, Sam",
        "We lost the file and are deeply sorry.",
    ],
)
def test_plain_apologies_are_seen_and_the_summary_never_asks_for_them(text: str) -> None:
    report = check_draft(text)
    assert next(tip for tip in report.tips if tip.rule == "says-sorry").present
    assert "I am sorry" not in report.summary


def test_prevention_said_in_the_present_tense_counts() -> None:
    text = "From this month we confirm stock before we promise a date."
    assert "prevention" in credited(text)
    assert "what you are changing" not in check_draft(text).summary


def test_the_summary_says_where_nothing_is_not() -> None:
    """The CLI prints findings above the summary, a page below: it says neither."""
    summary = check_draft("I am sorry if I hurt you. Mistakes were made.").summary
    assert "2 phrases are flagged" in summary
    assert "below" not in summary and "above" not in summary


# ---------------------------------------------------------------- the verdict


def test_a_letter_that_owns_names_and_puts_it_right_is_sound_despite_a_passive() -> None:
    text = (
        "Dear Ms Pike,\n\nI am sorry: I booked your van for the wrong Saturday, and your move "
        "was delayed by a day. The mistake was mine. Your deposit of £80 was refunded this "
        "morning, and from now on I read every date back to the customer.\n\nJo"
    )
    report = check_draft(text)
    assert report.verdict.status == 0, report.findings
    assert report.verdict.label == WORDS["sound"]


def test_one_suggestion_prints_but_does_not_change_the_verdict() -> None:
    text = "I am sorry we overcharged you by £40; it was our error. The invoice was issued twice. We have refunded you."
    report = check_draft(text)
    assert [(f.rule, f.suggestion) for f in report.findings] == [("passive", True)]
    assert report.verdict.status == 0


def test_feelings_and_weather_need_work_however_polite() -> None:
    text = (
        "Dear valued customer, we sincerely apologise for any frustration you may have felt. "
        "Severe storms across the region delayed many deliveries. Thank you for your patience."
    )
    report = check_draft(text)
    assert report.verdict.status == 1
    assert report.verdict.label == WORDS["needs_work"]


def test_a_letter_that_owns_nothing_needs_work_even_without_findings() -> None:
    report = check_draft("Thank you for your email about the order.")
    assert report.findings == ()
    assert (report.verdict.status, report.verdict.reason) == (1, WORDS["unowned"])


def test_an_empty_draft_has_no_verdict() -> None:
    report = check_draft("  \n")
    assert (report.verdict.status, report.verdict.label) == (0, "")
    assert report.summary == RULES["summary"]["empty"]


# ---------------------------------------------------------------- positions and slices


def test_columns_count_code_points_and_lines_start_at_one() -> None:
    finding = check_draft("😞 Hi,\n🙏 We are sorry if this upset you.").findings[0]
    assert (finding.line, finding.column, finding.text) == (2, 10, "sorry if this")
    assert (finding.start, finding.end) == (15, 28)


def test_a_line_break_inside_a_sentence_does_not_end_it() -> None:
    assert kinds("We apologise\nif you were\noffended.") == ["conditional"]


def test_curly_quotes_and_other_spaces_read_as_plain_ones() -> None:
    assert credited("I\u2019m\u00a0sorry that I\u2019m late.")["says-sorry"] == "I'm sorry"


def test_a_draft_read_in_slices_reports_as_a_draft_read_at_once() -> None:
    text = " ".join(["We are sorry if this upset you.", "Mistakes were made."] * 30)
    checker = engine.checker_for(RULES)
    sliced = json.loads(checker._context.eval(f"""JSON.stringify((() => {{
        const job = mdx.use("apology-engine").start({json.dumps(text)});
        const first = (job.step(5), job.report());
        while (!job.step(7));
        return {{first, last: job.report()}};
    }})())"""))  # fmt: skip
    assert sliced["first"]["complete"] is False
    assert sliced["first"]["checked"] == 5
    assert 0.05 < sliced["first"]["progress"] < 0.1
    assert sliced["last"] == check_draft(text).data
