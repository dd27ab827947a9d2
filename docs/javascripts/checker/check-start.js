/* The checker's page stays light until the reader reaches for the checker.
   Its code (checker.js, with the language library it reads sentences with)
   is some 150 KB gzip and, the first time, a quarter of a second of a fast
   CPU's work; a phone's is several times that, and the page would not
   answer meanwhile. So it loads, with the page's own script (check.js),
   when the reader reaches for the checker: a pointer over it, a touch, a key
   or focus inside it, or a draft already in the box: the browser restores
   one on going back, else it is the one this browser keeps (under
   mdx.key(DRAFT); apology-check-page.js keeps it), put back as text. Until
   then the page is its text and the checker as rendered
   (overrides/partials/mdx-checker.html); what the reader types meanwhile
   is checked as soon as the code runs, and a press of "Load example" made
   meanwhile is made again then. The addresses come from the template
   (data-mdx-check-src). */
mdx.module("check-start", [], () => {
  "use strict";

  const REACHING = ["pointerover", "pointerdown", "focusin", "keydown"];
  const DRAFT = "mdx-check-draft";

  const attach = (root) => {
    let pressed = null; // the example button, if pressed before the code ran
    const remember = (event) => {
      if ("mdxCheckReady" in root.dataset) return; // the page's script has it
      pressed = event.target.closest("[data-mdx-check-load]") ?? pressed;
    };
    const start = () => {
      for (const type of REACHING) root.removeEventListener(type, start);
      Promise.all(root.dataset.mdxCheckSrc.split(" ").map(mdx.load))
        .then(() => pressed?.click())
        .catch((error) => {
          console.warn("checker:", error);
          root.querySelector("[data-mdx-check-status]").textContent =
            "The checker could not load. Check your connection, then reload the page.";
        })
        .finally(() => root.removeEventListener("click", remember));
    };
    root.addEventListener("click", remember);
    for (const type of REACHING) root.addEventListener(type, start, { passive: true });
    const draft = root.querySelector("[data-mdx-check-draft]");
    try {
      draft.value ||= localStorage.getItem(mdx.key(DRAFT)) ?? "";
    } catch {
      // nothing kept here
    }
    if (draft.value) start();
  };

  mdx.mount("[data-mdx-check]", attach);
  return Object.freeze({ DRAFT });
});
