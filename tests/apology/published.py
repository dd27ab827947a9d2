"""The checker on apologies that businesses published, judged by experts
(../shared/apologies-published/, read from there and never copied): the
tuning figures of issue 24.

    .venv/bin/python -m tests.apology.published            # figures
    .venv/bin/python -m tests.apology.published --misses   # and what went wrong

Only figures and ids are printed with --misses, plus the checker's own words
(a finding's flagged text): the statements stay where they are.
"""

from __future__ import annotations

import argparse
import json
import sys

from tests.apology import scoring
from tests.helpers import ROOT

PUBLISHED = ROOT.parent / "shared" / "apologies-published"


def statements() -> list[scoring.Statement]:
    index = json.loads((PUBLISHED / "index.json").read_text(encoding="utf-8"))
    return [
        scoring.Statement(
            id=item["id"],
            verdict=item["expert_verdict"],
            text=(PUBLISHED / item["file"]).read_text(encoding="utf-8"),
            weak=tuple((weak["kind"], weak["phrase"]) for weak in item["weak_phrases"]),
            tips=frozenset(item["strengths"]["both_annotators"]),
            unsure=frozenset(item["strengths"]["one_annotator_only"]),
        )
        for item in index
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.apology.published", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--misses", action="store_true", help="list what went wrong, by id")
    args = parser.parse_args(argv)
    if not PUBLISHED.is_dir():
        print(f"error: {PUBLISHED} is not there; it lies beside the project", file=sys.stderr)
        return 2
    scores = scoring.score(statements())
    print(f"published (tuning): {scores.statements} statements, {scores.phrases} weak phrases")
    print("\n".join(scoring.summary(scores)))
    if args.misses:
        print("\n".join(["", *scores.misses]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
