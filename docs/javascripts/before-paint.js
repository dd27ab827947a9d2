/* Before the first paint: the page as Material's bundle will leave it, so
   nothing changes when the bundle runs after the paint (after-paint.js).
   Inlined right after the header (overrides/main.html).

   - `js` for `no-js` on <html>: scripts run here (the bundle's first line).
   - The colour palette: Material's own inline script applies a palette the
     reader chose; the one their system prefers, and the toggle showing the
     other one, are the bundle's first steps, done here as it does them
     (components/palette: the stored index, else the first option whose
     media query matches; the label after that option shown), so a reader
     in dark mode never sees the page light first, and the toggle never
     appears late. */
(() => {
  "use strict";

  document.documentElement.classList.replace("no-js", "js");

  const inputs = [...document.querySelectorAll("[data-md-component=palette] input")];
  let stored;
  try {
    stored = window.__md_get?.("__palette"); // Material's reader of its storage
  } catch {
    // storage refused: the system's preference, as Material does
  }
  const index = Math.max(
    0,
    Math.min(stored ? stored.index : inputs.findIndex((input) => matchMedia(input.dataset.mdColorMedia).matches), inputs.length - 1),
  );
  inputs.forEach((input, at) => {
    if (at === index && !stored) {
      for (const key of ["media", "scheme", "primary", "accent"]) {
        const value = input.getAttribute(`data-md-color-${key}`);
        if (value !== null) document.body.setAttribute(`data-md-color-${key}`, value);
      }
    }
    if (input.nextElementSibling instanceof HTMLLabelElement) input.nextElementSibling.hidden = at !== index;
  });
})();
