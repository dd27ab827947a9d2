/* "Names and details" (overrides/partials/mdx-letter-tools.html) brought to
   life: the names, the letter's details, the client's email and "Forget my
   details". Loaded by letter-loader.js when the reader opens the form (or
   at once when this browser keeps details or an address); what was typed
   before it arrived is taken as typed.

   The names fill the letter's [placeholders] (letter-personalise.js keeps
   and shows them as they are typed, before this module arrives). A
   detail's sentence, with the reader's value, joins the letter right after
   the words its `after` names (found once in the letter: `make check`
   validates it; across bold or a link too), and the line under the field
   shows it as it will read.
   Names carry over to every letter, details are kept per letter, the
   address for all (letter-store.js); a browser that will not keep them
   says so once, where the reader is typing. Reader input is only ever text.

   A detail's change fires "mdx:detail-change" ({before, sentence, after,
   placed}) on the letter: the editor (letter-editor.js) changes the
   reader's own version with it, or sets placed to false, and the line under
   the field then says so. Forget fires "mdx:forget". */
mdx.module("letter-form", ["letter-store", "letter-save", "letter-personalise"], (store, save, personalise) => {
  "use strict";

  const { textNodes } = personalise;
  const UNKEPT =
    "This browser is not keeping what you type: it is lost when you leave this page. " +
    "Copy, email or download your letter before you go.";

  /* A detail's sentence with the value typed, or "" without one. */
  const sentenceOf = (input, value = input.value) =>
    value.trim() ? input.dataset.mdxSentence.split("{value}").join(value.trim()) : "";

  const BLOCK = /^(?:P|LI|DIV|BLOCKQUOTE|H[1-6]|TD|TH|DD|DT)$/;
  const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  /* Where the words `after` end in the letter, found across its inline
     markup ("the **billing error** you") and line breaks: [text node,
     offset], or null. */
  const endOf = (letter, after) => {
    const nodes = textNodes(letter);
    const words = after.trim().split(/\s+/).map(escaped).join("\\s+");
    const found = words && new RegExp(words).exec(nodes.map((node) => node.data).join(""));
    if (!found) return null;
    let end = found.index + found[0].length;
    for (const node of nodes) {
      if (end <= node.length) return [node, end];
      end -= node.length;
    }
    return null;
  };

  /* The slot right after those words, outside any element that ends with
     them (the sentence is neither bold nor a name the reader types over);
     words not found (`make check` refuses them): after the letter's last
     sentence, so a typed detail is never lost. */
  const placeAfter = (letter, after, slot) => {
    const [node, offset] = endOf(letter, after) ?? [];
    if (!node) {
      const blocks = [...letter.querySelectorAll("p, li")].filter((block) => /[.!?]\s*$/.test(block.textContent));
      (blocks.at(-1) ?? letter).append(slot);
    } else if (offset < node.length) node.splitText(offset).before(slot);
    else {
      let at = node;
      while (!at.nextSibling && at.parentNode !== letter && !BLOCK.test(at.parentNode.nodeName)) at = at.parentNode;
      at.after(slot);
    }
  };

  /* An empty span after the words each detail follows, in the order the
     details are declared; its sentence appears there once filled. */
  const placeDetails = (letter, inputs) => {
    const last = new Map(); // words -> the span placed after them last
    return inputs.map(({ dataset: { mdxAfter: after } }) => {
      const slot = document.createElement("span");
      if (last.has(after)) last.get(after).after(slot);
      else placeAfter(letter, after, slot);
      last.set(after, slot);
      return slot;
    });
  };

  const attach = (tools) => {
    const letter = tools.parentElement.querySelector(".mdx-letter");
    const url = tools.dataset.mdxLetterUrl;
    const form = tools.querySelector("[data-mdx-names-form]");
    const fields = [...form.querySelectorAll("[data-mdx-field]")];
    const details = [...form.querySelectorAll("[data-mdx-detail]")];
    const to = form.querySelector("[data-mdx-to]");
    const toError = form.querySelector("[data-mdx-to-error]");
    const slots = placeDetails(letter, details);

    /* "Adds: …" under a detail, with the reader's own value. */
    const preview = (input, placed = true) => {
      input.nextElementSibling.textContent = placed
        ? `Adds: “${sentenceOf(input) || sentenceOf(input, "…")}”`
        : "Your own version is kept as you wrote it: change this sentence there (Edit).";
    };

    /* What is kept, in the form and the letter. */
    const show = () => {
      const names = store.names();
      const kept = store.letter(url).details;
      const values = new Map([
        ...fields.map((input) => [input, names[input.dataset.mdxField]]),
        ...details.map((input) => [input, kept[input.dataset.mdxDetail]]),
        [to, store.editor().to],
      ]);
      for (const [input, value = ""] of values) {
        if (input.value !== value) input.value = value;
        if (value.trim()) input.removeAttribute("aria-invalid");
      }
      details.forEach((input, index) => {
        const sentence = sentenceOf(input);
        slots[index].textContent = sentence && ` ${sentence}`;
        slots[index].className = sentence && "mdx-placeholder--filled";
        preview(input);
      });
      letter.dispatchEvent(new CustomEvent("mdx:letter-refresh")); // the names, the count, Email
    };

    const checkTo = () => {
      const bad = Boolean(to.value.trim()) && !to.validity.valid;
      toError.textContent = bad
        ? "This is not an email address yet (name@example.com); Email leaves To empty until it is."
        : "";
      if (bad) to.setAttribute("aria-invalid", "true");
      else to.removeAttribute("aria-invalid");
    };

    const typed = (input) => {
      const label = input.dataset.mdxDetail;
      let change = null;
      // A name is kept by letter-personalise.js, which hears it first.
      if (input === to) {
        save.saveEditor({ to: to.value });
        if (to.hasAttribute("aria-invalid")) checkTo(); // cleared as soon as it is fixed
      } else if (label !== undefined) {
        change = { before: sentenceOf(input, store.letter(url).details[label] ?? ""), sentence: sentenceOf(input), after: input.dataset.mdxAfter, placed: true };
        save.saveLetter(url, (mine) => ({ ...mine, details: { ...mine.details, [label]: input.value } }));
        letter.dispatchEvent(new CustomEvent("mdx:detail-change", { detail: change }));
      }
      show();
      if (!change) return;
      preview(input, change.placed);
      // The reader looks at the field: its line comes on screen if it is just below.
      const line = input.nextElementSibling;
      if (line.getBoundingClientRect().bottom > window.innerHeight) line.scrollIntoView({ block: "nearest" });
    };

    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("input", ({ target }) => target.matches("[data-mdx-field], [data-mdx-detail], [data-mdx-to]") && typed(target));
    to.addEventListener("change", checkTo);

    store.listen((what) => {
      if (what === "failed") {
        // Once, where the reader is: under the field they are typing in,
        // under the editor's text, or under the buttons.
        const field = document.activeElement?.closest(".mdx-names__field");
        const editing = tools.querySelector("[data-mdx-editor]").contains(document.activeElement);
        if (field) field.append(Object.assign(document.createElement("p"), { className: "mdx-names__error", role: "alert", textContent: UNKEPT }));
        else tools.querySelector(editing ? "[data-mdx-editor-status]" : "[data-mdx-status]").textContent = UNKEPT;
        return;
      }
      if (what === "forgotten") tools.querySelector("[data-mdx-status]").textContent = "Your details were forgotten in another tab.";
      show();
    });
    const forget = form.querySelector("[data-mdx-forget]");
    forget.addEventListener("click", () => {
      save.forget();
      show();
      checkTo();
      letter.dispatchEvent(new CustomEvent("mdx:forget"));
      form.querySelector("[data-mdx-status]").textContent = "Your details are forgotten on this device.";
    });

    // What was typed before this module arrived is taken as typed.
    const early = [...fields, ...details, to].map((input) => [input, input.value]);
    show();
    for (const [input, value] of early) {
      if (value && value !== input.value) {
        input.value = value;
        typed(input);
      }
    }
    if (document.activeElement !== to) checkTo(); // the reader already left it
    forget.removeAttribute("data-mdx-unwired"); // a press held until now acts (letter-before-paint.js)
    return {};
  };

  return Object.freeze({ attach });
});
