/* Personalise: a small form built from the placeholders the letter contains.
   Typing fills the letter live; the values stay on this device only
   (localStorage, one key), so names typed once carry over to every letter.
   Reader input reaches the page only as text (textContent), never as HTML.

   Shared with letter-toolbar.js: each placeholder in the letter becomes a
   span[data-mdx-placeholder] (class mdx-placeholder--filled once filled),
   each input carries data-mdx-field, and every change fires
   "mdx:letter-change" on the letter. */
(() => {
  "use strict";

  const STORAGE_KEY = "mdx-letter-fields";
  const { placeholdersIn, splitPlaceholders } = window.mdxLetterText;
  let memory = {}; // stands in when localStorage is blocked (some private modes)
  let formCount = 0; // keeps input ids unique on the page

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
    } catch {
      // nothing could be stored, so nothing to forget
    }
  };

  /* ------------------------------------------------------------ DOM */
  const element = (tag, properties = {}, children = []) => {
    const node = Object.assign(document.createElement(tag), properties);
    node.append(...children);
    return node;
  };

  const placeholderSpan = (name) => {
    const span = element("span", { className: "mdx-placeholder", textContent: `[${name}]` });
    span.dataset.mdxPlaceholder = name;
    return span;
  };

  /* Wrap each [placeholder] in the letter's text in a span. Search
     highlights (a reader arriving from a search for "client") could split a
     placeholder across nodes, so they are taken out of the letter first. */
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

  const field = (name, id) => {
    const input = element("input", {
      id,
      type: "text",
      name,
      autocomplete: "off", // a browser would offer the reader's own name for the client's
      spellcheck: false,
      maxLength: 200,
      className: "mdx-personalise__input",
    });
    input.dataset.mdxField = name;
    const label = element("label", {
      htmlFor: id,
      className: "mdx-personalise__label",
      textContent: name,
    });
    return element("div", { className: "mdx-personalise__field" }, [label, input]);
  };

  const buildForm = (names) => {
    formCount += 1;
    const fields = names.map((name, index) => field(name, `mdx-field-${formCount}-${index}`));
    const forget = element("button", {
      type: "button",
      className: "md-button mdx-personalise__forget",
      textContent: "Forget my details",
    });
    const status = element("p", { className: "mdx-personalise__status" });
    status.setAttribute("role", "status");
    const form = element("form", { className: "mdx-personalise", noValidate: true }, [
      element("fieldset", { className: "mdx-personalise__fieldset" }, [
        element("legend", {
          className: "mdx-personalise__legend",
          textContent: "Personalise this letter",
        }),
        element("p", {
          className: "mdx-personalise__hint",
          textContent:
            "The letter updates as you type. " +
            "Your details stay in this browser and are never sent anywhere.",
        }),
        element("div", { className: "mdx-personalise__fields" }, fields),
        element("div", { className: "mdx-personalise__footer" }, [forget, status]),
      ]),
    ]);
    return { form, forget, status, inputs: fields.map((node) => node.querySelector("input")) };
  };

  /* Show the values in the letter and in the form: as text, never as markup. */
  const showValues = (letter, inputs, values) => {
    for (const span of letter.querySelectorAll("[data-mdx-placeholder]")) {
      const name = span.dataset.mdxPlaceholder;
      const value = (values[name] ?? "").trim();
      span.textContent = value || `[${name}]`;
      span.classList.toggle("mdx-placeholder--filled", Boolean(value));
      if (value) span.classList.remove("mdx-placeholder--missing");
    }
    for (const input of inputs) {
      const value = values[input.dataset.mdxField] ?? "";
      if (input.value !== value) input.value = value;
      if (value.trim()) input.removeAttribute("aria-invalid");
    }
    letter.dispatchEvent(new CustomEvent("mdx:letter-change"));
  };

  const guard = (handler) => (event) => {
    try {
      handler(event);
    } catch (error) {
      console.error("letter-personalise:", error);
    }
  };

  const personalise = (letter) => {
    letter.dataset.mdxPersonalised = "";
    const names = placeholdersIn(letter.textContent);
    if (!names.length) return;
    markPlaceholders(letter);
    const { form, forget, status, inputs } = buildForm(names);
    // Above the letter, and above its toolbar if that is already there.
    const toolbar = letter.previousElementSibling;
    (toolbar?.matches(".mdx-letter-actions") ? toolbar : letter).before(form);

    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener(
      "input",
      guard((event) => {
        const name = event.target.dataset?.mdxField;
        if (name === undefined) return;
        const values = { ...readValues(), [name]: event.target.value };
        writeValues(values);
        status.textContent = "";
        showValues(letter, inputs, values);
      }),
    );
    forget.addEventListener(
      "click",
      guard(() => {
        forgetValues();
        showValues(letter, inputs, {});
        status.textContent = "Your details are forgotten on this device.";
      }),
    );
    showValues(letter, inputs, readValues());
  };

  const run = guard(() => {
    const selector = ".md-content .mdx-letter:not([data-mdx-personalised])";
    document.querySelectorAll(selector).forEach(personalise);
  });

  // Material's document$ emits on the first load and after every instant navigation.
  if (window.document$?.subscribe) window.document$.subscribe(run);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
