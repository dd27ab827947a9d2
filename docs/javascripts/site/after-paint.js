/* After the first paint: the full stylesheets, then Material's bundle and
   our page scripts. Until then the page is its HTML and the critical CSS
   inlined into it, so nothing but the HTML is requested before the reader
   sees the page. Inlined at the end of <body> (overrides/main.html), after
   the markup it reads:

   - <template data-mdx-after-paint> (written by scripts/render/critical_css.py):
     replaced by its content, the <link rel="stylesheet">s of Material;
   - <template data-mdx-scripts>: its <script src>s run in order, one per
     task. Material's bundle (or Zensical's) starts on DOMContentLoaded; that
     event has passed by then, so it is replayed once, right after the bundle. */
(() => {
  "use strict";

  const root = document.documentElement;
  // "waiting", "running", then "ready" once every script has run: set before
  // the load event, so a test that waits for "ready" never mistakes the
  // moment before the first paint for a page with nothing to run.
  root.dataset.mdxScripts = "waiting";
  const THEME_BUNDLE = /\/assets\/javascripts\/bundle\.[^/]*\.js$/;
  const later = (run) => setTimeout(run); // a task of its own
  let started = false;

  /* One script per task, in order: Lighthouse counts every task over 50 ms
     as blocking, and one task of everything would be one. */
  const run = (sources, index) => {
    if (index === sources.length) {
      root.dataset.mdxScripts = "ready"; // the tests wait for it
      return;
    }
    const script = document.createElement("script");
    for (const { name, value } of sources[index].attributes) script.setAttribute(name, value);
    script.onload = script.onerror = () =>
      later(() => {
        if (THEME_BUNDLE.test(script.src)) document.dispatchEvent(new Event("DOMContentLoaded"));
        later(() => run(sources, index + 1));
      });
    document.body.append(script);
  };

  const start = () => {
    if (started) return;
    started = true;
    for (const styles of document.querySelectorAll("template[data-mdx-after-paint]")) {
      styles.replaceWith(styles.content);
    }
    const scripts = document.querySelector("template[data-mdx-scripts]");
    if (!scripts) {
      root.dataset.mdxScripts = "ready";
      return;
    }
    const sources = [...scripts.content.querySelectorAll("script[src]")];
    scripts.remove();
    root.dataset.mdxScripts = "running";
    // Fetched together, run one after the other: the page is ready sooner.
    for (const source of sources) {
      const href = new URL(source.getAttribute("src"), document.baseURI);
      document.head.append(Object.assign(document.createElement("link"), { rel: "preload", as: "script", href }));
    }
    later(() => run(sources, 0));
  };

  /* "Painted" means on screen: the first-contentful-paint entry is reported
     once its frame is presented; two more frames let the rest of the parsed
     page be presented too (a frame alone is not enough: headless Chromium
     presents it some 40 ms after requestAnimationFrame). A page opened in
     a background tab paints nothing until it is shown, so nothing waits
     for it: it starts at once, and is whole when the reader turns to it.
     One that is shown but reports no first paint (a browser without paint
     timing) starts after 2.5 s. */
  if (document.visibilityState === "hidden") start();
  else setTimeout(start, 2500);
  new PerformanceObserver((list, observer) => {
    if (!list.getEntriesByName("first-contentful-paint").length) return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => later(start)));
  }).observe({ type: "paint", buffered: true });
})();
