"""What the build hands the browser and the templates from the checker: the
rules once in the `checker.js` bundle (after compromise, kept byte for byte),
the checker's page loading it, and each letter page's report, made at build
time by the same engine and kept in .cache/checker/ by what it depends on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rjsmin

from scripts.apology import engine, page_data
from scripts.apology.engine import check_draft, data_module, load_rules
from scripts.project.letters import example_letters
from scripts.render.assets import generated_files
from tests import article
from tests.helpers import BUNDLE, LETTER_PAGES, PAGES, ROOT, later_parts, soup

RULES = load_rules()
CHECKER_DATA = 'mdx.module("checker-data",[],()=>('  # how the generated data module starts


def test_the_browser_gets_the_rules_once_as_data_in_the_checker_bundle() -> None:
    data = page_data.browser_data(example_letters(ROOT), RULES)
    script = data_module(data)
    assert json.loads(script.removeprefix(CHECKER_DATA).removesuffix("));\n")) == data
    assert script.isascii()
    assert [rule["patterns"] for rule in data["rules"] if "patterns" in rule] == [
        rule["patterns"] for rule in RULES["rules"] if "patterns" in rule
    ]
    for code in ("apology-engine.js", "apology-patterns.js", "apology-check.js"):
        source = rjsmin.jsmin((ROOT / "docs" / "javascripts" / "checker" / code).read_text("utf-8"))
        assert "sorry" not in source.lower()  # the words are data, not code


def test_the_checker_bundle_holds_compromise_as_it_is_then_our_modules() -> None:
    bundle = generated_files()[BUNDLE["checker.js"].rsplit("/", 1)[-1]]
    vendored = (ROOT / "docs" / "javascripts" / "vendor" / "compromise.js").read_text("utf-8")
    assert bundle.startswith(vendored)
    assert bundle.index(CHECKER_DATA) < bundle.index('mdx.module("apology-engine"')


def test_the_examples_are_the_letters_in_nav_order() -> None:
    letters = example_letters(ROOT)
    assert [f"letters/{letter.slug}.md" for letter in letters] == LETTER_PAGES
    billing = next(letter for letter in letters if letter.slug == "billing-error")
    assert billing.label == "Billing error"
    assert billing.text.startswith("Dear [Client's Name],\n\nI want to extend")
    assert billing.text.endswith("Best wishes,\n[Your Name]")


def test_the_billing_letter_names_no_amount_and_no_refund() -> None:
    letters = {letter.slug: letter for letter in example_letters(ROOT)}
    report = page_data.report_summary(check_draft(letters["billing-error"].text))
    missing = [tip["rule"] for tip in report["missing"]]
    assert "details" in missing
    # "the issue has been rectified" hints at amends: not credited, and not asked for either
    assert "amends" not in [tip["rule"] for tip in report["done"]] + missing
    assert "says-sorry" in [tip["rule"] for tip in report["done"]]
    assert report["verdict"]["label"] in (
        RULES["verdict"]["words"]["sound"],
        RULES["verdict"]["words"]["needs_work"],
    )


def test_letter_reports_are_kept_until_what_they_depend_on_changes(
    monkeypatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(engine, "ROOT", tmp_path)
    letters = example_letters(ROOT)[:2]
    first = page_data.letter_reports(letters, RULES)
    assert (tmp_path / ".cache" / "checker" / page_data.CACHE_FILE).is_file()

    def no_v8(*_args, **_kwargs):
        raise AssertionError("V8 started for an unchanged letter")

    monkeypatch.setattr(engine, "check_draft", no_v8)
    assert page_data.letter_reports(letters, RULES) == first
    changed = [letters[0], type(letters[1])(**{**letters[1].__dict__, "text": "We are sorry."})]
    with pytest.raises(AssertionError, match="V8 started"):
        page_data.letter_reports(changed, RULES)


def test_the_check_page_loads_the_checker_and_no_other_page_does(built_site: Path) -> None:
    """check-start.js after the first paint; checker.js and check.js, by the
    addresses the checker gives it, when the reader reaches for the checker."""
    for url in PAGES.values():
        page = soup(built_site, url)
        scripts = page.find_all("script", src=True)  # in <template>s too
        mine = [s["src"].rsplit("/", 1)[-1] for s in scripts if "assets/mdx/check" in s["src"]]
        later = page.select_one("[data-mdx-check-src]")
        assert mine == ([BUNDLE["check-start.js"].rsplit("/", 1)[-1]] if url == "check/" else [])
        assert (later is not None) == (url == "check/")
    addresses = soup(built_site, "check/").select_one("[data-mdx-check-src]")["data-mdx-check-src"]
    assert [src.rsplit("/", 1)[-1] for src in addresses.split()] == [
        BUNDLE[name].rsplit("/", 1)[-1] for name in ("checker.js", "check.js")
    ]
    page = soup(built_site, "check/")
    assert page.select_one("label[for=mdx-check-draft]").get_text() == "Your draft"
    assert len(page.select("#mdx-check-example option")) == len(LETTER_PAGES)


def test_every_letter_page_shows_its_build_time_report_with_a_verdict(built_site: Path) -> None:
    # folded, fetched when the reader opens it (scripts/render/later.py)
    for name in LETTER_PAGES:
        report = later_parts(built_site, PAGES[name])["report"].select_one(
            "[data-mdx-letter-report]"
        )
        verdict = report.select_one(".mdx-check__verdict strong").get_text()
        assert verdict in (
            RULES["verdict"]["words"]["sound"],
            RULES["verdict"]["words"]["needs_work"],
        )
        assert "not meaning" in report.get_text()
    page = later_parts(built_site, "letters/billing-error/")["report"]
    billing = page.select_one("[data-mdx-letter-report][data-mdx-version=original]")
    lacks = [item["data-mdx-rule"] for item in billing.select(".mdx-check__item--missing")]
    assert "details" in lacks and "amends" not in lacks  # the article's version
    ours = page.select_one("[data-mdx-letter-report][data-mdx-version=revised]")
    assert ours.select_one(".mdx-check__verdict--sound")
    assert not ours.select(".mdx-check__item--missing, .mdx-check__item--finding")
    assert (
        billing.select_one(".mdx-check__item--missing[data-mdx-rule=details] a")["href"]
        == "../../tips/#be-specific-about-the-offense"
    )
    assert not soup(built_site, "tips/").select("[data-mdx-letter-report], [data-mdx-more]")
    assert later_parts(built_site, "tips/") == {}


def test_every_revised_letter_is_sound_with_nothing_flagged_and_no_tip_missing() -> None:
    """Our revised versions follow every tip the checker knows, with no
    phrase from the mistakes page (as `make check-letter` would say)."""
    revised = [letter for letter in example_letters(ROOT) if letter.revised]
    assert len(revised) == len(article.letters())  # every example of the article
    for letter in revised:
        report = page_data.report_summary(check_draft(letter.revised))
        assert report["verdict"]["label"] == RULES["verdict"]["words"]["sound"], letter.slug
        assert (report["findings"], report["missing"]) == ([], []), letter.slug
