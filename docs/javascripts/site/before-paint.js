/* Before the first paint: the page as it stays once the scripts have run
   after the paint (after-paint.js). Inlined right after the header
   (overrides/main.html), so the header is parsed and little else.

   - `js` for `no-js` on <html>: scripts run here (the bundle's first line).
   - A name for Material's search dialog, which its template leaves unnamed.
   - The colour palette is ours, not the bundle's. Material mounts its toggle
     in its bundle's first task, and there changes the body's palette and
     reads the header's colours, forcing full style recalculations of the
     page: that task was the page's longest (Lighthouse's blocking time
     100-150 ms on long pages, under 50 without it). So the form leaves
     Material (data-mdx-palette for data-md-component), and here it shows
     the palette as Material would: the stored one (Material's inline script
     has applied it), else the first whose media query matches, its option
     checked and the label after it shown. The toggle's behaviour
     (palette.js) loads when the reader reaches for it. The page's colour
     scheme follows in CSS (site.css); the theme colour is the header's, the
     same in both palettes (main.html).
   On letter pages, letter-before-paint.js follows it. */
(() => {
  "use strict";

  document.documentElement.classList.replace("no-js", "js");

  document.querySelector(".md-search[role=dialog]")?.setAttribute("aria-label", "Search");

  const form = document.querySelector("[data-md-component=palette]");
  if (!form) return;
  form.removeAttribute("data-md-component");
  form.dataset.mdxPalette = "";
  const inputs = [...form.querySelectorAll("input")];

  let stored;
  try {
    stored = window.__md_get?.("__palette"); // Material's reader of its storage
  } catch {
    // storage refused: the system's preference, as Material does
  }
  const preferred = inputs.findIndex((input) => matchMedia(input.dataset.mdColorMedia).matches);
  const index = Math.max(0, Math.min(stored?.index ?? preferred, inputs.length - 1)) || 0;
  for (const key of ["media", "scheme", "primary", "accent"]) {
    document.body.setAttribute(`data-md-color-${key}`, inputs[index].getAttribute(`data-md-color-${key}`));
  }
  inputs.forEach((input, at) => {
    input.checked = at === index; // over a state the browser restored
    input.nextElementSibling.hidden = at !== index;
  });

  const src = document.currentScript.dataset.mdxPalette;
  let load = () => {
    load = () => {};
    document.head.append(Object.assign(document.createElement("script"), { src }));
  };
  for (const type of ["pointerover", "touchstart", "focusin", "change"]) form.addEventListener(type, () => load());
})();
