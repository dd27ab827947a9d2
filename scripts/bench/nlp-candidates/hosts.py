"""Can each candidate bundle run where the checker runs? (called by compare.mjs)

1. Bare V8 through mini-racer, as scripts/apology/engine.py runs the checker:
   the bundle as a plain script with no Node APIs, first with nothing added,
   then (if that fails) with `self` and `window` defined as the project does.
2. Chromium under a Content-Security-Policy of `script-src 'self'` (no
   unsafe-eval, no inline script): a page served on 127.0.0.1 loads the bundle
   and tags two sentences; any CSP violation or page error counts as a failure.

    .venv/bin/python hosts.py DIST_DIR   ->  JSON {library: {"v8": ..., "csp": ...}}
"""

from __future__ import annotations

import json
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

from playwright.sync_api import sync_playwright
from py_mini_racer import MiniRacer

SAMPLE = "Your refund was sent today. We did not call you."

# What each library must say about SAMPLE: two sentences, and (where it has
# one) a passive.
PROBES = {
    "compromise": (
        "compromise.js",
        """(() => { const doc = nlp(%s);
          return JSON.stringify([doc.sentences().length, doc.has('#Passive')]); })()""",
        "[2,true]",
    ),
    "wink": (
        "wink.js",
        """(() => { const n = winkBundle.winkNLP(winkBundle.model);
          return JSON.stringify([n.readDoc(%s).sentences().length(), true]); })()""",
        "[2,true]",
    ),
    "retext": (
        "retext.js",
        """(() => { const b = retextBundle;
          const p = b.unified().use(b.retextEnglish).use(b.retextPos).use(b.retextPassive).use(b.retextStringify);
          const file = p.processSync(%s);
          return JSON.stringify([p.parse(%s).children[0].children.filter((c) => c.type === 'SentenceNode').length,
            file.messages.length > 0]); })()""",
        "[2,true]",
    ),
}
# Two things a browser has and bare V8 lacks: the global's browser names, and
# atob (base64 to a binary string), written here in a few lines.
SHIMS = {
    "": "",
    "`self`": "var self = globalThis, window = globalThis;",
    "`self` and `atob`": """var self = globalThis, window = globalThis;
var atob = (text) => {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let bits = 0, count = 0, out = '';
  for (const ch of text.replace(/[=\\s]/g, '')) {
    bits = (bits << 6) | digits.indexOf(ch); count += 6;
    if (count >= 8) { count -= 8; out += String.fromCharCode((bits >> count) & 255); }
  }
  return out;
};""",
}


def probe_source(name: str) -> str:
    template = PROBES[name][1]
    return template.replace("%s", json.dumps(SAMPLE))


def in_v8(dist: Path, name: str) -> str:
    bundle, _, expected = PROBES[name]
    source = (dist / bundle).read_text(encoding="utf-8")
    for label, shim in SHIMS.items():
        ctx = MiniRacer()
        try:
            ctx.eval(shim)
            ctx.eval(source)
            got = ctx.eval(probe_source(name))
        except Exception as error:  # noqa: BLE001 - any failure is the finding
            got = f"error: {type(error).__name__}: {str(error).splitlines()[0][:80]}"
        finally:
            ctx.close()
        if got == expected:
            return "yes" if not shim else f"yes, given {label}"
    return f"no ({got})"


PAGE = """<!doctype html><meta charset="utf-8"><title>pending</title>
<script src="/listen.js"></script><script src="/{bundle}"></script><script src="/probe-{name}.js"></script>"""
LISTEN = """window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"""


class Handler(SimpleHTTPRequestHandler):
    pages: ClassVar[dict[str, str]] = {}

    def end_headers(self):
        self.send_header(
            "Content-Security-Policy", "script-src 'self'; object-src 'none'; base-uri 'none'"
        )
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self):
        path = self.path.split("?")[0]
        if path in self.pages:
            body = self.pages[path].encode()
            self.send_response(200)
            self.send_header(
                "Content-Type", "text/html" if path.endswith(".html") else "text/javascript"
            )
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            super().do_GET()

    def log_message(self, *args):
        pass


def in_chromium(dist: Path) -> dict[str, str]:
    Handler.pages = {"/listen.js": LISTEN}
    for name, (bundle, _, _expected) in PROBES.items():
        Handler.pages[f"/{name}.html"] = PAGE.format(bundle=bundle, name=name)
        Handler.pages[f"/probe-{name}.js"] = f"document.title = {probe_source(name)};"
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(dist)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    results = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                ],
            )
            for name, (_, _, expected) in PROBES.items():
                page = browser.new_page()
                errors = []
                page.on("pageerror", lambda e, errors=errors: errors.append(str(e)[:80]))
                page.goto(f"http://127.0.0.1:{server.server_port}/{name}.html", wait_until="load")
                violations = page.evaluate("window.__violations")
                title = page.title()
                if title == expected and not violations and not errors:
                    results[name] = "yes"
                else:
                    results[name] = f"no ({'; '.join(violations + errors) or title})"
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return results


def main() -> None:
    dist = Path(sys.argv[1])
    csp = in_chromium(dist)
    print(json.dumps({name: {"v8": in_v8(dist, name), "csp": csp[name]} for name in PROBES}))


if __name__ == "__main__":
    main()
