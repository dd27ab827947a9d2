"""The letter tools in a real browser (Debian's Chromium through Playwright):
on every letter a reader fills the names, copies, emails and downloads the
letter; what they type stays text; unfilled placeholders are announced; names
carry over and can be forgotten, also across page loads; the letters index
filters by situation. The editor: a reader edits the letter, inserts a
detail, and copies, emails (To and subject), downloads and prints exactly
their version, which survives a reload until forgotten, with the checker
beside it and nothing sent anywhere. Expected texts come from the Markdown
sources, never from the page under test."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import frontmatter
import pytest
from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import expect

from scripts import data_files
from scripts.project.letters import PLACEHOLDER, placeholders_in
from tests.helpers import ROOT
from tests.test_site import LETTER_PAGES, PAGES, meta

pytestmark = pytest.mark.browser

EXAMPLES = {item["name"]: item["example"] for item in data_files.placeholders()}
LABELS = {item["name"]: item["label"] for item in data_files.placeholders()}
INJECTION = "<img src=x onerror=alert(1)>"
STORAGE_KEY = "mdx-letter-fields"
EDITOR_KEY = "mdx-letter-editor"
EDITOR_BUNDLES = {"/assets/mdx/letter-editor.css", "/assets/mdx/letter-editor.js"}
NAMES = {"Client's Name": "Zoë Ødegård", "Your Name": "李雷"}
LETTER_BLOCK = re.compile(r"^/// html \| div\.mdx-letter\n(.*?)\n///$", re.MULTILINE | re.DOTALL)


# ---------------------------------------------------------------- expectations


def mkdocs_config() -> dict:
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as handle:
        return yaml_load(handle)


def source_text(name: str) -> str:
    """The letter as written in its Markdown: paragraphs apart by one blank
    line, line breaks kept, each line trimmed."""
    block = LETTER_BLOCK.search(frontmatter.load(ROOT / "docs" / name).content).group(1)
    paragraphs = re.split(r"\n[ \t]*\n", block.strip())
    return "\n\n".join("\n".join(line.strip() for line in p.splitlines()) for p in paragraphs)


def filled(text: str, values: dict[str, str]) -> str:
    return PLACEHOLDER.sub(lambda match: values.get(match[1], match[0]), text)


def values_for(name: str) -> dict[str, str]:
    """Example values for every placeholder the letter contains."""
    return {key: EXAMPLES[key] for key in placeholders_in(source_text(name))}


# ---------------------------------------------------------------- page helpers


@pytest.fixture(name="tools_page")
def fixture_tools_page(page, base_url: str):
    """The shared page fixture, allowed to write and read the clipboard."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url[:-1])
    return page


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
    return page.get_by_role("button", name=name, exact=True)


def status(page):
    return page.locator("[data-mdx-status]")


def nav_link(page, label: str):
    return page.locator("nav.md-nav--primary").get_by_role("link", name=label, exact=True)


def stored(page) -> str | None:
    return page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")


# ---------------------------------------------------------------- every letter


@pytest.mark.parametrize("name", LETTER_PAGES, ids=[Path(n).stem for n in LETTER_PAGES])
def test_fill_copy_email_and_download_every_letter(tools_page, name: str) -> None:
    page, values = tools_page, values_for(name)
    expected = filled(source_text(name), values)
    page.goto(PAGES[name])
    fill(page, values)
    for value in values.values():
        expect(page.locator(".mdx-letter")).to_contain_text(value)

    button(page, "Copy").click()
    expect(status(page)).to_have_text("Letter copied.")
    assert clipboard(page) == expected

    href = page.get_by_role("link", name="Email", exact=True).get_attribute("href")
    subject, body = re.fullmatch(r"mailto:\?subject=([^&]*)&body=([^&]*)", href).groups()
    assert unquote(subject) == meta(name)["subject"]
    assert unquote(body) == expected.replace("\n", "\r\n")
    assert "%20" in subject and "%0D%0A%0D%0A" in body  # encoded, not "+" and raw breaks
    assert not re.search(r"[\s+<>\"]", href)

    with page.expect_download() as download_info:
        button(page, "Download").click()
    download = download_info.value
    assert download.suggested_filename == f"{Path(name).stem}.txt"
    assert Path(download.path()).read_text(encoding="utf-8") == f"{expected}\n"
    assert page.errors == []


def test_every_letter_prints_alone_on_one_page(page) -> None:
    page.emulate_media(media="print")
    for name in LETTER_PAGES:
        page.goto(PAGES[name])
        assert page.locator(".mdx-letter").is_visible()
        for hidden in ("h1", ".mdx-letter-intro", ".mdx-tools"):
            assert not page.locator(hidden).is_visible(), f"{hidden} prints on {name}"
        for paper in ("A4", "Letter"):
            pdf = page.pdf(format=paper)
            assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1, f"{name} on {paper}"
    assert page.errors == []


def test_print_button_opens_the_print_dialog(page) -> None:
    name = "letters/missed-deadline.md"
    page.goto(PAGES[name])
    page.evaluate("() => { window.print = () => (window.printed = (window.printed || 0) + 1); }")
    fill(page, values_for(name))
    button(page, "Print").click()
    page.wait_for_function("window.printed === 1")
    assert page.errors == []


# ---------------------------------------------------------------- unfilled and unsafe input


def test_unfilled_placeholders_are_announced_before_copying(tools_page) -> None:
    page, name = tools_page, "letters/product-failure.md"
    page.goto(PAGES[name])
    page.evaluate("navigator.clipboard.writeText('clipboard before')")
    fill(page, {"Client's Name": "Ms Rivera"})

    button(page, "Copy").click()
    expect(status(page)).to_have_text(
        "2 names still to fill: [discount or gift] and [Your Name]. "
        "Fill them in below, or press “Copy anyway”."
    )
    assert clipboard(page) == "clipboard before"
    assert page.locator(".mdx-placeholder--missing").all_inner_texts() == [
        "[discount or gift]",
        "[Your Name]",
    ]
    for key, invalid in (("Client's Name", None), ("discount or gift", "true")):
        assert field(page, key).get_attribute("aria-invalid") == invalid

    button(page, "Copy anyway").click()
    expect(status(page)).to_have_text("Letter copied, with 2 names still to fill.")
    assert clipboard(page) == filled(source_text(name), {"Client's Name": "Ms Rivera"})
    expect(button(page, "Copy")).to_be_visible()

    # Email warns the same way and keeps the mail app closed; typing resets it.
    page.get_by_role("link", name="Email", exact=True).click()
    expect(page.get_by_role("link", name="Email anyway", exact=True)).to_be_visible()
    fill(page, {"Your Name": "Sam Taylor"})
    expect(page.get_by_role("link", name="Email", exact=True)).to_be_visible()
    assert field(page, "Your Name").get_attribute("aria-invalid") is None
    expect(status(page)).to_have_text("")
    assert page.url.endswith(PAGES[name])
    assert page.errors == []


def test_what_the_reader_types_stays_text(tools_page) -> None:
    page, name = tools_page, "letters/billing-error.md"
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(PAGES[name])
    fill(page, {"Client's Name": INJECTION, "Your Name": "Sam Taylor"})
    letter = page.locator(".mdx-letter")
    expect(letter).to_contain_text(f"Dear {INJECTION},")

    button(page, "Copy").click()
    expect(status(page)).to_have_text("Letter copied.")
    assert clipboard(page) == filled(
        source_text(name), {"Client's Name": INJECTION, "Your Name": "Sam Taylor"}
    )
    rich = page.evaluate(
        """async () => {
            const [item] = await navigator.clipboard.read();
            return (await item.getType("text/html")).text();
        }"""
    )
    assert "Dear &lt;img src=x onerror=alert(1)&gt;," in rich and "<img" not in rich

    page.reload()  # the payload comes back from localStorage: still text
    expect(letter).to_contain_text(f"Dear {INJECTION},")
    assert page.locator("img[src='x']").count() == 0
    assert dialogs == []
    assert page.errors == []


# ---------------------------------------------------------------- across pages


def test_names_carry_over_to_other_letters_until_forgotten(tools_page) -> None:
    page = tools_page
    page.goto(PAGES["letters/missed-deadline.md"])
    fill(page, {"Client's Name": "Ms Rivera", "Your Name": "Sam Taylor"})

    nav_link(page, "Staff misconduct").click()
    page.wait_for_url(re.compile(r"/letters/staff-misconduct/$"))
    expect(page.locator(".mdx-names__count")).to_have_text("all filled")
    expect(page.locator(".mdx-letter")).to_contain_text("Dear Ms Rivera,")
    open_names(page)
    expect(field(page, "Client's Name")).to_have_value("Ms Rivera")

    button(page, "Forget my details").click()
    expect(status(page)).to_have_text("Your details are forgotten on this device.")
    expect(field(page, "Your Name")).to_have_value("")
    expect(page.locator(".mdx-letter")).to_contain_text("Dear [Client's Name],")
    expect(page.locator(".mdx-names__count")).to_have_text("2 names still to fill")
    assert stored(page) is None

    page.reload()
    open_names(page)
    expect(field(page, "Client's Name")).to_have_value("")
    assert page.errors == []


def test_every_letter_page_has_one_set_of_working_tools(tools_page) -> None:
    page = tools_page
    page.goto(PAGES["letters/missed-deadline.md"])
    fill(page, {"Client's Name": "Ms Rivera", "Your Name": "Sam Taylor"})
    for label, name in (
        ("Billing error", "letters/billing-error.md"),
        ("Missed deadline", "letters/missed-deadline.md"),
        ("Unmet expectations", "letters/unmet-expectations.md"),
    ):
        nav_link(page, label).click()
        page.wait_for_url(re.compile(f"/{PAGES[name]}$"))
        expect(page.locator("h1")).to_have_text(meta(name)["title"])
        assert page.locator(".mdx-tools").count() == 1
        assert page.locator(".mdx-actions").count() == 1
        if set(values_for(name)) - {"Client's Name", "Your Name"}:
            fill(page, values_for(name))
        button(page, "Copy").click()
        expect(status(page)).to_have_text("Letter copied.")
        assert clipboard(page) == filled(source_text(name), values_for(name))
    assert page.errors == []


def test_copy_falls_back_to_plain_text_then_to_selecting_the_letter(tools_page) -> None:
    page, name = tools_page, "letters/unmet-expectations.md"
    page.goto(PAGES[name])
    fill(page, values_for(name))
    expected = filled(source_text(name), values_for(name))
    # A browser that refuses rich text still gets the plain text.
    page.evaluate("() => { navigator.clipboard.write = () => Promise.reject(new Error('no')); }")
    button(page, "Copy").click()
    expect(status(page)).to_have_text("Letter copied.")
    assert clipboard(page) == expected
    # A browser that refuses both: the letter is selected for Ctrl+C.
    page.evaluate(
        "() => { navigator.clipboard.writeText = () => Promise.reject(new Error('no')); }"
    )
    button(page, "Copy").click()
    expect(status(page)).to_contain_text("The letter is selected: press Ctrl+C")
    selected = page.evaluate("getSelection().toString()")
    assert selected.startswith("Dear Ms Rivera,") and selected.rstrip().endswith("Sam Taylor")
    assert page.errors == []


def test_search_highlights_do_not_break_placeholders(tools_page) -> None:
    page, name = tools_page, "letters/missed-deadline.md"
    page.goto(f"{PAGES[name]}?h=client+name")  # as a reader arrives from search
    fill(page, values_for(name))
    button(page, "Copy").click()
    expect(status(page)).to_have_text("Letter copied.")
    assert clipboard(page) == filled(source_text(name), values_for(name))
    assert page.errors == []


# ---------------------------------------------------------------- keyboard, phone, no JavaScript


def test_keyboard_alone_fills_and_copies_with_visible_focus(tools_page) -> None:
    page, name = tools_page, "letters/poor-communication.md"
    page.goto(PAGES[name])
    page.locator(".mdx-names__summary").focus()
    page.keyboard.press("Enter")  # unfolds the names
    page.keyboard.press("Tab")
    page.keyboard.type("Ms Rivera")
    page.keyboard.press("Tab")
    page.keyboard.type("Sam Taylor")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Forget my details"
    # Back past the two fields, the summary, Edit, Print, Download and Email to Copy.
    for _ in range(8):
        page.keyboard.press("Shift+Tab")
    focused = page.evaluate(
        """() => {
            const node = document.activeElement, style = getComputedStyle(node);
            return [node.tagName, node.textContent, style.outlineStyle, style.outlineWidth];
        }"""
    )
    assert focused[:2] == ["BUTTON", "Copy"]
    assert focused[2] != "none" and focused[3] != "0px"
    page.keyboard.press("Enter")
    expect(status(page)).to_have_text("Letter copied.")
    assert clipboard(page) == filled(source_text(name), values_for(name))
    assert page.errors == []


def test_phone_layout_fits_and_works(tools_page) -> None:
    page, name = tools_page, "letters/product-failure.md"
    page.set_viewport_size({"width": 390, "height": 844})
    for url in (PAGES[name], PAGES["letters/index.md"]):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.goto(PAGES[name])
    fill(page, values_for(name))
    for label in ("Copy", "Download", "Print"):
        box = button(page, label).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    button(page, "Copy").click()
    expect(status(page)).to_have_text("Letter copied.")
    assert clipboard(page) == filled(source_text(name), values_for(name))
    assert page.errors == []


def test_without_javascript_letters_stay_readable(browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(PAGES["letters/missed-deadline.md"])
    letter = page.locator(".mdx-letter")
    expect(letter).to_be_visible()
    assert letter.inner_text().startswith("Dear [Client's Name],")
    expect(page.locator(".mdx-tools")).to_be_hidden()
    page.goto(PAGES["letters/index.md"])
    expect(page.locator(".mdx-card")).to_have_count(len(LETTER_PAGES))
    expect(page.locator(".mdx-filter")).to_be_hidden()
    context.close()


# ---------------------------------------------------------------- the letters index


def test_situation_filter_shows_matching_cards_without_reloading(tools_page) -> None:
    page = tools_page
    page.goto(PAGES["letters/index.md"])
    page.evaluate("window.sameDocument = true")  # gone if a click reloads the page
    cards = page.locator(".mdx-card")
    expect(cards).to_have_count(len(LETTER_PAGES))
    tagged = [meta(name)["title"] for name in LETTER_PAGES if "quality" in meta(name)["tags"]]
    assert len(tagged) == 3
    label = data_files.tags()["quality"]

    situation = button(page, label)
    situation.click()
    expect(situation).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".mdx-card:visible")).to_have_count(3)
    expect(page.locator(".mdx-filter__status")).to_have_text(
        f"Showing 3 of 7 letters for “{label}”."
    )
    shown = page.locator(".mdx-card:visible .mdx-card__link").evaluate_all(
        "links => links.map(link => new URL(link.href).pathname.split('/').at(-2))"
    )
    assert [meta(f"letters/{slug}.md")["title"] for slug in shown] == tagged

    situation.click()  # pressing the active situation again shows every letter
    expect(page.locator(".mdx-card:visible")).to_have_count(len(LETTER_PAGES))
    expect(button(page, "All situations")).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("window.sameDocument") is True
    assert page.errors == []


# ---------------------------------------------------------------- the text functions


@pytest.fixture(name="text_page", scope="module")
def fixture_text_page(browser, base_url: str):
    """One page for the pure functions of docs/javascripts/letter-text.js."""
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto(PAGES["letters/missed-deadline.md"])
    yield page
    context.close()


def call(page, function: str, *args: object) -> object:
    return page.evaluate(f'(args) => mdx.use("letter-text").{function}(...args)', list(args))


@pytest.mark.parametrize("name", LETTER_PAGES, ids=[Path(n).stem for n in LETTER_PAGES])
def test_placeholder_discovery_agrees_with_the_validator(text_page, name: str) -> None:
    text = source_text(name)
    assert call(text_page, "placeholdersIn", text) == placeholders_in(text)


@pytest.mark.parametrize(
    ("function", "args", "expected"),
    [
        ("placeholdersIn", ["[A] and [B], [A] again; [] and [x\ny] are not"], ["A", "B"]),
        (
            "splitPlaceholders",
            ["Dear [Client's Name], from [Your Name]"],
            [
                {"text": "Dear "},
                {"name": "Client's Name"},
                {"text": ", from "},
                {"name": "Your Name"},
            ],
        ),
        (
            "fillPlaceholders",
            ["Dear [A], [B]", {"A": " Ms Rivera ", "B": "   "}],
            "Dear Ms Rivera, [B]",
        ),
        ("fillPlaceholders", ["[A]", {"A": "$& and $1"}], "$& and $1"),
        ("unfilled", [["A", "B", "C"], {"A": "x", "B": " "}], ["B", "C"]),
        (
            "plainText",
            [["  Dear  A,\n", "\n  Kind regards,\n   Sam  \n\n", " "]],
            "Dear A,\n\nKind regards,\nSam",
        ),
        ("plainText", [["a\r\nb\u00a0 c"]], "a\nb c"),
        (
            "htmlFromText",
            ["Hi <b>&\n'x'\n\nBye"],
            "<p>Hi &lt;b&gt;&amp;<br>&#39;x&#39;</p>\n<p>Bye</p>",
        ),
        (
            "mailtoHref",
            ["I am sorry", "Dear A,\n\nB & C+D"],
            "mailto:?subject=I%20am%20sorry&body=Dear%20A%2C%0D%0A%0D%0AB%20%26%20C%2BD",
        ),
        ("textFileName", ["missed-deadline"], "missed-deadline.txt"),
        ("textFileName", ["../Odd Name!"], "odd-name.txt"),
        ("textFileName", [""], "letter.txt"),
        ("countNames", [1], "1 name"),
        ("countNames", [2], "2 names"),
        ("listPlaceholders", [["A", "B", "C"]], "[A], [B] and [C]"),
    ],
)
def test_text_function(text_page, function: str, args: list, expected: object) -> None:
    assert call(text_page, function, *args) == expected


# ---------------------------------------------------------------- the editor


def open_editor(page):
    """Press Edit and wait for the editor; the letter's text field."""
    button(page, "Edit").click()
    expect(page.locator("[data-mdx-editor]")).to_be_visible()
    return page.get_by_label("Your letter", exact=True)


def select_text(area, text: str, *, after: bool = False) -> None:
    """Select text in the field (or put the cursor right after it)."""
    area.evaluate(
        """(area, [text, after]) => {
            const start = area.value.indexOf(text);
            if (start < 0) throw new Error(`not in the letter: ${text}`);
            const end = start + text.length;
            area.focus();
            area.setSelectionRange(after ? end : start, end);
        }""",
        [text, after],
    )
    area.press("Shift")  # a key, as a reader's: the cursor is theirs now


def detail(page, label: str):
    return page.get_by_role("group", name=label, exact=True)


def email_parts(page) -> tuple[str, str, str]:
    href = page.get_by_role("link", name="Email", exact=True).get_attribute("href")
    to, subject, body = re.fullmatch(r"mailto:([^?]*)\?subject=([^&]*)&body=([^&]*)", href).groups()
    return unquote(to), unquote(subject), unquote(body)


def track_requests(page) -> list[str]:
    paths: list[str] = []
    page.on("request", lambda request: paths.append(request.url))
    return paths


EDITED_FROM = "I want to extend my deepest apologies for the billing error you experienced."
EDITED_TO = "I am sorry: we charged you twice.\n“We got it wrong,” as my colleague put it."
SENTENCE_AFTER = "I understand how this could lead to confusion and frustration, and I sincerely regret the oversight."


def billing_edit(names: dict[str, str]) -> str:
    """The billing letter as test_edit_... leaves it."""
    text = filled(source_text("letters/billing-error.md"), names)
    text = text.replace(EDITED_FROM, EDITED_TO)
    return text.replace(SENTENCE_AFTER, f"{SENTENCE_AFTER} The error was on invoice INV-0042 «B».")


@pytest.mark.parametrize("width", [1280, 360], ids=["desktop", "phone"])
def test_edit_insert_and_send_exactly_the_edited_text(tools_page, width: int) -> None:
    page, name = tools_page, "letters/billing-error.md"
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(PAGES[name])
    fill(page, NAMES)
    loaded_at = len(requests := track_requests(page))

    area = open_editor(page)
    assert area.input_value() == filled(source_text(name), NAMES)  # names already filled
    expect(page.locator(".mdx-letter")).to_be_hidden()  # the field takes the letter's place
    expect(page.locator("[data-mdx-editor-note]")).to_have_text(
        "This is the example letter, with your names."
    )
    select_text(area, EDITED_FROM)
    page.keyboard.type(EDITED_TO)  # curly quotes and a line break, typed
    select_text(area, SENTENCE_AFTER, after=True)
    detail(page, "Invoice number").get_by_role("textbox").fill("INV-0042 «B»")
    detail(page, "Invoice number").get_by_role("button", name="Insert").click()
    expect(page.locator("[data-mdx-detail-status]")).to_have_text(
        "Inserted in your letter: “The error was on invoice INV-0042 «B».”"
    )
    expected = billing_edit(NAMES)
    assert area.input_value() == expected
    expect(page.locator("[data-mdx-editor-note]")).to_have_text(
        "Your own version: it differs from the example."
    )

    page.get_by_label("To (optional)").fill("zoe.odegard+billing@example.com")
    page.get_by_label("Put today's date at the top when downloading or printing").check()
    today = page.evaluate(
        "new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date())"
    )

    button(page, "Copy").click()
    expect(status(page)).to_have_text("Letter copied.")
    assert clipboard(page) == expected

    to, subject, body = email_parts(page)
    assert (to, subject) == ("zoe.odegard+billing@example.com", meta(name)["subject"])
    assert body == expected.replace("\n", "\r\n")

    with page.expect_download() as download_info:
        button(page, "Download").click()
    saved = Path(download_info.value.path()).read_text(encoding="utf-8")
    assert saved == f"{today}\n\n{expected}\n"

    page.evaluate("() => { window.print = () => (window.printed = (window.printed || 0) + 1); }")
    button(page, "Print").click()
    page.wait_for_function("window.printed === 1")
    page.emulate_media(media="print")
    printed = page.locator(".mdx-letter").inner_text()
    assert printed == f"{today}\n\n{expected}"
    assert len(re.findall(rb"/Type\s*/Page\b", page.pdf(format="A4"))) == 1
    page.emulate_media(media="screen")

    same_origin = page.url.split("/letters/")[0]
    fetched = [url.removeprefix(same_origin) for url in requests[loaded_at:]]
    assert set(fetched) == EDITOR_BUNDLES, fetched  # nothing else, nowhere else
    assert page.errors == []


def test_the_edit_survives_a_reload_until_forgotten(tools_page) -> None:
    page, name = tools_page, "letters/billing-error.md"
    page.goto(PAGES[name])
    fill(page, NAMES)
    area = open_editor(page)
    select_text(area, EDITED_FROM)
    page.keyboard.type(EDITED_TO)
    detail(page, "Amount overcharged").get_by_role("textbox").fill("£240.00")
    page.get_by_label("To (optional)").fill("zoe@example.com")
    edited = filled(source_text(name), NAMES).replace(EDITED_FROM, EDITED_TO)

    page.reload()  # the editor's code comes back by itself: this browser keeps an edit
    expect(page.locator("[data-mdx-tools][data-mdx-editor-ready]")).to_have_count(1)
    expect(page.locator(".mdx-letter")).to_contain_text("“We got it wrong,” as my colleague")
    assert page.locator(".mdx-letter").inner_text() == edited  # as on the page, exactly
    button(page, "Copy").click()
    expect(status(page)).to_have_text("Letter copied.")
    assert clipboard(page) == edited
    assert email_parts(page)[0] == "zoe@example.com"
    area = open_editor(page)
    assert area.input_value() == edited
    expect(detail(page, "Amount overcharged").get_by_role("textbox")).to_have_value("£240.00")

    button(page, "Done editing").click()
    open_names(page)
    button(page, "Forget my details").click()
    expect(status(page)).to_have_text("Your details are forgotten on this device.")
    assert page.evaluate(f"localStorage.getItem('{EDITOR_KEY}')") is None
    assert stored(page) is None
    button(page, "Copy").click()
    button(page, "Copy anyway").click()
    expect(status(page)).to_have_text("Letter copied, with 2 names still to fill.")
    assert clipboard(page) == source_text(name)
    assert email_parts(page)[0] == ""
    page.reload()
    page.wait_for_timeout(300)
    assert page.locator("[data-mdx-editor-ready]").count() == 0  # nothing kept, nothing loaded
    assert page.locator(".mdx-letter").inner_text().startswith("Dear [Client's Name],")
    assert page.errors == []


def test_back_to_the_example_asks_first_on_the_page(tools_page) -> None:
    page, name = tools_page, "letters/missed-deadline.md"
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(PAGES[name])
    area = open_editor(page)
    back = button(page, "Back to the example")
    expect(back).to_be_hidden()  # nothing to go back from yet
    select_text(area, "Warm regards,")
    page.keyboard.type("With apologies,")
    changed = area.input_value()

    back.click()
    confirm = page.get_by_role("group", name=re.compile("^Replace your version with the example"))
    expect(confirm).to_be_visible()
    expect(button(page, "Keep my version")).to_be_focused()
    page.keyboard.press("Escape")
    expect(confirm).to_be_hidden()
    assert area.input_value() == changed

    back.click()
    button(page, "Replace with the example").click()
    assert area.input_value() == source_text(name)
    expect(page.locator("[data-mdx-editor-status]")).to_have_text("Back to the example letter.")
    expect(back).to_be_hidden()
    assert page.evaluate(f"localStorage.getItem('{EDITOR_KEY}')") is None
    assert dialogs == []
    assert page.errors == []


def test_names_still_fill_the_brackets_left_in_an_edit(tools_page) -> None:
    page, name = tools_page, "letters/product-failure.md"
    page.goto(PAGES[name])
    area = open_editor(page)
    select_text(area, "Dear [Client's Name],")
    page.keyboard.type("Dear [Client's Name], and thank you for telling us at once,")
    fill(page, values_for(name))
    edited = source_text(name).replace(
        "Dear [Client's Name],", "Dear [Client's Name], and thank you for telling us at once,"
    )
    assert "[Client's Name]" in area.input_value()  # the field keeps the brackets ...
    button(page, "Copy").click()
    expect(status(page)).to_have_text("Letter copied.")
    assert clipboard(page) == filled(edited, values_for(name))  # ... the letter sent fills them
    button(page, "Done editing").click()
    expect(page.locator(".mdx-letter")).to_contain_text("Dear Ms Rivera, and thank you")
    assert page.errors == []


def test_unfilled_names_in_an_edit_are_announced(tools_page) -> None:
    page = tools_page
    page.goto(PAGES["letters/missed-deadline.md"])
    open_editor(page)
    button(page, "Copy").click()
    expect(status(page)).to_have_text(
        "2 names still to fill: [Client's Name] and [Your Name]. "
        "Fill them in below, or press “Copy anyway”."
    )
    assert page.errors == []


def test_the_to_address_is_checked_and_only_used_in_the_mailto_link(tools_page) -> None:
    page = tools_page
    page.goto(PAGES["letters/missed-deadline.md"])
    open_editor(page)
    to = page.get_by_label("To (optional)")
    to.fill("not an address")
    to.blur()
    expect(page.locator("[data-mdx-to-error]")).to_contain_text(
        "does not look like an email address"
    )
    expect(to).to_have_attribute("aria-invalid", "true")
    assert email_parts(page)[0] == ""
    to.fill("ms.rivera@example.com")
    expect(page.locator("[data-mdx-to-error]")).to_have_text("")
    assert email_parts(page)[0] == "ms.rivera@example.com"
    assert page.errors == []


def test_what_the_reader_types_in_the_editor_stays_text(tools_page) -> None:
    page, name = tools_page, "letters/billing-error.md"
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(PAGES[name])
    area = open_editor(page)
    select_text(area, "Best wishes,")
    page.keyboard.type(f"Best wishes, {INJECTION}")
    detail(page, "Invoice number").get_by_role("textbox").fill(INJECTION)
    detail(page, "Invoice number").get_by_role("button", name="Insert").click()
    button(page, "Done editing").click()
    expect(page.locator(".mdx-letter")).to_contain_text(f"Best wishes, {INJECTION}")
    page.reload()
    expect(page.locator(".mdx-letter")).to_contain_text(f"invoice {INJECTION}.")
    assert page.locator("img[src='x']").count() == 0
    assert dialogs == []
    assert page.errors == []


def test_the_checker_runs_beside_the_editor_on_the_edited_text(tools_page) -> None:
    page = tools_page
    page.goto(PAGES["letters/missed-deadline.md"])
    expect(page.locator("[data-mdx-letter-report]")).to_be_visible()  # built with the page
    area = open_editor(page)
    expect(page.locator("[data-mdx-letter-report]")).to_be_hidden()  # the live one replaces it
    report = page.locator("[data-mdx-editor-report]")
    expect(report.locator(".mdx-check__summary")).not_to_be_empty()
    ours = report.locator(".mdx-check__item--finding", has_text="if you were offended")
    expect(ours).to_have_count(0)
    select_text(area, "I take full responsibility for this oversight.")
    page.keyboard.type("I am sorry if you were offended.")
    expect(ours).to_have_count(1)  # checked as the reader types, after a short pause
    assert ours.get_attribute("data-mdx-rule") == "conditional"
    ours.get_by_role("button").click()
    assert (
        page.evaluate(
            "(() => { const a = document.activeElement; "
            "return a.value.slice(a.selectionStart, a.selectionEnd); })()"
        )
        == "if you were offended"
    )
    assert page.errors == []


def test_the_editor_works_from_the_keyboard(tools_page) -> None:
    page = tools_page
    page.goto(PAGES["letters/billing-error.md"])
    button(page, "Print").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Edit"
    page.keyboard.press("Enter")
    area = page.get_by_label("Your letter", exact=True)
    expect(area).to_be_focused()  # once the editor's code has loaded
    page.keyboard.press("Control+Home")
    page.keyboard.press("End")
    page.keyboard.type(" Thank you.")
    assert area.input_value().startswith("Dear [Client's Name], Thank you.")
    button(page, "Done editing").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".mdx-letter")).to_contain_text("Dear [Client's Name], Thank you.")
    expect(button(page, "Edit")).to_have_attribute("aria-expanded", "false")
    assert page.errors == []


def test_a_detail_goes_after_the_first_paragraph_until_the_cursor_is_placed(tools_page) -> None:
    page = tools_page
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(PAGES["letters/billing-error.md"])
    area = open_editor(page)
    before = area.input_value()
    group = detail(page, "Date of the corrected invoice")
    group.get_by_role("button", name="Insert").click()
    expect(group.get_by_role("textbox")).to_be_focused()
    message = page.locator("[data-mdx-detail-status]")
    expect(message).to_have_text(
        "Fill in “Date of the corrected invoice” first, then press Insert."
    )
    box = message.bounding_box()  # where the reader is looking: on screen
    assert box["y"] >= 0 and box["y"] + box["height"] <= 740
    assert area.input_value() == before

    group.get_by_role("textbox").fill("14 March")
    group.get_by_role("button", name="Insert").click()
    assert area.input_value() == before.replace(
        SENTENCE_AFTER, f"{SENTENCE_AFTER} You will receive the corrected invoice by 14 March."
    )
    assert page.errors == []
