"""The apology corpus (tests/data/apologies/) and the published statements
(../shared/apologies-published/): the figures the checker's README
(scripts/apology/README.md) reports are the checker's own. The held-out parts
were written before any tuning on them and are never read while tuning
(tests/data/apologies/README.md); the published statements were tuned on and
are reported as such. A change to the checker that moves a figure must change
that README too."""

from __future__ import annotations

import pytest

from tests.apology import corpus, published, scoring
from tests.test_readme import CHECKER_README as README

SAID = " ".join(README.split())


@pytest.fixture(name="held_out", scope="module")
def fixture_held_out() -> corpus.Scores:
    return corpus.score("held-out")


def test_the_readme_reports_the_held_out_figures_per_kind(held_out: corpus.Scores) -> None:
    for line in corpus.table(held_out):
        assert line in README, line


@pytest.mark.parametrize("part", ["held-out", "held-out-2", "tuning"])
def test_the_readme_reports_each_parts_verdicts_and_strengths(part: str) -> None:
    for line in scoring.summary(scoring.score(corpus.statements(part))):
        assert f"- {line}" in README, (part, line)


def test_the_readme_reports_the_published_statements_as_tuning_figures() -> None:
    assert published.PUBLISHED.is_dir(), "../shared/apologies-published/ lies beside the project"
    scores = scoring.score(published.statements())
    assert scores.statements == 30
    for line in scoring.summary(scores):
        assert f"- {line}" in README, line
    assert "their figures are **tuning figures**" in SAID


def test_every_part_is_what_the_corpus_readme_says() -> None:
    text = (corpus.CORPUS / "README.md").read_text(encoding="utf-8")
    for paths in corpus.PARTS.values():
        for path in paths:
            size = len(corpus.yaml.safe_load(path.read_text(encoding="utf-8")))
            assert f"| `{path.name}` | {size} |" in text, path.name


def test_every_statement_is_annotated_with_known_tips() -> None:
    tips = {"says-sorry", "feelings", "responsibility", "specific", "amends", "prevention",
            "follow-up", "details"}  # fmt: skip
    for part in corpus.PARTS:
        for statement in corpus.statements(part):
            assert statement.tips <= tips, statement.id
