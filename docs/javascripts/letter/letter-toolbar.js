/* The letter toolbar: Copy (plain text plus a rich-text flavour), Email
   (a mailto: link), Download (.txt), Word (a .docx of exactly what Copy
   copies, built here by letter-docx.js, loaded on the first press) and
   Print, all using the letter as it
   reads now, names and details filled in. Copy and Email come twice, at the
   top and at the end of "Names and details"; each press is answered in the
   status line under the buttons pressed. With names still to fill, or an
   email link too long for many mail apps, the first press only warns (and
   says why); pressing "… anyway" goes ahead. While the tools are on screen,
   Material's "Back to top" is hidden, so it never covers one of them. */
mdx.module("letter-toolbar", ["letter-text"], (letterText) => {
  "use strict";

  const { countNames, htmlFromText, listPlaceholders, mailtoHref, placeholdersIn, plainText, textFileName } = letterText;
  const MAILTO_LIMIT = 2000; // characters of a mailto: link many mail apps keep (said below)

  /* A block's text as the reader sees it: <br> and source newlines are line breaks. */
  const blockText = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    if (node.nodeName === "BR") return "\n";
    return [...node.childNodes].map(blockText).join("");
  };

  /* The letter as sent: the reader's own version once the editor
     (letter-editor.js) is loaded and has set letter.mdxSource, else the page's. */
  const letterAsSent = (letter) => letter.mdxSource?.text() ?? plainText([...letter.children].map(blockText));

  /* Placeholders still unfilled: from personalise's spans, else from the text. */
  const unfilledNames = (letter) => {
    const spans = [...letter.querySelectorAll("[data-mdx-placeholder]")];
    if (letter.mdxSource || !spans.length) return placeholdersIn(letterAsSent(letter));
    const open = spans.filter((span) => !span.classList.contains("mdx-placeholder--filled"));
    return [...new Set(open.map((span) => span.dataset.mdxPlaceholder))];
  };

  const copyToClipboard = async (text) => {
    const clipboard = navigator.clipboard;
    try {
      const flavour = (data, type) => new Blob([data], { type });
      await clipboard.write([
        new ClipboardItem({ "text/plain": flavour(text, "text/plain"), "text/html": flavour(htmlFromText(text), "text/html") }),
      ]);
      return true;
    } catch {
      // no rich text here: plain text is what matters
    }
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      return false;
    }
  };

  /* Where copying is refused, select the letter so Ctrl+C / ⌘C still works. */
  const selectLetter = (letter) => getSelection().selectAllChildren(letter);

  const download = (data, fileName) => {
    const blob = data instanceof Blob ? data : new Blob([`${data}\n`], { type: "text/plain;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30000); // after the download started
  };

  /* The controls rendered with the page (overrides/partials/mdx-letter-tools.html). */
  const attach = (tools) => {
    const root = tools.parentElement;
    const letter = root.querySelector(".mdx-letter");
    // The form's Copy, Email, Word and address arrive later (letter-loader.js).
    const controls = () => [...tools.querySelectorAll("[data-mdx-action]")];
    const labelOf = (node) => (node.dataset.mdxLabel ??= node.textContent);
    controls().forEach(labelOf);
    let armed = ""; // the warning the reader was offered "… anyway" for
    let pending = 0;

    /* In the status line under the buttons pressed; cleared first, so a
       screen reader hears a repeated message again. */
    const announce = (message, control = controls()[0]) => {
      clearTimeout(pending);
      for (const line of tools.querySelectorAll("[data-mdx-status]")) line.textContent = "";
      const line = control.parentElement.nextElementSibling;
      if (message) pending = setTimeout(() => (line.textContent = message), 100);
    };

    const disarm = () => {
      armed = "";
      for (const node of controls()) node.textContent = labelOf(node);
      for (const span of letter.querySelectorAll(".mdx-placeholder--missing")) span.classList.remove("mdx-placeholder--missing");
    };

    /* "… anyway" on every button of the action, and why. */
    const warn = (control, why, message) => {
      const key = control.dataset.mdxAction;
      disarm();
      armed = `${key} ${why}`;
      for (const node of controls()) if (node.dataset.mdxAction === key) node.textContent = `${labelOf(node)} anyway`;
      announce(`${message}, or press “${labelOf(control)} anyway”.`, control);
    };

    const address = () => {
      const to = tools.querySelector("[data-mdx-to]");
      return to?.value.trim() && to.validity.valid ? to.value.trim() : "";
    };
    const mailto = () =>
      mailtoHref(root.querySelector("[data-mdx-subject]")?.textContent.trim() || document.title, letterAsSent(letter), address());

    /* The form's fields of the names still to fill, marked (again when the form arrives). */
    const markMissing = () => {
      const missing = unfilledNames(letter);
      for (const input of tools.querySelectorAll("[data-mdx-field]")) {
        if (missing.includes(input.dataset.mdxField)) input.setAttribute("aria-invalid", "true");
      }
    };

    /* True when the action may go ahead: nothing to warn about, or the
       reader saw the warning and pressed "… anyway". */
    const mayProceed = (control) => {
      const key = control.dataset.mdxAction;
      const missing = unfilledNames(letter);
      if (missing.length && armed !== `${key} names`) {
        warn(control, "names", `${countNames(missing.length)} still to fill: ${listPlaceholders(missing)}. ` +
          `Fill ${missing.length === 1 ? "it" : "them"} in ${control.closest("form") ? "above" : "below"}`);
        tools.querySelector("[data-mdx-names]").open = true;
        for (const span of letter.querySelectorAll("[data-mdx-placeholder]")) {
          if (missing.includes(span.dataset.mdxPlaceholder)) span.classList.add("mdx-placeholder--missing");
        }
        markMissing();
        return false;
      }
      const length = key === "email" ? mailto().length : 0;
      if (length > MAILTO_LIMIT && armed !== "email long") {
        warn(control, "long", `Many email apps cut an email link after about 2,000 characters, and this one has ` +
          `${length.toLocaleString("en")}: press Copy instead and paste the letter into your email`);
        return false;
      }
      return true;
    };

    const stillOpen = () => {
      const count = unfilledNames(letter).length;
      return count ? `, with ${countNames(count)} still to fill` : "";
    };

    let href = "";
    /* True when the letter or its address changed since last time. */
    const refreshEmail = () => {
      const before = href;
      href = mailto();
      for (const node of controls()) if (node.href) node.href = href;
      return href !== before;
    };

    const handlers = {
      copy: async (control) => {
        const note = stillOpen();
        if (await copyToClipboard(letterAsSent(letter))) announce(`Letter copied${note}.`, control);
        else {
          selectLetter(letter);
          announce("The letter is selected: press Ctrl+C (⌘C on a Mac).", control);
        }
      },
      email: (control) => {
        refreshEmail();
        announce(`Opening your email app with the letter${stillOpen()}.`, control);
      },
      download: (control) => {
        const fileName = textFileName(tools.dataset.mdxLetterUrl.split("/").filter(Boolean).at(-1)); // billing-error.txt
        download(letter.mdxSource?.fileText() ?? letterAsSent(letter), fileName);
        announce(`Letter downloaded as ${fileName}${stillOpen()}.`, control);
      },
      docx: async (control) => {
        tools.mdxDocx ??= mdx.load(tools.dataset.mdxDocxSrc).then(() => mdx.use("letter-docx"));
        let writer;
        try {
          writer = await tools.mdxDocx;
        } catch (error) {
          tools.mdxDocx = null; // the next press tries again
          throw error;
        }
        const fileName = textFileName(tools.dataset.mdxLetterUrl.split("/").filter(Boolean).at(-1)).replace(/\.txt$/, ".docx");
        const subject = root.querySelector("[data-mdx-subject]")?.textContent.trim() ?? "";
        download(writer.docxBlob(subject, letterAsSent(letter)), fileName);
        announce(`Letter downloaded as ${fileName}, a Word file${stillOpen()}.`, control);
      },
      print: () => {
        announce("");
        print();
      },
    };

    tools.addEventListener("click", async (event) => {
      const control = event.target.closest("[data-mdx-action]");
      if (!control) return;
      try {
        if (!mayProceed(control)) {
          event.preventDefault(); // keeps the Email link from opening the mail app
          return;
        }
        disarm();
        await handlers[control.dataset.mdxAction](control);
      } catch (error) {
        console.error("letter-toolbar:", error);
        if (control.dataset.mdxAction === "docx") announce("The Word file could not be made: check your connection, then press Word again.", control);
      }
    });

    letter.addEventListener("mdx:letter-change", () => {
      if (!refreshEmail()) return;
      if (armed) announce("");
      disarm();
    });
    refreshEmail();
    tools.addEventListener("mdx:names-ready", () => {
      controls().forEach(labelOf);
      refreshEmail();
      if (armed.endsWith(" names")) markMissing();
    });

    /* Material's "Back to top" floats near the top of the screen: hidden
       while any of the tools is on screen (letter.css), so it never covers one. */
    new IntersectionObserver(([entry]) =>
      document.documentElement.classList.toggle("mdx-tools-in-view", entry.isIntersecting),
    ).observe(tools);
  };

  mdx.mount(".md-content [data-mdx-tools]", attach);
});
