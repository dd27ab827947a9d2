/* The names in the letter: each [placeholder] filled with the name kept in
   this browser (letter-store.js; names carry over to every letter), here
   and as soon as another tab changes them or the reader types one in "Names
   and details" (kept and shown at once, before the rest of the form,
   letter-form.js, has arrived), and the count of those still to fill.
   Reader input reaches the page only as text.

   Shared with the other letter modules: each placeholder in the letter
   becomes a span[data-mdx-placeholder] (class mdx-placeholder--filled once
   filled), and every change fires "mdx:letter-change" on the letter; they
   fire "mdx:letter-refresh" to have the letter shown again. */
mdx.module("letter-personalise", ["letter-text", "letter-store"], (letterText, store) => {
  "use strict";

  const { countNames, splitPlaceholders } = letterText;

  const textNodes = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return nodes;
  };

  /* Wrap each [placeholder] in the letter's text in a span (same text, so
     nothing moves). Search highlights could split a placeholder across
     nodes, so they are taken out of the letter first. */
  const markPlaceholders = (letter) => {
    for (const mark of letter.querySelectorAll("mark[data-md-highlight]")) mark.replaceWith(...mark.childNodes);
    letter.normalize();
    for (const node of textNodes(letter)) {
      const pieces = splitPlaceholders(node.data);
      if (pieces.every((piece) => piece.name === undefined)) continue;
      node.replaceWith(...pieces.map(({ name, text }) => {
        if (name === undefined) return text;
        const span = Object.assign(document.createElement("span"), { className: "mdx-placeholder" });
        span.dataset.mdxPlaceholder = name;
        return span;
      }));
    }
  };

  const personalise = (tools) => {
    const letter = tools.parentElement.querySelector(".mdx-letter");
    markPlaceholders(letter);

    /* The names, in the letter and the count: as text only. */
    const show = () => {
      const names = store.names();
      const open = new Set();
      for (const span of letter.querySelectorAll("[data-mdx-placeholder]")) {
        const name = span.dataset.mdxPlaceholder;
        const value = names[name]?.trim();
        span.textContent = value || `[${name}]`;
        span.classList.toggle("mdx-placeholder--filled", Boolean(value));
        if (value) span.classList.remove("mdx-placeholder--missing");
        else open.add(name);
      }
      tools.querySelector("[data-mdx-count]").textContent = open.size ? `${countNames(open.size)} still to fill` : "all filled";
      letter.dispatchEvent(new CustomEvent("mdx:letter-change"));
    };

    /* Captured before letter-form.js hears the input, so the form finds it kept. */
    const typed = ({ target: { dataset, value } }) => {
      if (dataset.mdxField === undefined) return;
      store.set("names", { ...store.names(), [dataset.mdxField]: value });
      show();
    };

    tools.addEventListener("input", typed, true);
    // The form, arriving after this (letter-loader.js), shows the names kept.
    tools.addEventListener("mdx:names-ready", () => {
      const names = store.names();
      for (const input of tools.querySelectorAll("[data-mdx-field]")) input.value ||= names[input.dataset.mdxField] ?? "";
    });
    store.listen(show);
    letter.addEventListener("mdx:letter-refresh", show);
    show();
  };

  mdx.mount(".md-content [data-mdx-tools]", personalise);
  return Object.freeze({ textNodes });
});
