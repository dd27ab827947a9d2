/* Letter pages only, inlined after before-paint.js (overrides/main.html):
   - On a letter with two versions (data-mdx-page names it), the one this
     browser chose (letter-version.js keeps it), before either is drawn:
     letter.css shows ours, revised with the guide's tips, unless <html>
     says the original.
   - No press on the letter's tools is lost while their code is on its way. */
(() => {
  "use strict";

  const page = document.currentScript.dataset.mdxPage;
  try {
    // Kept per site, as mdx.key names it: the site's root is as many levels up as the page is deep.
    const site = page && new URL(page.replace(/[^/]+/g, ".."), location).pathname;
    if (page && JSON.parse(localStorage.getItem(`mdx-letter-version:${site}`))?.[page] === "original") {
      document.documentElement.dataset.mdxLetterVersion = "original";
    }
  } catch {
    // nothing kept, or storage refused: ours
  }

  /* The letter's tools are on screen from the first paint, their code a
     few seconds later on a slow phone. A press (tap, click, or Enter or
     Space, which click) on a button, link, checkbox or radio inside [data-mdx-hold]
     before then is held, one per control, and pressed again once, when its
     code is wired: the page's scripts have run (after-paint.js: "ready")
     and no [data-mdx-unwired] holds it, a mark the module loaded later that
     wires it removes. Held, it does nothing else (no link followed, no box
     ticked); a tap's user activation, which Copy's clipboard needs outside
     Chromium, lasts about 5 s. */
  const root = document.documentElement;
  const held = new Set();
  const unwired = (control) => root.dataset.mdxScripts !== "ready" || control.closest("[data-mdx-unwired]");
  const HELD = "[data-mdx-hold] :is(button, a[href], [type=checkbox], [type=radio])";
  addEventListener("click", (event) => {
    const control = event.target.closest?.(HELD);
    if (!control || !unwired(control)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    held.add(control);
  }, true);
  new MutationObserver(() => {
    for (const control of held) {
      if (unwired(control)) continue;
      held.delete(control);
      control.click();
    }
  }).observe(root, { subtree: true, attributeFilter: ["data-mdx-scripts", "data-mdx-unwired"] });
})();
