"""Helpers of the letter tools' browser tests: what a letter should read
(from its Markdown source, never from the page under test) and how a reader
reaches each control (by the labels and roles they see)."""

from __future__ import annotations

from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import expect

from scripts import data_files
from scripts.project.letters import PLACEHOLDER, REVISED, letter_versions, placeholders_in
from tests.helpers import BUNDLE, ROOT

EXAMPLES = {item["name"]: item["example"] for item in data_files.placeholders()}
LABELS = {item["name"]: item["label"] for item in data_files.placeholders()}
INJECTION = "<img src=x onerror=alert(1)>"
# What the letter tools keep, with the site's own path (served at the root here).
STORAGE_KEY = "mdx-letter-fields:/"
EDITOR_KEY = "mdx-letter-editor:/"
# What opening the editor fetches: its code and styles, then the checker beside it.
EDITOR_BUNDLES = {
    "/" + BUNDLE[name] for name in ("letter-editor.css", "letter-editor.js", "checker.js")
}
NAMES = {"Client's Name": "Zoë Ødegård", "Your Name": "李雷"}


# ---------------------------------------------------------------- expectations


def mkdocs_config() -> dict:
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as handle:
        return yaml_load(handle)


def source_text(name: str, version: str | None = None) -> str:
    """The letter as written in its Markdown (paragraphs apart by one blank
    line, line breaks kept, each line trimmed): the version asked for, else
    the one a page shows first (ours, revised, on a letter with two)."""
    versions = letter_versions((ROOT / "docs" / name).read_text(encoding="utf-8"))
    return versions[version or (REVISED if REVISED in versions else next(iter(versions)))]


def filled(text: str, values: dict[str, str]) -> str:
    return PLACEHOLDER.sub(lambda match: values.get(match[1], match[0]), text)


def values_for(name: str) -> dict[str, str]:
    """Example values for every placeholder the letter contains."""
    return {key: EXAMPLES[key] for key in placeholders_in(source_text(name))}


# ---------------------------------------------------------------- page helpers


def field(page, name: str):
    """The input for a placeholder, found by the label readers see."""
    return page.get_by_label(LABELS[name], exact=True)


def open_names(page) -> None:
    names = page.locator("[data-mdx-names]")
    if names.get_attribute("open") is None:
        page.locator(".mdx-names__summary").click()


def fill(page, values: dict[str, str]) -> None:
    open_names(page)
    for name, value in values.items():
        field(page, name).fill(value)


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def button(page, name: str):
    """The button of that name; of two (Copy at the top and again at the end
    of "Names and details"), the first, at the top."""
    return page.get_by_role("button", name=name, exact=True).first


def email_link(page):
    """The Email link at the top (it comes again at the end of the form)."""
    return page.get_by_role("link", name="Email", exact=True).first


def form_end(page):
    """The Copy and Email that come again after the form's last field."""
    return page.locator("[data-mdx-names-form] .mdx-actions")


def status(page):
    """The status line under the buttons at the top."""
    return page.locator("[data-mdx-status]").first


def form_status(page):
    """The status line under the buttons at the end of the form."""
    return page.locator("[data-mdx-names-form] [data-mdx-status]")


def nav_link(page, label: str):
    return page.locator("nav.md-nav--primary").get_by_role("link", name=label, exact=True)


def stored(page) -> str | None:
    return page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")


def paste(area, text: str) -> None:
    """As a paste: the new value, then one input event (Playwright's fill types
    it in, which Chromium's spell checker makes slow for this much text)."""
    area.evaluate(
        "(area, text) => { area.value = text; area.dispatchEvent(new Event('input', {bubbles: true})); }",
        text,
    )


def long_letter(length: int) -> str:
    letter = source_text("letters/missed-deadline.md").replace("[", "").replace("]", "")
    text = letter + "\n\nWe are sorry if this upset you.\n\n"
    return (text * (length // len(text) + 1))[:length]


class Held:
    """Requests for one of our bundles, left unanswered (a slow network)
    until released."""

    def __init__(self, page, bundle: str) -> None:
        self.routes, self.released = [], False
        page.route(f"**/{BUNDLE[bundle]}", self.take)

    def take(self, route) -> None:
        if self.released:
            route.continue_()
        else:
            self.routes.append(route)

    def release(self) -> None:
        self.released = True
        for route in self.routes:
            route.continue_()


def choose_version(page, label: str) -> None:
    """Use the version of the letter named label, as a reader would: its
    button above the letter, then the page again, starting on it."""
    with page.expect_navigation():
        page.get_by_role("button", name=label, exact=True).click()
    expect(page.locator("html")).to_have_attribute("data-mdx-scripts", "ready")
    expect(page.get_by_role("button", name=label, exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
