/* The palette toggle's behaviour, loaded when the reader reaches for the
   toggle (before-paint.js took the toggle from Material's bundle and shows
   the palette the page opens with). It does what Material's does: a choice
   sets the body's palette, shows the label of the other option, and is
   stored where Material's inline script reads it on the next page; Enter
   picks the next palette. A choice made before this arrived (a quick tap)
   is applied at once. A plain script: the reader may reach for the toggle
   before our modules' loader runs. */
(() => {
  "use strict";

  const form = document.querySelector("[data-mdx-palette]");
  if (!form || form.mdxPalette) return;
  form.mdxPalette = true;
  const body = document.body;
  const inputs = [...form.querySelectorAll("input")];
  let current = inputs.findIndex((input) => !input.nextElementSibling.hidden);

  const choose = (index) => {
    const color = {};
    body.setAttribute("data-md-color-switching", ""); // no transitions while the colours change
    for (const key of ["media", "scheme", "primary", "accent"]) {
      body.setAttribute(`data-md-color-${key}`, (color[key] = inputs[index].getAttribute(`data-md-color-${key}`)));
    }
    inputs.forEach((input, at) => (input.nextElementSibling.hidden = at !== index));
    current = index;
    window.__md_set?.("__palette", { index, color }); // Material's writer: never throws
    setTimeout(() => body.removeAttribute("data-md-color-switching"), 100);
  };

  form.addEventListener("change", (event) => choose(inputs.indexOf(event.target)));
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault(); // Enter on a radio button would submit the form
    const next = inputs[(current + 1) % inputs.length];
    next.click();
    next.focus();
  });
  const chosen = inputs.findIndex((input) => input.checked);
  if (chosen !== current) choose(chosen);
})();
