"""The apology corpus (tests/data/apologies/): the figures the checker's
README (scripts/apology/README.md) reports are the checker's on the held-out
part, which was written before any tuning and never read while tuning
(tests/data/apologies/README.md). A change to the checker that moves them
must change that README too."""

from __future__ import annotations

import pytest

from tests.apology import corpus
from tests.test_readme import CHECKER_README as README


@pytest.fixture(name="held_out", scope="module")
def fixture_held_out() -> corpus.Scores:
    return corpus.score("held-out")


def test_the_readme_reports_the_held_out_figures_per_kind(held_out: corpus.Scores) -> None:
    for line in corpus.table(held_out):
        assert line in README, line


def test_the_readme_reports_the_held_out_figures_as_the_hidden_set_is_judged(
    held_out: corpus.Scores,
) -> None:
    said = " ".join(README.split())
    for line in corpus.summary(held_out):
        assert line in said, line


def test_both_parts_are_what_their_readme_says() -> None:
    sizes = {part: len(corpus.statements(part)) for part in corpus.PARTS}
    text = (corpus.CORPUS / "README.md").read_text(encoding="utf-8")
    assert f"| `held-out.yml` | {sizes['held-out']} |" in text
    assert f"| `tuning.yml` | {sizes['tuning']} |" in text
