"""The first paint in Chromium: nothing but the HTML is requested before it;
the CSS inlined into each page (scripts/render/critical_css.py) styles every
element exactly as Material's full stylesheets do, so nothing changes when
they arrive; a reader whose system is dark sees the page dark from the first
paint; the home page's largest paint is its title or lead, not the photo's
box. (Material working after it, with its replayed DOMContentLoaded, is
what test_csp.py uses: search, the palette, the editor, the checker.)"""

from __future__ import annotations

import pytest

from scripts.render.critical_css import settings
from tests.browser.audit import EVERY_PAGE, SCHEMES, WIDTHS

UNRENDERED = settings()["unrendered"]

pytestmark = pytest.mark.browser

FIRST_PAINT = """
window.mdxFirstPaint = new Promise((resolve) => new PerformanceObserver((list, observer) => {
  const paint = list.getEntriesByName("first-contentful-paint")[0];
  if (!paint) return;
  observer.disconnect();
  resolve({
    at: paint.startTime,
    scheme: document.body.dataset.mdColorScheme,
    toggle: [...document.querySelectorAll("form[data-mdx-palette] label")]
      .filter((label) => !label.hidden).map((label) => label.title),
  });
}).observe({ type: "paint", buffered: true }));
"""

REQUESTED = """() => performance.getEntriesByType("resource")
  .filter((entry) => entry.initiatorType !== "img")
  .map((entry) => [entry.name.split("/").pop(), entry.startTime])"""

# Every element's computed style (and its ::before and ::after), as text, with
# Material's stylesheets in the page, then without them: the differences. What
# the first paint does not draw (critical-css.yml's `unrendered`: a folded
# <details>'s content) has only the full stylesheets' styles.
# Scripts are off, so nothing but CSS changes between the two; the page is put
# as before-paint.js puts it (the `js` class, the reader's scheme).
STYLE_DIFFERENCES = """([dark, unrendered]) => {
  document.documentElement.classList.replace("no-js", "js");
  if (dark) document.body.dataset.mdColorScheme = "slate";
  const elements = [...document.querySelectorAll("body *")]
    .filter((node) => !node.closest(["script, style, template, noscript", ...unrendered].join()));
  const skip = /^(--|transition|animation|will-change)/;
  const styleOf = (node) => {
    const style = getComputedStyle(node);
    const values = [...style].filter((name) => !skip.test(name))
      .map((name) => `${name}:${style.getPropertyValue(name)}`);
    for (const pseudo of ["::before", "::after"]) {
      const part = getComputedStyle(node, pseudo);
      values.push(`${pseudo}:${part.content}|${part.display}|${part.width}|${part.height}|` +
        `${part.backgroundColor}|${part.color}|${part.maskImage}`);
    }
    return values;
  };
  const full = elements.map(styleOf);
  document.querySelectorAll("noscript link[rel=stylesheet]").forEach((link) => link.remove());
  const differences = [];
  elements.forEach((node, index) => {
    const inlined = styleOf(node);
    const changed = inlined.filter((value, at) => value !== full[index][at]);
    if (changed.length) {
      const name = `${node.tagName.toLowerCase()}.${String(node.className).split(" ")[0]}`;
      differences.push(`${name}: ${changed.slice(0, 3).join("; ")}`);
    }
  });
  return { elements: elements.length, differences: differences.slice(0, 10).map((d) => d.slice(0, 400)) };
}"""


# A context's routes turn its HTTP cache off, so each page of a context
# shared by the page types below loads as a first visit does.


@pytest.fixture(name="phone_watching_the_first_paint", scope="module")
def fixture_phone_watching_the_first_paint(browser, base_url: str):
    context = browser.new_context(base_url=base_url, viewport=WIDTHS["phone"])
    context.add_init_script(FIRST_PAINT)
    context.route("https://**", lambda route: route.abort())
    yield context
    context.close()


@pytest.mark.parametrize("page_type", EVERY_PAGE)
def test_nothing_but_the_html_is_requested_before_the_first_paint(
    phone_watching_the_first_paint, page_type
) -> None:
    page = phone_watching_the_first_paint.new_page()
    page.goto(EVERY_PAGE[page_type])
    painted = page.evaluate("window.mdxFirstPaint")
    requested = page.evaluate(REQUESTED)
    page.close()
    assert [name for name, _ in requested if name.endswith(".css")], "the stylesheets never came"
    assert [name for name, started in requested if started < painted["at"]] == []


@pytest.fixture(name="scripts_off", scope="module")
def fixture_scripts_off(browser, base_url: str):
    """A context at each width with scripts off: <noscript> brings the full
    stylesheets, and motion is reduced (no transition between the two)."""
    contexts = {}
    for width, viewport in WIDTHS.items():
        contexts[width] = browser.new_context(
            base_url=base_url, viewport=viewport, java_script_enabled=False, reduced_motion="reduce"
        )
        contexts[width].route("https://**", lambda route: route.abort())
    yield contexts
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page_type", EVERY_PAGE)
def test_the_inlined_css_styles_the_page_as_the_full_stylesheets_do(
    scripts_off, page_type, width
) -> None:
    page = scripts_off[width].new_page()
    for scheme in SCHEMES:
        page.goto(EVERY_PAGE[page_type])
        found = page.evaluate(STYLE_DIFFERENCES, [scheme == "dark", UNRENDERED])
        assert found["elements"] > 100
        assert found["differences"] == [], scheme
    page.close()


@pytest.mark.parametrize("page_type", ["home", "letter"])
def test_a_reader_in_dark_mode_sees_the_page_dark_from_the_first_paint(
    browser, base_url, page_type
) -> None:
    context = browser.new_context(base_url=base_url, color_scheme="dark")
    context.add_init_script(FIRST_PAINT)
    context.route("https://**", lambda route: route.abort())
    page = context.new_page()
    page.goto(EVERY_PAGE[page_type])
    painted = page.evaluate("window.mdxFirstPaint")
    assert painted["scheme"] == "slate"
    assert painted["toggle"] == ["Switch to light mode"]
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"  # Material agrees
    context.close()


LARGEST_PAINT = """() => new Promise((resolve) => new PerformanceObserver((list) => {
  const node = list.getEntries().at(-1).element;
  resolve(node ? `${node.tagName.toLowerCase()}.${node.className}` : "");
}).observe({ type: "largest-contentful-paint", buffered: true }))"""


@pytest.mark.parametrize("width", WIDTHS)
def test_the_home_pages_largest_paint_is_its_title_or_lead_not_the_photo_box(
    browser, base_url, width
) -> None:
    context = browser.new_context(base_url=base_url, viewport=WIDTHS[width])
    context.route("https://**", lambda route: route.abort())  # no photo, as in Lighthouse
    page = context.new_page()
    page.goto(EVERY_PAGE["home"])
    assert page.evaluate(LARGEST_PAINT) in {"h1.", "p.mdx-lead"}
    context.close()


# A background tab, as Chromium has one: hidden, and painting nothing until
# it is shown (headless pages are always visible, so both are emulated). The
# page's scripts' state is noted when its HTML has been read.
IN_A_BACKGROUND_TAB = """
Object.defineProperty(Document.prototype, "visibilityState", { get: () => "hidden" });
Object.defineProperty(Document.prototype, "hidden", { get: () => true });
const Observer = window.PerformanceObserver;
window.PerformanceObserver = class extends Observer {
  observe(options) { if (options?.type !== "paint") super.observe(options); }
};
"""
STATE_WHEN_READ = """
document.addEventListener("DOMContentLoaded", () => {
  window.mdxScriptsWhenRead = document.documentElement.dataset.mdxScripts;
});
"""


@pytest.mark.parametrize("tab", ["background", "front"])
def test_a_page_opened_in_a_background_tab_starts_its_scripts_at_once(
    browser, base_url, tab: str
) -> None:
    """In front, the scripts wait for the first paint; in a background tab
    there is none to wait for, and the page is whole when the reader turns
    to it (not 2.5 s later)."""
    context = browser.new_context(base_url=base_url)
    if tab == "background":
        context.add_init_script(IN_A_BACKGROUND_TAB)
    context.add_init_script(STATE_WHEN_READ)
    context.route("https://**", lambda route: route.abort())
    page = context.new_page()
    page.goto(EVERY_PAGE["letter"], wait_until="commit")
    page.wait_for_function("() => window.mdxScriptsWhenRead !== undefined")
    when_read = page.evaluate("window.mdxScriptsWhenRead")
    assert when_read == ("running" if tab == "background" else "waiting")
    page.wait_for_function("() => document.documentElement.dataset.mdxScripts === 'ready'")
    assert page.evaluate("document.visibilityState") == (
        "hidden" if tab == "background" else "visible"
    )
    context.close()
