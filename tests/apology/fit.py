"""Fit the checker's verdict (`make fit-checker`): a small logistic model over
a letter's signals, fitted on the tuning statements only, its weights written
into scripts/data/checker-rules.yml (verdict.model), which both hosts read.

The signals are the engine's own (report.verdict.signals): each tip credited
(0 or 1) and each group of findings (log2(1 + how many)). The label is the
expert's verdict: bad 1, good 0 (mixed ones are left out). Letters that own
or name nothing are needs work whatever the model says, so they are left out too.

Why a model and not hand-set weights: it weighs a strength against a flaw the
way the experts' verdicts do, on data, and says how sure it is. Why so small:
about two hundred statements fit a dozen weights, not more; L2 keeps each
weight modest so no single signal decides a letter.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from datetime import UTC, datetime

from scripts import data_files
from scripts.apology.engine import check_draft, load_rules
from tests.apology import corpus, published

RULES = data_files.DATA_DIR / "checker-rules.yml"
PENALTY = 0.05  # L2, per statement
PUBLISHED_WEIGHT = 2.0  # published statements are what the checker is for


def examples() -> list[tuple[dict, int, float]]:
    """(signals, label, weight) of every tuning statement that owns the failure."""
    found = []
    sets = [(statement, 1.0) for statement in corpus.statements("tuning")]
    sets += [(statement, PUBLISHED_WEIGHT) for statement in published.statements()]
    for statement, weight in sets:
        if statement.verdict not in ("good", "bad"):
            continue
        report = check_draft(statement.text)
        words = load_rules()["verdict"]["words"]
        if report.verdict.reason in (words["unowned"], words["unnamed"]):
            continue  # needs work whatever the model says
        found.append((report.verdict.signals, int(statement.verdict == "bad"), weight))
    return found


def fit(rows: list[tuple[dict, int, float]], names: list[str], rounds: int = 4000) -> list[float]:
    """Bias then weights, by gradient descent on the weighted, penalised log loss."""
    theta = [0.0] * (len(names) + 1)
    total = sum(weight for _, _, weight in rows)
    for _ in range(rounds):
        gradient = [0.0] * len(theta)
        for signals, label, weight in rows:
            x = [1.0, *(signals.get(name, 0.0) for name in names)]
            z = sum(t * v for t, v in zip(theta, x, strict=True))
            error = (1 / (1 + math.exp(-z)) - label) * weight
            for i, v in enumerate(x):
                gradient[i] += error * v
        for i in range(len(theta)):
            step = gradient[i] / total + (PENALTY * theta[i] if i else 0.0)
            theta[i] -= 0.5 * step
    return theta


def model_block(theta: list[float], names: list[str], note: str) -> str:
    weights = ", ".join(f'"{name}": {w:.3f}' for name, w in zip(names, theta[1:], strict=True))
    return f"  model:\n    fitted: {note}\n    bias: {theta[0]:.3f}\n    weights: {{{weights}}}\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.apology.fit", description=__doc__)
    parser.parse_args(argv)
    if not published.PUBLISHED.is_dir():
        print(
            f"error: {published.PUBLISHED} is not there; it lies beside the project",
            file=sys.stderr,
        )
        return 2
    rules = load_rules()
    names = [f"tip:{r['id']}" for r in rules["rules"] if r["kind"] == "tip"]
    names += list(rules["verdict"]["groups"])
    rows = examples()
    theta = fit(rows, names)
    day = datetime.now(UTC).date().isoformat()
    note = f"{day}, on {len(rows)} tuning statements that own the failure (make fit-checker)"
    text = RULES.read_text(encoding="utf-8")
    block = re.compile(r"  model:\n(?:    .*\n)+")
    RULES.write_text(block.sub(lambda _: model_block(theta, names, note), text, count=1), "utf-8")
    right = sum(
        (sum(t * v for t, v in zip(theta, [1.0, *(s.get(n, 0.0) for n in names)], strict=True)) > 0)
        == bool(label)
        for s, label, _ in rows
    )
    print(f"fitted on {len(rows)} statements; {right} of them fit; weights written to {RULES}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
