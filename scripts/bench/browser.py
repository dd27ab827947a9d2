"""Weight and accessibility of a page as Chromium loads it, through Playwright.

Each load gets a fresh browser context (an empty cache), one viewport and one
colour scheme. Requests to any host but the local server are aborted and
listed as third-party; the local server says what it sent (Chromium does not
report the search worker's requests to the page). Then axe-core, from the
pinned node_modules, lists the rules the page violates.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from scripts.bench.server import AnsweringServer, base_url

AXE_SCRIPT = Path("node_modules/axe-core/axe.min.js")
RUN_AXE = """tags => axe.run(document, {
  runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]
}).then(results => results.violations.map(violation => violation.id).sort())"""
# Plain Material's toggle, or ours (docs/javascripts/site/before-paint.js runs it).
PALETTE_TOGGLE = ":is(form[data-md-component=palette], form[data-mdx-palette]) label:not([hidden])"
SCHEME_NOW = "document.body.getAttribute('data-md-color-scheme')"
# True once the page's scripts have run. They start after the first paint
# (docs/javascripts/site/after-paint.js), often after the load event: it marks
# <html data-mdx-scripts> "waiting" while the page is parsed, "ready" at the
# end. A page without the mark (plain Material's, or scripts off) has nothing
# to wait for. A function, not an expression: Playwright evaluates a polled
# expression with eval, which the pages' CSP refuses.
SCRIPTS_RAN = """() => {
  if (document.readyState === "loading") return false; // the mark is not read yet
  const state = document.documentElement.dataset.mdxScripts;
  return state === undefined || state === "ready";
}"""


@dataclass
class Load:
    """One page loaded at one width in one scheme."""

    viewport: str
    scheme: str
    requests: int = 0
    bytes: int = 0
    html_bytes: int = 0  # the page's own response, headers included
    third_party: list[str] = field(default_factory=list)
    scheme_shown: str = ""
    axe: list[str] = field(default_factory=list)  # ids of the rules violated

    def as_dict(self) -> dict:
        return asdict(self)


def launch(playwright: object, settings: dict) -> object:
    return playwright.chromium.launch(
        executable_path=settings["chromium"],
        headless=True,
        args=[flag for flag in settings["chromium_flags"] if flag != "--headless=new"],
    )


def abort_third_party(local_hosts: list[str], third_party: list[str]):
    def route(route: object) -> None:
        if urlsplit(route.request.url).hostname in local_hosts:
            route.continue_()
        else:
            third_party.append(route.request.url)
            route.abort()

    return route


def load_page(
    browser: object,
    server: AnsweringServer,
    url_path: str,
    viewport: str,
    scheme: str,
    settings: dict,
    axe_source: str,
) -> Load:
    """Load url_path from server in a fresh context and measure it."""
    load = Load(viewport, scheme)
    context = browser.new_context(
        viewport=settings["viewports"][viewport],
        color_scheme="dark" if scheme == "dark" else "light",
        bypass_csp=True,  # axe-core is injected as an inline script, which the pages' CSP refuses
    )
    try:
        context.route("**/*", abort_third_party(settings["local_hosts"], load.third_party))
        page = context.new_page()
        server.take_answers()  # forget anything answered before this load
        page.goto(base_url(server) + url_path, wait_until="networkidle")
        wait_for_scripts(page)
        answered = server.take_answers()
        load.requests = len(answered)
        load.bytes = sum(answer.bytes for answer in answered)
        load.html_bytes = next((a.bytes for a in answered if a.path == url_path), 0)
        load.scheme_shown = show_scheme(page, settings["schemes"][scheme])
        page.add_script_tag(content=axe_source)
        load.axe = page.evaluate(RUN_AXE, settings["axe_tags"])
    finally:
        context.close()
    return load


def wait_for_scripts(page: object, timeout_ms: int = 15_000) -> None:
    # Asked every 25 ms: polling on every animation frame (Playwright's
    # default) keeps the page drawing frames, CPU taken from the page itself.
    page.wait_for_function(SCRIPTS_RAN, polling=25, timeout=timeout_ms)


def show_scheme(page: object, wanted: str) -> str:
    """Material follows the emulated preference; if not, press its toggle once."""
    from playwright.sync_api import Error

    if page.evaluate(SCHEME_NOW) != wanted and page.locator(PALETTE_TOGGLE).count():
        try:
            page.locator(PALETTE_TOGGLE).first.click(timeout=2000)
            page.wait_for_function(f"{SCHEME_NOW} === {wanted!r}", timeout=2000)
        except Error:
            pass  # recorded as the scheme shown, for the reader of the JSON to see
    return page.evaluate(SCHEME_NOW) or ""
