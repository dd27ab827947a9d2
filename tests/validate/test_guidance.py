"""The questions beside the letter editor (scripts/data/guidance.yml): valid
as they stand, every problem reported at once with its line, links checked
against the guide's headings, and shown on every letter page as links."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from scripts import data_files
from scripts.validate.guidance import GUIDANCE_PATH, guidance_problems
from scripts.validate.links import SiteIndex
from tests.browser.audit import file_for
from tests.helpers import LETTER_PAGES, PAGES, ROOT, later_parts

TIPS = {
    "be-specific-about-the-offense",
    "offer-to-make-amends",
    "follow-up",
    "take-full-responsibility",
}
INDEX = SiteIndex(page_ids={"tips.md": TIPS}, files={"tips.md"})


def guidance_text() -> str:
    return (ROOT / GUIDANCE_PATH).read_text(encoding="utf-8")


def test_the_guidance_is_valid() -> None:
    assert guidance_problems(guidance_text(), INDEX) == []


def test_every_problem_of_the_guidance_is_reported_with_its_line() -> None:
    text = guidance_text()
    text = text.replace("link: tips.md#follow-up", "link: tips.md#follow-upp", 1)
    text = text.replace("- question: What exactly went wrong?", "- question: ''", 1)
    text = text.replace("  link: tips.md#offer-to-make-amends", "  lnk: tips.md#x", 1)
    lines = text.splitlines()
    problems = guidance_problems(text, INDEX)
    messages = [problem.message for problem in problems]
    assert len(problems) == 4, (
        messages
    )  # the empty question, lnk (unknown; link missing), #follow-upp
    for problem in problems:
        assert str(problem).startswith(f"{GUIDANCE_PATH}:{problem.line}: error: ")
    assert "[0].question: '' does not match '\\\\S'" in messages
    assert "[1]: unknown key 'lnk'; the keys are hint, link, question" in messages
    assert "[1]: 'link' is a required property; add it" in messages
    assert any(
        message.startswith("link 'tips.md#follow-upp' points to '#follow-upp'")
        and "did you mean '#follow-up'?" in message
        for message in messages
    )
    broken_link = next(p for p in problems if "follow-upp" in p.message)
    assert "tips.md#follow-upp" in lines[broken_link.line - 1]


def test_bad_yaml_is_one_problem_with_its_line() -> None:
    problems = guidance_problems("- question: a: b\n", INDEX)
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [(1, "not valid YAML")]


@pytest.mark.parametrize("name", LETTER_PAGES)
def test_every_letter_offers_the_questions_as_links_to_their_tips(built_site, name) -> None:
    html = later_parts(built_site, PAGES[name])["editor"]  # placed on pressing Edit
    links = html.select(".mdx-editor__questions a")
    expected = data_files.load("guidance.yml")
    assert [link.get_text() for link in links] == [item["question"] for item in expected]
    for link, item in zip(links, expected, strict=True):
        page, anchor = item["link"].split("#")
        assert link["href"] == f"../../{page.removesuffix('.md')}/#{anchor}"
        target = BeautifulSoup(
            file_for(built_site, page.removesuffix(".md") + "/").read_text("utf-8"), "html.parser"
        )
        assert target.find(id=anchor) is not None
