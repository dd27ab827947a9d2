/* Names: the form rendered with the letter page (overrides/partials/
   mdx-letter-tools.html), brought to life. Typing fills the letter live; the
   values stay on this device only (localStorage, one key), so names typed
   once carry over to every letter. Reader input reaches the page only as
   text (textContent), never as HTML.

   Shared with letter-toolbar.js: each placeholder in the letter becomes a
   span[data-mdx-placeholder] (class mdx-placeholder--filled once filled),
   and every change fires "mdx:letter-change" on the letter. The editor
   (letter-editor.js) adds spans of its own and fires "mdx:letter-refresh"
   to have them filled. */
mdx.module("letter-personalise", ["letter-text"], (letterText) => {
  "use strict";

  const STORAGE_KEY = "mdx-letter-fields";
  const EDITOR_KEY = "mdx-letter-editor"; // letter-editor.js: edits, To, the date choice
  const { countNames, splitPlaceholders } = letterText;
  let memory = {}; // stands in when localStorage is blocked (some private modes)

  /* ------------------------------------------------------------ storage */
  const readValues = () => {
    try {
      const stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "{}");
      if (stored && typeof stored === "object" && !Array.isArray(stored)) {
        return Object.fromEntries(
          Object.entries(stored).filter(([, value]) => typeof value === "string"),
        );
      }
    } catch {
      // blocked or unreadable storage: this page's memory is all there is
    }
    return { ...memory };
  };

  const writeValues = (values) => {
    memory = { ...values };
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(values));
    } catch {
      // blocked or full: the values last until the tab closes
    }
  };

  const forgetValues = () => {
    memory = {};
    try {
      window.localStorage.removeItem(STORAGE_KEY);
      window.localStorage.removeItem(EDITOR_KEY);
    } catch {
      // nothing could be stored, so nothing to forget
    }
  };

  /* ------------------------------------------------------------ the letter */
  const placeholderSpan = (name) => {
    const span = document.createElement("span");
    span.className = "mdx-placeholder";
    span.textContent = `[${name}]`;
    span.dataset.mdxPlaceholder = name;
    return span;
  };

  /* Wrap each [placeholder] in the letter's text in a span (same text, so
     nothing moves). Search highlights could split a placeholder across
     nodes, so they are taken out of the letter first. */
  const markPlaceholders = (letter) => {
    for (const mark of letter.querySelectorAll("mark[data-md-highlight]")) {
      mark.replaceWith(...mark.childNodes);
    }
    letter.normalize();
    const walker = document.createTreeWalker(letter, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const pieces = splitPlaceholders(node.data);
      if (!pieces.some((piece) => piece.name !== undefined)) continue;
      node.replaceWith(
        ...pieces.map((piece) =>
          piece.name === undefined
            ? document.createTextNode(piece.text)
            : placeholderSpan(piece.name),
        ),
      );
    }
  };

  /* Show the values in the letter, the form and the count: as text only. */
  const showValues = (tools, letter, values) => {
    const open = new Set();
    for (const span of letter.querySelectorAll("[data-mdx-placeholder]")) {
      const name = span.dataset.mdxPlaceholder;
      const value = (values[name] ?? "").trim();
      span.textContent = value || `[${name}]`;
      span.classList.toggle("mdx-placeholder--filled", Boolean(value));
      if (value) span.classList.remove("mdx-placeholder--missing");
      else open.add(name);
    }
    for (const input of tools.querySelectorAll("[data-mdx-field]")) {
      const value = values[input.dataset.mdxField] ?? "";
      if (input.value !== value) input.value = value;
      if (value.trim()) input.removeAttribute("aria-invalid");
    }
    const count = tools.querySelector("[data-mdx-count]");
    if (count) count.textContent = open.size ? `${countNames(open.size)} still to fill` : "all filled";
    letter.dispatchEvent(new CustomEvent("mdx:letter-change"));
  };

  const guard = (handler) => (event) => {
    try {
      handler(event);
    } catch (error) {
      console.error("letter-personalise:", error);
    }
  };

  const personalise = (tools) => {
    const letter = tools.parentElement.querySelector(".mdx-letter");
    if (!letter) return;
    markPlaceholders(letter);
    const form = tools.querySelector("[data-mdx-names-form]");
    const status = tools.querySelector("[data-mdx-status]");

    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener(
      "input",
      guard((event) => {
        const name = event.target.dataset?.mdxField;
        if (name === undefined) return;
        writeValues({ ...readValues(), [name]: event.target.value });
        showValues(tools, letter, readValues());
      }),
    );
    tools.querySelector("[data-mdx-forget]").addEventListener(
      "click",
      guard(() => {
        forgetValues();
        showValues(tools, letter, {});
        letter.dispatchEvent(new CustomEvent("mdx:forget"));
        status.textContent = "Your details are forgotten on this device.";
      }),
    );
    letter.addEventListener("mdx:letter-refresh", guard(() => showValues(tools, letter, readValues())));
    showValues(tools, letter, readValues());
  };

  mdx.mount(".md-content [data-mdx-tools]", personalise);
});
