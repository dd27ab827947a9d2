"""`make bench`: this site against the same pages in plain Material for MkDocs.

Weight and axe-core from Playwright, scores from Lighthouse, build times from
fresh interpreters; settings in scripts/data/bench.yml. `python -m scripts.bench`.
"""
