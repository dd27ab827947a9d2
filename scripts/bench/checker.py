"""python -m scripts.bench.checker [--runs N]: the apology checker's speed in
Chromium, and its weight. `make bench-checker` runs it.

Builds the site into a temporary folder, serves it with gzip on 127.0.0.1 and,
in Debian's Chromium (the flags of scripts/data/bench.yml), measures the median
of N runs of each:

- re-check: a 2,000-word draft on the checker's page, checked once; then one
  word changed: ms from that keystroke to the report on the changed draft (the
  page waits for a pause in typing, then reads only the sentence that changed);
- paste: a 200,000-character paste into the checker's page: ms to the first
  report on screen (the first findings, and how far it has read) and to the
  whole report; the same paste into the letter editor;
- saved edit: a 5 MB version kept in this browser (more than the editor shows):
  ms from pressing Edit to the editor open, and to the browser having painted it;
- weight: the gzip KB of the checker's bundle (compromise and ours), the
  checker page's own, and the editor's.

The drafts are the tuning statements of tests/data/apologies/ over and over.
Prints a table; writes .bench/checker-latest.json. Nothing reaches the network.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
from pathlib import Path

import yaml

from scripts import data_files
from scripts.bench import browser
from scripts.bench.server import base_url, serve_gzip
from scripts.render.assets import bundle_addresses
from scripts.render.mkdocs_build import build_into

PROJECT = Path(__file__).resolve().parents[2]
STATEMENTS = PROJECT / "tests" / "data" / "apologies" / "tuning.yml"
LETTER = "letters/missed-deadline/"
EDITOR_KEY = "mdx-letter-editor:/"  # with the site's path (docs/javascripts/site/mdx.js: mdx.key)
BUNDLES = ("checker.js", "check.js", "letter-editor.js", "letter-editor.css")

# Resolves with ms from the change to the first report drawn and to the whole
# report; `change()` is what the reader does (a keystroke, a paste).
TIMED = """async ([rootSelector, reportSelector, text, mode]) => {
  const root = document.querySelector(rootSelector);
  const report = document.querySelector(reportSelector);
  const area = root.querySelector("textarea");
  const done = () => report.querySelector(".mdx-check__verdict")?.textContent.includes(":") &&
    !report.querySelector(".mdx-check__verdict").textContent.includes("so far");
  area.value = mode === "word" ? area.value.replace(" sorry", " sorrow") : text;
  const start = performance.now(); // from the keystroke or paste, as the page hears it
  let first = null;
  const finished = new Promise((resolve) => {
    const watch = new MutationObserver(() => {
      first ??= performance.now() - start;
      if (done()) { watch.disconnect(); resolve(performance.now() - start); }
    });
    watch.observe(report, { childList: true, subtree: true, characterData: true });
  });
  area.dispatchEvent(new Event("input", { bubbles: true }));
  const whole = await finished;
  return { first, whole };
}"""


def statements_text(length: int) -> str:
    texts = [item["text"] for item in yaml.safe_load(STATEMENTS.read_text(encoding="utf-8"))]
    letters = "\n\n".join(texts)
    return (letters * (length // len(letters) + 1))[:length]


def words(count: int) -> str:
    text = statements_text(count * 10)
    return " ".join(text.split(" ")[:count])


def gzip_kb(path: Path) -> float:
    return round(len(gzip.compress(path.read_bytes(), 9)) / 1024, 1)


def median(values: list[float]) -> float:
    return round(statistics.median(values), 1)


def checker_page(context, url: str, text: str) -> object:
    """The checker's page with text in the draft, checked to the end."""
    page = context.new_page()
    page.goto(url + "check/")
    browser.wait_for_scripts(page)
    page.locator("#mdx-check-draft").focus()  # the reader reaches for it: its code loads
    page.locator("[data-mdx-check-ready]").wait_for(state="attached")
    page.evaluate(TIMED, ["[data-mdx-check]", "[data-mdx-check-report]", text, "paste"])
    return page


def measure(chromium, url: str, runs: int) -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {name: [] for name in (
        "recheck_ms", "paste_first_ms", "paste_whole_ms", "editor_paste_first_ms",
        "saved_edit_open_ms", "saved_edit_painted_ms")}  # fmt: skip
    draft, paste = words(2000), statements_text(200_000)
    saved = statements_text(5_000_000)
    for run in range(1, runs + 1):
        print(f"bench-checker: run {run}/{runs}", file=sys.stderr, flush=True)
        context = chromium.new_context(viewport={"width": 1280, "height": 800})
        page = checker_page(context, url, draft)
        timed = page.evaluate(TIMED, ["[data-mdx-check]", "[data-mdx-check-report]", "", "word"])
        figures["recheck_ms"].append(timed["whole"])
        page.close()
        page = context.new_page()
        page.goto(url + "check/")
        browser.wait_for_scripts(page)
        page.locator("#mdx-check-draft").focus()
        page.locator("[data-mdx-check-ready]").wait_for(state="attached")
        timed = page.evaluate(
            TIMED, ["[data-mdx-check]", "[data-mdx-check-report]", paste, "paste"]
        )
        figures["paste_first_ms"].append(timed["first"])
        figures["paste_whole_ms"].append(timed["whole"])
        page.close()
        figures["editor_paste_first_ms"].append(editor_paste(context, url, paste))
        opened, painted, _ = saved_edit(context, url, saved)
        figures["saved_edit_open_ms"].append(opened)
        figures["saved_edit_painted_ms"].append(painted)
        context.close()
    return figures


def open_editor(page) -> tuple[float, float, float]:
    """Press Edit; ms until the editor is open (our code done), until the browser
    has painted it (laying out the text is Chromium's own work), and until the
    first report."""
    return page.evaluate("""() => new Promise((resolve) => {
      const panel = document.querySelector("[data-mdx-editor]");
      const report = document.querySelector("[data-mdx-editor-report]");
      const start = performance.now();
      let opened = null;
      let painted = null;
      const watch = new MutationObserver(() => {
        if (!panel.hidden && opened === null) {
          opened = performance.now() - start;
          requestAnimationFrame(() => requestAnimationFrame(() => { painted = performance.now() - start; }));
        }
        if (report.querySelector(".mdx-check__summary")) {
          watch.disconnect();
          const waitPaint = () => (painted === null ? setTimeout(waitPaint, 5) : resolve([opened, painted, performance.now() - start]));
          waitPaint();
        }
      });
      watch.observe(panel, { attributes: true, childList: true, subtree: true });
      document.querySelector("[data-mdx-edit]").click();
    })""")  # fmt: skip


def editor_paste(context, url: str, paste: str) -> float:
    page = context.new_page()
    page.goto(url + LETTER)
    browser.wait_for_scripts(page)
    open_editor(page)
    timed = page.evaluate(TIMED, ["[data-mdx-editor]", "[data-mdx-editor-report]", paste, "paste"])
    page.evaluate(f"localStorage.removeItem('{EDITOR_KEY}')")
    page.close()
    return timed["first"]


def saved_edit(context, url: str, text: str) -> tuple[float, float, float]:
    page = context.new_page()
    page.goto(url + LETTER)
    page.evaluate(  # this edit alone (the checker's page keeps its paste too): within the quota
        "([key, url, text]) => { localStorage.clear(); "
        "localStorage.setItem(key, JSON.stringify({letters: {[url]: {text}}})); }",
        [EDITOR_KEY, LETTER, text],
    )
    page.reload()
    browser.wait_for_scripts(page)
    page.locator("[data-mdx-editor-ready]").wait_for(state="attached")
    timings = open_editor(page)
    page.evaluate(f"localStorage.removeItem('{EDITOR_KEY}')")
    page.close()
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench.checker", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="runs of each (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=PROJECT / ".bench", help="where JSON goes")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    settings = data_files.load("bench.yml")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-checker-") as folder:
        site = Path(folder) / "site"
        print("bench-checker: building the site", file=sys.stderr, flush=True)
        if not build_into(PROJECT / "mkdocs.yml", site):
            print("error: the site does not build; run `make build` to see why", file=sys.stderr)
            return 1
        addresses = bundle_addresses()  # named for their content: checker.3fa2b1c9.js
        weight = {name: gzip_kb(site / addresses[name]) for name in BUNDLES}
        weight["compromise.js"] = gzip_kb(
            PROJECT / "docs" / "javascripts" / "vendor" / "compromise.js"
        )
        with serve_gzip(site) as server, sync_playwright() as playwright:
            chromium = browser.launch(playwright, settings)
            figures = measure(chromium, base_url(server) + "/", args.runs)
            chromium.close()
    results = {
        "kb_gzip": weight,
        "runs": figures,
        "median": {k: median(v) for k, v in figures.items()},
    }
    args.out.mkdir(exist_ok=True)
    (args.out / "checker-latest.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print("| measure | median ms | runs |\n| --- | --- | --- |")
    for name, values in figures.items():
        print(f"| {name} | {median(values)} | {', '.join(f'{v:.0f}' for v in values)} |")
    print("\n| bundle | KB gzip |\n| --- | --- |")
    for name, kb in weight.items():
        print(f"| {name} | {kb} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
